import { contains } from '../wire/cidr';
import type { DnsQuestion, DnsReply } from '../wire/dns';
import type { Ipv4 } from '../wire/ipv4';
import type { Mac } from '../wire/mac';
import { icmpError, type Packet } from '../wire/packet';
import { Conntrack, followConnection, type Tracked } from './conntrack';
import type { Kernel } from './kernel';
import type { Link } from './link';
import { linkNamed, type Namespace, tablesOf } from './namespace';
import { listenerFor, type ServedHttp } from './socket';
import { formatIpv4 } from '../wire/ipv4';
import type { NeighbourState } from './neighbour';
import { forwardsIpv4 } from './sysctl';
import { runHook, type Hook, type HookVerdict, type HookWatcher } from './netfilter/evaluate';
import { recordFrame } from './capture';
import { learnMac } from './bridge-fdb';
import { countRx, countTx } from './link-stats';
import { countDelivered, countForwarded, countReceived, countSent } from './snmp';
import { ipvsModule } from './ipvs-loader';
import { BROADCAST_MAC, type Frame, type FramePayload, type PacketType } from '../wire/frame';
import type { DeviceRef, HopRecorder } from './hop-record';

/** One device a frame crosses, and how it meets it. */
interface Hop {
  readonly namespace: Namespace;
  readonly link: Link;
  readonly packetType: PacketType;
  readonly promiscuousOnly?: boolean;
}

/** Microseconds between two taps of one frame on its way (a veth or bridge hop): a modelled figure, as round-trip times are. */
const HOP_US = 3;

/** A machine beyond the host's NIC: the LAN router, or a server on the internet behind it. */
export interface RemoteHost {
  readonly address: Ipv4;
  readonly answersPing: boolean;
  readonly openTcpPorts: readonly number[];
  /** The TTL its replies carry when they reach the host's NIC. */
  readonly replyTtl: number;
  /** One-way latency in milliseconds, added to round-trip times. */
  readonly latencyMs: number;
  /**
   * The routers a packet crosses from the host's NIC to it, the LAN's router
   * first, each by the address its time-exceeded messages come from, or
   * undefined for one that sends none. Absent: none (the host is on the LAN).
   */
  readonly path?: readonly (Ipv4 | undefined)[];
  /** Its DNS server on port 53, if it runs one: the router's resolver, a public one. */
  readonly dns?: (question: DnsQuestion) => DnsReply;
}

/** What is on the other side of the physical NIC. */
export interface World {
  /** The host's physical NIC, in the root namespace. */
  readonly nic: string;
  /** The MAC of the LAN neighbour that answers ARP for `address`, if any does. */
  neighbourMac(address: Ipv4): Mac | undefined;
  /** The machine a packet sent through the NIC reaches, or undefined if it is lost out there. */
  reach(destination: Ipv4): RemoteHost | undefined;
  /** Whether the LAN carries a packet for `address` back to the NIC: only its own subnet is on the wire. */
  onLan(address: Ipv4): boolean;
  /**
   * Other machines on the LAN with a network stack of their own (the LAN
   * machine), each by its NIC: their namespaces belong to no host kernel.
   */
  lanStations?(): readonly Station[];
}

/** A link and the namespace it is in: where a frame lands. */
export interface Station {
  readonly namespace: Namespace;
  readonly link: Link;
}

/** The route the kernel picks for a destination: the device, the next hop and the source address. */
export interface RouteChoice {
  readonly local: boolean;
  readonly device: Link;
  readonly nextHop: Ipv4;
  readonly source: Ipv4;
}

/** Where a packet ended up. */
export type Fate =
  | { readonly kind: 'local'; readonly namespace: Namespace; readonly packet: Packet }
  | { readonly kind: 'remote'; readonly host: RemoteHost; readonly packet: Packet }
  /** Lost without a word: a DROP rule, no forwarding, nowhere to go. */
  | { readonly kind: 'dropped' }
  /** A router of this host (a namespace that forwards) found the TTL run out: it owes the sender a time exceeded from `reporter`. */
  | { readonly kind: 'expired'; readonly namespace: Namespace; readonly packet: Packet; readonly reporter: Ipv4 }
  /** A router beyond the NIC (`hop` 0 is the LAN's) found the TTL run out; it answers from `reporter`, or not at all. */
  | {
      readonly kind: 'expired-remote';
      readonly hop: number;
      readonly reporter: Ipv4 | undefined;
      readonly packet: Packet;
    }
  /** A REJECT rule answered with ICMP port unreachable. */
  | { readonly kind: 'rejected' }
  /** The sender had no route at all (ENETUNREACH). */
  | { readonly kind: 'no-route' }
  /** Nobody answered ARP for the next hop: the sender reports the host unreachable. */
  | { readonly kind: 'unresolved'; readonly reporter: Ipv4 };

/** An Ethernet header: what a device's byte counters add to the packet when they count the whole frame. */
const ETHERNET_HEADER = 14;
/** An ARP message for IPv4 over Ethernet (RFC 826): 28 bytes. */
const ARP_LENGTH = 28;
/** The shortest Ethernet frame without its FCS: what a real NIC pads a short frame to. */
const ETHERNET_MIN_FRAME = 60;

/**
 * Each device's counters as the frame crosses it. Drivers count skb->len where
 * they meet the frame: veth_xmit (whose peer reports the sender's tx as its rx)
 * and br_dev_xmit before the Ethernet header is pulled, so with it; loopback_xmit
 * and br_pass_frame_up after eth_type_trans pulled it, so without. A frame a
 * bridge only forwards between its ports never reaches the bridge's own counters;
 * lo counts what it sends as received too (loopback_get_stats64).
 */
