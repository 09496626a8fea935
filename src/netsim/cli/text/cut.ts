import type { Program } from '../command';
import { coreutilsOptions, linesOf, readInputs, short, long, tryHelp } from './input';

const OPTIONS = [
  short('d', true, 'delimiter'),
  short('f', true, 'fields'),
  short('c', true, 'characters'),
  short('b', true, 'bytes'),
  short('s', false, 'only-delimited'),
  long('complement'),
  long('output-delimiter', true),
];

interface Range {
  readonly from: number;
  readonly to: number;
}

/** `1,3`, `2-`, `-3`, `1-3` as set_fields reads them (cut.c), or its complaint. */
function parseList(text: string, unit: 'fields' | 'bytes' | 'characters'): Range[] | string {
  const ranges: Range[] = [];
  const numbered = unit === 'fields' ? 'fields are numbered from 1' : 'byte/character positions are numbered from 1';
  for (const item of text.split(/[, ]/)) {
    const match = /^(\d*)(-?)(\d*)$/.exec(item);
    if (!match || item === '' || item === '-')
      return item === '-'
        ? 'invalid range with no endpoint: -'
        : `invalid ${unit === 'fields' ? 'field' : 'byte/character position'} value '${item}'`;
    const [, start, dash, end] = match;
    if (start === '0' || (dash === '' && Number(start) === 0) || end === '0') return numbered;
    const from = start === '' ? 1 : Number(start);
    const to = dash === '' ? from : end === '' ? Infinity : Number(end);
    if (to < from) return 'invalid decreasing range';
    ranges.push({ from, to });
  }
  return ranges;
}

const selected = (ranges: readonly Range[], position: number, complement: boolean) =>
  ranges.some((r) => position >= r.from && position <= r.to) !== complement;

/** GNU cut: -f with -d (TAB by default), -c and -b on characters. */
export const cutProgram: Program = {
  name: 'cut',
  run(args, context) {
    const parsed = coreutilsOptions('cut', args, OPTIONS);
    if ('failure' in parsed) return parsed.failure;
    const value = (name: string) => parsed.options.filter((option) => option.name === name).at(-1)?.value;
    const modes = (['fields', 'characters', 'bytes'] as const).filter((mode) => value(mode) !== undefined);
    if (modes.length === 0) return tryHelp('cut', 'cut: you must specify a list of bytes, characters, or fields\n');
    if (modes.length > 1) return tryHelp('cut', 'cut: only one list may be specified\n');
    const mode = modes[0]!;
    const delimiter = value('delimiter') ?? '\t';
    if (delimiter.length > 1) return tryHelp('cut', 'cut: the delimiter must be a single character\n');
    if (mode !== 'fields' && value('delimiter') !== undefined)
      return tryHelp('cut', 'cut: an input delimiter may be specified only when operating on fields\n');
    const ranges = parseList(value(mode)!, mode);
    if (typeof ranges === 'string') return tryHelp('cut', `cut: ${ranges}\n`);
    const complement = parsed.options.some((option) => option.name === 'complement');
    const onlyDelimited = parsed.options.some((option) => option.name === 'only-delimited');
    const outputDelimiter = value('output-delimiter') ?? (mode === 'fields' ? delimiter : '');
    const cutLine = (line: string): string | undefined => {
      if (mode !== 'fields')
        return [...line].filter((_, index) => selected(ranges, index + 1, complement)).join(outputDelimiter);
      if (!line.includes(delimiter)) return onlyDelimited ? undefined : line;
      return line
        .split(delimiter)
        .filter((_, index) => selected(ranges, index + 1, complement))
        .join(outputDelimiter);
    };
    let stdout = '';
    let stderr = '';
    for (const input of readInputs(parsed.operands, context)) {
      if ('error' in input) stderr += `cut: ${input.name}: ${input.error}\n`;
      else
        stdout += linesOf(input.content)
          .flatMap((line) => {
            const cut = cutLine(line);
            return cut === undefined ? [] : [`${cut}\n`];
          })
          .join('');
    }
    return { stdout, stderr, exitCode: stderr ? 1 : 0 };
  },
};
