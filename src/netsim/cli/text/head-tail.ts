import type { CommandResult, ProcessContext, Program } from '../command';
import { coreutilsOptions, readInputs, short } from './input';

const OPTIONS = [
  short('n', true, 'lines'),
  short('c', true, 'bytes'),
  short('q', false, 'quiet'),
  short('v', false, 'verbose'),
  short('f', false, 'follow'),
];

/** `-5` as the first word is the obsolete form of `-n 5`. */
function obsoleteCount(args: readonly string[]): readonly string[] {
  const [first, ...rest] = args;
  return first !== undefined && /^-\d+$/.test(first) ? ['-n', first.slice(1), ...rest] : args;
}

interface Count {
  readonly value: number;
  /** head -n -N: all but the last N; tail -n +N: from the Nth on. */
  readonly fromOtherEnd: boolean;
}

/** A count as xstrtoumax reads it, with the multiplier suffixes lessons might type. */
function parseCount(text: string, sign: '-' | '+'): Count | undefined {
  const match = /^([+-]?)(\d+)(b|k|K|kB|KB|M|MB)?$/.exec(text.trim());
  if (!match) return undefined;
  const scale = { '': 1, b: 512, k: 1024, K: 1024, kB: 1000, KB: 1000, M: 1 << 20, MB: 1e6 }[match[3] ?? '']!;
  return { value: Number(match[2]) * scale, fromOtherEnd: match[1] === sign };
}

function filter(
  program: 'head' | 'tail',
  args: readonly string[],
  context: ProcessContext,
  pick: (text: string, unit: 'lines' | 'bytes', count: Count) => string,
): CommandResult {
  const parsed = coreutilsOptions(program, obsoleteCount(args), OPTIONS);
  if ('failure' in parsed) return parsed.failure;
  let unit: 'lines' | 'bytes' = 'lines';
  let count: Count = { value: 10, fromOtherEnd: false };
  let headers: boolean | undefined;
  for (const { name, value } of parsed.options) {
    if (name === 'lines' || name === 'bytes') {
      const parsedCount = parseCount(value!, program === 'head' ? '-' : '+');
      // quote() in a UTF-8 locale: curly quotes (gnulib quotearg, locale_quoting_style).
      if (!parsedCount)
        return { stdout: '', stderr: `${program}: invalid number of ${name}: \u2018${value}\u2019\n`, exitCode: 1 };
      unit = name;
      count = parsedCount;
    } else if (name === 'quiet') headers = false;
    else if (name === 'verbose') headers = true;
  }
  const inputs = readInputs(parsed.operands, context);
  const named = headers ?? inputs.length > 1;
  let stdout = '';
  let stderr = '';
  let first = true;
  for (const input of inputs) {
    if ('error' in input) {
      stderr += `${program}: cannot open '${input.name}' for reading: ${input.error}\n`;
      continue;
    }
    if (named) stdout += `${first ? '' : '\n'}==> ${input.name === '-' ? 'standard input' : input.name} <==\n`;
    first = false;
    stdout += pick(input.content, unit, count);
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** Lines with their newlines, the last one possibly without. */
function splitKeeping(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export const headProgram: Program = {
  name: 'head',
  run: (args, context) =>
    filter('head', args, context, (text, unit, { value, fromOtherEnd }) => {
      if (unit === 'bytes')
        return fromOtherEnd ? text.slice(0, Math.max(0, text.length - value)) : text.slice(0, value);
      const lines = splitKeeping(text);
      return (fromOtherEnd ? lines.slice(0, Math.max(0, lines.length - value)) : lines.slice(0, value)).join('');
    }),
};

export const tailProgram: Program = {
  name: 'tail',
  run: (args, context) =>
    filter('tail', args, context, (text, unit, { value, fromOtherEnd }) => {
      if (unit === 'bytes')
        return fromOtherEnd ? text.slice(Math.max(0, value - 1)) : value === 0 ? '' : text.slice(-value);
      const lines = splitKeeping(text);
      return (fromOtherEnd ? lines.slice(Math.max(0, value - 1)) : value === 0 ? [] : lines.slice(-value)).join('');
    }),
};
