import { MONTHS } from '../wire/time-text';

/**
 * procps-ng 4's ps (src/ps/output.c) and BusyBox's ps applet: process records
 * to the exact text of their tables.
 *
 * procps lays a row out column by column (show_one_proc): a right-aligned
 * column is padded to its width, a left-aligned one is not padded before it,
 * and one space separates columns. A field wider than its column pushes the
 * rest of the row right until a later column's padding takes the excess back,
 * as a 7-digit VSZ does in `ps aux` (golden/tools/ps-tty-aux.txt). The last
 * column is never cut: with no terminal (stdout is a pipe or a file, as
 * netsim's output is) ps does not chop lines to a screen width.
 */

/** One process as /proc shows it to ps, from where ps runs (PIDs of its PID namespace). */
export interface PsRecord {
  readonly pid: number;
  readonly ppid: number;
  /** The user name where ps runs, or the number when that system has no name for the uid. */
  readonly user: string;
  /** /proc/PID/comm: at most 15 characters. */
  readonly comm: string;
  /** /proc/PID/cmdline, one word per argument. */
  readonly argv: readonly string[];
  readonly startMs: number;
  /** `pts/0`; undefined: no controlling terminal (`?`). */
  readonly tty: string | undefined;
  /** BSD STAT: `Ss`, `S+`, `R+`, `Ssl`... */
  readonly stat: string;
  readonly vszKb: number;
  readonly rssKb: number;
  /** CPU time used, and its share of the process's life in tenths of a percent (%CPU; C is its whole part). */
  readonly cpuSeconds: number;
  readonly cpuTenths: number;
}

/**
 * Which table: `default` is `ps` and `ps -e` (PID TTY TIME CMD), `full` is -f
 * (`ps -ef`), `user` is BSD u (`ps aux`), `bsd` is BSD without u (`ps ax`).
 */
export type PsFormat = 'default' | 'full' | 'user' | 'bsd';

/** What a table needs besides the rows: the time ps runs (STIME, TIME) and the memory %MEM divides by. */
export interface PsClock {
  readonly nowMs: number;
  readonly memTotalKb: number;
}

type Justify = 'left' | 'right' | 'user' | 'unlimited';

interface Column {
  readonly header: string;
  readonly width: number;
  readonly justify: Justify;
  readonly value: (record: PsRecord, clock: PsClock) => string;
}

const two = (value: number) => String(value).padStart(2, '0');

/** pr_stime: `%H:%M` the same day, `%b%d` an earlier day of the year, `%Y` before that (the host's zone is UTC). */
export function startTime(startMs: number, nowMs: number): string {
  const start = new Date(startMs);
  const now = new Date(nowMs);
  if (start.getUTCFullYear() !== now.getUTCFullYear()) return String(start.getUTCFullYear());
  const sameDay = start.getUTCMonth() === now.getUTCMonth() && start.getUTCDate() === now.getUTCDate();
  return sameDay
    ? `${two(start.getUTCHours())}:${two(start.getUTCMinutes())}`
    : `${MONTHS[start.getUTCMonth()]}${two(start.getUTCDate())}`;
}

