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
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Six months, as both ls take it (GNU: 31556952 / 2 seconds; BusyBox: 365 / 2 days). */
const GNU_RECENT_MS = (31_556_952 / 2) * 1000;
const BUSYBOX_RECENT_MS = ((3600 * 24 * 365) / 2) * 1000;

/** `%b %e %H:%M` for a recent time, `%b %e  %Y` for an old one (UTC, the machines' zone). */
function lsDate(mtimeMs: number, nowMs: number, recentMs: number): string {
  const date = new Date(mtimeMs);
  const day = `${MONTHS[date.getUTCMonth()]} ${String(date.getUTCDate()).padStart(2)}`;
  const age = nowMs - mtimeMs;
  // GNU: future times more than a few seconds ahead count as old; BusyBox allows 15 minutes.
  if (age < recentMs && age > -15 * 60 * 1000) return `${day} ${String(date.getUTCHours()).padStart(2, '0')}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
  return `${day}  ${date.getUTCFullYear()}`;
}

const named = (entry: LsEntry) => (entry.target === undefined ? entry.name : `${entry.name} -> ${entry.target}`);

/** GNU `ls -l`: each column as wide as its widest cell (gobble_file's width tracking), then the name. */
export function gnuLong(entries: readonly LsEntry[], nowMs: number): string {
  const width = (cells: string[]) => Math.max(0, ...cells.map((cell) => cell.length));
  const links = width(entries.map((entry) => String(entry.links)));
  const owner = width(entries.map((entry) => entry.owner));
  const group = width(entries.map((entry) => entry.group));
  const size = width(entries.map((entry) => entry.size));
  return entries
    .map((entry) => `${entry.mode} ${String(entry.links).padStart(links)} ${entry.owner.padEnd(owner)} ${entry.group.padEnd(group)} ${entry.size.padStart(size)} ${lsDate(entry.mtimeMs, nowMs, GNU_RECENT_MS)} ${named(entry)}\n`)
    .join('');
}

/** BusyBox `ls -l`: fixed widths `%-10s %4lu %-8s %-8s %9llu` and ctime's date (display_single). */
export function busyboxLong(entries: readonly LsEntry[], nowMs: number): string {
  return entries.map((entry) => `${entry.mode.padEnd(10)} ${String(entry.links).padStart(4)} ${entry.owner.padEnd(8)} ${entry.group.padEnd(8)} ${entry.size.padStart(9)} ${lsDate(entry.mtimeMs, nowMs, BUSYBOX_RECENT_MS)} ${named(entry)}\n`).join('');
}

/**
 * GNU ls -C at a terminal of `width` columns (calculate_columns,
 * print_many_per_line): the most columns whose widths (widest name + 2, the
 * last column without its 2) stay under the width, filled down each column.
 */
export function gnuColumns(names: readonly string[], width: number): string {
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
      text += name;
      if (names[(column + 1) * rows + row] === undefined) break;
      const end = position + chosen.widths[column]!;
      text += indent(position + name.length, end);
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
