import type { Program } from '../command';
import { coreutilsOptions, linesOf, readInputs, short } from './input';

const OPTIONS = [
  short('n', false, 'numeric-sort'),
  short('r', false, 'reverse'),
  short('u', false, 'unique'),
  short('k', true, 'key'),
  short('t', true, 'field-separator'),
  short('f', false, 'ignore-case'),
  short('b', false, 'ignore-leading-blanks'),
  short('h', false, 'human-numeric-sort'),
];

interface Key {
  readonly startField: number;
  readonly endField: number | undefined;
  /** The key's own letters (`-k3,3n`); a key with none takes the global options (sort.c). */
  readonly modifiers: string;
}

/** quote() in a UTF-8 locale: curly quotes. */
const quoted = (text: string) => `\u2018${text}\u2019`;

/** `-k 2`, `-k 2,3`, `-k3,3nr`. */
function parseKey(text: string): Key | string {
  const match = /^(\d+)(?:\.\d+)?([bdfgiMhnRrV]*)(?:,(\d+)(?:\.\d+)?([bdfgiMhnRrV]*))?$/.exec(text);
  if (!match) return `sort: invalid number at field start: invalid count at start of ${quoted(text)}\n`;
  if (Number(match[1]) === 0) return `sort: field number is zero: invalid field specification ${quoted(text)}\n`;
  return {
    startField: Number(match[1]),
    endField: match[3] === undefined ? undefined : Number(match[3]),
    modifiers: (match[2] ?? '') + (match[4] ?? ''),
  };
}

/** Fields as sort sees them: without -t, each field starts at a run of blanks that precedes it. */
function keyOf(line: string, key: Key | undefined, separator: string | undefined): string {
  if (!key) return line;
  const fields = separator === undefined ? (line.match(/[ \t]*[^ \t]+|[ \t]+$/g) ?? []) : line.split(separator);
  const end = key.endField ?? fields.length;
  return fields.slice(key.startField - 1, end).join(separator ?? '');
}

/** strtold-like leading number: blanks, sign, digits, a decimal point; anything else is 0. */
function numericValue(text: string): number {
  const match = /^[ \t]*(-?\d*\.?\d*)/.exec(text);
  const value = Number.parseFloat(match?.[1] ?? '');
  return Number.isNaN(value) ? 0 : value;
}

/** C.UTF-8 collation: code point order, which is byte order for UTF-8. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** GNU sort in the C.UTF-8 locale: keys compared, ties broken by the whole line unless -u. */
export const sortProgram: Program = {
  name: 'sort',
  run(args, context) {
    const parsed = coreutilsOptions('sort', args, OPTIONS);
    if ('failure' in parsed) return { ...parsed.failure, exitCode: 2 };
    const has = (name: string) => parsed.options.some((option) => option.name === name);
    const keys: Key[] = [];
    let separator: string | undefined;
    for (const { name, value } of parsed.options) {
      if (name === 'key') {
        const key = parseKey(value!);
        if (typeof key === 'string') return { stdout: '', stderr: key, exitCode: 2 };
        keys.push(key);
      } else if (name === 'field-separator') {
        if (value!.length !== 1)
          return {
            stdout: '',
            stderr: value === '' ? 'sort: empty tab\n' : `sort: multi-character tab '${value}'\n`,
            exitCode: 2,
          };
        separator = value;
      }
    }
    const inputs = readInputs(parsed.operands, context);
    const failed = inputs.find((input) => 'error' in input);
    if (failed && 'error' in failed)
      return { stdout: '', stderr: `sort: cannot read: ${failed.name}: ${failed.error}\n`, exitCode: 2 };
    const lines = inputs.flatMap((input) => ('content' in input ? linesOf(input.content) : []));
    const global = parsed.options
      .map(
        (option) =>
          ({ 'numeric-sort': 'n', 'human-numeric-sort': 'h', reverse: 'r', 'ignore-case': 'f' })[option.name] ?? '',
      )
      .join('');
    const compareKeys = (a: string, b: string): number => {
      for (const key of keys.length > 0 ? keys : [undefined]) {
        const letters = key?.modifiers || global;
        const [x, y] = [keyOf(a, key, separator), keyOf(b, key, separator)];
        const fold = (text: string) => (letters.includes('f') ? text.toUpperCase() : text);
        const order = /[nh]/.test(letters) ? numericValue(x) - numericValue(y) : compareText(fold(x), fold(y));
        if (order !== 0) return letters.includes('r') ? -order : order;
      }
      return 0;
    };
    // The last-resort comparison of whole lines follows the global -r only.
    const lastResort = (a: string, b: string) => (has('unique') ? 0 : (has('reverse') ? -1 : 1) * compareText(a, b));
    const sorted = [...lines].sort((a, b) => compareKeys(a, b) || lastResort(a, b));
    const unique = has('unique')
      ? sorted.filter((line, index) => index === 0 || compareKeys(sorted[index - 1]!, line) !== 0)
      : sorted;
    return { stdout: unique.map((line) => `${line}\n`).join(''), stderr: '', exitCode: 0 };
  },
};
