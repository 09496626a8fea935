/**
 * netstat's tables, as net-tools 2.10 (netstat.c, lib/inet_gr.c) and BusyBox
 * 1.35 (networking/netstat.c, route.c bb_displayroutes) print them. Both read
 * /proc/net/{tcp,tcp6,udp,udp6} and /proc/net/route; they differ in small
 * ways kept here: net-tools calls IPv6 sockets tcp6/udp6, cuts an address and
 * port longer than 22 characters, and pads the program column; BusyBox says
 * tcp/udp for both families, with three spaces after the protocol.
 */

export type NetstatDialect = 'net-tools' | 'busybox';

/** One line of /proc/net/{tcp,udp}[6], names already resolved or not. */
export interface NetstatSocketRow {
  readonly protocol: 'tcp' | 'udp';
  readonly ipv6: boolean;
  readonly recvQ: number;
  readonly sendQ: number;
  /** `0.0.0.0`, `::`, `[::]` (net-tools without -n), `localhost`. */
  readonly localHost: string;
  /** A number, or a name from /etc/services. */
  readonly localPort: string;
  readonly foreignHost: string;
  /** `*` for a socket with no peer. */
  readonly foreignPort: string;
  /** `LISTEN`; an unconnected UDP socket has none. */
  readonly state: string;
  /** `PID/argv0` as -p finds it; `-` when the owner is not visible. */
  readonly program: string;
  /** -o's timer: `off (0.00/0/0)`, `timewait (59.36/0/0)`. */
  readonly timer?: string;
}

/** Which sockets the header announces: -l, -a, or neither (connected ones). */
export type NetstatScope = 'listening' | 'all' | 'connected';

export interface NetstatTable {
  readonly scope: NetstatScope;
  /** -p: the PID/Program name column. */
  readonly programs: boolean;
  /** -W (net-tools): addresses are not cut to fit their column. */
  readonly wide?: boolean;
  readonly rows: readonly NetstatSocketRow[];
  /** Whether the UNIX domain section follows (no -t, -u, -w or -x named). */
  readonly unix: boolean;
  /** -o (net-tools): the Timer column. */
  readonly timers?: boolean;
}

const SCOPE_TEXT: Record<NetstatScope, string> = {
  listening: '(only servers)',
  all: '(servers and established)',
  connected: '(w/o servers)',
};
/** PROGNAME_WIDTH: the column is 20 wide and `PID/name` is cut to 19 characters (a char[20] with its NUL). */
const PROGRAM_WIDTH = 20;
const PROGRAM_BANNER = 'PID/Program name'.padEnd(PROGRAM_WIDTH);

export function formatNetstat(dialect: NetstatDialect, table: NetstatTable): string {
  const inet = `Active Internet connections ${SCOPE_TEXT[table.scope]}\n${header(dialect, table.programs, table.timers === true)}${table.rows.map((row) => socketLine(dialect, row, table)).join('')}`;
  return table.unix ? inet + unixHeader(dialect, table) : inet;
}

function header(dialect: NetstatDialect, programs: boolean, timers: boolean): string {
  const columns = 'Proto Recv-Q Send-Q Local Address           Foreign Address         State';
  // net-tools: "State      " then " %-20s" for the banner; BusyBox: "State       %s".
  if (dialect === 'busybox') return `${columns}       ${programs ? PROGRAM_BANNER : ''}\n`;
  return `${columns}      ${programs ? ` ${PROGRAM_BANNER}` : ''}${timers ? ' Timer' : ''}\n`;
}

