import type { Route6Record, RouteRecord } from '../kernel/dump';
import { formatIpv4, type Ipv4 } from '../wire/ipv4';

/**
 * `ip route`: every field is written with its trailing space, as iproute2's
 * print_route does. Filtered by device (`ip route show dev X`), it leaves the
 * device out: every line would repeat it (filter.oifmask).
 */
export function formatIpRoute(routes: RouteRecord[], { withDevice = true, withTable = false }: { withDevice?: boolean; withTable?: boolean } = {}): string {
  return routes.map((route) => `${routeLine(route, withDevice, withTable)}\n`).join('');
}

/** print_route: the type unless unicast, and `table T` unless main or the table was asked for (`show table all` prints it). */
function routeLine(route: RouteRecord, withDevice: boolean, withTable: boolean): string {
  let line = route.type ? `${route.type} ${route.destination} ` : `${route.destination} `;
  if (route.gateway) line += `via ${route.gateway} `;
  if (withDevice) line += `dev ${route.device} `;
  if (withTable && route.table) line += `table ${route.table} `;
  if (route.protocol !== 'boot') line += `proto ${route.protocol} `;
  if (route.scope !== 'global') line += `scope ${route.scope} `;
  if (route.source) line += `src ${route.source} `;
  if (route.metric !== undefined) line += `metric ${route.metric} `;
  if (route.linkDown) line += 'linkdown ';
  return line;
}

/** `ip -6 route`: unlike IPv4 routes, the line ends without a space after `pref medium`. */
export function formatIpRoute6(routes: readonly Route6Record[], { withTable = false }: { withTable?: boolean } = {}): string {
  return routes
    .map((route) => `${route.type ? `${route.type} ` : ''}${route.destination}${route.gateway ? ` via ${route.gateway}` : ''} dev ${route.device} ${withTable && route.table ? `table ${route.table} ` : ''}${route.protocol ? `proto ${route.protocol} ` : ''}metric ${route.metric} ${route.linkDown ? 'linkdown ' : ''}pref medium\n`)
    .join('');
}

/**
 * BusyBox's print_route: no proto ("Todo: parse & show proto kernel"), and src
 * and metric each written with a space on both sides, so `scope link  src ...`.
 */
export function formatBusyboxIpRoute(routes: RouteRecord[]): string {
  return routes
    .map((route) => {
      let line = `${route.destination} `;
      if (route.gateway) line += `via ${route.gateway} `;
      line += `dev ${route.device} `;
      if (route.scope !== 'global') line += `scope ${route.scope} `;
      if (route.source) line += ` src ${route.source} `;
      if (route.metric !== undefined) line += ` metric ${route.metric} `;
      return `${line}\n`;
    })
    .join('');
}

/** What the kernel answers `ip route get` with: the route it would use for one destination. */
export interface RouteGetRecord {
  readonly destination: Ipv4;
  /** The destination is one of the machine's own addresses: the local table's route, by lo. */
  readonly local: boolean;
  readonly gateway: Ipv4 | undefined;
  readonly device: string;
  readonly source: Ipv4;
  /** `from` as asked: the answer then names it instead of a chosen source. */
  readonly from: Ipv4 | undefined;
  /** The uid of the process that asked (RTA_UID). */
  readonly uid: number;
}

/**
 * print_route for an RTM_F_CLONED answer (iproute2 ip/iproute.c): the type when
 * local, the destination, `from` if asked, `via`, `dev`, `src` when not asked
 * `from`, `uid`, then the cache line with its flags (`<local>`, RTCF_LOCAL), each
 * field with its trailing space.
 */
export function formatRouteGet(record: RouteGetRecord): string {
  let line = record.local ? `local ${formatIpv4(record.destination)} ` : `${formatIpv4(record.destination)} `;
  if (record.from !== undefined) line += `from ${formatIpv4(record.from)} `;
  if (record.gateway !== undefined) line += `via ${formatIpv4(record.gateway)} `;
  line += `dev ${record.local ? 'lo' : record.device} `;
  if (record.from === undefined) line += `src ${formatIpv4(record.source)} `;
  line += `uid ${record.uid} `;
  return `${line}\n    cache ${record.local ? '<local> ' : ''}\n`;
}
