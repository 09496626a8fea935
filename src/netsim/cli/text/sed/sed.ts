import { fail, type CommandResult, type Program, type ProcessContext } from '../../command';
import { ERRNO_TEXT } from '../../../kernel/filesystem';
import { absolute } from '../../files/paths';
import { getoptLong, type OptionSpec } from '../../getopt';
import { busyboxUsage, isBusybox, type TextDialect } from '../dialect';
import { long, readInputs, short } from '../input';
import { SedMachine, SedRuntimeError, type InputLine, type SedIo } from './execute';
import { compileScript, type SedCommand } from './script';
import { GNU_SED_USAGE } from './usage';

const GNU_OPTIONS: OptionSpec[] = [
  short('n', false, 'quiet'),
  long('silent'),
  short('e', true, 'expression'),
  short('f', true, 'file'),
  { short: 'i', long: 'in-place', takesValue: false, optionalValue: true },
  short('E', false, 'regexp-extended'),
  short('r'),
  short('s', false, 'separate'),
  short('z', false, 'null-data'),
  short('u', false, 'unbuffered'),
  short('l', true, 'line-length'),
  long('posix'),
  long('debug'),
  long('sandbox'),
  long('follow-symlinks'),
];
const BUSYBOX_OPTIONS: OptionSpec[] = [
  short('n', false, 'quiet'),
  long('silent'),
  short('e', true, 'expression'),
  short('f', true, 'file'),
  { short: 'i', long: 'in-place', takesValue: false, optionalValue: true },
  short('E', false, 'regexp-extended'),
  short('r'),
];

interface SedArguments {
  readonly expressions: readonly string[];
  readonly files: readonly string[];
  readonly quiet: boolean;
  readonly extended: boolean;
  readonly separate: boolean;
  /** -i: edit the files; the backup suffix when one was given. */
  readonly inPlace: { readonly suffix: string | undefined } | undefined;
}

function parseArguments(
  args: readonly string[],
  dialect: TextDialect,
  context: ProcessContext,
): SedArguments | CommandResult {
  const busybox = isBusybox(dialect);
  const { events, operands } = getoptLong(
    'sed',
    args,
    busybox ? BUSYBOX_OPTIONS : GNU_OPTIONS,
    dialect === 'busybox-musl' ? 'musl' : 'glibc',
  );
  const expressions: string[] = [];
  let quiet = false;
  let extended = false;
  let separate = false;
  let inPlace: SedArguments['inPlace'];
  for (const event of events) {
    if (event.kind === 'error')
      return busybox ? busyboxUsage('sed', event.message) : fail(event.message + GNU_SED_USAGE);
    const name = event.spec.long ?? event.spec.short;
    if (name === 'quiet' || name === 'silent') quiet = true;
    else if (name === 'expression') expressions.push(event.value!);
    else if (name === 'file') {
      const read = context.readFile?.(absolute(event.value!, context)) ?? { error: 'ENOENT' as const };
      if ('error' in read)
        return fail(
          busybox
            ? `sed: can't open '${event.value}': No such file or directory\n`
            : `sed: couldn't open file ${event.value}: No such file or directory\n`,
        );
      expressions.push(read.content.replace(/\n$/, ''));
    } else if (name === 'regexp-extended' || name === 'r') extended = true;
    else if (name === 'separate') separate = true;
    else if (name === 'in-place') inPlace = { suffix: event.value };
  }
  const files = [...operands];
  if (expressions.length === 0) {
    const script = files.shift();
    if (script === undefined) return busybox ? busyboxUsage('sed') : fail(GNU_SED_USAGE);
    expressions.push(script);
  }
  return { expressions, files, quiet, extended, separate: separate || inPlace !== undefined, inPlace };
}

const linesOfInput = (content: string): InputLine[] => {
  const pieces = content.split('\n');
  const last = pieces.pop()!;
  const lines = pieces.map((text) => ({ text, newline: true }));
  return last === '' ? lines : [...lines, { text: last, newline: false }];
};

/** GNU's `-e expression #N, char M: ` before a message; BusyBox names only the problem. */
function syntaxMessage(
  dialect: TextDialect,
  failure: { error: { gnu: string; busybox: string; position: number }; expression: number },
): string {
  if (isBusybox(dialect)) return `sed: ${failure.error.busybox}\n`;
  return `sed: -e expression #${failure.expression}, char ${failure.error.position}: ${failure.error.gnu}\n`;
}

/**
 * sed: GNU sed 4.9 on Debian, BusyBox's applet in its images. Expressions from
 * -e or the first operand, files read as one stream (each apart with -s or -i),
 * -n, -E/-r, -i[SUFFIX] writing each file back. A file that cannot be read is
 * reported and skipped: GNU then exits 2, BusyBox 1.
 */
