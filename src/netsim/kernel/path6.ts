import { IPV6_LOOPBACK, ipv6Contains, ipv6NetworkOf, linkLocalFromMac, parseIpv6, type Ipv6Cidr } from '../wire/ipv6';
import type { Kernel } from './kernel';
import type { Link } from './link';
import type { Namespace } from './namespace';
import { tablesOf } from './namespace';
import { runHook } from './netfilter/evaluate';
import type { Packet } from '../wire/packet';
import { ipv4FromNumber } from '../wire/ipv4';

/**
 * Where an IPv6 packet goes. The simulator keeps no IPv6 datapath of frames: this
 * follows what the kernel would do with one packet, with the same data the IPv4
 * datapath uses (links, their IPv6 addresses, IPv6 routes, bridges and veths):
 * route lookup (ip6_route_output), neighbour discovery on the segment, forwarding
 * through a router namespace that has IPv6 forwarding on, and ip6tables' FORWARD
 * chain there. NAT, conntrack, the raw table and the neighbour cache are not modelled.
 */
export type Fate6 =
  /** The namespace that holds the destination address took it; `routers` namespaces forwarded it on the way. */
  | { readonly kind: 'delivered'; readonly namespace: Namespace; readonly routers: number }
  /** No route in the sending namespace: connect(2) or sendto(2) fail with ENETUNREACH. */
  | { readonly kind: 'network-unreachable' }
  /**
   * ICMPv6 Destination Unreachable back to the sender: code 3 (Address unreachable)
   * when neighbour discovery failed, code 0 (No route) from a router without a route.
   */
  | { readonly kind: 'unreachable'; readonly reporter: string; readonly reason: 'Address unreachable' | 'No route' }
  /** Dropped without a word (ip6tables, a router without forwarding, a link down). */
  | { readonly kind: 'dropped' };

/** The kernel's own IPv6 addresses of a namespace: ::1 on lo, the given ones, the link-local ones of links with carrier. */
export function ownAddresses6(kernel: Kernel, namespace: Namespace): { link: Link; cidr: Ipv6Cidr }[] {
  const owned: { link: Link; cidr: Ipv6Cidr }[] = [];
  for (const link of namespace.links.values()) {
    if (link.ipv6Disabled || !link.up) continue;
    if (link.kind === 'loopback') owned.push({ link, cidr: IPV6_LOOPBACK });
    for (const cidr of link.addresses6 ?? []) owned.push({ link, cidr });
    if (link.kind !== 'loopback' && kernel.hasCarrier(namespace, link))
      owned.push({ link, cidr: linkLocalFromMac(link.mac) });
  }
  return owned;
}

interface Hop6 {
  readonly device: Link;
  readonly gateway: string | undefined;
  /** The source address the kernel picks: a global address of the outgoing link, else of any link. */
  readonly source: string | undefined;
}

/** ip6_route_output: the longest matching prefix route of a link with carrier, else the default route. */
export function route6(kernel: Kernel, namespace: Namespace, destination: string): Hop6 | undefined {
  const owned = ownAddresses6(kernel, namespace);
  const globalOf = (link: Link) =>
    owned.find(
      (entry) => entry.link === link && !entry.cidr.address.startsWith('fe80:') && entry.cidr.address !== '::1',
    )?.cidr.address;
  const anyGlobal = owned.find((entry) => !entry.cidr.address.startsWith('fe80:') && entry.cidr.address !== '::1')?.cidr
    .address;
  const connected = owned
    .filter(
      (entry) =>
        entry.link.kind !== 'loopback' &&
        ipv6Contains(ipv6NetworkOf(entry.cidr), destination) &&
        kernel.hasCarrier(namespace, entry.link),
    )
    .sort((a, b) => b.cidr.prefix - a.cidr.prefix)[0];
  if (connected)
    return { device: connected.link, gateway: undefined, source: globalOf(connected.link) ?? connected.cidr.address };
  const fallback = (namespace.routes6 ?? []).find(
    (route) => route.destination === undefined || ipv6Contains(parseCidrText(route.destination), destination),
  );
  const device = fallback && namespace.links.get(fallback.device);
  if (!fallback || !device || !kernel.hasCarrier(namespace, device)) return undefined;
  return { device, gateway: fallback.gateway, source: globalOf(device) ?? anyGlobal };
}

function parseCidrText(text: string): Ipv6Cidr {
  const [address = '::', prefix = '128'] = text.split('/');
  return { address, prefix: Number(prefix) };
}

