import { ZERO_STATS, type LinkStats } from './link-stats';
import type { Kernel } from './kernel';
import type { Namespace } from './namespace';
import { snmpSections } from './snmp-proc';

/**
 * /proc/net/dev (net/core/net-procfs.c dev_seq_show): a line per device in
 * ifindex order, `%6s:%8llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu ` for
 * receive, `%8llu %7llu %4llu %4llu %4llu %5llu %7llu %10llu` for transmit.
 */
export function procNetDev(namespace: Namespace): string {
  const header =
    'Inter-|   Receive                                                |  Transmit\n' +
    ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n';
  const widths = [8, 7, 4, 4, 4, 5, 10, 9, 8, 7, 4, 4, 4, 5, 7, 10];
  const lines = [...namespace.links.values()]
    .sort((a, b) => a.index - b.index)
    .map((link) => {
      const s = link.stats ?? ZERO_STATS;
      const values = [s.rxBytes, s.rxPackets, 0, s.rxDropped, 0, 0, 0, s.multicast];
      values.push(s.txBytes, s.txPackets, 0, s.txDropped, 0, 0, 0, 0);
      return `${link.name.padStart(6)}:${values.map((value, index) => String(value).padStart(widths[index]!)).join(' ')}\n`;
    });
  return header + lines.join('');
}

/** One file of /sys/class/net/IF/statistics: the counter and a newline; a virtual device moves only these. */
export function sysfsStatistic(stats: LinkStats | undefined, name: string): string {
  const s = stats ?? ZERO_STATS;
  const moved: Record<string, number> = {
    multicast: s.multicast,
    rx_bytes: s.rxBytes,
    rx_dropped: s.rxDropped,
    rx_packets: s.rxPackets,
    tx_bytes: s.txBytes,
    tx_dropped: s.txDropped,
    tx_packets: s.txPackets,
  };
  return `${moved[name] ?? 0}\n`;
}

/** /proc/net/snmp (net/ipv4/proc.c snmp_seq_show): each section's names on a line, then its values. */
export function procNetSnmp(kernel: Kernel, namespace: Namespace): string {
  const inSnmp = new Set(['Ip', 'Icmp', 'IcmpMsg', 'Tcp', 'Udp', 'UdpLite']);
  return snmpSections(kernel, namespace)
    .filter((section) => inSnmp.has(section.title))
    .map(({ title, counters }) => {
      const names = counters.map(([name]) => name).join(' ');
      const values = counters.map(([, value]) => value).join(' ');
      return `${title}: ${names}\n${title}: ${values}\n`;
    })
    .join('');
}
