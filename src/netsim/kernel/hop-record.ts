import type { DnsQuestion, DnsReply } from '../wire/dns';
import type { Ipv4 } from '../wire/ipv4';
import type { Mac } from '../wire/mac';
import type { Packet } from '../wire/packet';
import type { ConntrackState, Hook } from './netfilter/evaluate';
import type { Policy, RuleSpec, TableName } from './netfilter/rule';

/** A device in one namespace, by the id of the namespace and the name `ip link` shows. */
export interface DeviceRef {
  readonly namespace: number;
  readonly device: string;
}

/**
 * One step the simulated stack took with a packet, as data: where it was
 * (namespace, device), what was decided (route, ARP, bridge, netfilter rule,
 * NAT, conntrack) and what came of it. The datapath emits these only while a
 * recorder is attached; nothing here is text, so a printer of any language can
 * tell the story (plugins and the terminal do, in the reader's language).
 */
export type HopRecord =
  /** A process hands a packet to its namespace's stack (sendmsg, connect, the kernel's own replies). */
  | { readonly kind: 'send'; readonly namespace: number; readonly packet: Packet }
  /** A packet reaches the host's NIC from the LAN: from the router, or from another LAN machine. */
  | { readonly kind: 'arrive'; readonly at: DeviceRef; readonly packet: Packet }
  /** fib_lookup: the route picked for the destination (`local` for one of the namespace's own addresses). */
  | {
      readonly kind: 'route';
      readonly namespace: number;
      readonly destination: Ipv4;
      readonly device: string;
      readonly gateway: Ipv4 | undefined;
      readonly source: Ipv4;
      readonly local: boolean;
    }
  /** No route matched: the sender gets ENETUNREACH, a router drops the packet. */
  | { readonly kind: 'no-route'; readonly namespace: number; readonly destination: Ipv4 }
  /** A router of the host with ip_forward off: the packet is not forwarded (ip_forward's drop). */
  | { readonly kind: 'not-forwarded'; readonly namespace: number }
  /** The TTL ran out at a router of the host. */
  | { readonly kind: 'ttl-expired'; readonly namespace: number }
  /** The connection the packet belongs to, as nf_conntrack_in classifies it at the first hook of a namespace. */
  | {
      readonly kind: 'conntrack';
      readonly namespace: number;
      readonly state: ConntrackState;
      readonly direction: 'original' | 'reply';
      readonly connection: string;
    }
  /** A rule that matched, with its counters once this packet is counted: what `iptables -nvL` shows after it. */
  | {
      readonly kind: 'rule';
      readonly namespace: number;
      readonly hook: Hook;
      readonly table: TableName;
      readonly chain: string;
      readonly index: number;
      readonly spec: RuleSpec;
      readonly packets: number;
      readonly bytes: number;
    }
  /** The end of a built-in chain, where its policy decides; `rules` is how many rules the chain has. */
  | {
      readonly kind: 'policy';
      readonly namespace: number;
      readonly hook: Hook;
      readonly table: TableName;
      readonly chain: string;
      readonly policy: Policy;
      readonly rules: number;
    }
  /**
   * An address or port rewritten: by a nat rule for a new connection, or by
   * conntrack for a later packet of one (and for its replies, undone).
   */
  | {
      readonly kind: 'nat';
      readonly namespace: number;
      readonly hook: Hook;
      readonly by: 'rule' | 'conntrack';
      readonly before: Packet;
      readonly after: Packet;
    }
  /** ARP for the next hop: answered from the cache, by a station (its device), or by nobody. */
  | {
      readonly kind: 'arp';
      readonly from: DeviceRef;
      readonly address: Ipv4;
      readonly mac: Mac | undefined;
      readonly cached: boolean;
      readonly answeredBy: DeviceRef | undefined;
    }
  /**
   * A frame on its way between two stations: the devices it crosses in order
   * (the sender's, a veth's peer, a bridge, the port it leaves by, the
   * receiver's), and the bridge that forwarded it, if one did.
   */
  | {
      readonly kind: 'frame';
      readonly devices: readonly DeviceRef[];
      readonly bridge: DeviceRef | undefined;
      readonly destinationMac: Mac;
    }
  /** br_netfilter: the bridge hands a frame it forwards to the FORWARD chain of its namespace. */
  | { readonly kind: 'bridge-netfilter'; readonly bridge: DeviceRef }
  /** The packet leaves by the NIC towards a machine beyond it: the router at `nextHop`, and behind it `destination`. */
  | { readonly kind: 'wire'; readonly from: DeviceRef; readonly nextHop: Ipv4; readonly destination: Ipv4 }
  /** Beyond the NIC nobody takes the packet: the router has no route to it, or it is for no machine the LAN knows. */
  | { readonly kind: 'lost'; readonly router: Ipv4 | undefined; readonly destination: Ipv4 }
  /** A machine beyond the NIC (the router, a server on the internet) receives it. */
  | { readonly kind: 'remote'; readonly address: Ipv4; readonly packet: Packet }
  /** The packet is delivered to the namespace's own stack (ip_local_deliver). */
  | { readonly kind: 'deliver'; readonly namespace: number; readonly packet: Packet }
  /** The socket a delivered packet reaches, or none (the stack answers a TCP RST, or ICMP port unreachable for UDP). */
  | {
      readonly kind: 'socket';
      readonly namespace: number;
      readonly protocol: 'tcp' | 'udp';
      readonly address: string;
      readonly port: number;
      readonly process: { readonly name: string; readonly pid: number } | undefined;
    }
  /** docker-proxy accepted the connection and opens its own to the container's address and port. */
  | {
      readonly kind: 'proxy';
      readonly namespace: number;
      readonly pid: number;
      readonly address: Ipv4;
      readonly port: number;
    }
  /**
   * A DNS server answers: `embedded` is the Docker daemon's server at 127.0.0.11
   * in the container's namespace, `forwarded` is its answer after asking the
   * container's external servers, `server` any other server.
   */
  | {
      readonly kind: 'dns';
      readonly namespace: number;
      readonly server: string;
      readonly question: DnsQuestion;
      readonly by: 'embedded' | 'forwarded' | 'server';
      readonly reply: DnsReply | 'unreachable';
    };

/** The hops recorded while one command ran, in the order the stack took them. */
export class HopRecorder {
  readonly hops: HopRecord[] = [];

  /** `onHop` sees each hop as it is recorded, while the state it names is still there. */
  constructor(private readonly onHop?: (hop: HopRecord) => void) {}

  add(hop: HopRecord): void {
    this.hops.push(hop);
    this.onHop?.(hop);
  }
}
