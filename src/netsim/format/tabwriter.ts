/**
 * Go's text/tabwriter as docker/cli configures it for tables
 * (`tabwriter.NewWriter(out, 10, 1, 3, ' ', 0)`): every cell but the last of a row
 * is padded to the widest cell of its column plus 3, and to at least 10.
 */
export function tabulate(rows: readonly (readonly string[])[], minWidth = 10, padding = 3): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.slice(0, -1).forEach((cell, column) => {
      widths[column] = Math.max(widths[column] ?? 0, minWidth, cell.length + padding);
    });
  }
  return rows.map((row) => `${row.map((cell, column) => (column < row.length - 1 ? cell.padEnd(widths[column]!) : cell)).join('')}\n`).join('');
}
