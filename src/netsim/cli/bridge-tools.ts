/**
 * The bridge tools, a tool module of their own (fetched the first time a line
 * names one): iproute2's `bridge` (link, fdb, vlan) and bridge-utils' `brctl`.
 */
export { bridgeProgram } from './bridge';
export { brctlProgram } from './brctl';