function countHops(hops: readonly Hop[], payload: FramePayload): void {
  const length = payload.kind === 'ip' ? payload.packet.length : ARP_LENGTH;
  for (const hop of hops) {
    const link = hop.link;
    if (link.kind === 'loopback') {
      countTx(link, length);
      countRx(link, length);
    } else if (hop.packetType === 'outgoing') countTx(link, length + ETHERNET_HEADER);
    else if (link.kind === 'bridge') {
      if (!hop.promiscuousOnly) countRx(link, length);
    } else countRx(link, length + ETHERNET_HEADER, hop.packetType === 'broadcast' && link.kind === 'ether');
  }
}

const IPV4_LOOPBACK_NET = { address: 0x7f000000 as Ipv4, prefix: 8 };

/**
 * Moves packets through the simulated kernel as Linux does: routing, the
 * netfilter hooks in order, bridges and veths, ARP, NAT with connection tracking.
 * With Docker's default options br_netfilter is not loaded, so frames bridged
 * between two containers never meet iptables.
 */
export class Datapath {
  /** When the frame now moving is sent, in microseconds since the epoch: what captures stamp it with. */
  private cursorUs: number;
  /** Frames this datapath handed to captures, for `retime`. */
  private recorded: Frame[] = [];

  constructor(
    /** The kernel it moves packets through: a relay (docker-proxy) opens its own connections there. */
    readonly kernel: Kernel,
    private readonly world: World | undefined,
    private readonly now: number,
    readonly conntrack = new Conntrack(),
  ) {
    this.cursorUs = now * 1000;
  }

  /** The clock when this datapath started moving packets, in milliseconds: TCP timestamps count from it. */
  get startMs(): number {
    return this.now;
  }

  /** The sender's clock: the next packet leaves `offsetUs` after the datapath's start (ping's interval, a reply's round trip). */
  at(offsetUs: number): void {
    this.cursorUs = this.now * 1000 + Math.round(offsetUs);
  }

  /** Whether the process owning a socket is frozen (kernel.setFrozen): it reads nothing it is sent. */
  isFrozen(pid: number): boolean {
    return this.kernel.isFrozen(pid);
  }

  /** How many frames captures have been handed so far: a mark for `retime`. */
  mark(): number {
    return this.recorded.length;
  }

  /** Moves the frames recorded since `mark` so that the last lands `endUs` after the start, keeping their spacing: a reply stamped once its round trip is known. */
  retime(mark: number, endUs: number): void {
    const moved = this.recorded.slice(mark);
    if (moved.length === 0) return;
    const shift = this.now * 1000 + Math.round(endUs) - moved.at(-1)!.timeUs;
    const replaced = new Map(moved.map((frame) => [frame, { ...frame, timeUs: frame.timeUs + shift }]));
    for (const capture of this.kernel.captures.captures)
      capture.frames.forEach((frame, index) => (capture.frames[index] = replaced.get(frame) ?? frame));
    this.recorded = this.recorded.map((frame) => replaced.get(frame) ?? frame);
  }

  /** Hands a frame crossing `hops` to the captures, one tap per device, a few microseconds apart. */
  private tap(hops: readonly Hop[], sourceMac: Mac, destinationMac: Mac, payload: FramePayload): void {
    this.learnSource(hops, sourceMac);
    countHops(hops, payload);
    if (this.kernel.captures.captures.length === 0) return;
    for (const hop of hops) {
      const frame: Frame = {
        timeUs: this.cursorUs,
        namespace: hop.namespace.id,
        ifindex: hop.link.index,
        device: hop.link.name,
        packetType: hop.packetType,
        promiscuousOnly: hop.promiscuousOnly ?? false,
        sourceMac,
        destinationMac,
        payload,
      };
      this.recorded.push(frame);
      recordFrame(this.kernel.captures, frame);
      this.cursorUs += HOP_US;
    }
  }

  /**
   * br_handle_frame_finish: a frame that enters a bridge by one of its ports
   * teaches the bridge where its source MAC lives (br_fdb_update), refreshing
   * the entry and moving it to the port it came in by. The bridge's own frames
   * are not learned: they leave from it, they do not enter it.
   */
  private learnSource(hops: readonly Hop[], sourceMac: Mac): void {
    for (let index = 0; index + 1 < hops.length; index++) {
      const port = hops[index]!;
      const bridge = hops[index + 1]!;
      if (port.namespace !== bridge.namespace || port.link.master !== bridge.link.index) continue;
      learnMac(bridge.link, port.link.index, sourceMac, Math.floor(this.cursorUs / 1000));
    }
  }

  /** A web server in `namespace` answered a request now: its log hears of it (Kernel.httpServed). */
  served(namespace: Namespace, served: Omit<ServedHttp, 'timeMs'>): void {
    this.kernel.httpServed?.(namespace, { ...served, timeMs: Math.floor(this.cursorUs / 1000) });
  }

  /** This side of a TCP connection sent its FIN first, now: the kernel keeps it TIME_WAIT (Kernel.closeFirst). */
  closedFirst(
    namespace: Namespace,
    local: { address: string; port: number },
    remote: { address: string; port: number },
  ): void {
    this.kernel.closeFirst(namespace, local, remote, Math.floor(this.cursorUs / 1000));
  }

  /** Frames put on the LAN's wire between two modelled machines so far: each costs a real wire's time, which ping adds. */
  lanCrossings = 0;

