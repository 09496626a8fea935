import { collect, type CommandResult, type OutputChunk, type Program, type ProcessContext } from '../command';
import { short } from './input';
import { isBusybox, textOptions, type TextDialect } from './dialect';

const OPTIONS = [
  short('0', false, 'null'),
  short('a', true, 'arg-file'),
  short('d', true, 'delimiter'),
  short('I', true),
  short('i', false, 'replace'),
  short('L', true, 'max-lines'),
  short('n', true, 'max-args'),
  short('P', true, 'max-procs'),
  short('r', false, 'no-run-if-empty'),
  short('s', true, 'max-chars'),
  short('t', false, 'verbose'),
  short('x', false, 'exit'),
  short('o', false, 'open-tty'),
  short('E', true),
  short('e', false, 'eof'),
];

/** The items read, and the complaint that stopped the reading if one did. */
type Items = { items: string[]; error?: string };

/**
 * Input items as xargs reads them by default: words apart by blanks and
 * newlines, with '...' and "..." quoting (not across a newline) and backslash
 * escaping (findutils xargs.c read_line; BusyBox findutils/xargs.c process_stdin).
 */
function splitItems(input: string, dialect: TextDialect): Items {
  const items: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  for (let at = 0; at < input.length; at++) {
    const char = input[at]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\n') return { items, error: unmatched(quote, dialect) };
      else word += char;
    } else if (char === ' ' || char === '\t' || char === '\n') {
      if (word !== undefined) items.push(word);
      word = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else if (char === '\\' && at + 1 < input.length) {
      word = (word ?? '') + input[++at];
    } else word = (word ?? '') + char;
  }
  if (quote) return { items, error: unmatched(quote, dialect) };
  if (word !== undefined) items.push(word);
  return { items };
}

function unmatched(quote: string, dialect: TextDialect): string {
  const kind = quote === "'" ? 'single' : 'double';
  if (isBusybox(dialect)) return `xargs: unmatched ${kind} quote\n`;
  return `xargs: unmatched ${kind} quote; by default quotes are special to xargs unless you use the -0 option\n`;
}

/** What each run of the command is given: all items at once, N at a time (-n), or one line each with -I's string replaced. */
/**
 * The command lines to run, and the complaint that stopped the reading: GNU
 * still runs what it read before it, BusyBox runs nothing.
 */
function commandLines(
  initial: readonly string[],
  input: string,
  options: { replace?: string; maxArgs?: number; separator?: string },
  dialect: TextDialect,
): { runs: string[][]; error?: string } {
  if (options.replace !== undefined) {
    const lines = input
      .split('\n')
      .map((line) => line.replace(/^[ \t]+/, ''))
      .filter((line) => line !== '');
    return { runs: lines.map((line) => initial.map((arg) => arg.split(options.replace!).join(line))) };
  }
  const split =
    options.separator !== undefined
      ? { items: input.split(options.separator).filter((item, index, all) => item !== '' || index < all.length - 1) }
      : splitItems(input, dialect);
  const { items, error } = split;
  if (error !== undefined && (isBusybox(dialect) || items.length === 0)) return { runs: [], error };
  const size = options.maxArgs ?? Math.max(1, items.length);
  const runs: string[][] = [];
  for (let at = 0; at < items.length; at += size) runs.push([...initial, ...items.slice(at, at + size)]);
  return { runs: runs.length > 0 ? runs : [[...initial]], ...(error !== undefined ? { error } : {}) };
}

/**
 * xargs: runs a program (echo by default) with stdin's items as its arguments,
 * each run's stdin /dev/null. Status 123 when a run failed with 1-125, 124 and
 * a stop at status 255, 127 when the program is not there; with -r nothing runs
 * for empty input, else the program runs once with no items.
 */
export function xargsProgram(dialect: TextDialect): Program {
  return {
    name: 'xargs',
    run(args, context) {
      const parsed = textOptions('xargs', args, OPTIONS, dialect, 1, true);
      if ('failure' in parsed) return parsed.failure;
      const value = (name: string) => parsed.options.filter((option) => option.name === name).at(-1)?.value;
      const has = (name: string) => parsed.options.some((option) => option.name === name);
      const maxArgs = value('max-args');
      if (maxArgs !== undefined && !/^\d+$/.test(maxArgs))
        return {
          stdout: '',
          stderr: isBusybox(dialect)
            ? `xargs: invalid number '${maxArgs}'\n`
            : `xargs: invalid number "${maxArgs}" for -n option\nTry 'xargs --help' for more information.\n`,
          exitCode: 1,
        };
      const replace = value('I') ?? (has('replace') ? '{}' : undefined);
      const initial = parsed.operands.length > 0 ? parsed.operands : ['echo'];
      const input = stdinOf(context, value('arg-file'));
      if (typeof input !== 'string') return input;
      const separator = has('null') ? '\0' : value('delimiter');
      if (has('no-run-if-empty') && input.trim() === '') return { stdout: '', stderr: '', exitCode: 0 };
      const lines = commandLines(
        initial,
        input,
        {
          ...(replace !== undefined ? { replace } : {}),
          ...(maxArgs !== undefined ? { maxArgs: Math.max(1, Number(maxArgs)) } : {}),
          ...(separator !== undefined ? { separator } : {}),
        },
        dialect,
      );
      const ran = runAll(lines.runs, context, has('verbose'));
      if (lines.error === undefined) return ran;
      return collect([...(ran.output ?? []), { stream: 'stderr', text: lines.error }], 1);
    },
  };
}

function stdinOf(context: ProcessContext, file: string | undefined): string | CommandResult {
  if (file === undefined) return context.stdin;
  const read = context.readFile?.(file.startsWith('/') ? file : `${context.cwd ?? '/'}/${file}`) ?? {
    error: 'ENOENT' as const,
  };
  return 'content' in read
    ? read.content
    : { stdout: '', stderr: `xargs: ${file}: No such file or directory\n`, exitCode: 1 };
}

function runAll(lines: readonly string[][], context: ProcessContext, verbose: boolean): CommandResult {
  const output: OutputChunk[] = [];
  let status = 0;
  for (const argv of lines) {
    if (verbose) output.push({ stream: 'stderr', text: `${argv.join(' ')}\n` });
    const result = context.exec?.(argv, { stdin: '' });
    if (!result) {
      output.push({ stream: 'stderr', text: `xargs: ${argv[0]}: No such file or directory\n` });
      return collect(output, 127);
    }
    output.push(
      ...(result.output ?? [
        { stream: 'stdout', text: result.stdout },
        { stream: 'stderr', text: result.stderr },
      ]),
    );
    // Ctrl-C reaches xargs too: it dies of SIGINT with the program.
    if (result.output?.some((chunk) => chunk.stream === 'tty')) return collect(output, 130);
    if (result.exitCode === 255) {
      output.push({ stream: 'stderr', text: `xargs: ${argv[0]}: exited with status 255; aborting\n` });
      return collect(output, 124);
    }
    if (result.exitCode > 128) return collect(output, 125);
    if (result.exitCode !== 0) status = 123;
  }
  return collect(output, status);
}
