import { contains } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import type { Mac } from '../wire/mac';
import type { Packet } from '../wire/packet';
import { Conntrack, followConnection, type Tracked } from './conntrack';
import type { Kernel } from './kernel';
import type { Link } from './link';
import type { Namespace } from './namespace';
import type { NeighbourState } from './neighbour';
import { runHook, type Hook, type HookVerdict } from './netfilter/evaluate';

/** A machine beyond the host's NIC: the LAN router, or a server on the internet behind it. */
export interface RemoteHost {
  readonly address: Ipv4;
  readonly answersPing: boolean;
  readonly openTcpPorts: readonly number[];
  /** The TTL its replies carry when they reach the host's NIC. */
  readonly replyTtl: number;
  /** One-way latency in milliseconds, added to round-trip times. */
  readonly latencyMs: number;
}

/** What is on the other side of the physical NIC. */
export interface World {
  /** The host's physical NIC, in the root namespace. */
  readonly nic: string;
  /** The MAC of the LAN neighbour that answers ARP for `address`, if any does. */
  neighbourMac(address: Ipv4): Mac | undefined;
  /** The machine a packet sent through the NIC reaches, or undefined if it is lost out there. */
  reach(destination: Ipv4): RemoteHost | undefined;
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
  /** A REJECT rule answered with ICMP port unreachable. */
  | { readonly kind: 'rejected' }
  /** The sender had no route at all (ENETUNREACH). */
  | { readonly kind: 'no-route' }
  /** Nobody answered ARP for the next hop: the sender reports the host unreachable. */
  | { readonly kind: 'unresolved'; readonly reporter: Ipv4 };

const IPV4_LOOPBACK_NET = { address: 0x7f000000 as Ipv4, prefix: 8 };

/**
 * Moves packets through the simulated kernel as Linux does: routing, the
 * netfilter hooks in order, bridges and veths, ARP, NAT with connection tracking.
 * With Docker's default options br_netfilter is not loaded, so frames bridged
 * between two containers never meet iptables.
 */
export class Datapath {
  constructor(
    private readonly kernel: Kernel,
    private readonly world: World | undefined,
    private readonly now: number,
    readonly conntrack = new Conntrack(),
  ) {}

  /** The route to `destination` from `namespace`, longest prefix first, or undefined (ENETUNREACH). */
  route(namespace: Namespace, destination: Ipv4): RouteChoice | undefined {
    const lo = [...namespace.links.values()].find((link) => link.kind === 'loopback');
    if (lo && this.isLocal(namespace, destination)) return { local: true, device: lo, nextHop: destination, source: destination };
    let best: { prefix: number; metric: number; choice: RouteChoice } | undefined;
    for (const route of this.kernel.routes(namespace)) {
      const prefix = route.destination?.prefix ?? 0;
      if (route.destination && !contains(route.destination, destination)) continue;
      const device = namespace.links.get(route.device);
      if (!device?.up) continue;
      const metric = route.metric ?? 0;
      if (best && (prefix < best.prefix || (prefix === best.prefix && metric >= best.metric))) continue;
      const source = route.source ?? device.addresses.find((a) => a.scope === 'global')?.cidr.address;
      if (source === undefined) continue;
      best = { prefix, metric, choice: { local: false, device, nextHop: route.gateway ?? destination, source } };
    }
    return best?.choice;
  }

  /** A packet a local process sends. */
  send(namespace: Namespace, packet: Packet): Fate {
    let choice = this.route(namespace, packet.destination);
    if (!choice) return { kind: 'no-route' };
    const tracked = this.conntrack.lookup(namespace.id, packet);
    const verdict = this.hook(namespace, 'OUTPUT', packet, tracked, undefined, choice.device.name, true, 'destination');
    if (verdict.kind !== 'accept') return verdictFate(verdict);
    if (verdict.nat) tracked.entry.dnat = verdict.nat;
    // A new DNAT, or the one the connection already has, sends the packet elsewhere: route it again.
    if (verdict.packet.destination !== packet.destination) {
      choice = this.route(namespace, verdict.packet.destination);
      if (!choice) return { kind: 'no-route' };
    }
    return this.postRouting(namespace, tracked, verdict.packet, choice, undefined, true);
  }

