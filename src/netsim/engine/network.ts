import type { StackMode } from '../kernel/link';
import type { Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import type { Ipv6Cidr } from '../wire/ipv6';

export type NetworkDriver = 'bridge' | 'host' | 'null' | 'macvlan' | 'ipvlan' | 'overlay';

export interface IpamConfig {
  subnet: Cidr;
  /** --ip-range: where containers' addresses come from; the whole subnet when undefined. */
  ipRange: Cidr | undefined;
  /** Undefined on a macvlan or ipvlan network created without --gateway: the driver needs none. */
  gateway: Ipv4 | undefined;
  /** --aux-address NAME=IP: addresses IPAM holds for the driver's own devices, so no container gets them. */
  auxAddresses: Readonly<Record<string, Ipv4>>;
}

/** An IPv6 pool of a network with EnableIPv6 (libnetwork's ipamV6Info): addresses as netip prints them. */
export interface Ipam6Config {
  readonly subnet: Ipv6Cidr;
  /** The bridge's address, which containers route through; undefined where the driver wants none. */
  readonly gateway: string | undefined;
}

/** The device a macvlan or ipvlan network's containers sit on, and how. */
export interface ParentLink {
  readonly name: string;
  readonly stack: Exclude<StackMode, { kind: 'vlan' }>;
  /**
   * No -o parent: the driver made a dummy (dm-/di- and 12 hex of the ID), which
   * the last network on it deletes (CreatedSlaveLink); such a network has no way
   * out, so its containers get no default route.
   */
  readonly dummy: boolean;
  /**
   * `-o parent=eth0.10` named no link: the driver made that 802.1Q link on eth0
   * (createVlanLink), which the last network on it deletes (delVlanLink).
   */
  readonly vlan?: boolean;
}

/** A Docker network as the daemon keeps it; `docker network inspect` prints a view of it. */
export interface Network {
  readonly id: string;
  readonly name: string;
  readonly driver: NetworkDriver;
  readonly createdMs: number;
  /** Nanoseconds within the second, for RFC 3339 timestamps as Go prints them. */
  readonly createdNanos: number;
  readonly internal: boolean;
  /** --attachable: recorded for inspect; it matters to swarm-scoped networks only. */
  readonly attachable: boolean;
  readonly ipam: IpamConfig[];
  /** --ipv6: the network's IPv6 pools (absent or empty on an IPv4-only network). */
  readonly ipam6?: Ipam6Config[];
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** The Linux bridge of a bridge network: docker0 or br-<12 hex>. */
  readonly bridgeName: string | undefined;
  /** The parent of a macvlan or ipvlan network. */
  readonly parent: ParentLink | undefined;
  /** An overlay network: kept by the swarm's manager, not by this daemon alone (swarm-state.ts). */
  readonly swarm?: SwarmNetwork;
}

/** What the swarm keeps of an overlay network: its VXLAN ID (ovmanager), and whether it is the routing mesh's `ingress`. */
export interface SwarmNetwork {
  readonly vxlanId: number;
  readonly ingress: boolean;
  /** The namespace the overlay driver made for it on this node (br0 and the containers' veths), once a container joined. */
  namespaceId?: number;
}

/** `local` for the networks of this daemon, `swarm` for those of the swarm (libnetwork/scope). */
export function networkScope(network: Network): 'local' | 'swarm' {
  return network.swarm ? 'swarm' : 'local';
}

/** The networks every daemon starts with; they cannot be removed. */
export const PREDEFINED_NETWORKS = ['bridge', 'host', 'none'] as const;
