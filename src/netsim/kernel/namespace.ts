import type { SnmpCounters } from './snmp';
import type { IpvsService } from './ipvs-state';
import type { Link } from './link';
import type { Neighbour } from './neighbour';
import { emptyNetfilter, type Netfilter, type NetfilterState } from './netfilter/rule';
import type { Route, Route6 } from './route';
import type { Socket } from './socket';
import type { TimeWaitSocket } from './time-wait';

/** One network namespace: plain data, so a host snapshot is a structured clone. */
export interface Namespace {
  readonly id: number;
  /** The name `ip netns list` shows; undefined for the root and Docker's sandboxes. */
  name: string | undefined;
  /** When the name was given, in naming order: `ip netns list` reads /run/netns newest first. */
  namedAt?: number | undefined;
  links: Map<number, Link>;
  routes: Route[];
  /** IPv6 routes added by hand or by Docker (a default route via the gateway); prefix routes of addresses are derived. Absent is none. */
  routes6?: Route6[];
  /** Last ifindex handed out; allocation is cyclic from here, as xa_alloc_cyclic does. */
  lastIndex: number;
  /** netnsid this namespace gives each peer namespace, assigned on first use. */
  netnsIds: Map<number, number>;
  /** iptables' tables, read-only outside the kernel: Kernel.netfilter() changes them. */
  readonly netfilter: Netfilter;
  /** net.ipv6.conf.all.forwarding, which Debian ships off and dockerd turns on for its first IPv6 network. */
  ipv6Forwarding?: boolean;
  /** Protocol counters the datapath moves (snmp.ts); absent until the first packet. */
  snmp?: SnmpCounters;
  /** ip6tables' tables (the IPv6 family of nf_tables); absent until something writes to them, which reads as empty. */
  readonly netfilter6?: Netfilter;
  /** The ARP cache: entries appear when traffic resolves a next hop. */
  neighbours: Neighbour[];
  /** Listening sockets, as `ss -l` lists them; the kernel opens and closes them (Kernel.listen, closeSockets). */
  readonly sockets: readonly Socket[];
  /** Connections closed by this side within the last 60 s (TIME_WAIT); absent is none. Kernel.closeFirst writes it. */
  readonly timeWait?: readonly TimeWaitSocket[];
  /** net.bridge.bridge-nf-call-iptables: once br_netfilter is loaded, frames a bridge forwards meet iptables' FORWARD chain. */
  bridgeNfCallIptables: boolean;
  /** IPVS virtual services (kernel/ipvs.ts writes them); only Docker's load balancers have any. Absent is none. */
  readonly ipvs?: readonly IpvsService[];
}

export function newNamespace(id: number, name: string | undefined): Namespace {
  return {
    id,
    name,
    links: new Map(),
    routes: [],
    lastIndex: 0,
    netnsIds: new Map(),
    netfilter: emptyNetfilter(),
    neighbours: [],
    sockets: [],
    bridgeNfCallIptables: false,
  };
}

/** The tables of one family, read-only: iptables' or ip6tables' (empty until something writes to them). */
export function netfilterOf(namespace: Namespace, family: 4 | 6): Netfilter {
  return (family === 4 ? namespace.netfilter : namespace.netfilter6) ?? emptyNetfilter();
}

/**
 * The tables of one family as the kernel writes them, ip6tables' made on first
 * use. For kernel/ only: every other layer changes them through the kernel's
 * operations (Kernel.netfilter), which the read-only types above hold them to.
 */
export function tablesOf(namespace: Namespace, family: 4 | 6): NetfilterState {
  const writable = namespace as unknown as { netfilter: NetfilterState; netfilter6?: NetfilterState };
  if (family === 4) return writable.netfilter;
  writable.netfilter6 ??= emptyNetfilter();
  return writable.netfilter6;
}

/** The listening sockets as the kernel writes them (kernel/ only). */
export function socketsOf(namespace: Namespace): { sockets: Socket[] } {
  return namespace as unknown as { sockets: Socket[] };
}

export function linkNamed(namespace: Namespace, name: string): Link | undefined {
  for (const link of namespace.links.values()) if (link.name === name) return link;
  return undefined;
}

/**
 * The next free ifindex. Linux 6.x allocates cyclically per namespace, so indices
 * keep growing after devices are deleted (a new veth after `docker rm` gets a
 * higher number, not the freed one).
 */
export function allocateIndex(namespace: Namespace): number {
  let index = namespace.lastIndex + 1;
  while (namespace.links.has(index)) index++;
  namespace.lastIndex = index;
  return index;
}

/** The netnsid `other` has when seen from `namespace` (`link-netnsid 0`). */
export function netnsIdOf(namespace: Namespace, other: number): number {
  const known = namespace.netnsIds.get(other);
  if (known !== undefined) return known;
  // alloc_netid: idr_alloc from 0, so the lowest id a dead namespace freed is handed out again.
  const used = new Set(namespace.netnsIds.values());
  let id = 0;
  while (used.has(id)) id++;
  namespace.netnsIds.set(other, id);
  return id;
}
