/**
 * ifconfig's interface blocks: net-tools 2.10 (lib/interface.c ife_print_long)
 * and BusyBox 1.35 (networking/interface.c ife_print). Both show the flags
 * SIOCGIFFLAGS returns, the primary IPv4 address, the IPv6 addresses of
 * /proc/net/if_inet6 and the counters of /proc/net/dev.
 */

/** SIOCGIFFLAGS bits (linux/if.h) in the order both tools print their names. */
const FLAG_BITS: readonly (readonly [string, number])[] = [
  ['UP', 0x1],
  ['BROADCAST', 0x2],
  ['LOOPBACK', 0x8],
  ['RUNNING', 0x40],
  ['NOARP', 0x80],
  ['MULTICAST', 0x1000],
];

export type IfconfigFlag = 'UP' | 'BROADCAST' | 'LOOPBACK' | 'RUNNING' | 'NOARP' | 'MULTICAST';

export interface IfconfigCounters {
  readonly rxPackets: number;
  readonly rxBytes: number;
  readonly rxDropped: number;
  readonly txPackets: number;
  readonly txBytes: number;
  readonly txDropped: number;
}

export interface IfconfigInterface {
  readonly name: string;
  readonly flags: readonly IfconfigFlag[];
  readonly mtu: number;
  readonly loopback: boolean;
  readonly mac: string;
  readonly txqueuelen: number;
  /** The primary IPv4 address (SIOCGIFADDR): net-tools and BusyBox show no other. */
  readonly inet: { readonly address: string; readonly netmask: string; readonly broadcast: string } | undefined;
  readonly inet6: readonly {
    readonly address: string;
    readonly prefix: number;
    readonly scope: 'host' | 'link' | 'global';
  }[];
  readonly counters: IfconfigCounters;
}

const flagValue = (flags: readonly IfconfigFlag[]) =>
  FLAG_BITS.filter(([name]) => flags.includes(name as IfconfigFlag)).reduce((sum, [, bit]) => sum + bit, 0);
const ordered = (flags: readonly IfconfigFlag[]) =>
  FLAG_BITS.map(([name]) => name).filter((name) => flags.includes(name as IfconfigFlag));

/** IPv6 scope as /proc/net/if_inet6 gives it (IPV6_ADDR_LOOPBACK 0x10, _LINKLOCAL 0x20) and each tool names it. */
const SCOPES = {
  host: { id: 0x10, netTools: 'host', busybox: 'Host' },
  link: { id: 0x20, netTools: 'link', busybox: 'Link' },
  global: { id: 0, netTools: 'global', busybox: 'Global' },
};

export function formatIfconfig(iface: IfconfigInterface): string {
  const indent = ' '.repeat(8);
  let text = `${iface.name}: flags=${flagValue(iface.flags)}<${ordered(iface.flags).join(',')}>  mtu ${iface.mtu}\n`;
  if (iface.inet) {
    // The broadcast is printed for any IFF_BROADCAST interface, 0.0.0.0 when the address has none.
    const broadcast = iface.flags.includes('BROADCAST') ? `  broadcast ${iface.inet.broadcast}` : '';
    text += `${indent}inet ${iface.inet.address}  netmask ${iface.inet.netmask}${broadcast}\n`;
  }
  for (const address of iface.inet6) {
    const scope = SCOPES[address.scope];
    text += `${indent}inet6 ${address.address}  prefixlen ${address.prefix}  scopeid 0x${scope.id.toString(16)}<${scope.netTools}>\n`;
  }
  text += iface.loopback
    ? `${indent}loop  txqueuelen ${iface.txqueuelen}  (Local Loopback)\n`
    : `${indent}ether ${iface.mac}  txqueuelen ${iface.txqueuelen}  (Ethernet)\n`;
  const c = iface.counters;
  text += `${indent}RX packets ${c.rxPackets}  bytes ${c.rxBytes} (${netToolsUnit(c.rxBytes)})\n`;
  text += `${indent}RX errors 0  dropped ${c.rxDropped}  overruns 0  frame 0\n`;
  text += `${indent}TX packets ${c.txPackets}  bytes ${c.txBytes} (${netToolsUnit(c.txBytes)})\n`;
  // "dropped %lu overruns": one space there, two everywhere else, as in ife_print_long.
  text += `${indent}TX errors 0  dropped ${c.txDropped} overruns 0  carrier 0  collisions 0\n`;
  return `${text}\n`;
}

/** ife_unit: one decimal, truncated; a unit only above 1024 of it (1024 bytes is `1024.0 B`). */
function netToolsUnit(bytes: number): string {
  const units: readonly (readonly [string, number])[] = [
    ['TiB', 2 ** 40],
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ];
  const [unit, size] = units.find(([, limit]) => bytes > limit) ?? ['B', 1];
  const tenths = Math.floor((bytes * 10) / size);
  return `${Math.floor(tenths / 10)}.${tenths % 10} ${unit}`;
}

export function formatBusyboxIfconfig(iface: IfconfigInterface): string {
  const indent = ' '.repeat(10);
  const hwaddr = iface.loopback ? '' : `HWaddr ${iface.mac.toUpperCase()}  `;
  let text = `${iface.name.padEnd(9)} Link encap:${iface.loopback ? 'Local Loopback' : 'Ethernet'}  ${hwaddr}\n`;
  if (iface.inet) {
    const broadcast = iface.flags.includes('BROADCAST') ? ` Bcast:${iface.inet.broadcast} ` : '';
    text += `${indent}inet addr:${iface.inet.address} ${broadcast} Mask:${iface.inet.netmask}\n`;
  }
  for (const address of iface.inet6)
    text += `${indent}inet6 addr: ${address.address}/${address.prefix} Scope:${SCOPES[address.scope].busybox}\n`;
  const flags =
    iface.flags.length === 0
      ? '[NO FLAGS] '
      : ordered(iface.flags)
          .map((flag) => `${flag} `)
          .join('');
  text += `${indent}${flags} MTU:${iface.mtu}  Metric:1\n`;
  const c = iface.counters;
  text += `${indent}RX packets:${c.rxPackets} errors:0 dropped:${c.rxDropped} overruns:0 frame:0\n`;
  text += `${indent}TX packets:${c.txPackets} errors:0 dropped:${c.txDropped} overruns:0 carrier:0\n`;
  text += `${indent}collisions:0 txqueuelen:${iface.txqueuelen} \n`;
  text += `${indent}RX bytes:${c.rxBytes} (${busyboxUnit(c.rxBytes)})  TX bytes:${c.txBytes} (${busyboxUnit(c.txBytes)})\n`;
  return `${text}\n`;
}

/** print_bytes_scaled: divides by 1024 while the value is at least 1024, up to TiB; the tenth from the remainder. */
function busyboxUnit(bytes: number): string {
  let whole = bytes;
  let tenth = 0;
  let unit = 0;
  for (let i = 0; i < 4; i++) {
    if (whole < 1024) continue;
    tenth = Math.floor(((whole % 1024) * 10) / 1024);
    whole = Math.floor(whole / 1024);
    unit++;
  }
  return `${whole}.${tenth} ${['', 'Ki', 'Mi', 'Gi', 'Ti'][unit]}B`;
}
