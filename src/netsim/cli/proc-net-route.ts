import { dumpRoutes, type RouteRecord } from '../kernel/dump';
import type { NetstatRouteRow } from '../format/netstat';
import { parseCidr } from '../wire/cidr';
import { formatIpv4, ipv4FromNumber, prefixMask } from '../wire/ipv4';
import type { ProcessContext } from './command';

/**
 * /proc/net/route as net-tools' and BusyBox's `netstat -r` and `route` read
 * it: the main table in the order of the FIB trie (by destination, longer
 * prefixes first), U for every route, G with a gateway, H for a /32. Without
 * -n the default route's destination is `default`, and BusyBox writes a
 * missing gateway as `*` (net-tools keeps 0.0.0.0).
 */
export function routeRows(context: ProcessContext, busybox: boolean, numeric: boolean): NetstatRouteRow[] {
  const routes = dumpRoutes(context.kernel, context.namespace).map((route) => ({ route, ...destinationOf(route) }));
  routes.sort((a, b) => a.address - b.address || b.prefix - a.prefix);
  return routes.map(({ route, address, prefix }) => ({
    destination: !numeric && prefix === 0 ? 'default' : formatIpv4(ipv4FromNumber(address)),
    gateway: route.gateway ?? (numeric || !busybox ? '0.0.0.0' : '*'),
    genmask: formatIpv4(ipv4FromNumber(prefixMask(prefix))),
    flags: `U${route.gateway ? 'G' : ''}${prefix === 32 ? 'H' : ''}`,
    iface: route.device,
    metric: route.metric ?? 0,
  }));
}

function destinationOf(route: RouteRecord): { address: number; prefix: number } {
  const cidr = route.destination === 'default' ? undefined : parseCidr(route.destination);
  return cidr ? { address: cidr.address, prefix: cidr.prefix } : { address: 0, prefix: 0 };
}
