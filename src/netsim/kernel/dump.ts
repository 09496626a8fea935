import { formatIpv4, type Ipv4 } from '../wire/ipv4';
import { broadcastOf, formatCidr, networkOf } from '../wire/cidr';
import {
  formatIpv6Cidr,
  IPV6_LOOPBACK,
  ipv6NetworkOf,
  linkLocalFromMac,
  parseIpv6,
  parseIpv6Cidr,
  type Ipv6Cidr,
} from '../wire/ipv6';
import type { Kernel } from './kernel';
import type { AddressScope, Link, OperState } from './link';
import { ZERO_STATS, type LinkStats } from './link-stats';
import { netnsIdOf, type Namespace } from './namespace';
import type { NeighbourState } from './neighbour';
import type { RouteProtocol, RouteScope } from './route';

/**
 * What netlink would answer for a dump: everything a printer needs, already
 * resolved to names and strings, so printers never look at kernel state.
 */
export interface LinkRecord {
  index: number;
  name: string;
  /** `if29` for a veth peer in another namespace, the peer's name in this one. */
  linkSuffix: string | undefined;
  linkNetnsId: number | undefined;
  /** The peer namespace's name when it has one in /var/run/netns: iproute2 then prints `link-netns NAME`. */
  linkNetns: string | undefined;
  /** The peer named after `@` is in this namespace and down: iproute2 adds M-DOWN to the flags. */
  peerDown?: boolean;
  kind: Link['kind'];
  flags: string[];
  mtu: number;
  qdisc: string;
  master: string | undefined;
  /** IFLA_INFO_SLAVE_KIND: the kind of the master's driver (a bridge port's is `bridge`); none without a master. */
  slaveKind: Link['kind'] | undefined;
  operState: OperState;
  linkType: 'loopback' | 'ether';
  mac: string;
  broadcastMac: string;
  txqlen: number;
  addresses: AddressRecord[];
  /** IFLA_STATS64: what the datapath counted on the link. */
  stats: Readonly<LinkStats>;
  /**
   * IFLA_CARRIER_CHANGES. Modelled, not counted: lo never changes carrier, a
   * link created without carrier (netif_carrier_off at creation) counts 1, and 2
   * once it got carrier; a link whose carrier went and came back is not counted again.
   */
  carrierChanges: number;
}

export interface AddressRecord {
  family: 'inet' | 'inet6';
  cidr: string;
  broadcast: string | undefined;
  scope: AddressScope;
  label: string;
  /** IFA_PROTO: the kernel tags ::1 `kernel_lo` and link-local addresses `kernel_ll`. */
  protocol: 'kernel_lo' | 'kernel_ll' | undefined;
  /** IFA_F_* flags iproute2 prints after the scope: Docker adds its IPv6 addresses `nodad`. */
  flags?: readonly 'nodad'[];
}

export interface RouteRecord {
  destination: string;
  gateway: string | undefined;
  device: string;
  protocol: RouteProtocol;
  scope: RouteScope;
  source: string | undefined;
  metric: number | undefined;
  linkDown: boolean;
  /** rtm_type when not unicast: the local table's `local` and `broadcast` routes. */
  type?: 'local' | 'broadcast';
  /** The table, when not main. */
  table?: 'local';
}

export function dumpLinks(kernel: Kernel, namespace: Namespace): LinkRecord[] {
  return [...namespace.links.values()]
    .sort((a, b) => a.index - b.index)
    .map((link) => linkRecord(kernel, namespace, link));
}

function linkRecord(kernel: Kernel, namespace: Namespace, link: Link): LinkRecord {
  // IFLA_LINK: a veth's peer, or the lower device of a macvlan or ipvlan.
  const peer = kernel.peerOf(link) ?? kernel.lowerOf(link);
  const elsewhere = peer && peer.namespace !== namespace;
  // A bridge's carrier depends on its ports: work it out once per link.
  const carrier = kernel.hasCarrier(namespace, link);
  return {
    index: link.index,
    name: link.name,
    linkSuffix: peer ? (elsewhere ? `if${peer.link.index}` : peer.link.name) : undefined,
    linkNetnsId: peer && elsewhere ? netnsIdOf(namespace, peer.namespace.id) : undefined,
    linkNetns: peer && elsewhere ? peer.namespace.name : undefined,
    ...(peer && !elsewhere && !peer.link.up ? { peerDown: true } : {}),
    kind: link.kind,
    flags: linkFlags(link, carrier),
    mtu: link.mtu,
    qdisc: link.qdisc,
    master: link.master === undefined ? undefined : namespace.links.get(link.master)?.name,
    slaveKind: link.master === undefined ? undefined : namespace.links.get(link.master)?.kind,
    operState: kernel.operState(namespace, link),
    linkType: link.kind === 'loopback' ? 'loopback' : 'ether',
    mac: link.mac,
    broadcastMac: link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff',
    txqlen: link.txqlen,
    stats: link.stats ?? ZERO_STATS,
    carrierChanges: link.kind === 'loopback' ? 0 : carrier ? 2 : 1,
    addresses: [
      ...link.addresses.map((address): AddressRecord => ({
        family: 'inet',
        cidr: formatCidr(address.cidr),
        broadcast: address.broadcast === undefined ? undefined : formatIpv4(address.broadcast),
        scope: address.scope,
        // The kernel renames IPv4 labels with their device (inetdev_changename).
        label: link.name,
        protocol: undefined,
      })),
      ...ipv6Addresses(link, carrier),
    ],
  };
}

