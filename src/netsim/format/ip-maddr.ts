import type { MulticastRecord } from '../kernel/multicast-groups';

/**
 * `ip maddr` (ip/ipmaddr.c print_mlist, print_maddr): each link that has a
 * membership as `INDEX:\tNAME`, then its MACs (`link  `), IPv4 groups
 * (`inet  `) and IPv6 groups (`inet6 `, family_name padded to five), one a line
 * after a tab. Users are printed only when not 1, which none of these has.
 */
export function formatIpMaddr(records: readonly MulticastRecord[]): string {
  return records
    .map((record) => {
      const lines = [
        ...record.link.map((mac) => `\tlink  ${mac}\n`),
        ...record.inet.map((group) => `\tinet  ${group}\n`),
        ...record.inet6.map((group) => `\tinet6 ${group}\n`),
      ];
      return lines.length === 0 ? '' : `${record.index}:\t${record.name}\n${lines.join('')}`;
    })
    .join('');
}
