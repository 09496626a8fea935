/**
 * ss's table (iproute2 misc/ss.c, v6.15 as in Debian 13): every field is
 * buffered, each column is as wide as its longest field plus its left
 * delimiter, and with no terminal and no COLUMNS the columns are not spread
 * ("compact output", render_calc_width); on a terminal the width left on each
 * line is shared among its columns. Addresses are right-aligned and end
 * with the `:` before the port; `Recv-Q`/`Send-Q` are printed with `%-6d`;
 * the process column starts with a space (` users:((...))`).
 */

export interface SsProcess {
  readonly name: string;
  readonly pid: number;
  readonly fd: number;
}

export interface SsRow {
  readonly netid: 'tcp' | 'udp';
  readonly state: 'LISTEN' | 'UNCONN' | 'ESTAB' | 'TIME-WAIT';
  readonly recvQ: number;
  readonly sendQ: number;
  /** `0.0.0.0`, `[::]`, `*` (a dual-stack `::`), `127.0.0.11`. */
  readonly local: string;
  readonly localPort: string;
  readonly peer: string;
  readonly peerPort: string;
  /** Processes holding the socket, as -p finds them; none when the owner is outside the PID namespace. */
  readonly users: readonly SsProcess[];
  /** What -o adds after the columns: ` timer:(timewait,59sec,0)`. */
  readonly ext?: string;
}

/**
 * Which columns are on: Netid with more than one protocol, State with more than
 * one state asked for (`state listening` hides it), Process with -p (ss >= 6.8
 * drops it otherwise).
 */
export interface SsColumns {
  readonly netid: boolean;
  readonly state: boolean;
  readonly process: boolean;
}

type Align = 'left' | 'right';
interface Column {
  readonly align: Align;
  readonly header: string;
  readonly delimiter: string;
  readonly cell: (row: SsRow) => string;
}

const usersText = (users: readonly SsProcess[]) =>
  users.length === 0 ? '' : ` users:(${users.map((p) => `("${p.name}",pid=${p.pid},fd=${p.fd})`).join(',')})`;

const COLUMNS: Record<string, Column> = {
  netid: { align: 'left', header: 'Netid', delimiter: '', cell: (row) => row.netid },
  state: { align: 'left', header: 'State', delimiter: ' ', cell: (row) => row.state },
  recvQ: { align: 'left', header: 'Recv-Q', delimiter: ' ', cell: (row) => String(row.recvQ).padEnd(6) },
  sendQ: { align: 'left', header: 'Send-Q', delimiter: ' ', cell: (row) => String(row.sendQ).padEnd(6) },
  local: { align: 'right', header: 'Local Address:', delimiter: ' ', cell: (row) => `${row.local}:` },
  localPort: { align: 'left', header: 'Port', delimiter: '', cell: (row) => row.localPort },
  peer: { align: 'right', header: 'Peer Address:', delimiter: ' ', cell: (row) => `${row.peer}:` },
  peerPort: { align: 'left', header: 'Port', delimiter: '', cell: (row) => row.peerPort },
  process: { align: 'left', header: 'Process', delimiter: '', cell: (row) => usersText(row.users) },
  ext: { align: 'left', header: '', delimiter: '', cell: (row) => row.ext ?? '' },
};

/**
 * print_ms_timer: minutes, then seconds, then milliseconds, each only when not
 * zero; past 9 seconds (or with minutes) the milliseconds are dropped, and past
 * 9 minutes the seconds: 59sec, 5.200ms, 1min12sec.
 */
export function msTimer(timeoutMs: number): string {
  let secs = Math.trunc(timeoutMs / 1000);
  const minutes = Math.trunc(secs / 60);
  secs %= 60;
  let msecs = timeoutMs % 1000;
  let text = '';
  if (minutes) {
    msecs = 0;
    text = `${minutes}min`;
    if (minutes > 9) secs = 0;
  }
  if (secs) {
    if (secs > 9) msecs = 0;
    text += `${secs}${msecs ? '.' : 'sec'}`;
  }
  if (msecs) text += `${String(msecs).padStart(3, '0')}ms`;
  return text;
}

/**
 * The table, its columns spread over `screenWidth` (render_screen_width: the
 * terminal's width, or COLUMNS) or packed when there is none.
 */
export function formatSs(rows: readonly SsRow[], columns: SsColumns, screenWidth?: number): string {
  const shown = Object.entries(COLUMNS)
    .filter(([key]) => (key === 'netid' || key === 'state' || key === 'process' ? columns[key] : true))
    .map(([, column]) => column);
  const table = [shown.map((column) => column.header), ...rows.map((row) => shown.map((column) => column.cell(row)))];
  // The last line's last field is never flushed (render: "it wasn't necessarily flushed"), so its length does not count.
  const measured = (index: number) => (shown[index] === COLUMNS.ext ? table.slice(0, -1) : table);
  const longest = shown.map((_, index) =>
    measured(index).reduce((widest, cells) => Math.max(widest, cells[index]!.length), 0),
  );
  const widths = columnWidths(shown, longest, screenWidth);
  return table.map((cells) => renderLine(shown, widths, cells)).join('');
}

/**
 * render_calc_width. First pass: each column as wide as its longest field, plus
 * its left delimiter unless it starts the line, and no wider than the screen.
 * Second pass (only with a screen width): columns are taken while they fit; a
 * line's leftover width is shared among its columns, the remainder one column at
 * a time from the right, and the column that did not fit starts the next line.
 */
export function columnWidths(
  columns: readonly Pick<Column, 'delimiter'>[],
  longest: readonly number[],
  screenWidth?: number,
): number[] {
  const screen = screenWidth ?? Number.MAX_SAFE_INTEGER;
  let first = true;
  const widths = columns.map((column, index) => {
    const measured = longest[index]!;
    const width = Math.min(!first && measured > 0 ? measured + column.delimiter.length : measured, screen);
    if (width > 0) first = false;
    return width;
  });
  if (screenWidth === undefined) return widths;
  let len = 0;
  let lineColumns = 0;
  let endOfLine = -1;
  for (let c = 0; c < widths.length; c++) {
    if (widths[c] === 0) continue;
    lineColumns++;
    len += widths[c]!;
    const last = !widths.slice(c + 1).some((width) => width > 0);
    if (!last && len < screen) continue;
    if (len !== screen) {
      if (len > screen) {
        // Screen width exceeded: go back one column.
        len -= widths[c]!;
        c--;
        lineColumns--;
      }
      const pad = screen - len;
      const spacing = Math.trunc(pad / lineColumns);
      let remainder = pad % lineColumns;
      for (let tmp = c; tmp > endOfLine; tmp--) {
        if (widths[tmp] === 0) continue;
        widths[tmp]! += spacing;
        if (remainder > 0) {
          widths[tmp]!++;
          remainder--;
        }
      }
    }
    endOfLine = c;
    len = 0;
    lineColumns = 0;
  }
  return widths;
}

/**
 * ss.c render(): the left delimiter once a line has started, spacing before
 * right-aligned and after left-aligned fields, the last one's too (print_right_spacing).
 */
function renderLine(columns: readonly Column[], widths: readonly number[], cells: readonly string[]): string {
  let line = '';
  let started = false;
  columns.forEach((column, index) => {
    const width = widths[index]!;
    if (width === 0 && !started) return;
    const delimiter = started ? column.delimiter : '';
    started = true;
    const cell = cells[index]!;
    if (column.align === 'right')
      line += delimiter + ' '.repeat(Math.max(0, width - cell.length - delimiter.length)) + cell;
    else line += (delimiter + cell).padEnd(width);
  });
  return `${line}\n`;
}