/**
 * IPv6 addresses: those given to the link (Docker's, `nodad`), then those the
 * kernel configures by itself (addrconf): ::1 on lo once it is up, and an EUI-64
 * link-local address once a link has carrier, unless IPv6 is disabled on it.
 * The kernel keeps a link's list sorted by scope, global first (ipv6_link_dev_addr).
 */
export function ipv6Addresses(link: Link, carrier: boolean): AddressRecord[] {
  if (link.ipv6Disabled) return [];
  const address = (cidr: Ipv6Cidr, scope: AddressScope, protocol: AddressRecord['protocol']): AddressRecord => ({
    family: 'inet6',
    cidr: `${cidr.address}/${cidr.prefix}`,
    broadcast: undefined,
    scope,
    label: link.name,
    protocol,
  });
  const given = (link.addresses6 ?? []).map((cidr): AddressRecord => ({
    ...address(cidr, 'global', undefined),
    flags: ['nodad'],
  }));
  if (!link.up) return given;
  if (link.kind === 'loopback') return [address(IPV6_LOOPBACK, 'host', 'kernel_lo'), ...given];
  return carrier ? [...given, address(linkLocalFromMac(link.mac), 'link', 'kernel_ll')] : given;
}

/** Interface flags in the order iproute2's print_link_flags writes them. */
function linkFlags(link: Link, carrier: boolean): string[] {
  const flags: string[] = [];
  if (link.up && !carrier) flags.push('NO-CARRIER');
  if (link.kind === 'loopback') flags.push('LOOPBACK');
  else flags.push('BROADCAST', 'MULTICAST');
  // ipvlan_set_port_mode: L3 and L3S ports answer no ARP.
  if (link.lower?.kind === 'ipvlan' && link.lower.mode !== 'l2') flags.push('NOARP');
  if (link.up) flags.push('UP');
  if (carrier) flags.push('LOWER_UP');
  return flags;
}

export function dumpRoutes(kernel: Kernel, namespace: Namespace): RouteRecord[] {
  return kernel.routes(namespace).map((route) => {
    const device = namespace.links.get(route.device);
    return {
      destination: route.destination ? formatCidr(route.destination) : 'default',
      gateway: route.gateway === undefined ? undefined : formatIpv4(route.gateway),
      device: device?.name ?? `if${route.device}`,
      protocol: route.protocol,
      scope: route.scope,
      source: route.source === undefined ? undefined : formatIpv4(route.source),
      metric: route.metric,
      linkDown: device ? !kernel.hasCarrier(namespace, device) : true,
    };
  });
}

/**
 * The local table (fib_add_ifaddr): a `local` route for each address, kept
 * while its link is down, and once the link is up a `broadcast` route for the
 * subnet's last address below a /31; 127.0.0.1/8 on lo adds `local
 * 127.0.0.0/8` too. Linux 6.x adds no broadcast route for the network address.
 * Dumped in the trie's order: by address, the wider prefix first.
 */
export function dumpLocalRoutes(namespace: Namespace): RouteRecord[] {
  const entries: { key: Ipv4; prefix: number; record: RouteRecord }[] = [];
  const add = (key: Ipv4, prefix: number, type: 'local' | 'broadcast', link: Link, scope: RouteScope, source: Ipv4) =>
    entries.push({
      key,
      prefix,
      record: {
        destination: prefix === 32 ? formatIpv4(key) : `${formatIpv4(key)}/${prefix}`,
        gateway: undefined,
        device: link.name,
        protocol: 'kernel',
        scope,
        source: formatIpv4(source),
        metric: undefined,
        linkDown: false,
        type,
        table: 'local',
      },
    });
  for (const link of namespace.links.values()) {
    for (const { cidr } of link.addresses) {
      add(cidr.address, 32, 'local', link, 'host', cidr.address);
      if (!link.up) continue;
      const network = networkOf(cidr);
      if (link.kind === 'loopback' && cidr.prefix < 32)
        add(network.address, cidr.prefix, 'local', link, 'host', cidr.address);
      if (cidr.prefix < 31) add(broadcastOf(cidr), 32, 'broadcast', link, 'link', cidr.address);
    }
  }
  return entries.sort((a, b) => a.key - b.key || a.prefix - b.prefix).map((entry) => entry.record);
}