/** tcp_do_one/udp_do_one: "%-5s %6ld %6ld %-23s %-23s %-11s" (tcp's "%-4s  " lines up the same), then " %-20s". */
function socketLine(dialect: NetstatDialect, row: NetstatSocketRow, table: NetstatTable): string {
  const program = row.program.slice(0, PROGRAM_WIDTH - 1);
  if (dialect === 'busybox') {
    // FMT_NET_CONN_DATA "%s   %6lu %6lu %-*s %-*s %-12s", then "%.20s" with no padding.
    const local = `${row.localHost}:${row.localPort}`.padEnd(23);
    const foreign = `${row.foreignHost}:${row.foreignPort}`.padEnd(23);
    return `${row.protocol}   ${pad(row.recvQ)} ${pad(row.sendQ)} ${local} ${foreign} ${row.state.padEnd(12)}${table.programs ? program : ''}\n`;
  }
  const protocol = row.ipv6 ? `${row.protocol}6` : row.protocol;
  const local = fitAddress(row.localHost, row.localPort, table.wide === true);
  const foreign = fitAddress(row.foreignHost, row.foreignPort, table.wide === true);
  const columns = `${protocol.padEnd(5)} ${pad(row.recvQ)} ${pad(row.sendQ)} ${local.padEnd(23)} ${foreign.padEnd(23)} ${row.state.padEnd(11)}`;
  // finish_this_one: the program, then " %s" of the timers.
  return `${columns}${table.programs ? ` ${program.padEnd(PROGRAM_WIDTH)}` : ''}${table.timers && row.timer !== undefined ? ` ${row.timer}` : ''}\n`;
}

const pad = (count: number) => String(count).padStart(6);

/** net-tools addr_do_one: without -W an address and port past 22 characters are cut, the port to at most 18. */
function fitAddress(host: string, port: string, wide: boolean): string {
  if (wide || host.length + port.length <= 22) return `${host}:${port}`;
  const portLength = Math.min(port.length, 18);
  return `${host.slice(0, 22 - portLength)}:${port.slice(0, portLength)}`;
}

/** The UNIX domain section's header; the simulation keeps no UNIX sockets, so no rows follow. */
function unixHeader(dialect: NetstatDialect, table: NetstatTable): string {
  const title = `Active UNIX domain sockets ${SCOPE_TEXT[table.scope]}\n`;
  const columns = 'Proto RefCnt Flags       Type       State         I-Node';
  if (dialect === 'busybox') return `${title}${columns} ${table.programs ? PROGRAM_BANNER : ''}Path\n`;
  return `${title}${columns}  ${table.programs ? ` ${PROGRAM_BANNER}` : ''} Path\n`;
}

/** One line of /proc/net/route, names already resolved or not. */
export interface NetstatRouteRow {
  /** `default` without -n, else the network's address. */
  readonly destination: string;
  /** `0.0.0.0` (net-tools) or `*` (BusyBox without -n) for a route with no gateway. */
  readonly gateway: string;
  readonly genmask: string;
  /** U, then G for a gateway and H for a host route (/32). */
  readonly flags: string;
  readonly iface: string;
  /** The route's priority, which `route` prints and `netstat -r` does not. */
  readonly metric?: number;
}

/**
 * `netstat -r` (rprint_fib with ext 2, bb_displayroutes with netstatfmt): MSS,
 * Window and irtt are 0 on Linux for routes without those metrics; names are
 * cut to 15 characters.
 */
export function formatNetstatRoutes(rows: readonly NetstatRouteRow[]): string {
  const lines = rows.map((row) => {
    const cells = [row.destination, row.gateway, row.genmask].map((cell) => cell.slice(0, 15).padEnd(15));
    return `${cells.join(' ')} ${row.flags.padEnd(5)} ${'0'.padStart(5)} ${'0'.padEnd(5)} ${'0'.padStart(6)} ${row.iface}\n`;
  });
  return `Kernel IP routing table\nDestination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n${lines.join('')}`;
}

/**
 * `route` (net-tools lib/inet_gr.c rprint_fib, ext 1: "%-15s %-15s %-15s %-6s"
 * then "%-6d %-2d %7d %s\n"), and BusyBox's route applet, whose
 * bb_displayroutes writes the same columns: Ref and Use are always 0 on Linux.
 */
export function formatRouteTable(rows: readonly NetstatRouteRow[]): string {
  const lines = rows.map((row) => {
    const cells = [row.destination, row.gateway, row.genmask].map((cell) => cell.slice(0, 15).padEnd(15));
    return `${cells.join(' ')} ${row.flags.padEnd(6)}${String(row.metric ?? 0).padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${row.iface}\n`;
  });
  return `Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n${lines.join('')}`;
}
