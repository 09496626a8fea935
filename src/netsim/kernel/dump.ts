import { formatIpv4 } from '../wire/ipv4';
import { formatCidr } from '../wire/cidr';
import type { Kernel } from './kernel';
import type { AddressScope, Link, OperState } from './link';
import { netnsIdOf, type Namespace } from './namespace';
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
  kind: Link['kind'];
  flags: string[];
  mtu: number;
  qdisc: string;
  master: string | undefined;
  operState: OperState;
  linkType: 'loopback' | 'ether';
  mac: string;
  broadcastMac: string;
  txqlen: number;
  addresses: AddressRecord[];
}

export interface AddressRecord {
  family: 'inet';
  cidr: string;
  broadcast: string | undefined;
  scope: AddressScope;
  label: string;
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
}

export function dumpLinks(kernel: Kernel, namespace: Namespace): LinkRecord[] {
  return [...namespace.links.values()].sort((a, b) => a.index - b.index).map((link) => linkRecord(kernel, namespace, link));
}

function linkRecord(kernel: Kernel, namespace: Namespace, link: Link): LinkRecord {
  const peer = kernel.peerOf(link);
  const elsewhere = peer && peer.namespace !== namespace;
  return {
    index: link.index,
    name: link.name,
    linkSuffix: peer ? (elsewhere ? `if${peer.link.index}` : peer.link.name) : undefined,
    linkNetnsId: peer && elsewhere ? netnsIdOf(namespace, peer.namespace.id) : undefined,
    kind: link.kind,
    flags: linkFlags(kernel, namespace, link),
    mtu: link.mtu,
    qdisc: link.qdisc,
    master: link.master === undefined ? undefined : namespace.links.get(link.master)?.name,
    operState: kernel.operState(namespace, link),
    linkType: link.kind === 'loopback' ? 'loopback' : 'ether',
    mac: link.mac,
    broadcastMac: link.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff',
    txqlen: link.txqlen,
    addresses: link.addresses.map((address) => ({
      family: 'inet',
      cidr: formatCidr(address.cidr),
      broadcast: address.broadcast === undefined ? undefined : formatIpv4(address.broadcast),
      scope: address.scope,
      // The kernel renames IPv4 labels with their device (inetdev_changename).
      label: link.name,
    })),
  };
}

/** Interface flags in the order iproute2's print_link_flags writes them. */
function linkFlags(kernel: Kernel, namespace: Namespace, link: Link): string[] {
  const carrier = kernel.hasCarrier(namespace, link);
  const flags: string[] = [];
  if (link.up && !carrier) flags.push('NO-CARRIER');
  if (link.kind === 'loopback') flags.push('LOOPBACK');
  else flags.push('BROADCAST', 'MULTICAST');
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
