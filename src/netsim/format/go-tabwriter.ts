/**
 * docker/cli's fork of Go's text/tabwriter (cli/command/formatter/tabwriter),
 * as formatter.Context sets it up: `NewWriter(out, 10, 1, 3, ' ', 0)`. Text is
 * cut into lines and tab-terminated cells; a column is a block of consecutive
 * lines that all have a cell there, padded to its widest cell plus 3, and at
 * least 10. The text after a line's last tab belongs to no column.
 */
export function goTabwriter(text: string, minWidth = 10, padding = 3): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = new Array(lines.length);
  const writeLines = (from: number, to: number, widths: readonly number[]) => {
    for (let i = from; i < to; i++)
      out[i] = lines[i]!.map((cell, j) =>
        j < widths.length ? cell + ' '.repeat(widths[j]! - cellWidth(cell)) : cell,
      ).join('');
  };
  const format = (line0: number, line1: number, widths: number[]): void => {
    const column = widths.length;
    for (let at = line0; at < line1; at++) {
      if (column >= lines[at]!.length - 1) continue;
      writeLines(line0, at, widths);
      line0 = at;
      let width = minWidth;
      for (; at < line1 && column < lines[at]!.length - 1; at++)
        width = Math.max(width, cellWidth(lines[at]![column]!) + padding);
      format(line0, at, [...widths, width]);
      line0 = at;
    }
    writeLines(line0, line1, widths);
  };
  format(0, lines.length, []);
  return out.join('\n');
}

/** runewidth.StringWidth for the text docker prints: one column per code point. */
function cellWidth(cell: string): number {
  // Go's tabwriter counts runes; without surrogate pairs that is the string's length, and no array is built.
  for (let index = 0; index < cell.length; index++) {
    const code = cell.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdfff) return [...cell].length;
  }
  return cell.length;
}
