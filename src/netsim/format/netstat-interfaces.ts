import type { LinkStats } from '../kernel/link-stats';

/** One row of `netstat -i`: a link's name, MTU, SIOCGIFFLAGS and /proc/net/dev counters. */
export interface NetstatInterfaceRow {
  readonly name: string;
  readonly mtu: number;
  readonly flags: readonly string[];
  readonly stats: Readonly<LinkStats>;
}

/** ife_print_short's flag letters, in its order (IFF_ALLMULTI A ... IFF_UP U). */
const FLAG_LETTERS: readonly (readonly [string, string])[] = [
  ['ALLMULTI', 'A'],
  ['BROADCAST', 'B'],
  ['DEBUG', 'D'],
  ['LOOPBACK', 'L'],
  ['MULTICAST', 'M'],
  ['PROMISC', 'P'],
  ['NOTRAILERS', 'N'],
  ['NOARP', 'O'],
  ['POINTOPOINT', 'p'],
  ['SLAVE', 's'],
  ['MASTER', 'm'],
  ['RUNNING', 'R'],
  ['UP', 'U'],
];

/**
 * net-tools 2.10's `netstat -i` (netstat.c iface_info, lib/interface.c
 * ife_print_short): `%-15.15s %5d `, then `%8llu %6lu %6lu %-6lu ` for RX
 * (packets, errors, dropped, fifo overruns) and `%8llu %6lu %6lu %6lu ` for TX,
 * then the flag letters. A virtual device has no errors nor overruns.
 */
export function formatNetstatInterfaces(rows: readonly NetstatInterfaceRow[]): string {
  const header =
    'Kernel Interface table\nIface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n';
  return (
    header +
    rows
      .map((row) => {
        const s = row.stats;
        const letters = FLAG_LETTERS.filter(([flag]) => row.flags.includes(flag))
          .map(([, letter]) => letter)
          .join('');
        return (
          `${row.name.slice(0, 15).padEnd(15)} ${String(row.mtu).padStart(5)} ` +
          `${String(s.rxPackets).padStart(8)} ${'0'.padStart(6)} ${String(s.rxDropped).padStart(6)} ${'0'.padEnd(6)} ` +
          `${String(s.txPackets).padStart(8)} ${'0'.padStart(6)} ${String(s.txDropped).padStart(6)} ${'0'.padStart(6)} ` +
          `${letters || '[NO FLAGS]'}\n`
        );
      })
      .join('')
  );
}
