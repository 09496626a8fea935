import { MONTHS } from '../wire/time-text';

/**
 * `ls` output from records: GNU coreutils' (src/ls.c) and BusyBox's
 * (coreutils/ls.c). Pure functions of the entries and the terminal width.
 */

/** One name as ls lists it, with what `-l` prints of its inode. */
export interface LsEntry {
  readonly name: string;
  /** `drwxr-xr-x`, `lrwxrwxrwx`, `crw-rw-rw-`. */
  readonly mode: string;
  readonly links: number;
  readonly owner: string;
  readonly group: string;
  /** The size, or `1, 3` for a device. */
  readonly size: string;
  readonly mtimeMs: number;
  readonly target?: string;
  /** The mode of what a symbolic link points at, when it exists: `ls -l --color` paints the target by it. */
  readonly targetMode?: string;
}

/** Paints a name for `--color`: the SGR sequence of its type around it, or the name alone. */
export type Painter = (name: string, mode: string | undefined) => string;

/**
 * GNU ls's built-in colours (ls.c color_indicator[], used when LS_COLORS is
 * unset): di 01;34, ln 01;36, ex 01;32, cd 01;33, su 37;41, sg 30;43,
 * tw 30;42, st 37;44, ow 34;42; plain files (fi) and missing targets (mi)
 * have none. Each painted name is `\e[CODESm` NAME `\e[0m`.
 */
export function gnuPainter(name: string, mode: string | undefined): string {
  const code = mode === undefined ? undefined : gnuColor(mode);
  return code === undefined ? name : `\x1b[${code}m${name}\x1b[0m`;
}

function gnuColor(mode: string): string | undefined {
  const otherWritable = mode[8] === 'w';
  const sticky = mode[9] === 't' || mode[9] === 'T';
  switch (mode[0]) {
    case 'd':
      return sticky && otherWritable ? '30;42' : sticky ? '37;44' : otherWritable ? '34;42' : '01;34';
    case 'l':
      return '01;36';
    case 'c':
      return '01;33';
    case '-':
      if (mode[3] === 's' || mode[3] === 'S') return '37;41';
      if (mode[6] === 's' || mode[6] === 'S') return '30;43';
      return /[xst]/.test(mode[3]! + mode[6]! + mode[9]!) ? '01;32' : undefined;
    default:
      return undefined;
  }
}

/**
 * ls writes `\e[0m` once, before the first name it paints (ls.c
 * print_color_indicator: prep_non_filename_text on first use).
 */
export function resetBeforeFirstColor(text: string): string {
  const first = text.indexOf('\x1b[');
  return first < 0 ? text : `${text.slice(0, first)}\x1b[0m${text.slice(first)}`;
}

/** Six months, as both ls take it (GNU: 31556952 / 2 seconds; BusyBox: 365 / 2 days). */
const GNU_RECENT_MS = (31_556_952 / 2) * 1000;
const BUSYBOX_RECENT_MS = ((3600 * 24 * 365) / 2) * 1000;