  /** A packet arriving from the LAN on the host's NIC. */
  fromWorld(packet: Packet): Fate {
    const root = this.kernel.root;
    const nic = [...root.links.values()].find((link) => link.name === this.world?.nic);
    if (!nic?.up) return { kind: 'dropped' };
    return this.ingress(root, nic, packet);
  }

  private ingress(namespace: Namespace, link: Link, packet: Packet): Fate {
    const tracked = this.conntrack.lookup(namespace.id, packet);
    const prerouting = this.hook(namespace, 'PREROUTING', packet, tracked, link.name, undefined, true, 'destination');
    if (prerouting.kind !== 'accept') return verdictFate(prerouting);
    if (prerouting.nat) tracked.entry.dnat = prerouting.nat;
    const arrived = prerouting.packet;
    if (this.isLocal(namespace, arrived.destination)) return this.input(namespace, tracked, arrived, link.name, true);
    // Only the host forwards: Docker turned ip_forward on there; a container namespace keeps Linux's default, off.
    if (namespace !== this.kernel.root) return { kind: 'dropped' };
    const choice = this.route(namespace, arrived.destination);
    if (!choice || arrived.ttl <= 1) return { kind: 'dropped' };
    const forwarded = { ...arrived, ttl: arrived.ttl - 1 };
    const verdict = this.hook(namespace, 'FORWARD', forwarded, tracked, link.name, choice.device.name, false, undefined);
    if (verdict.kind !== 'accept') return verdictFate(verdict);
    return this.postRouting(namespace, tracked, verdict.packet, choice, link.name, false);
  }

  private postRouting(namespace: Namespace, tracked: Tracked, packet: Packet, choice: RouteChoice, inInterface: string | undefined, localOrigin: boolean): Fate {
    const verdict = this.hook(namespace, 'POSTROUTING', packet, tracked, inInterface, choice.device.name, true, 'source');
    if (verdict.kind !== 'accept') return verdictFate(verdict);
    if (verdict.nat) tracked.entry.snat = verdict.nat;
    this.conntrack.confirm(tracked, verdict.packet);
    if (choice.local) return this.loopBack(namespace, tracked, verdict.packet, localOrigin);
    return this.transmit(namespace, choice, verdict.packet);
  }

  /** Local traffic comes back in through lo: raw PREROUTING and INPUT see it, NAT was decided on the way out. */
  private loopBack(namespace: Namespace, tracked: Tracked, packet: Packet, localOrigin: boolean): Fate {
    const prerouting = this.hook(namespace, 'PREROUTING', packet, tracked, 'lo', undefined, !localOrigin, 'destination');
    if (prerouting.kind !== 'accept') return verdictFate(prerouting);
    return this.input(namespace, tracked, prerouting.packet, 'lo', !localOrigin);
  }

  private input(namespace: Namespace, tracked: Tracked, packet: Packet, inInterface: string, natAllowed: boolean): Fate {
    const verdict = this.hook(namespace, 'INPUT', packet, tracked, inInterface, undefined, natAllowed, 'source');
    if (verdict.kind !== 'accept') return verdictFate(verdict);
    const delivered = verdict.packet;
    this.conntrack.confirm(tracked, delivered);
    return { kind: 'local', namespace, packet: delivered };
  }

