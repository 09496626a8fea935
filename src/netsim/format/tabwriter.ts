import { goTabwriter } from './go-tabwriter';

/**
 * Rows of cells through docker/cli's tabwriter (go-tabwriter.ts), for tables
 * built as cells rather than as template text: every cell but the last of a row
 * is padded to the widest cell of its column plus `padding`, and to at least
 * `minWidth`. Each row ends with a newline.
 */
export function tabulate(rows: readonly (readonly string[])[], minWidth = 10, padding = 3): string {
  return goTabwriter(rows.map((row) => `${row.join('\t')}\n`).join(''), minWidth, padding);
}
