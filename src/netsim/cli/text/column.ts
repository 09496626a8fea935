import { collect, fail, type OutputChunk, type Program } from '../command';
import { linesOf, readInputs, short } from './input';
import { textOptions } from './dialect';

const OPTIONS = [
  short('t', false, 'table'),
  short('s', true, 'separator'),
  short('o', true, 'output-separator'),
  short('x', false, 'fillrows'),
  short('c', true, 'output-width'),
  short('n', true, 'table-name'),
  short('N', true, 'table-columns'),
  short('R', true, 'table-right'),
  short('L', false, 'keep-empty-lines'),
];

/**
 * column -t (util-linux text-utils/column.c, bsdextrautils on Debian 13): cells
 * split at runs of the -s characters (blanks by default), every column as wide
 * as its widest cell and two spaces apart (-o changes that). Each row has every
 * column, empty cells padded too; only the last column is not padded. Empty
 * lines are dropped.
 */
export const columnProgram: Program = {
  name: 'column',
  run(args, context) {
    const parsed = textOptions('column', args, OPTIONS, 'gnu');
    if ('failure' in parsed) return parsed.failure;
    const value = (name: string) => parsed.options.filter((option) => option.name === name).at(-1)?.value;
    if (!parsed.options.some((option) => option.name === 'table'))
      return fail('netsim: column without -t (filling columns) is not simulated\n');
    const separators = value('separator') ?? ' \t';
    const splitter = new RegExp(`[${separators.replace(/[\]\\^-]/g, '\\$&')}]+`);
    const rows: string[][] = [];
    const output: OutputChunk[] = [];
    let failed = false;
    for (const input of readInputs(parsed.operands, context)) {
      if ('error' in input) {
        failed = true;
        output.push({ stream: 'stderr', text: `column: ${input.name}: ${input.error}\n` });
        continue;
      }
      for (const line of linesOf(input.content)) {
        // Separators at either end make no empty cell.
        const cells = line.split(splitter).filter((cell) => cell !== '');
        if (cells.length > 0) rows.push(cells);
      }
    }
    output.unshift({ stream: 'stdout', text: table(rows, value('output-separator') ?? '  ') });
    return collect(output, failed ? 1 : 0);
  },
};

function table(rows: readonly string[][], separator: string): string {
  const count = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: count }, (_, column) =>
    Math.max(...rows.map((row) => [...(row[column] ?? '')].length)),
  );
  return rows
    .map(
      (row) =>
        widths
          .map((width, column) => (column === count - 1 ? (row[column] ?? '') : padEnd(row[column] ?? '', width)))
          .join(separator) + '\n',
    )
    .join('');
}

/** Padding by characters, not UTF-16 units: `…` is one column. */
const padEnd = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - [...text].length));