  /** Puts the packet on the wire of `choice.device`: ARP for the next hop, then the station that owns it. */
  private transmit(namespace: Namespace, choice: RouteChoice, packet: Packet): Fate {
    const device = choice.device;
    if (device.kind === 'ether') return this.toWorld(namespace, device, choice, packet);
    const station = this.stationsOn(namespace, device).find(({ link }) => link.up && link.addresses.some((a) => a.cidr.address === choice.nextHop));
    if (!station) {
      this.learn(namespace, choice.nextHop, device, undefined, 'FAILED');
      return { kind: 'unresolved', reporter: choice.source };
    }
    this.learn(namespace, choice.nextHop, device, station.link.mac, 'REACHABLE');
    // Answering the ARP request taught the station who asked.
    const asker = device.addresses.find((a) => a.scope === 'global')?.cidr.address;
    if (asker !== undefined && !station.namespace.neighbours.some((n) => n.address === asker)) this.learn(station.namespace, asker, station.link, device.mac, 'STALE');
    return this.ingress(station.namespace, station.link, packet);
  }

  private toWorld(namespace: Namespace, nic: Link, choice: RouteChoice, packet: Packet): Fate {
    const mac = this.world?.neighbourMac(choice.nextHop);
    if (mac === undefined) {
      this.learn(namespace, choice.nextHop, nic, undefined, 'FAILED');
      return { kind: 'unresolved', reporter: choice.source };
    }
    this.learn(namespace, choice.nextHop, nic, mac, 'REACHABLE');
    const host = this.world?.reach(packet.destination);
    return host ? { kind: 'remote', host, packet } : { kind: 'dropped' };
  }

  /**
   * The machines a frame sent on `link` can reach: a veth's peer, or if that peer
   * is a bridge port, the bridge and everything on its other ports.
   */
  private stationsOn(namespace: Namespace, link: Link): { namespace: Namespace; link: Link }[] {
    if (!link.up) return [];
    if (link.kind === 'bridge') return this.bridgeStations(namespace, link, undefined);
    const peer = this.kernel.peerOf(link);
    if (!peer?.link.up) return [];
    if (peer.link.master === undefined) return [peer];
    const bridge = peer.namespace.links.get(peer.link.master);
    if (!bridge?.up) return [];
    return [{ namespace: peer.namespace, link: bridge }, ...this.bridgeStations(peer.namespace, bridge, peer.link)];
  }

  private bridgeStations(namespace: Namespace, bridge: Link, except: Link | undefined): { namespace: Namespace; link: Link }[] {
    const stations: { namespace: Namespace; link: Link }[] = [];
    for (const port of namespace.links.values()) {
      if (port.master !== bridge.index || port === except || !port.up) continue;
      const far = this.kernel.peerOf(port);
      if (far?.link.up) stations.push(far);
    }
    return stations;
  }

  private learn(namespace: Namespace, address: Ipv4, device: Link, mac: Mac | undefined, state: NeighbourState): void {
    const existing = namespace.neighbours.find((n) => n.address === address && n.device === device.index);
    if (existing) {
      existing.mac = mac ?? existing.mac;
      existing.state = state;
      existing.confirmedMs = this.now;
      return;
    }
    namespace.neighbours.push({ address, device: device.index, mac, state, confirmedMs: this.now });
  }

  private hook(
    namespace: Namespace,
    hook: Hook,
    packet: Packet,
    tracked: Tracked,
    inInterface: string | undefined,
    outInterface: string | undefined,
    natAllowed: boolean,
    natStage: 'destination' | 'source' | undefined,
  ): HookVerdict {
    return runHook(namespace.netfilter, hook, packet, {
      inInterface,
      outInterface,
      state: tracked.state,
      natAllowed,
      followConnection: (current) => (natStage ? followConnection(tracked, current, natStage) : current),
      isLocal: (address) => this.isLocal(namespace, address),
      addressOf: (device) => [...namespace.links.values()].find((l) => l.name === device)?.addresses.find((a) => a.scope === 'global')?.cidr.address,
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

function verdictFate(verdict: Exclude<HookVerdict, { kind: 'accept' }>): Fate {
  return verdict.kind === 'reject' ? { kind: 'rejected' } : { kind: 'dropped' };
}
