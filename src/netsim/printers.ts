/**
 * The printers a page uses on its own, with no simulator: a packet trace's steps
 * name addresses, DNS answers and rules as the tools write them. index.ts exports
 * them too; a page that needs only these imports this file, so its bundle holds
 * these printers and the few values they read, not the simulator behind index.ts.
 */
export { formatIpv4 } from './wire/ipv4';
export { recordData as formatDnsRecordData } from './wire/dns';
export { ruleLine as formatRuleLine } from './userland/iptables-save';