  /** The route to `destination` from `namespace`, longest prefix first, or undefined (ENETUNREACH). */
  route(namespace: Namespace, destination: Ipv4): RouteChoice | undefined {
    if (this.isLocal(namespace, destination)) {
      const lo = loopbackOf(namespace);
      if (lo) return { local: true, device: lo, nextHop: destination, source: destination };
    }
    let best: { prefix: number; metric: number; choice: RouteChoice } | undefined;
    // Longest prefix, then lowest metric, whatever the order: the table is not sorted as `ip route` prints it.
    // Two routes that tie on both are to one network, and the first of them wins, as in the dumped order.
    for (const route of [...namespace.routes, ...this.kernel.kernelRoutes(namespace)]) {
      const prefix = route.destination?.prefix ?? 0;
      if (route.destination && !contains(route.destination, destination)) continue;
      const device = namespace.links.get(route.device);
      if (!device?.up) continue;
      const metric = route.metric ?? 0;
      if (best && (prefix < best.prefix || (prefix === best.prefix && metric >= best.metric))) continue;
      const source = route.source ?? primaryAddress(device);
      if (source === undefined) continue;
      best = { prefix, metric, choice: { local: false, device, nextHop: route.gateway ?? destination, source } };
    }
    return best?.choice;
  }

  /** A packet a local process sends. */
  send(namespace: Namespace, packet: Packet): Fate {
    this.recorder?.add({ kind: 'send', namespace: namespace.id, packet });
    let choice = this.routed(namespace, packet.destination);
    if (!choice) return { kind: 'no-route' };
    const tracked = this.track(namespace, packet);
    const verdict = this.hook(namespace, 'OUTPUT', packet, tracked, {
      outInterface: choice.device.name,
      natAllowed: true,
      natStage: 'destination',
    });
    if (verdict.kind !== 'accept') return verdictFate(verdict);
    if (verdict.nat) tracked.entry.dnat = verdict.nat;
    // A new DNAT, or the one the connection already has, sends the packet elsewhere: route it again.
    if (verdict.packet.destination !== packet.destination) {
      choice = this.routed(namespace, verdict.packet.destination);
      if (!choice) return { kind: 'no-route' };
    }
    countSent(namespace, verdict.packet);
    return this.postRouting(namespace, tracked, verdict.packet, choice, undefined, true);
  }

  /** What a trace is written to, while the command that moves packets is traced. */
  get recorder(): HopRecorder | undefined {
    return this.kernel.recorder;
  }

  /** `route`, and the decision written to the trace. */
  private routed(namespace: Namespace, destination: Ipv4): RouteChoice | undefined {
    const choice = this.route(namespace, destination);
    const recorder = this.recorder;
    if (recorder) {
      recorder.add(
        choice
          ? {
              kind: 'route',
              namespace: namespace.id,
              destination,
              device: choice.device.name,
              gateway: choice.nextHop === destination ? undefined : choice.nextHop,
              source: choice.source,
              local: choice.local,
            }
          : { kind: 'no-route', namespace: namespace.id, destination },
      );
    }
    return choice;
  }

  /** Conntrack's classification at the first hook of a namespace, written to the trace. */
  private track(namespace: Namespace, packet: Packet): Tracked {
    const tracked = this.conntrack.lookup(namespace.id, packet);
    this.recorder?.add({
      kind: 'conntrack',
      namespace: namespace.id,
      state: tracked.state,
      direction: tracked.direction,
      connection: tracked.entry.originalKey,
    });
    return tracked;
  }

  /**
   * A packet arriving from the LAN on the host's NIC. A macvlan or ipvlan on the
   * NIC takes the frames addressed to it before the host's stack sees them
   * (macvlan_handle_frame, ipvlan_handle_frame: the NIC's rx handler).
   */
  fromWorld(packet: Packet): Fate {
    const root = this.kernel.root;
    const nic = this.world && linkNamed(root, this.world.nic);
    // The router has no route to a subnet behind the host (an ipvlan L3 network): such answers are lost.
    if (!this.world?.onLan(packet.destination)) {
      this.recorder?.add({ kind: 'lost', router: undefined, destination: packet.destination });
      return { kind: 'dropped' };
    }
    const machine = this.lanMachines().find((station) => owns(station, packet.destination));
    if (machine) {
      this.recorder?.add({ kind: 'arrive', at: refOf(machine), packet });
      return this.ingress(machine.namespace, machine.link, packet);
    }
    if (!nic?.up) return { kind: 'dropped' };
    const upper = this.kernel
      .upperLinks(root, nic)
      .find(({ link }) => link.up && link.addresses.some((a) => a.cidr.address === packet.destination));
    const arrival = upper ?? { namespace: root, link: nic };
    this.recorder?.add({ kind: 'arrive', at: refOf(arrival), packet });
    const gateway = this.route(root, packet.source)?.nextHop;
    const routerMac = gateway === undefined ? undefined : this.world.neighbourMac(gateway);
    if (routerMac) this.tap([{ ...arrival, packetType: 'host' }], routerMac, arrival.link.mac, { kind: 'ip', packet });
    return this.ingress(arrival.namespace, arrival.link, packet);
  }

