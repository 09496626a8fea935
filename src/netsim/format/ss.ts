/**
 * ss's table (iproute2 misc/ss.c, v6.15 as in Debian 13): every field is
 * buffered, each column is as wide as its longest field plus its left
 * delimiter, and with no terminal and no COLUMNS the columns are not spread
 * ("compact output", render_calc_width). Addresses are right-aligned and end
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
  readonly state: 'LISTEN' | 'UNCONN' | 'ESTAB';
  readonly recvQ: number;
  readonly sendQ: number;
  /** `0.0.0.0`, `[::]`, `*` (a dual-stack `::`), `127.0.0.11`. */
  readonly local: string;
  readonly localPort: string;
  readonly peer: string;
  readonly peerPort: string;
  /** Processes holding the socket, as -p finds them; none when the owner is outside the PID namespace. */
  readonly users: readonly SsProcess[];
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

const usersText = (users: readonly SsProcess[]) => (users.length === 0 ? '' : ` users:(${users.map((p) => `("${p.name}",pid=${p.pid},fd=${p.fd})`).join(',')})`);

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
};

export function formatSs(rows: readonly SsRow[], columns: SsColumns): string {
  const shown = Object.entries(COLUMNS)
    .filter(([key]) => (key === 'netid' || key === 'state' || key === 'process' ? columns[key] : true))
    .map(([, column]) => column);
  const table = [shown.map((column) => column.header), ...rows.map((row) => shown.map((column) => column.cell(row)))];
  let first = true;
  const widths = shown.map((column, index) => {
    const longest = table.reduce((widest, cells) => Math.max(widest, cells[index]!.length), 0);
    const width = !first && longest > 0 ? longest + column.delimiter.length : longest;
    if (width > 0) first = false;
    return width;
  });
  return table.map((cells) => renderLine(shown, widths, cells)).join('');
}

/** ss.c render(): the left delimiter once a line has started, spacing before right-aligned and after left-aligned fields. */
function renderLine(columns: readonly Column[], widths: readonly number[], cells: readonly string[]): string {
  let line = '';
  let started = false;
  columns.forEach((column, index) => {
    const width = widths[index]!;
    if (width === 0 && !started) return;
    const delimiter = started ? column.delimiter : '';
    started = true;
    const cell = cells[index]!;
    if (column.align === 'right') line += delimiter + ' '.repeat(Math.max(0, width - cell.length - delimiter.length)) + cell;
    else line += (delimiter + cell).padEnd(width);
  });
  return `${line}\n`;
}
