import type { Route6Record, RouteRecord } from '../kernel/dump';

/**
 * `ip route`: every field is written with its trailing space, as iproute2's
 * print_route does. Filtered by device (`ip route show dev X`), it leaves the
 * device out: every line would repeat it (filter.oifmask).
 */
export function formatIpRoute(
  routes: RouteRecord[],
  { withDevice = true, withTable = false }: { withDevice?: boolean; withTable?: boolean } = {},
): string {
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
export function formatIpRoute6(
  routes: readonly Route6Record[],
  { withTable = false }: { withTable?: boolean } = {},
): string {
  return routes
    .map(
      (route) =>
        `${route.type ? `${route.type} ` : ''}${route.destination}${route.gateway ? ` via ${route.gateway}` : ''} dev ${route.device} ${withTable && route.table ? `table ${route.table} ` : ''}${route.protocol ? `proto ${route.protocol} ` : ''}metric ${route.metric} ${route.linkDown ? 'linkdown ' : ''}pref medium\n`,
    )
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