  private ingress(namespace: Namespace, link: Link, packet: Packet): Fate {
    countReceived(namespace, packet);
    const tracked = this.track(namespace, packet);
    const prerouting = this.hook(namespace, 'PREROUTING', packet, tracked, {
      inInterface: link.name,
      natAllowed: true,
      natStage: 'destination',
    });
    if (prerouting.kind !== 'accept') return verdictFate(prerouting);
    if (prerouting.nat) tracked.entry.dnat = prerouting.nat;
    const arrived = prerouting.packet;
    if (this.isLocal(namespace, arrived.destination)) {
      this.recorder?.add({
        kind: 'route',
        namespace: namespace.id,
        destination: arrived.destination,
        device: link.name,
        gateway: undefined,
        source: arrived.destination,
        local: true,
      });
      return this.input(namespace, tracked, arrived, link.name, true);
    }
    if (!forwardsIpv4(this.kernel, namespace) && !tracked.entry.ipvs) {
      this.recorder?.add({ kind: 'not-forwarded', namespace: namespace.id });
      return { kind: 'dropped' };
    }
    const choice = this.routed(namespace, arrived.destination);
    if (!choice) return { kind: 'dropped' };
    if (arrived.ttl <= 1) {
      this.recorder?.add({ kind: 'ttl-expired', namespace: namespace.id });
      return this.expired(namespace, arrived);
    }
    const forwarded = { ...arrived, ttl: arrived.ttl - 1 };
    const verdict = this.hook(namespace, 'FORWARD', forwarded, tracked, {
      inInterface: link.name,
      outInterface: choice.device.name,
      natAllowed: false,
    });
    if (verdict.kind !== 'accept') return verdictFate(verdict);
    countForwarded(namespace, verdict.packet);
    return this.postRouting(namespace, tracked, verdict.packet, choice, link.name, false);
  }

  /**
   * ip_forward: a packet whose TTL would reach 0 is not forwarded (too_many_hops)
   * and icmp_send answers ICMP time exceeded. Its source: with
   * icmp_errors_use_inbound_ifaddr at its default 0, __icmp_send leaves saddr 0,
   * so the route back to the sender picks it, the address of the device towards
   * the sender (docker0's 172.17.0.1 for a container of the default bridge).
   */
  private expired(namespace: Namespace, packet: Packet): Fate {
    const back = this.route(namespace, packet.source);
    return back ? { kind: 'expired', namespace, packet, reporter: back.source } : { kind: 'dropped' };
  }

  /**
   * The ICMP error a packet that ended as `fate` brings back, on its way to the
   * sender: time exceeded from the router whose TTL ran out; port unreachable
   * from a destination with no socket on a UDP port (__udp4_lib_rcv's icmp_send,
   * the source being the address the datagram was for: RTCF_LOCAL). Undefined
   * when nothing answers.
   */
  answerWithError(fate: Fate): Fate | undefined {
    switch (fate.kind) {
      case 'expired':
        return this.send(fate.namespace, icmpError(fate.packet, fate.reporter, 'time-exceeded'));
      case 'expired-remote':
        // The error crosses the routers before the one that sent it, each taking one from its TTL.
        return fate.reporter === undefined
          ? undefined
          : this.fromWorld(icmpError(fate.packet, fate.reporter, 'time-exceeded', 64 - fate.hop));
      case 'local': {
        const { packet } = fate;
        if (
          packet.protocol !== 'udp' ||
          listenerFor(fate.namespace.sockets, 'udp', formatIpv4(packet.destination), packet.destinationPort)
        )
          return undefined;
        return this.send(fate.namespace, icmpError(packet, packet.destination, 'port-unreachable'));
      }
      case 'remote':
        // The modelled machines beyond the NIC run no UDP service: a datagram meets a closed port.
        return fate.packet.protocol === 'udp'
          ? this.fromWorld(icmpError(fate.packet, fate.host.address, 'port-unreachable', fate.host.replyTtl))
          : undefined;
      default:
        return undefined;
    }
  }

  private postRouting(
    namespace: Namespace,
    tracked: Tracked,
    packet: Packet,
    choice: RouteChoice,
    inInterface: string | undefined,
    localOrigin: boolean,
  ): Fate {
    const verdict = this.hook(namespace, 'POSTROUTING', packet, tracked, {
      inInterface,
      outInterface: choice.device.name,
      natAllowed: true,
      natStage: 'source',
    });
    if (verdict.kind !== 'accept') return verdictFate(verdict);
    if (verdict.nat) tracked.entry.snat = verdict.nat;
    this.conntrack.confirm(tracked, verdict.packet);
    if (choice.local) return this.loopBack(namespace, tracked, verdict.packet, localOrigin);
    return this.transmit(namespace, choice, verdict.packet);
  }

  /** Local traffic comes back in through lo: raw PREROUTING and INPUT see it, NAT was decided on the way out. */
  private loopBack(namespace: Namespace, tracked: Tracked, packet: Packet, localOrigin: boolean): Fate {
    countReceived(namespace, packet);
    const lo = loopbackOf(namespace);
    if (lo) this.tap([{ namespace, link: lo, packetType: 'host' }], lo.mac, lo.mac, { kind: 'ip', packet });
    if (lo)
      this.recorder?.add({
        kind: 'frame',
        devices: [{ namespace: namespace.id, device: lo.name }],
        bridge: undefined,
        destinationMac: lo.mac,
      });
    const prerouting = this.hook(namespace, 'PREROUTING', packet, tracked, {
      inInterface: 'lo',
      natAllowed: !localOrigin,
      natStage: 'destination',
    });
    if (prerouting.kind !== 'accept') return verdictFate(prerouting);
    return this.input(namespace, tracked, prerouting.packet, 'lo', !localOrigin);
  }