/** pr_time: `[DD-]hh:mm:ss`. */
const sysvTime = (seconds: number) =>
  `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
/** pr_bsdtime: minutes and seconds. */
const bsdTime = (seconds: number) => `${Math.floor(seconds / 60)}:${two(seconds % 60)}`;
/** pr_pmem: RSS per mille of MemTotal, capped at 99.9. */
const percentMemory = (rssKb: number, totalKb: number) => {
  const perMille = Math.min(999, Math.floor((rssKb * 1000) / totalKb));
  return `${String(Math.floor(perMille / 10)).padStart(2)}.${perMille % 10}`;
};

const COLUMNS = {
  uid: { header: 'UID', width: 8, justify: 'user', value: (r) => r.user },
  user: { header: 'USER', width: 8, justify: 'user', value: (r) => r.user },
  pid: { header: 'PID', width: 7, justify: 'right', value: (r) => String(r.pid) },
  ppid: { header: 'PPID', width: 7, justify: 'right', value: (r) => String(r.ppid) },
  c: { header: 'C', width: 2, justify: 'right', value: (r) => String(Math.floor(r.cpuTenths / 10)) },
  stime: { header: 'STIME', width: 5, justify: 'left', value: (r, clock) => startTime(r.startMs, clock.nowMs) },
  start: { header: 'START', width: 5, justify: 'right', value: (r, clock) => startTime(r.startMs, clock.nowMs) },
  tty: { header: 'TTY', width: 8, justify: 'left', value: (r) => r.tty ?? '?' },
  time: { header: 'TIME', width: 8, justify: 'right', value: (r) => sysvTime(r.cpuSeconds) },
  bsdTime: { header: 'TIME', width: 6, justify: 'right', value: (r) => bsdTime(r.cpuSeconds) },
  pcpu: {
    header: '%CPU',
    width: 4,
    justify: 'right',
    value: (r) => `${Math.floor(r.cpuTenths / 10)}.${r.cpuTenths % 10}`,
  },
  pmem: { header: '%MEM', width: 4, justify: 'right', value: (r, clock) => percentMemory(r.rssKb, clock.memTotalKb) },
  vsz: { header: 'VSZ', width: 6, justify: 'right', value: (r) => String(r.vszKb) },
  rss: { header: 'RSS', width: 5, justify: 'right', value: (r) => String(r.rssKb) },
  stat: { header: 'STAT', width: 4, justify: 'left', value: (r) => r.stat },
  comm: { header: 'CMD', width: 0, justify: 'unlimited', value: (r) => r.comm },
  cmd: { header: 'CMD', width: 0, justify: 'unlimited', value: (r) => r.argv.join(' ') },
  command: { header: 'COMMAND', width: 0, justify: 'unlimited', value: (r) => r.argv.join(' ') },
} satisfies Record<string, Column>;

/** The formats' columns (sortformat.c and display.c: the SysV default, -f, BSD u and BSD default). */
const FORMATS: Record<PsFormat, readonly Column[]> = {
  default: [COLUMNS.pid, COLUMNS.tty, COLUMNS.time, COLUMNS.comm],
  full: [COLUMNS.uid, COLUMNS.pid, COLUMNS.ppid, COLUMNS.c, COLUMNS.stime, COLUMNS.tty, COLUMNS.time, COLUMNS.cmd],
  user: [
    COLUMNS.user,
    COLUMNS.pid,
    COLUMNS.pcpu,
    COLUMNS.pmem,
    COLUMNS.vsz,
    COLUMNS.rss,
    COLUMNS.tty,
    COLUMNS.stat,
    COLUMNS.start,
    COLUMNS.bsdTime,
    COLUMNS.command,
  ],
  bsd: [COLUMNS.pid, COLUMNS.tty, COLUMNS.stat, COLUMNS.bsdTime, COLUMNS.command],
};

/** A user name wider than its column ends in `+` (`message+`), as procps shortens it. */
function fitUser(name: string, width: number): string {
  return name.length > width ? `${name.slice(0, width - 1)}+` : name;
}

/**
 * show_one_proc: `correct` is where the row should be, `actual` where it is.
 * A right-aligned field gets its padding; any column starts with at least one space.
 */
function renderRow(columns: readonly Column[], cells: readonly string[]): string {
  let line = '';
  let correct = 0;
  let actual = 0;
  columns.forEach((column, index) => {
    const text = column.justify === 'user' ? fitUser(cells[index]!, column.width) : cells[index]!;
    const leftpad = column.justify === 'right' ? Math.max(0, column.width - text.length) : 0;
    let space = correct - actual + leftpad;
    if (space < 1) space = index === 0 ? 0 : 1;
    line += ' '.repeat(space) + text;
    actual += space + text.length;
    correct += column.width + 1;
  });
  return `${line}\n`;
}

/** The table ps prints for `records`, header first. */
export function formatPs(records: readonly PsRecord[], format: PsFormat, clock: PsClock): string {
  const columns = FORMATS[format];
  const header = renderRow(
    columns,
    columns.map((column) => column.header),
  );
  return (
    header +
    records
      .map((record) =>
        renderRow(
          columns,
          columns.map((column) => column.value(record, clock)),
        ),
      )
      .join('')
  );
}

/**
 * BusyBox ps (procps/ps.c, DEFAULT_O_STR `pid,user[,time],args`): PID in 5
 * columns, the user cut to 8, with FEATURE_PS_TIME the CPU time in 5
 * (format_time: `%2u:%02u`), and the command line, prefixed with `{comm}`
 * when the program's name is not where argv[0]'s basename starts
 * (libbb/procps.c read_cmdline). Alpine's build (aports busyboxconfig) and
 * the busybox image's defconfig have FEATURE_PS_TIME; Debian's package, which
 * the captures come from, does not.
 */
export function formatBusyboxPs(records: readonly PsRecord[], { time }: { readonly time: boolean }): string {
  const rows = records.map(
    (record) =>
      `${String(record.pid).padStart(5)} ${record.user.slice(0, 8).padEnd(8)} ${time ? `${busyboxTime(record.cpuSeconds)} ` : ''}${busyboxArgs(record)}\n`,
  );
  return `PID   USER     ${time ? 'TIME  ' : ''}COMMAND\n${rows.join('')}`;
}

/** format_time for the 5-character TIME column: minutes:seconds, then hours, then days. */
function busyboxTime(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${String(minutes).padStart(2)}:${String(seconds % 60).padStart(2, '0')}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${String(hours).padStart(2)}h${String(minutes % 60).padStart(2, '0')}`;
  const days = Math.floor(hours / 24);
  return days < 100
    ? `${String(days).padStart(2)}d${String(hours % 24).padStart(2, '0')}`
    : `${String(days).padStart(4)}d`;
}

function busyboxArgs(record: PsRecord): string {
  const argv0 = record.argv[0] ?? '';
  const base = argv0.slice(argv0.lastIndexOf('/') + 1);
  const args = record.argv.join(' ');
  return base.startsWith(record.comm) ? args : `{${record.comm}} ${args}`;
}