export interface NeighbourRecord {
  address: string;
  device: string;
  /** Absent while unresolved (INCOMPLETE, FAILED). */
  lladdr: string | undefined;
  state: NeighbourState;
}

/**
 * A confirmed entry stays REACHABLE for reachable_time, then turns STALE
 * (neigh_timer_handler). The kernel draws reachable_time between 1/2 and 3/2 of
 * base_reachable_time (30 s); the simulation takes the middle.
 */
const REACHABLE_MS = 30_000;

/** RTM_GETNEIGH dump of a namespace's ARP cache, each entry's state as of `nowMs`. */
export function dumpNeighbours(namespace: Namespace, nowMs: number): NeighbourRecord[] {
  return namespace.neighbours.map((entry) => ({
    address: formatIpv4(entry.address),
    device: namespace.links.get(entry.device)?.name ?? `if${entry.device}`,
    lladdr: entry.mac,
    state: entry.state === 'REACHABLE' && nowMs - entry.confirmedMs >= REACHABLE_MS ? 'STALE' : entry.state,
  }));
}

/**
 * `ip -6 route`: the prefix route addrconf adds for each global address and each
 * link-local address (addrconf_prefix_route, metric IP6_RT_PRIO_ADDRCONF 256),
 * then the static routes (a default route via Docker's gateway, metric 1024).
 * The FIB walk gives prefixes in address order and the default route last.
 * ::1 lives only in the local table; a main-table ::1 route comes from systemd's
 * loopback setup, fixed in systemd 253 (systemd/systemd#25819).
 */
export function dumpRoutes6(links: readonly LinkRecord[], namespace?: Namespace): Route6Record[] {
  const prefixes = links.flatMap((link) =>
    link.addresses
      .filter((address) => address.family === 'inet6' && address.scope !== 'host')
      .map((address): Route6Record => ({
        destination:
          address.scope === 'link' ? 'fe80::/64' : formatIpv6Cidr(ipv6NetworkOf(parseIpv6Cidr(address.cidr)!)),
        device: link.name,
        protocol: 'kernel',
        metric: 256,
        ...linkDown(link),
      })),
  );
  const unique = prefixes.filter(
    (route, index) =>
      prefixes.findIndex((other) => other.destination === route.destination && other.device === route.device) === index,
  );
  const ordered = unique.map((route, index) => ({ route, index, key: parseIpv6(route.destination.split('/')[0]!)! }));
  ordered.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.index - b.index));
  const byIndex = new Map(links.map((link) => [link.index, link]));
  const statics = (namespace?.routes6 ?? []).flatMap((route): Route6Record[] => {
    const link = byIndex.get(route.device);
    if (!link) return [];
    return [
      {
        destination: route.destination ?? 'default',
        ...(route.gateway === undefined ? {} : { gateway: route.gateway }),
        device: link.name,
        protocol: undefined,
        metric: route.metric,
        ...linkDown(link),
      },
    ];
  });
  const defaults = statics.filter((route) => route.destination === 'default');
  return [
    ...ordered.map(({ route }) => route),
    ...statics.filter((route) => route.destination !== 'default'),
    ...defaults,
  ];
}

/** RTNH_F_LINKDOWN: the route's device has no carrier (an IPv6 bridge network without containers). */
const linkDown = (link: LinkRecord): { linkDown?: true } => (link.flags.includes('LOWER_UP') ? {} : { linkDown: true });

export interface Route6Record {
  destination: string;
  /** `via ADDRESS`, for a route through a gateway. */
  gateway?: string;
  device: string;
  /** Static routes (RTPROT_BOOT) print no protocol. */
  protocol: 'kernel' | undefined;
  metric: number;
  linkDown?: true;
  type?: 'local' | 'multicast';
  table?: 'local';
}

/**
 * The IPv6 local table: `local ::1` and each link-local address (metric 0), and
 * the `multicast ff00::/8` route addrconf adds on each link with IPv6 (metric 256).
 */
export function dumpLocalRoutes6(links: readonly LinkRecord[]): Route6Record[] {
  const inet6 = links.flatMap((link) =>
    link.addresses.filter((address) => address.family === 'inet6').map((address) => ({ link, address })),
  );
  const local = inet6.map(({ link, address }): Route6Record => ({
    destination: address.cidr.replace(/\/\d+$/, ''),
    device: link.name,
    protocol: 'kernel',
    metric: 0,
    type: 'local',
    table: 'local',
  }));
  const multicast = inet6
    .filter(({ address }) => address.scope === 'link')
    .map(({ link }): Route6Record => ({
      destination: 'ff00::/8',
      device: link.name,
      protocol: 'kernel',
      metric: 256,
      type: 'multicast',
      table: 'local',
    }));
  return [...local, ...multicast];
}
