import type { Ipv4 } from '../wire/ipv4';
import type { Tracked } from './conntrack';
import type { Packet } from '../wire/packet';
import type { IpvsDestination, IpvsService } from './ipvs-state';
import type { Namespace } from './namespace';

/**
 * IPVS (net/netfilter/ipvs) as far as Docker's routing mesh uses it: virtual
 * services scheduled round robin, kept in the namespace's state so that a
 * snapshot carries where the scheduler stands.
 */

/** The namespace's virtual services, made on first use (kernel/ only writes them). */
function servicesOf(namespace: Namespace): IpvsService[] {
  const writable = namespace as unknown as { ipvs?: IpvsService[] };
  return (writable.ipvs ??= []);
}

/**
 * ipvsadm's -A and -a/-d in one: the service for `protocol`/`port` with these
 * destinations. New ones go first (list_add_rcu); a removed one that the
 * scheduler stood on leaves it on the one before (ip_vs_rr_del_dest). No
 * destination left removes the service.
 */
export function setIpvsService(
  namespace: Namespace,
  protocol: 'tcp' | 'udp',
  port: number,
  destinations: readonly IpvsDestination[],
): void {
  const services = servicesOf(namespace);
  const service = services.find((s) => s.protocol === protocol && s.port === port) ?? {
    protocol,
    port,
    destinations: [],
    cursor: undefined,
  };
  const wanted = (d: IpvsDestination) => destinations.some((w) => w.address === d.address && w.port === d.port);
  for (const [index, gone] of service.destinations.entries()) {
    if (wanted(gone) || gone.address !== service.cursor) continue;
    service.cursor = index === 0 ? undefined : service.destinations[index - 1]!.address;
  }
  service.destinations = service.destinations.filter(wanted);
  for (const added of destinations)
    if (!service.destinations.some((d) => d.address === added.address && d.port === added.port))
      service.destinations.unshift(added);
  const others = services.filter((s) => s !== service);
  (namespace as unknown as { ipvs?: IpvsService[] }).ipvs =
    service.destinations.length > 0 ? [...others, service] : others;
}

/**
 * ip_vs_in for a new connection: the service the packet is for, if any, and
 * the destination ip_vs_rr_schedule picks, the one after the last picked,
 * skipping the list's head.
 */
export function scheduleIpvs(namespace: Namespace, packet: Packet): IpvsDestination | undefined {
  if (packet.protocol === 'icmp') return undefined;
  const service = namespace.ipvs?.find((s) => s.protocol === packet.protocol && s.port === packet.destinationPort);
  if (!service || service.destinations.length === 0) return undefined;
  const last = service.destinations.findIndex((d) => d.address === service.cursor);
  const picked = service.destinations[(last + 1) % service.destinations.length]!;
  service.cursor = picked.address;
  return picked;
}

/** The address a namespace's IPVS destinations are reached from: what the mesh's SNAT rule writes (--to-source). */
export function ipvsSource(namespace: Namespace, destination: Ipv4): Ipv4 | undefined {
  for (const link of namespace.links.values())
    for (const { cidr } of link.addresses)
      if (cidr.prefix > 0 && cidr.address >>> (32 - cidr.prefix) === destination >>> (32 - cidr.prefix))
        return cidr.address;
  return undefined;
}

/**
 * ip_vs_in at LOCAL_IN for a new connection to a virtual service: the packet as
 * ip_vs_nat_xmit sends it to the destination the scheduler picks, its source
 * written to this namespace's address towards it, as the routing mesh's `-m ipvs
 * --ipvs -j SNAT` does. Conntrack keeps both (the vs/conntrack sysctl Docker
 * sets), and IPVS moves the connection both ways whatever ip_forward says.
 */
export function balanceIpvs(namespace: Namespace, tracked: Tracked, packet: Packet): Packet | undefined {
  const destination = scheduleIpvs(namespace, packet);
  const source = destination && ipvsSource(namespace, destination.address);
  if (!destination || source === undefined) return undefined;
  tracked.entry.dnat = { kind: 'dnat', address: destination.address, port: destination.port };
  tracked.entry.snat = { kind: 'snat', address: source, port: undefined };
  tracked.entry.ipvs = true;
  return { ...packet, destination: destination.address, destinationPort: destination.port, source };
}