/** `%b %e %H:%M` for a recent time, `%b %e  %Y` for an old one (UTC, the machines' zone). */
function lsDate(mtimeMs: number, nowMs: number, recentMs: number): string {
  const date = new Date(mtimeMs);
  const day = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)}`;
  const age = nowMs - mtimeMs;
  // GNU: future times more than a few seconds ahead count as old; BusyBox allows 15 minutes.
  if (age < recentMs && age > -15 * 60 * 1000)
    return `${day} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${day}  ${date.getUTCFullYear()}`;
}

const plain: Painter = (name) => name;
const named = (entry: LsEntry, paint: Painter) =>
  entry.target === undefined
    ? paint(entry.name, entry.mode)
    : `${paint(entry.name, entry.mode)} -> ${paint(entry.target, entry.targetMode)}`;

/** GNU `ls -l`: each column as wide as its widest cell (gobble_file's width tracking), then the name. */
export function gnuLong(entries: readonly LsEntry[], nowMs: number, paint: Painter = plain): string {
  const width = (cells: string[]) => Math.max(0, ...cells.map((cell) => cell.length));
  const links = width(entries.map((entry) => String(entry.links)));
  const owner = width(entries.map((entry) => entry.owner));
  const group = width(entries.map((entry) => entry.group));
  const size = width(entries.map((entry) => entry.size));
  return entries
    .map(
      (entry) =>
        `${entry.mode} ${String(entry.links).padStart(links)} ${entry.owner.padEnd(owner)} ${entry.group.padEnd(group)} ${entry.size.padStart(size)} ${lsDate(entry.mtimeMs, nowMs, GNU_RECENT_MS)} ${named(entry, paint)}\n`,
    )
    .join('');
}

/** BusyBox `ls -l`: fixed widths `%-10s %4lu %-8s %-8s %9llu` and ctime's date (display_single). */
export function busyboxLong(entries: readonly LsEntry[], nowMs: number): string {
  return entries
    .map(
      (entry) =>
        `${entry.mode.padEnd(10)} ${String(entry.links).padStart(4)} ${entry.owner.padEnd(8)} ${entry.group.padEnd(8)} ${entry.size.padStart(9)} ${lsDate(entry.mtimeMs, nowMs, BUSYBOX_RECENT_MS)} ${named(entry, plain)}\n`,
    )
    .join('');
}

/**
 * GNU ls -C at a terminal of `width` columns (calculate_columns,
 * print_many_per_line): the most columns whose widths (widest name + 2, the
 * last column without its 2) stay under the width, filled down each column.
 * Painted names are padded with spaces alone: with colours on, ls sets its
 * tab size to 0, as a capture under a pseudo-terminal shows.
 */
export function gnuColumns(names: readonly string[], width: number, paint?: (index: number) => string): string {
  if (names.length === 0) return '';
  const maxColumns = Math.min(Math.floor(width / 3), names.length);
  let chosen = { columns: 1, widths: [0] };
  for (let columns = maxColumns; columns >= 1; columns--) {
    const rows = Math.ceil(names.length / columns);
    const widths = Array.from({ length: columns }, () => 3);
    names.forEach((name, index) => {
      const column = Math.floor(index / rows);
      widths[column] = Math.max(widths[column]!, name.length + (column === columns - 1 ? 0 : 2));
    });
    if (columns === 1 || widths.reduce((sum, w) => sum + w, 0) < width) {
      chosen = { columns, widths };
      break;
    }
  }
  const rows = Math.ceil(names.length / chosen.columns);
  let text = '';
  for (let row = 0; row < rows; row++) {
    let position = 0;
    for (let column = 0; column < chosen.columns; column++) {
      const name = names[column * rows + row];
      if (name === undefined) continue;
      text += paint ? paint(column * rows + row) : name;
      if (names[(column + 1) * rows + row] === undefined) break;
      const end = position + chosen.widths[column]!;
      text += paint ? ' '.repeat(end - position - name.length) : indent(position + name.length, end);
      position = end;
    }
    text += '\n';
  }
  return text;
}

/** GNU ls's indent(): tabs where a tab stop (every 8 columns, ls's default tabsize) fits, then spaces, as ls 9.1 pads its columns. */
function indent(from: number, to: number): string {
  let text = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      text += '\t';
      from += 8 - (from % 8);
    } else {
      text += ' ';
      from++;
    }
  }
  return text;
}

/** BusyBox ls at a terminal: every column as wide as the longest name + 2, as many as fit in width - 1 (display_files). */
export function busyboxColumns(names: readonly string[], width: number): string {
  if (names.length === 0) return '';
  const columnWidth = Math.max(...names.map((name) => name.length)) + 2;
  const columns = Math.max(1, Math.floor((width - 1) / columnWidth));
  return layout(names, columns, () => columnWidth);
}

function layout(names: readonly string[], columns: number, widthOf: (column: number) => number): string {
  const rows = Math.ceil(names.length / columns);
  let text = '';
  for (let row = 0; row < rows; row++) {
    const cells: string[] = [];
    for (let column = 0; column < columns; column++) {
      const name = names[column * rows + row];
      if (name !== undefined) cells.push(name);
    }
    text += `${cells.map((cell, column) => (column < cells.length - 1 ? cell.padEnd(widthOf(column)) : cell)).join('')}\n`;
  }
  return text;
}
