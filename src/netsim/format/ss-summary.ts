/**
 * `ss -s` (iproute2 misc/ss.c print_summary, v6.15): /proc/net/sockstat's and
 * sockstat6's counts, and the established connections of /proc/net/snmp.
 */
export interface SsSummary {
  /** `sockets: used`: the sockets of the namespace. */
  readonly sockets: number;
  /** `TCP: alloc`: full TCP sockets of the whole kernel, every namespace's. */
  readonly tcpAllocated: number;
  /** `TCP: tw`: the namespace's TIME_WAIT sockets. */
  readonly tcpTimeWait: number;
  readonly tcpOrphans: number;
  /** Tcp: CurrEstab, ESTABLISHED and CLOSE_WAIT. */
  readonly tcpEstablished: number;
  /** `TCP: inuse` and `TCP6: inuse`: the namespace's hashed sockets of each family (a `[::]` socket is TCP6). */
  readonly tcp4: number;
  readonly tcp6: number;
  readonly udp4: number;
  readonly udp6: number;
  readonly raw4: number;
  readonly raw6: number;
}

/** printf's `%-9d`. */
const cell = (count: number) => String(count).padEnd(9);

const row = (name: string, ipv4: number, ipv6: number) =>
  `${name}\t  ${cell(ipv4 + ipv6)} ${cell(ipv4)} ${cell(ipv6)}\n`;

export function formatSsSummary(summary: SsSummary): string {
  const { tcpAllocated, tcpTimeWait, tcp4, tcp6, udp4, udp6, raw4, raw6 } = summary;
  // "closed": allocated sockets that are in no hash table (s.tcp_total - (s.tcp4_hashed + s.tcp6_hashed - s.tcp_tws)).
  const closed = tcpAllocated - (tcp4 + tcp6 - tcpTimeWait);
  return (
    `Total: ${summary.sockets}\n` +
    `TCP:   ${tcpAllocated + tcpTimeWait} (estab ${summary.tcpEstablished}, closed ${closed}, orphaned ${summary.tcpOrphans}, timewait ${tcpTimeWait})\n` +
    '\n' +
    'Transport Total     IP        IPv6\n' +
    row('RAW', raw4, raw6) +
    row('UDP', udp4, udp6) +
    row('TCP', tcp4, tcp6) +
    row('INET', raw4 + udp4 + tcp4, raw6 + udp6 + tcp6) +
    row('FRAG', 0, 0) +
    '\n'
  );
}