  private input(
    namespace: Namespace,
    tracked: Tracked,
    packet: Packet,
    inInterface: string,
    natAllowed: boolean,
  ): Fate {
    const verdict = this.hook(namespace, 'INPUT', packet, tracked, { inInterface, natAllowed, natStage: 'source' });
    if (verdict.kind !== 'accept') return verdictFate(verdict);
    if (namespace.ipvs && tracked.state === 'NEW') {
      const balanced = this.balance(namespace, tracked, verdict.packet);
      if (balanced) return balanced;
    }
    const delivered = verdict.packet;
    countDelivered(namespace, delivered);
    this.conntrack.confirm(tracked, delivered);
    this.recorder?.add({ kind: 'deliver', namespace: namespace.id, packet: delivered });
    return { kind: 'local', namespace, packet: delivered };
  }

  /** IPVS (kernel/ipvs.ts) took a new connection at LOCAL_IN: it leaves rewritten, routed again. */
  private balance(namespace: Namespace, tracked: Tracked, packet: Packet): Fate | undefined {
    const sent = ipvsModule().balanceIpvs(namespace, tracked, packet);
    const choice = sent && this.routed(namespace, sent.destination);
    if (!sent || !choice) return undefined;
    this.recorder?.add({
      kind: 'nat',
      namespace: namespace.id,
      hook: 'INPUT',
      by: 'conntrack',
      before: packet,
      after: sent,
    });
    this.conntrack.confirm(tracked, sent);
    return this.transmit(namespace, choice, sent);
  }

  /** Puts the packet on the wire of `choice.device`: ARP for the next hop, then the station that owns it. */
  private transmit(namespace: Namespace, choice: RouteChoice, packet: Packet): Fate {
    const device = choice.device;
    if (device.kind === 'ether') return this.toWorld(namespace, device, choice, packet);
    const station = this.stationsOn(namespace, device).find(
      ({ link }) => link.up && link.addresses.some((a) => a.cidr.address === choice.nextHop),
    );
    if (!station) return this.beyondLower(namespace, choice, packet);
    if (answersArp(device)) this.resolve(namespace, device, choice.nextHop, station);
    const hops = this.hopsTo(namespace, device, station, station.link.mac);
    const filtering = this.bridgeFiltering(device, station);
    // br_netfilter stops the frame at the bridge (sender, ingress port, bridge) to run FORWARD there.
    this.recordFrame(filtering ? hops.slice(0, 3) : hops, station.link.mac);
    const refused = filtering && this.bridgeNetfilter(filtering, packet);
    // A frame br_netfilter drops was seen as far as the bridge, not on the port it would have left by.
    this.tap(refused ? hops.slice(0, 3) : hops, device.mac, station.link.mac, { kind: 'ip', packet });
    if (refused) return refused;
    if (filtering) this.recordFrame(hops.slice(2), station.link.mac);
    return this.ingress(station.namespace, station.link, packet);
  }

  /** The devices a frame crosses, written to the trace with the bridge among them that forwards it. */
  private recordFrame(hops: readonly Hop[], destinationMac: Mac): void {
    const recorder = this.recorder;
    if (!recorder) return;
    const bridge = hops.find((hop) => hop.link.kind === 'bridge' && hop !== hops.at(-1) && hop !== hops[0]);
    recorder.add({ kind: 'frame', devices: hops.map(refOf), bridge: bridge && refOf(bridge), destinationMac });
  }

  /**
   * br_netfilter: with bridge-nf-call-iptables on, a frame a bridge forwards from
   * one port to another meets the FORWARD chain of the bridge's namespace, in and
   * out being the bridge (br_nf_forward_ip). Docker turns it on for icc=false.
   * Only FORWARD is modelled; what it lets through goes on unchanged.
   */
  private bridgeNetfilter(
    { namespace, bridge }: { namespace: Namespace; bridge: Link },
    packet: Packet,
  ): Fate | undefined {
    this.recorder?.add({ kind: 'bridge-netfilter', bridge: { namespace: namespace.id, device: bridge.name } });
    const tracked = this.track(namespace, packet);
    const verdict = this.hook(namespace, 'FORWARD', packet, tracked, {
      inInterface: bridge.name,
      outInterface: bridge.name,
      natAllowed: false,
    });
    if (verdict.kind !== 'accept') return verdictFate(verdict);
    this.conntrack.confirm(tracked, verdict.packet);
    return undefined;
  }

  /** The bridge, and its namespace, that hands a frame from `device` to `station` to iptables (bridge-nf-call-iptables), if one does. */
  private bridgeFiltering(
    device: Link,
    station: { namespace: Namespace; link: Link },
  ): { namespace: Namespace; bridge: Link } | undefined {
    const port = this.kernel.peerOf(device);
    if (port?.link.master === undefined || !port.namespace.bridgeNfCallIptables) return undefined;
    const bridge = port.namespace.links.get(port.link.master);
    if (!bridge || station.link === bridge) return undefined;
    return { namespace: port.namespace, bridge };
  }

  /** ARP for `nextHop` answered by `station`; answering taught the station who asked. */
  private resolve(
    namespace: Namespace,
    device: Link,
    nextHop: Ipv4,
    station: { namespace: Namespace; link: Link },
  ): void {
    const known = namespace.neighbours.some(
      (n) => n.address === nextHop && n.device === device.index && n.mac !== undefined && n.state !== 'FAILED',
    );
    const sender = primaryAddress(device);
    if (!known && sender !== undefined) {
      // arp_solicit broadcasts a request; the owner of the address answers the asker alone (arp_process).
      this.tap(this.floodHops(namespace, device), device.mac, BROADCAST_MAC, {
        kind: 'arp',
        arp: { operation: 'request', senderMac: device.mac, senderAddress: sender, targetAddress: nextHop },
      });
      const reply = {
        kind: 'arp' as const,
        arp: {
          operation: 'reply' as const,
          senderMac: station.link.mac,
          senderAddress: nextHop,
          targetAddress: sender,
        },
      };
      this.tap(
        this.hopsTo(station.namespace, station.link, { namespace, link: device }, device.mac),
        station.link.mac,
        device.mac,
        reply,
      );
    }
    this.learn(namespace, nextHop, device, station.link.mac, 'REACHABLE');
    this.recorder?.add({
      kind: 'arp',
      from: { namespace: namespace.id, device: device.name },
      address: nextHop,
      mac: station.link.mac,
      cached: known,
      answeredBy: refOf(station),
    });
    const asker = primaryAddress(device);
    if (asker !== undefined && !station.namespace.neighbours.some((n) => n.address === asker))
      this.learn(station.namespace, asker, station.link, device.mac, 'STALE');
  }

