import { ipv6Addresses } from './dump';
import type { Kernel } from './kernel';
import type { Link } from './link';
import type { Namespace } from './namespace';
import { parseIpv6 } from '../wire/ipv6';

/** A link's multicast memberships, as /proc/net/dev_mcast, /proc/net/igmp and /proc/net/igmp6 list them. */
export interface MulticastRecord {
  readonly index: number;
  readonly name: string;
  /** The device's multicast MAC list (dev_mc_add), in the order it was joined. */
  readonly link: readonly string[];
  /** IPv4 groups (ip_mc_inc_group). */
  readonly inet: readonly string[];
  /** IPv6 groups (ipv6_dev_mc_inc), newest first: the kernel adds each at the head of the list. */
  readonly inet6: readonly string[];
}

/**
 * What the kernel joins on a link, in its order: when the device registers,
 * IPv6 joins ff01::1 and ff02::1 (ipv6_add_dev: 33:33:00:00:00:01), and keeps
 * them when IPv6 is disabled later, as Docker disables it on a container's
 * interface once made; a bridge that opens joins the multicast router
 * discovery groups 224.0.0.106 and ff02::6a (br_multicast_join_snoopers);
 * a link that comes up joins 224.0.0.1 (ip_mc_up); each IPv6 address brings
 * its solicited-node group (addrconf_join_solict); IPv6 forwarding adds the
 * all-routers group ff02::2. Loopback keeps no MAC list.
 */
export function dumpMulticast(kernel: Kernel, namespace: Namespace): MulticastRecord[] {
  return [...namespace.links.values()]
    .sort((a, b) => a.index - b.index)
    .map((link) => membershipsOf(namespace, link, kernel.hasCarrier(namespace, link)));
}

function membershipsOf(namespace: Namespace, link: Link, carrier: boolean): MulticastRecord {
  const bridgeOpen = link.kind === 'bridge' && link.up;
  const routers = namespace.ipv6Forwarding === true && !link.ipv6Disabled && link.up;
  const solicited = ipv6Addresses(link, carrier)
    .filter((address) => address.protocol !== 'kernel_lo')
    .map((address) => solicitedNode(address.cidr.split('/')[0]!))
    .filter((group, index, groups) => groups.indexOf(group) === index);
  const inet6 = [
    ...(routers ? ['ff02::2'] : []),
    ...[...solicited].reverse(),
    ...(bridgeOpen ? ['ff02::6a'] : []),
    'ff02::1',
    'ff01::1',
  ];
  const inet = link.up ? ['224.0.0.1', ...(bridgeOpen ? ['224.0.0.106'] : [])] : [];
  const macs =
    link.kind === 'loopback'
      ? []
      : [
          '33:33:00:00:00:01',
          ...(bridgeOpen ? ['01:00:5e:00:00:6a', '33:33:00:00:00:6a'] : []),
          ...(link.up ? ['01:00:5e:00:00:01'] : []),
          ...solicited.map(groupMac),
          ...(routers ? ['33:33:00:00:00:02'] : []),
        ];
  return { index: link.index, name: link.name, link: macs, inet, inet6 };
}

/** ff02::1:ffXX:XXXX, from an address's last 24 bits (RFC 4291 2.7.1), written as inet_ntop writes it. */
function solicitedNode(address: string): string {
  const low = Number(parseIpv6(address)! & 0xffffffn);
  return `ff02::1:ff${(low >> 16).toString(16).padStart(2, '0')}:${(low & 0xffff).toString(16)}`;
}

/** An IPv6 group's MAC (ipv6_eth_mc_map): 33:33 then the group's last four bytes. */
function groupMac(group: string): string {
  const low = Number(parseIpv6(group)! & 0xffffffffn);
  const bytes = [low >>> 24, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff];
  return ['33', '33', ...bytes.map((byte) => byte.toString(16).padStart(2, '0'))].join(':');
}
