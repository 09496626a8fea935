import type { Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import type { Ipv6Cidr } from '../wire/ipv6';
import type { Mac } from '../wire/mac';
import type { LinkStats } from './link-stats';

/** The link types the host has: `ip -d link` calls these the link kind. */
export type LinkKind = 'loopback' | 'ether' | 'bridge' | 'veth' | 'dummy' | 'macvlan' | 'ipvlan' | 'vlan';

/** macvlan port types (IFLA_MACVLAN_MODE); `source` is left out, Docker never asks for it. */
export type MacvlanMode = 'private' | 'vepa' | 'bridge' | 'passthru';
/** ipvlan modes (IFLA_IPVLAN_MODE); its flag (bridge, private, vepa) is kept beside it. */
export type IpvlanMode = 'l2' | 'l3' | 'l3s';
export type IpvlanFlag = 'bridge' | 'private' | 'vepa';

/**
 * How a macvlan or ipvlan link uses its lower device (IFLA_MACVLAN_MODE, IFLA_IPVLAN_MODE and _FLAGS),
 * or which 802.1Q VLAN a vlan link tags its frames with (IFLA_VLAN_ID; the protocol is 802.1Q).
 */
export type StackMode =
  | { readonly kind: 'macvlan'; readonly mode: MacvlanMode }
  | { readonly kind: 'ipvlan'; readonly mode: IpvlanMode; readonly flag: IpvlanFlag }
  | { readonly kind: 'vlan'; readonly id: number };

/**
 * What a macvlan or ipvlan link sits on (IFLA_LINK): its lower device, which
 * stays in the namespace it was in when the link moves elsewhere.
 */
export type Lower = StackMode & { readonly namespace: number; readonly index: number };

export type AddressScope = 'host' | 'link' | 'global';

export interface InterfaceAddress {
  readonly cidr: Cidr;
  readonly broadcast: Ipv4 | undefined;
  readonly scope: AddressScope;
}

/** A MAC a bridge learned on one of its ports (br_fdb_update): where it was last seen, and when. */
export interface LearnedMac {
  readonly mac: Mac;
  port: number;
  updatedMs: number;
}

export interface VethPeer {
  readonly namespace: number;
  readonly index: number;
}

/** A network device in one namespace. Mutable: the kernel owns and changes it. */
export interface Link {
  index: number;
  name: string;
  readonly kind: LinkKind;
  mac: Mac;
  mtu: number;
  /** IFF_UP: what `ip link set X up` sets. Carrier and state are derived from it. */
  up: boolean;
  /** ifindex of the bridge this link is a port of, in the same namespace. */
  master: number | undefined;
  peer: VethPeer | undefined;
  /** The lower device of a macvlan or ipvlan link. */
  lower: Lower | undefined;
  addresses: InterfaceAddress[];
  /** net.ipv6.conf.<dev>.disable_ipv6: Docker sets it on containers' interfaces of IPv4-only networks. */
  ipv6Disabled: boolean;
  /**
   * Global IPv6 addresses given to the link (RTM_NEWADDR, AF_INET6), in the
   * order they were added; Docker adds each with IFA_F_NODAD. The kernel's own
   * ::1 and link-local address are derived, not kept here. Absent is none.
   */
  addresses6?: Ipv6Cidr[];
  txqlen: number;
  /** `noop` until the link is first brought up, when dev_activate attaches its default qdisc. */
  qdisc: string;
  /**
   * addr_assign_type NET_ADDR_SET: the MAC was given, not drawn. A bridge whose
   * MAC was drawn follows its ports' (br_stp_recalculate_bridge_id); absent is false.
   */
  macSet?: boolean;
  /** A bridge: when it was last brought up (br_dev_open), from which its FDB garbage collection counts. */
  openedMs?: number;
  /** A bridge: the MACs it learned on its ports, newest first (fdb_create adds at the head of fdb_list). Absent is none. */
  fdb?: LearnedMac[];
  /** A bridge port: its number on the bridge (find_portno: the lowest free one, from 1). */
  portNo?: number;
  /** A bridge port: when it was last enabled (br_stp_enable_port), from which its forward delay timer counts. */
  portEnabledMs?: number;
  /** What the datapath counted crossing the device (link-stats.ts); absent until the first frame. */
  stats?: LinkStats;
}

/** RFC 2863 operational state as `ip` prints it. */
export type OperState = 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN';