  /**
   * Where a frame no local station took goes: out of the NIC under a macvlan or
   * ipvlan L2 port; for an ipvlan L3 port, into the lower device's namespace as
   * if sent from there, its routing and its OUTPUT and POSTROUTING hooks
   * (ipvlan_process_v4_outbound: ip_local_out); otherwise nowhere, which ARP reports.
   */
  private beyondLower(namespace: Namespace, choice: RouteChoice, packet: Packet): Fate {
    const device = choice.device;
    const lower = this.kernel.lowerOf(device);
    if (lower && !answersArp(device)) return this.send(lower.namespace, packet);
    if (lower?.link.up && lower.link.kind === 'ether' && lower.link.name === this.world?.nic)
      return this.toWorld(namespace, device, choice, packet);
    return this.arpFailed(namespace, device, choice);
  }

  /** Nobody answered ARP for the next hop: the cache records the failure and the sender hears of it. */
  private arpFailed(namespace: Namespace, device: Link, choice: RouteChoice): Fate {
    this.recorder?.add({
      kind: 'arp',
      from: { namespace: namespace.id, device: device.name },
      address: choice.nextHop,
      mac: undefined,
      cached: false,
      answeredBy: undefined,
    });
    this.learn(namespace, choice.nextHop, device, undefined, 'FAILED');
    return { kind: 'unresolved', reporter: choice.source };
  }

  private toWorld(namespace: Namespace, device: Link, choice: RouteChoice, packet: Packet): Fate {
    const station = this.onLanWire(device, choice.nextHop);
    if (station) {
      this.lanCrossings += 1;
      this.resolve(namespace, device, choice.nextHop, station);
      // Frames between two machines of the LAN are not tapped (no capture sees that wire), but both NICs count them.
      countTx(device, packet.length + ETHERNET_HEADER);
      countRx(station.link, packet.length + ETHERNET_HEADER);
      this.recordFrame(
        [
          { namespace, link: device, packetType: 'outgoing' },
          { ...station, packetType: 'host' },
        ],
        station.link.mac,
      );
      return this.ingress(station.namespace, station.link, packet);
    }
    const mac = this.world?.neighbourMac(choice.nextHop);
    if (mac === undefined) return this.arpFailed(namespace, device, choice);
    const recorder = this.recorder;
    const cached = namespace.neighbours.some(
      (n) => n.address === choice.nextHop && n.device === device.index && n.mac === mac && n.state !== 'FAILED',
    );
    // The router's ARP exchange is not tapped, but it crosses the NIC: a request of 42 bytes out, and the
    // reply in, padded to Ethernet's 60-byte minimum by the router's NIC (the NIC counts it without its FCS).
    if (!cached) {
      countTx(device, ARP_LENGTH + ETHERNET_HEADER);
      countRx(device, ETHERNET_MIN_FRAME);
    }
    if (recorder) {
      recorder.add({
        kind: 'arp',
        from: { namespace: namespace.id, device: device.name },
        address: choice.nextHop,
        mac,
        cached,
        answeredBy: undefined,
      });
      recorder.add({
        kind: 'wire',
        from: { namespace: namespace.id, device: device.name },
        nextHop: choice.nextHop,
        destination: packet.destination,
      });
    }
    this.learn(namespace, choice.nextHop, device, mac, 'REACHABLE');
    this.tap([{ namespace, link: device, packetType: 'outgoing' }], device.mac, mac, { kind: 'ip', packet });
    const host = this.world?.reach(packet.destination);
    if (!host) {
      recorder?.add({ kind: 'lost', router: choice.nextHop, destination: packet.destination });
      return { kind: 'dropped' };
    }
    recorder?.add({ kind: 'remote', address: host.address, packet });
    // The router at hop i (0-based) gets the packet with its TTL less i, and drops it when that is 1 or less.
    const path = host.path ?? [];
    if (packet.ttl - 1 < path.length) {
      const hop = Math.max(0, packet.ttl - 1);
      return { kind: 'expired-remote', hop, reporter: path[hop], packet };
    }
    return { kind: 'remote', host, packet };
  }

  private lanMachines(): readonly Station[] {
    return this.world?.lanStations?.() ?? [];
  }

  /**
   * The station on the LAN that answers ARP for `address`, for a frame `device`
   * puts on the wire: another LAN machine, and for a frame from one of them, the
   * host's NIC or a macvlan or ipvlan port on it (which the host itself never
   * reaches this way: portStations).
   */
  private onLanWire(device: Link, address: Ipv4): Station | undefined {
    const machines = this.lanMachines();
    const fromMachine = machines.some((station) => station.link === device);
    const candidates = machines.filter((station) => station.link !== device);
    const nic = this.world && linkNamed(this.kernel.root, this.world.nic);
    if (fromMachine && nic?.up)
      candidates.push({ namespace: this.kernel.root, link: nic }, ...this.kernel.upperLinks(this.kernel.root, nic));
    return candidates.find((station) => owns(station, address));
  }

