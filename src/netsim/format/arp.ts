/**
 * `arp`: net-tools 2.10's (arp.c arp_disp_2, the default table, and arp_disp,
 * BSD style with -a) and BusyBox's applet (networking/arp.c arp_disp, BSD
 * style only). Each row is one line of /proc/net/arp: an entry is complete
 * (ATF_COM, flag C) while the kernel holds a valid link-layer address for it,
 * permanent (ATF_PERM, M) when added as such.
 */
export interface ArpRow {
  /** What getnameinfo found for the address, or undefined (numeric, or no name): `?` in BSD style. */
  readonly name: string | undefined;
  readonly address: string;
  /** Undefined while the entry is incomplete (INCOMPLETE, FAILED). */
  readonly lladdr: string | undefined;
  readonly permanent: boolean;
  readonly device: string;
}

/** arp_disp_2: "%-23.23s  ", HWtype and HWaddress as "%-8.8s%-20.20s", then "%-6.6s%-15.15s %s\n" for flags, mask, device. */
export function formatArpTable(rows: readonly ArpRow[]): string {
  if (rows.length === 0) return '';
  const lines = rows.map((row) => {
    const hardware =
      row.lladdr === undefined
        ? `${''.padEnd(8)}${'(incomplete)'.padEnd(20)}`
        : `${'ether'.padEnd(8)}${row.lladdr.padEnd(20)}`;
    const flags = `${row.lladdr === undefined ? '' : 'C'}${row.permanent ? 'M' : ''}`;
    return `${(row.name ?? row.address).slice(0, 23).padEnd(23)}  ${hardware}${flags.padEnd(6)}${''.padEnd(15)} ${row.device}\n`;
  });
  return `Address                  HWtype  HWaddress           Flags Mask            Iface\n${lines.join('')}`;
}

/** arp_disp (-a): `NAME (IP) at MAC [ether] PERM on DEV`; BusyBox writes its flags after the space and one more before `on`. */
export function formatArpBsd(rows: readonly ArpRow[], dialect: 'net-tools' | 'busybox'): string {
  return rows
    .map((row) => {
      const at = row.lladdr === undefined ? '<incomplete> ' : `${row.lladdr} [ether] `;
      const flags = row.permanent ? (dialect === 'busybox' ? 'PERM' : 'PERM ') : '';
      return `${row.name ?? '?'} (${row.address}) at ${at}${flags}${dialect === 'busybox' ? ' ' : ''}on ${row.device}\n`;
    })
    .join('');
}