/** The namespaces and links on the same Ethernet segment as `device`: across a veth, and through a bridge to its other ports. */
function segment(kernel: Kernel, namespace: Namespace, device: Link): { namespace: Namespace; link: Link }[] {
  const bridgeOf = (ns: Namespace, link: Link) =>
    link.kind === 'bridge'
      ? { namespace: ns, link }
      : link.master === undefined
        ? undefined
        : { namespace: ns, link: ns.links.get(link.master)! };
  const far = device.kind === 'veth' ? kernel.peerOf(device) : undefined;
  const bridge = bridgeOf(namespace, device) ?? (far && bridgeOf(far.namespace, far.link));
  if (!bridge) return far ? [far] : [];
  const ports = [...bridge.namespace.links.values()].filter((port) => port.master === bridge.link.index && port.up);
  const members = ports.flatMap((port) => {
    const peer = port.kind === 'veth' ? kernel.peerOf(port) : undefined;
    return peer ? [peer] : [];
  });
  return [bridge, ...members].filter((member) => member.link !== device || member.namespace !== namespace);
}

/** Neighbour discovery: who on the segment answers for `address`. */
function neighbour(kernel: Kernel, namespace: Namespace, device: Link, address: string): Namespace | undefined {
  const target = parseIpv6(address);
  for (const member of segment(kernel, namespace, device)) {
    const owned = ownAddresses6(kernel, member.namespace).filter((entry) => entry.link === member.link);
    if (owned.some((entry) => parseIpv6(entry.cidr.address) === target)) return member.namespace;
  }
  return undefined;
}

/** A hop limit of 64, as Linux sends: more routers than this is a loop. */
const MAX_ROUTERS = 64;

/** Sends one ICMPv6 echo request (or reply) from `namespace` to `destination` and says where it ends. */
export function send6(kernel: Kernel, namespace: Namespace, destination: string, bytes: number): Fate6 {
  let current = namespace;
  let inDevice: Link | undefined;
  // Step 0 is the sender; each later step is a namespace the packet reached, which delivers or forwards it.
  for (let step = 0; step <= MAX_ROUTERS; step++) {
    const routers = Math.max(0, step - 1);
    const target = parseIpv6(destination);
    if (ownAddresses6(kernel, current).some((entry) => parseIpv6(entry.cidr.address) === target))
      return { kind: 'delivered', namespace: current, routers };
    const hop = route6(kernel, current, destination);
    if (!hop) {
      if (step === 0) return { kind: 'network-unreachable' };
      // ip6_forward without a route: icmpv6_send(ICMPV6_DEST_UNREACH, ICMPV6_NOROUTE), from the interface it came in by.
      return {
        kind: 'unreachable',
        reporter: inDevice ? reporterOn(kernel, current, inDevice) : '::',
        reason: 'No route',
      };
    }
    if (step > 0 && !forwards(current, inDevice!, hop.device, bytes)) return { kind: 'dropped' };
    const next = neighbour(kernel, current, hop.device, hop.gateway ?? destination);
    if (!next) return { kind: 'unreachable', reporter: hop.source ?? '::', reason: 'Address unreachable' };
    inDevice = segmentLinkIn(kernel, current, hop.device, next);
    current = next;
  }
  return { kind: 'dropped' };
}

/** The address a router reports from: a global address of the interface the packet came in by. */
function reporterOn(kernel: Kernel, namespace: Namespace, device: Link): string {
  const own = ownAddresses6(kernel, namespace).filter((entry) => entry.link === device);
  return (own.find((entry) => !entry.cidr.address.startsWith('fe80:')) ?? own[0])?.cidr.address ?? '::';
}

/** The link of `next` on the segment the packet crossed. */
function segmentLinkIn(kernel: Kernel, namespace: Namespace, device: Link, next: Namespace): Link | undefined {
  return segment(kernel, namespace, device).find((member) => member.namespace === next)?.link;
}

/**
 * A router forwards when net.ipv6.conf.all.forwarding is on (dockerd turns it on
 * for the host) and ip6tables' FORWARD chain accepts the packet: Docker's rules
 * drop traffic into a bridge from elsewhere (`DOCKER ! -i br -o br -j DROP`).
 */
function forwards(namespace: Namespace, inDevice: Link, outDevice: Link, bytes: number): boolean {
  if (!namespace.ipv6Forwarding) return false;
  // The evaluator keys on IPv4 packets; an IPv6 one shows only its interfaces and length, so rules with IPv6 addresses match as if negated.
  const packet: Packet = {
    protocol: 'icmp',
    icmp: 'echo-request',
    source: ipv4FromNumber(0),
    destination: ipv4FromNumber(0),
    sourcePort: 0,
    destinationPort: 0,
    length: bytes,
    ttl: 64,
  };
  const verdict = runHook(tablesOf(namespace, 6), 'FORWARD', packet, {
    inInterface: inDevice.name,
    outInterface: outDevice.name,
    state: 'NEW',
    direction: 'original',
    originalDestinationPort: 0,
    followConnection: (same) => same,
    natAllowed: false,
    isLocal: () => false,
    addressOf: () => undefined,
  });
  return verdict.kind === 'accept';
}
