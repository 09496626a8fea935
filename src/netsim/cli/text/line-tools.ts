import { collect, fail, ok, type CommandResult, type OutputChunk, type ProcessContext, type Program } from '../command';
import { linesOf, readInputs, short } from './input';
import { busyboxUsage, isBusybox, localeQuote, textOptions, type TextDialect } from './dialect';

/** Each input's text in order, and the complaint for one that cannot be read, in the tool's words. */
function eachInput(
  operands: readonly string[],
  context: ProcessContext,
  each: (content: string) => string,
  cannotOpen: (name: string, error: string) => string,
): CommandResult {
  const output: OutputChunk[] = [];
  let failed = false;
  for (const input of readInputs(operands, context)) {
    if ('error' in input) {
      failed = true;
      output.push({ stream: 'stderr', text: cannotOpen(input.name, input.error) });
    } else output.push({ stream: 'stdout', text: each(input.content) });
  }
  return collect(output, failed ? 1 : 0);
}

const reverseLines = (content: string) => content.replace(/[^\n]+/g, (line) => [...line].reverse().join(''));

/** rev: each line backwards (util-linux text-utils/rev.c, Debian 13's util-linux; BusyBox util-linux/rev.c). */
export function revProgram(dialect: TextDialect): Program {
  return {
    name: 'rev',
    run(args, context) {
      const parsed = textOptions('rev', args, [], dialect);
      if ('failure' in parsed) return parsed.failure;
      const cannotOpen = isBusybox(dialect)
        ? (name: string, error: string) => `rev: ${name}: ${error}\n`
        : (name: string, error: string) => `rev: cannot open ${name}: ${error}\n`;
      return eachInput(parsed.operands, context, reverseLines, cannotOpen);
    },
  };
}

/**
 * nl: numbers non-empty lines as `%6d\t` (-b t); -b a numbers every line. A line
 * left unnumbered gets the number's width and the separator's in blanks, in GNU
 * (src/nl.c print_no_line_fmt) and BusyBox alike.
 */
export function nlProgram(dialect: TextDialect): Program {
  return {
    name: 'nl',
    run(args, context) {
      const parsed = textOptions(
        'nl',
        args,
        [
          short('b', true, 'body-numbering'),
          short('w', true, 'number-width'),
          short('s', true, 'number-separator'),
          short('v', true, 'starting-line-number'),
          short('i', true, 'line-increment'),
        ],
        dialect,
      );
      if ('failure' in parsed) return parsed.failure;
      const value = (name: string) => parsed.options.filter((option) => option.name === name).at(-1)?.value;
      const style = value('body-numbering') ?? 't';
      const width = Number(value('number-width') ?? 6);
      const separator = value('number-separator') ?? '\t';
      const increment = Number(value('line-increment') ?? 1);
      let next = Number(value('starting-line-number') ?? 1);
      const number = (content: string) =>
        linesOf(content)
          .map((line) => {
            if (style === 'n' || (style === 't' && line === ''))
              return `${' '.repeat(width + separator.length)}${line}\n`;
            const numbered = `${String(next).padStart(width)}${separator}${line}\n`;
            next += increment;
            return numbered;
          })
          .join('');
      return eachInput(parsed.operands, context, number, (name, error) => `nl: ${name}: ${error}\n`);
    },
  };
}

