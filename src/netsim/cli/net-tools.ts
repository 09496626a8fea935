/**
 * net-tools' ifconfig, route and arp and the netcats (OpenBSD's, BusyBox's),
 * as on the host and as BusyBox's applets: a tool module of their own, which a
 * reader's terminal fetches the first time a line runs one.
 */
export { ifconfigProgram } from './ifconfig';
export { routeProgram } from './route';
export { arpProgram } from './arp';
export { busyboxNcProgram, openbsdNcProgram } from './nc';