  /**
   * The devices a unicast frame crosses from `device` to `station`, each with the
   * packet type its taps report: out of the sender; into a veth's peer; through a
   * bridge, whose own taps see it only if it is for the bridge or the bridge is
   * promiscuous; out of the port towards the station; into the station.
   */
  private hopsTo(
    namespace: Namespace,
    device: Link,
    station: { namespace: Namespace; link: Link },
    destinationMac: Mac,
  ): Hop[] {
    const hops: Hop[] = [{ namespace, link: device, packetType: 'outgoing' }];
    const arrive = (at: { namespace: Namespace; link: Link }): Hop => ({
      ...at,
      packetType: received(at.link, destinationMac),
    });
    if (device.kind === 'bridge') return [...hops, ...this.portTowards(namespace, device, station), arrive(station)];
    const peer = this.kernel.peerOf(device);
    if (!peer || peer.link.master === undefined) return [...hops, arrive(station)];
    const bridge = peer.namespace.links.get(peer.link.master);
    if (!bridge) return [...hops, arrive(station)];
    hops.push(arrive(peer));
    if (station.link === bridge) return [...hops, arrive(station)];
    hops.push({ namespace: peer.namespace, link: bridge, packetType: 'otherhost', promiscuousOnly: true });
    return [...hops, ...this.portTowards(peer.namespace, bridge, station), arrive(station)];
  }

  /** The bridge port whose far end is `station`, as the frame leaves by it. */
  private portTowards(namespace: Namespace, bridge: Link, station: { namespace: Namespace; link: Link }): Hop[] {
    for (const port of namespace.links.values()) {
      if (port.master !== bridge.index) continue;
      const far = this.kernel.peerOf(port);
      if (far?.link === station.link) return [{ namespace, link: port, packetType: 'outgoing' }];
    }
    return [];
  }

  /** The devices a broadcast from `device` reaches: through a bridge, the bridge itself and every other port. */
  private floodHops(namespace: Namespace, device: Link): Hop[] {
    const hops: Hop[] = [{ namespace, link: device, packetType: 'outgoing' }];
    const flood = (bridgeNamespace: Namespace, bridge: Link, except: Link | undefined) => {
      for (const port of bridgeNamespace.links.values()) {
        if (port.master !== bridge.index || port === except || !port.up) continue;
        hops.push({ namespace: bridgeNamespace, link: port, packetType: 'outgoing' });
        const far = this.kernel.peerOf(port);
        if (far?.link.up) hops.push({ ...far, packetType: 'broadcast' });
      }
    };
    if (device.kind === 'bridge') {
      flood(namespace, device, undefined);
      return hops;
    }
    const peer = this.kernel.peerOf(device);
    if (!peer?.link.up) return hops;
    hops.push({ ...peer, packetType: 'broadcast' });
    const bridge = peer.link.master === undefined ? undefined : peer.namespace.links.get(peer.link.master);
    if (!bridge?.up) return hops;
    hops.push({ namespace: peer.namespace, link: bridge, packetType: 'broadcast' });
    flood(peer.namespace, bridge, peer.link);
    return hops;
  }

  /**
   * The machines a frame sent on `link` can reach: a veth's peer, or if that peer
   * is a bridge port, the bridge and everything on its other ports.
   */
  private stationsOn(namespace: Namespace, link: Link): { namespace: Namespace; link: Link }[] {
    if (!link.up) return [];
    if (link.kind === 'bridge') return this.bridgeStations(namespace, link, undefined);
    if (link.lower) return this.portStations(link);
    const peer = this.kernel.peerOf(link);
    if (!peer?.link.up) return [];
    if (peer.link.master === undefined) return [peer];
    const bridge = peer.namespace.links.get(peer.link.master);
    if (!bridge?.up) return [];
    return [{ namespace: peer.namespace, link: bridge }, ...this.bridgeStations(peer.namespace, bridge, peer.link)];
  }

  /**
   * What a macvlan or ipvlan port reaches: its siblings on the same lower device
   * when both switch locally (macvlan bridge mode, ipvlan's bridge flag:
   * macvlan_queue_xmit, ipvlan_xmit_mode_l2/l3), then whatever is on the lower
   * device's wire. Never the lower device itself: its stack only sees frames
   * that arrive from the wire, so the host cannot talk to its own macvlans.
   */
  private portStations(link: Link): { namespace: Namespace; link: Link }[] {
    const lower = this.kernel.lowerOf(link);
    if (!lower?.link.up) return [];
    const siblings = switchesLocally(link)
      ? this.kernel
          .upperLinks(lower.namespace, lower.link)
          .filter((other) => other.link !== link && other.link.up && switchesLocally(other.link))
      : [];
    return [...siblings, ...this.stationsOn(lower.namespace, lower.link)];
  }

  private bridgeStations(
    namespace: Namespace,
    bridge: Link,
    except: Link | undefined,
  ): { namespace: Namespace; link: Link }[] {
    const stations: { namespace: Namespace; link: Link }[] = [];
    for (const port of namespace.links.values()) {
      if (port.master !== bridge.index || port === except || !port.up) continue;
      const far = this.kernel.peerOf(port);
      if (far?.link.up) stations.push(far);
    }
    return stations;
  }