export function sedProgram(dialect: TextDialect): Program {
  const busybox = isBusybox(dialect);
  return {
    name: 'sed',
    run(args, context) {
      const parsed = parseArguments(args, dialect, context);
      if ('exitCode' in parsed) return parsed;
      const commands = compileScript(parsed.expressions, { extended: parsed.extended, busybox });
      if (!Array.isArray(commands)) return fail(syntaxMessage(dialect, commands));
      const probe = new SedMachine(commands, parsed.quiet, noIo);
      const missing = probe.missingLabel();
      if (missing !== undefined)
        return fail(
          busybox
            ? `sed: can't find label for jump to '${missing}'\n`
            : `sed: -e expression #1, char 0: can't find label for jump to \`${missing}'\n`,
        );
      if (parsed.inPlace && parsed.files.length === 0)
        return busybox ? fail('sed: -i requires an argument\n') : fail('sed: no input files\n', 4);
      try {
        return parsed.inPlace
          ? editInPlace(commands, parsed, context, dialect)
          : stream(commands, parsed, context, dialect);
      } catch (error) {
        if (error instanceof SedRuntimeError) return fail(`sed: ${error.message}\n`, busybox ? 1 : 4);
        throw error;
      }
    },
  };
}

const noIo: SedIo = { readFile: () => undefined, writeFile: () => undefined };

function ioOf(context: ProcessContext): SedIo & { written: Map<string, string> } {
  const written = new Map<string, string>();
  return {
    written,
    readFile: (name) => {
      const read = context.readFile?.(absolute(name, context));
      return read && 'content' in read ? read.content : undefined;
    },
    writeFile: (name, text) => written.set(name, (written.get(name) ?? '') + text),
  };
}

/** w's files, created as the script starts and filled as it runs (GNU opens them at compile time). */
function writeFiles(commands: readonly SedCommand[], written: Map<string, string>, context: ProcessContext): void {
  const names = new Set(
    commands.flatMap((command) =>
      command.name === 'w'
        ? [command.file!]
        : command.substitution?.writeTo !== undefined
          ? [command.substitution.writeTo]
          : [],
    ),
  );
  for (const name of names) {
    if (name === '/dev/stdout' || name === '/dev/stderr' || !context.files) continue;
    context.files.fs.write(absolute(name, context), written.get(name) ?? '', context.files.who);
  }
}

function stream(
  commands: readonly SedCommand[],
  parsed: SedArguments,
  context: ProcessContext,
  dialect: TextDialect,
): CommandResult {
  const io = ioOf(context);
  let stderr = '';
  const texts: string[] = [];
  for (const input of readInputs(parsed.files, context)) {
    if ('error' in input)
      stderr += isBusybox(dialect)
        ? `sed: ${input.name}: ${input.error}\n`
        : `sed: can't read ${input.name}: ${input.error}\n`;
    else texts.push(input.content);
  }
  let stdout = '';
  let exitCode: number | undefined;
  if (parsed.separate) {
    for (const text of texts) {
      const run = new SedMachine(commands, parsed.quiet, io).run(linesOfInput(text));
      stdout += run.output;
      if ((exitCode = run.exitCode) !== undefined) break;
    }
  } else {
    // One stream: a last line without a newline is followed by the next file's first line on a line of its own.
    const lines = texts.flatMap((text, index) =>
      linesOfInput(text).map((line, at, all) =>
        at === all.length - 1 && index < texts.length - 1 ? { ...line, newline: true } : line,
      ),
    );
    const run = new SedMachine(commands, parsed.quiet, io).run(lines);
    stdout = run.output;
    exitCode = run.exitCode;
  }
  writeFiles(commands, io.written, context);
  return { stdout, stderr, exitCode: exitCode ?? (stderr ? (isBusybox(dialect) ? 1 : 2) : 0) };
}

/** -i: each file through the script on its own, its output written back in its place (and the original kept under the suffix). */
function editInPlace(
  commands: readonly SedCommand[],
  parsed: SedArguments,
  context: ProcessContext,
  dialect: TextDialect,
): CommandResult {
  const io = ioOf(context);
  let stderr = '';
  const files = context.files;
  for (const input of readInputs(parsed.files, context)) {
    if ('error' in input) {
      stderr += isBusybox(dialect)
        ? `sed: ${input.name}: ${input.error}\n`
        : `sed: can't read ${input.name}: ${input.error}\n`;
      continue;
    }
    const run = new SedMachine(commands, parsed.quiet, io).run(linesOfInput(input.content));
    const path = absolute(input.name, context);
    if (files) {
      const { suffix } = parsed.inPlace!;
      if (suffix)
        files.fs.write(
          suffix.includes('*')
            ? absolute(suffix.replaceAll('*', input.name.replace(/^.*\//, '')), context)
            : `${path}${suffix}`,
          input.content,
          files.who,
        );
      const error = files.fs.write(path, run.output, files.who);
      if (error) stderr += `sed: couldn't open temporary file ${input.name}: ${ERRNO_TEXT[error]}\n`;
    }
    if (run.exitCode !== undefined) return { stdout: '', stderr, exitCode: run.exitCode };
  }
  writeFiles(commands, io.written, context);
  return { stdout: '', stderr, exitCode: stderr ? (isBusybox(dialect) ? 1 : 2) : 0 };
}
