import { getoptLong } from '../getopt';
import type { CommandResult, Program } from '../command';
import { linesOf, readInputs, short } from './input';
import { compilePattern, regexErrorText } from './regex';

const OPTIONS = [
  short('i', false, 'ignore-case'),
  short('v', false, 'invert-match'),
  short('w', false, 'word-regexp'),
  short('x', false, 'line-regexp'),
  short('E', false, 'extended-regexp'),
  short('F', false, 'fixed-strings'),
  short('G', false, 'basic-regexp'),
  short('c', false, 'count'),
  short('o', false, 'only-matching'),
  short('n', false, 'line-number'),
  short('q', false, 'quiet'),
  short('s', false, 'no-messages'),
  short('H', false, 'with-filename'),
  short('h', false, 'no-filename'),
  short('l', false, 'files-with-matches'),
  short('e', true, 'regexp'),
  short('A', true, 'after-context'),
  short('B', true, 'before-context'),
  short('C', true, 'context'),
];

const USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n";

interface GrepOptions {
  readonly flags: ReadonlySet<string>;
  /** Lines of context printed before and after each selected line (-B, -A, -C). */
  readonly context: { readonly before: number; readonly after: number };
  readonly patterns: readonly string[];
  readonly files: readonly string[];
}

/** GNU grep 3: status 0 when a line was selected, 1 when none, 2 on trouble (unless -q found one). */
export const grepProgram: Program = {
  name: 'grep',
  run(args, context) {
    const parsed = parseOptions(args);
    if ('exitCode' in parsed) return parsed;
    const matcher = compile(parsed);
    if (typeof matcher === 'string') return { stdout: '', stderr: `grep: ${matcher}\n`, exitCode: 2 };
    const { flags } = parsed;
    const inputs = readInputs(parsed.files, context);
    const named = flags.has('with-filename') || (inputs.length > 1 && !flags.has('no-filename'));
    let stdout = '';
    let stderr = '';
    let selected = false;
    for (const input of inputs) {
      const label = input.name === '-' ? '(standard input)' : input.name;
      if ('error' in input) {
        if (!flags.has('no-messages')) stderr += `grep: ${input.name}: ${input.error}\n`;
        continue;
      }
      const found = search(linesOf(input.content), matcher, flags, parsed.context);
      selected ||= found.count > 0;
      if (flags.has('quiet')) continue;
      if (flags.has('files-with-matches')) stdout += found.count > 0 ? `${label}\n` : '';
      else if (flags.has('count')) stdout += `${named ? `${label}:` : ''}${found.count}\n`;
      else stdout += found.lines.map((line) => `${named ? `${label}:` : ''}${line}\n`).join('');
    }
    if (flags.has('quiet') && selected) return { stdout: '', stderr: '', exitCode: 0 };
    return { stdout, stderr, exitCode: stderr ? 2 : selected ? 0 : 1 };
  },
};

function parseOptions(args: readonly string[]): GrepOptions | CommandResult {
  const { events, operands } = getoptLong('grep', args, OPTIONS);
  const flags = new Set<string>();
  const patterns: string[] = [];
  const context = { before: 0, after: 0 };
  for (const event of events) {
    if (event.kind === 'error') return { stdout: '', stderr: event.message + USAGE, exitCode: 2 };
    const { long } = event.spec;
    if (long === 'regexp') patterns.push(...event.value!.split('\n'));
    else if (long === 'after-context' || long === 'before-context' || long === 'context') {
      if (!/^\d+$/.test(event.value!))
        return { stdout: '', stderr: `grep: ${event.value}: invalid context length argument\n`, exitCode: 2 };
      if (long !== 'after-context') context.before = Number(event.value);
      if (long !== 'before-context') context.after = Number(event.value);
    } else flags.add(long!);
  }
  const files = [...operands];
  if (patterns.length === 0) {
    const pattern = files.shift();
    if (pattern === undefined) return { stdout: '', stderr: USAGE, exitCode: 2 };
    patterns.push(...pattern.split('\n'));
  }
  return { flags, context, patterns, files };
}

/** One JavaScript expression for all the patterns, or GNU grep's complaint. */
function compile({ flags, patterns }: GrepOptions): RegExp | string {
  const sources: string[] = [];
  for (const pattern of patterns) {
    const compiled = flags.has('fixed-strings')
      ? { source: pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') }
      : compilePattern(pattern, flags.has('extended-regexp'));
    if ('error' in compiled) return regexErrorText(compiled.error);
    sources.push(compiled.source);
  }
  let source = sources.map((s) => `(?:${s})`).join('|');
  // -w: the match must have no word character on either side; -x: the whole line.
  if (flags.has('line-regexp')) source = `^(?:${source})$`;
  else if (flags.has('word-regexp')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  return new RegExp(source, flags.has('ignore-case') ? 'gi' : 'g');
}

/** Selected lines with their prefixes; with context, neighbours as `N-` and groups apart by `--`. */
function search(
  lines: readonly string[],
  matcher: RegExp,
  flags: ReadonlySet<string>,
  context: GrepOptions['context'],
): { count: number; lines: string[] } {
  const selected = lines.map((line) => {
    matcher.lastIndex = 0;
    return matcher.test(line) !== flags.has('invert-match');
  });
  const count = selected.filter(Boolean).length;
  const out: string[] = [];
  const numbered = (index: number, separator: string) => (flags.has('line-number') ? `${index + 1}${separator}` : '');
  let lastPrinted = -1;
  selected.forEach((isSelected, index) => {
    if (!isSelected) return;
    const from = Math.max(lastPrinted + 1, index - context.before);
    if ((context.before > 0 || context.after > 0) && lastPrinted >= 0 && from > lastPrinted + 1) out.push('--');
    for (let before = from; before < index; before++) out.push(numbered(before, '-') + lines[before]);
    if (!flags.has('only-matching')) out.push(numbered(index, ':') + lines[index]);
    else if (!flags.has('invert-match')) {
      matcher.lastIndex = 0;
      for (const match of lines[index]!.matchAll(matcher))
        if (match[0] !== '') out.push(numbered(index, ':') + match[0]);
    }
    lastPrinted = index;
    for (
      let after = index + 1;
      after <= Math.min(lines.length - 1, index + context.after) && !selected[after];
      after++
    ) {
      out.push(numbered(after, '-') + lines[after]);
      lastPrinted = after;
    }
  });
  return { count, lines: out };
}