/** POSIX basename: trailing slashes off, then everything up to the last slash; `/` stays `/`. */
function baseOf(path: string, suffix: string | undefined): string {
  if (/^\/+$/.test(path)) return '/';
  const base = path.replace(/\/+$/, '').replace(/^.*\//, '');
  return suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

/** POSIX dirname: `.` for a bare name, `/` for the root. */
function directoryOf(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '.';
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  return trimmed.slice(0, slash).replace(/\/+$/, '') || '/';
}

/** basename NAME [SUFFIX], -a, -s SUFFIX (coreutils src/basename.c; BusyBox coreutils/basename.c, which shows its usage for any misuse). */
export function basenameProgram(dialect: TextDialect): Program {
  return {
    name: 'basename',
    run(args, context) {
      const parsed = textOptions(
        'basename',
        args,
        [short('a', false, 'multiple'), short('s', true, 'suffix'), short('z', false, 'zero')],
        dialect,
      );
      if ('failure' in parsed) return parsed.failure;
      const suffix = parsed.options.filter((option) => option.name === 'suffix').at(-1)?.value;
      const multiple = suffix !== undefined || parsed.options.some((option) => option.name === 'multiple');
      const { operands } = parsed;
      if (operands.length === 0) return isBusybox(dialect) ? busyboxUsage('basename') : gnuMissing('basename');
      if (!multiple && operands.length > 2)
        return isBusybox(dialect)
          ? busyboxUsage('basename')
          : fail(
              `basename: extra operand ${localeQuote(operands[2]!, context)}\nTry 'basename --help' for more information.\n`,
            );
      if (!multiple) return ok(`${baseOf(operands[0]!, operands[1])}\n`);
      return ok(operands.map((operand) => `${baseOf(operand, suffix)}\n`).join(''));
    },
  };
}

/** dirname NAME...: GNU takes several names; BusyBox exactly one. */
export function dirnameProgram(dialect: TextDialect): Program {
  return {
    name: 'dirname',
    run(args) {
      const parsed = textOptions('dirname', args, [short('z', false, 'zero')], dialect);
      if ('failure' in parsed) return parsed.failure;
      const { operands } = parsed;
      if (isBusybox(dialect) && operands.length !== 1) return busyboxUsage('dirname');
      if (operands.length === 0) return gnuMissing('dirname');
      return ok(operands.map((operand) => `${directoryOf(operand)}\n`).join(''));
    },
  };
}

const gnuMissing = (program: string) =>
  fail(`${program}: missing operand\nTry '${program} --help' for more information.\n`);

/**
 * clear: the terminfo `clear` capability, and with ncurses' clear the E3 one
 * that empties the scrollback too (`\e[3J`); BusyBox's clear writes its own
 * `\e[H\e[J` (console-tools/clear.c). Both for xterm-256color, the terminal's TERM.
 */
export function clearProgram(dialect: TextDialect): Program {
  return { name: 'clear', run: () => ok(isBusybox(dialect) ? '\x1b[H\x1b[J' : '\x1b[H\x1b[2J\x1b[3J') };
}

/** The terminal's rows: what `more` can show without a prompt is one line fewer. */
const TERMINAL_ROWS = 24;

/**
 * less and more with stdout a pipe or a file: they page nothing and copy their
 * files, as cat would. util-linux's more heads each file with its name between
 * `::::::::::::::` lines; less and BusyBox's more do not. At a terminal, more
 * shows one file that fits on the screen and exits; paging (a prompt waiting
 * for keys) and less's full screen are not simulated.
 */
export function pagerProgram(name: 'less' | 'more', dialect: TextDialect): Program {
  return {
    name,
    run(args, context) {
      const operands = args.filter((arg) => !arg.startsWith('-') || arg === '-');
      const inputs = readInputs(operands, context);
      if (context.stdoutIsTerminal) {
        const [only] = inputs;
        const fits =
          name === 'more' &&
          inputs.length === 1 &&
          only &&
          'content' in only &&
          linesOf(only.content).length < TERMINAL_ROWS;
        if (!fits) return fail(`netsim: ${name} at a terminal is not simulated; pipe it (| cat) or use cat\n`, 1);
        return ok(only.content);
      }
      const output: OutputChunk[] = [];
      let failed = false;
      for (const input of inputs) {
        if ('error' in input) {
          failed = true;
          // GNU less reports it where it would page, on stdout.
          output.push({
            stream: name === 'less' && !isBusybox(dialect) ? 'stdout' : 'stderr',
            text: cannotOpenPaged(name, dialect, input.name, input.error),
          });
          if (isBusybox(dialect)) break;
          continue;
        }
        const header =
          name === 'more' && !isBusybox(dialect) && operands.length > 0
            ? `::::::::::::::\n${input.name}\n::::::::::::::\n`
            : '';
        output.push({ stream: 'stdout', text: header + input.content });
      }
      // GNU less reports a file it cannot open and still ends with status 0; so does util-linux's more.
      return collect(output, failed && isBusybox(dialect) ? 1 : 0);
    },
  };
}

function cannotOpenPaged(name: 'less' | 'more', dialect: TextDialect, file: string, error: string): string {
  if (isBusybox(dialect)) return `${name}: can't open '${file}': ${error}\n`;
  return name === 'less' ? `${file}: ${error}\n` : `more: cannot open ${file}: ${error}\n`;
}
