import type { Program } from '../command';
import { coreutilsOptions, readInputs, short } from './input';

const OPTIONS = [
  short('l', false, 'lines'),
  short('w', false, 'words'),
  short('c', false, 'bytes'),
  short('m', false, 'chars'),
];
/** The columns in the order wc prints them. */
const COLUMNS = ['lines', 'words', 'chars', 'bytes'] as const;
type Column = (typeof COLUMNS)[number];

function counts(text: string): Record<Column, number> {
  const bytes = new TextEncoder().encode(text).length;
  return {
    lines: (text.match(/\n/g) ?? []).length,
    words: text.split(/[ \t\n\r\f\v]+/).filter((w) => w !== '').length,
    chars: [...text].length,
    bytes,
  };
}

/**
 * GNU wc. Column width: 1 for a single count of a single input; otherwise wide
 * enough for the total size of the named files, and at least 7 when one input
 * is not a regular file, such as a pipe (wc.c compute_number_width).
 */
export const wcProgram: Program = {
  name: 'wc',
  run(args, context) {
    const parsed = coreutilsOptions('wc', args, OPTIONS);
    if ('failure' in parsed) return parsed.failure;
    const chosen = COLUMNS.filter((column) => parsed.options.some((option) => option.name === column));
    const columns: readonly Column[] = chosen.length > 0 ? chosen : ['lines', 'words', 'bytes'];
    const inputs = readInputs(parsed.operands, context);
    const readable = inputs.flatMap((input) => ('content' in input ? [input] : []));
    const rows = readable.map((input) => ({
      name: input.name === '-' && parsed.operands.length === 0 ? '' : input.name,
      counts: counts(input.content),
    }));
    if (inputs.length > 1)
      rows.push({
        name: 'total',
        counts: Object.fromEntries(
          COLUMNS.map((c) => [c, rows.reduce((sum, row) => sum + row.counts[c], 0)]),
        ) as Record<Column, number>,
      });
    const fromPipe = inputs.some((input) => input.name === '-');
    const fileBytes = readable
      .filter((input) => input.name !== '-')
      .reduce((sum, input) => sum + counts(input.content).bytes, 0);
    const width =
      columns.length === 1 && inputs.length === 1 ? 1 : Math.max(fromPipe ? 7 : 1, String(fileBytes).length);
    const stdout = rows
      .map(
        (row) =>
          `${columns.map((c) => String(row.counts[c]).padStart(width)).join(' ')}${row.name ? ` ${row.name}` : ''}\n`,
      )
      .join('');
    const stderr = inputs
      .flatMap((input) => ('error' in input ? [`wc: ${input.name}: ${input.error}\n`] : []))
      .join('');
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};