  /** ARP resolution writes the cache as `ip neigh replace` does; a failure keeps the MAC the entry had. */
  private learn(namespace: Namespace, address: Ipv4, device: Link, mac: Mac | undefined, state: NeighbourState): void {
    const existing = namespace.neighbours.find((n) => n.address === address && n.device === device.index);
    this.kernel.setNeighbour(
      namespace,
      { address, device: device.index, mac: mac ?? existing?.mac, state, confirmedMs: this.now },
      'replace',
    );
  }

  private hook(
    namespace: Namespace,
    hook: Hook,
    packet: Packet,
    tracked: Tracked,
    { inInterface, outInterface, natAllowed, natStage }: HookOptions,
  ): HookVerdict {
    const recorder = this.recorder;
    return runHook(tablesOf(namespace, 4), hook, packet, {
      watcher: recorder && watcherFor(recorder, namespace.id, hook),
      inInterface,
      outInterface,
      state: tracked.state,
      direction: tracked.direction,
      originalDestinationPort: tracked.entry.original.destinationPort,
      natAllowed,
      followConnection: (current) => (natStage ? followConnection(tracked, current, natStage) : current),
      isLocal: (address) => this.isLocal(namespace, address),
      addressOf: (device) => {
        const link = linkNamed(namespace, device);
        return link && selectAddress(namespace, link);
      },
    });
  }

  /** Whether `address` is one of the namespace's own (the local routing table). */
  isLocal(namespace: Namespace, address: Ipv4): boolean {
    for (const link of namespace.links.values()) {
      if (!link.up) continue;
      if (link.kind === 'loopback' && contains(IPV4_LOOPBACK_NET, address)) return true;
      if (link.addresses.some((a) => a.cidr.address === address)) return true;
    }
    return false;
  }
}

/** How a packet meets one hook: the devices its -i and -o match, and what NAT may do there. */
interface HookOptions {
  /** The device it came in by; none for a packet a local process sends. */
  readonly inInterface?: string | undefined;
  /** The device routing chose to send it by; none for one being delivered locally. */
  readonly outInterface?: string | undefined;
  /** Whether the nat table's chains may run for a new connection: not in FORWARD (no nat chain), nor for local traffic looping back through lo, whose NAT was decided on the way out. */
  readonly natAllowed: boolean;
  /** Which of the connection's NAT mappings its packets follow here: the destination's before routing, the source's after; none in FORWARD. */
  readonly natStage?: 'destination' | 'source' | undefined;
}

/** A device as a trace names it. */
function refOf(at: { namespace: Namespace; link: Link }): DeviceRef {
  return { namespace: at.namespace.id, device: at.link.name };
}

/** Writes what one hook does to the trace: each rule that matched with its counters after this packet, policies, rewrites. */
function watcherFor(recorder: HopRecorder, namespace: number, hook: Hook): HookWatcher {
  return {
    rule: (table, chain, index, rule) =>
      recorder.add({
        kind: 'rule',
        namespace,
        hook,
        table,
        chain,
        index,
        spec: rule.spec,
        packets: rule.packets,
        bytes: rule.bytes,
      }),
    policy: (table, chain, policy, rules) =>
      recorder.add({ kind: 'policy', namespace, hook, table, chain, policy, rules }),
    nat: (by, before, after) => recorder.add({ kind: 'nat', namespace, hook, by, before, after }),
  };
}

/** eth_type_trans: a frame is for this host when it carries the device's MAC, else broadcast or another host's. */
function received(link: Link, destinationMac: Mac): PacketType {
  if (destinationMac === BROADCAST_MAC) return 'broadcast';
  return destinationMac === link.mac ? 'host' : 'otherhost';
}

/** macvlan ports in bridge mode, and ipvlan ports with the bridge flag, pass frames to each other without the wire. */
function switchesLocally(link: Link): boolean {
  if (link.lower?.kind === 'macvlan') return link.lower.mode === 'bridge';
  return link.lower?.kind === 'ipvlan' && link.lower.flag === 'bridge';
}

/** Whether a station is up and has `address`: it answers ARP for it and takes packets to it. */
function owns(station: Station, address: Ipv4): boolean {
  return station.link.up && station.link.addresses.some((a) => a.cidr.address === address);
}

/** IFF_NOARP: ipvlan ports in L3 and L3S mode resolve nothing. */
function answersArp(link: Link): boolean {
  return !(link.lower?.kind === 'ipvlan' && link.lower.mode !== 'l2');
}

/** The address a link speaks with: its first global one (what ARP requests and MASQUERADE use). */
function primaryAddress(link: Link): Ipv4 | undefined {
  return link.addresses.find((a) => a.scope === 'global')?.cidr.address;
}

/**
 * inet_select_addr() with universe scope, as MASQUERADE asks it: the device's own
 * global address, else the first global one of any device in the namespace, in
 * ifindex order. So a packet the host sends to its own docker0 address leaves
 * through lo (which has none) masqueraded to eth0's address, and is answered.
 */
function selectAddress(namespace: Namespace, link: Link): Ipv4 | undefined {
  const own = primaryAddress(link);
  if (own !== undefined) return own;
  for (const other of [...namespace.links.values()].sort((a, b) => a.index - b.index)) {
    const address = primaryAddress(other);
    if (address !== undefined) return address;
  }
  return undefined;
}

function verdictFate(verdict: Exclude<HookVerdict, { kind: 'accept' }>): Fate {
  return verdict.kind === 'reject' ? { kind: 'rejected' } : { kind: 'dropped' };
}

function loopbackOf(namespace: Namespace): Link | undefined {
  for (const link of namespace.links.values()) if (link.kind === 'loopback') return link;
  return undefined;
}
