import { collect, type OutputChunk, type Program, type ProcessContext } from '../../command';
import { absolute } from '../../files/paths';
import { busyboxUsage, type TextDialect } from '../dialect';
import {
  AwkInterpreter,
  AwkRuntimeError,
  Runaway,
  unescape,
  type AwkFlavor,
  type AwkHost,
  type Operand,
} from './interpreter';
import { AwkSyntaxError } from './lexer';
import { parseAwk } from './parser';
import { MAWK_USAGE } from './usage';

/** Text as the bytes C programs see: one character per byte of its UTF-8, so lengths and widths count bytes as mawk's do. */
function toBytes(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

function fromBytes(bytes: string): string {
  return new TextDecoder().decode(Uint8Array.from(bytes, (char) => char.charCodeAt(0) & 0xff));
}

interface AwkArguments {
  readonly program: string;
  readonly separator: string | undefined;
  readonly assignments: readonly [string, string][];
  readonly operands: readonly string[];
}

type Parsed = AwkArguments | { readonly output: OutputChunk[]; readonly status: number };

/**
 * The options before the program, as mawk (main.c process_cmdline) and
 * BusyBox (getopt32 "+F:v:*f:*e:*W:") read them: -F, -v, -f, --.
 */
function parseArguments(
  name: string,
  args: readonly string[],
  flavor: AwkFlavor,
  context: ProcessContext,
  dialect: TextDialect,
): Parsed {
  let separator: string | undefined;
  const assignments: [string, string][] = [];
  let programFile: string | undefined;
  let at = 0;
  const failure = (text: string, status: number): Parsed => ({ output: [{ stream: 'stderr', text }], status });
  for (; at < args.length; at++) {
    const arg = args[at]!;
    if (arg === '--') {
      at++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const letter = arg[1]!;
    if (!'FvfeW'.includes(letter)) {
      if (flavor === 'mawk') return failure(`${name}: not an option: ${arg}\n`, 2);
      const usage = busyboxUsage(
        'awk',
        dialect === 'busybox-musl'
          ? `${name}: unrecognized option: ${letter}\n`
          : `${name}: invalid option -- '${letter}'\n`,
      );
      return failure(usage.stderr, 1);
    }
    const value = arg.length > 2 ? arg.slice(2) : args[++at];
    if (value === undefined)
      return flavor === 'mawk'
        ? failure(`${name}: option requires an argument -- ${letter}\n${MAWK_USAGE}`, 2)
        : failure(busyboxUsage('awk', `${name}: option requires an argument -- '${letter}'\n`).stderr, 1);
    if (letter === 'F') separator = unescape(value);
    else if (letter === 'v') {
      const equals = value.indexOf('=');
      if (equals <= 0)
        return failure(
          flavor === 'mawk' ? `${name}: improper assignment: -v ${value}\n` : `${name}: bad -v argument\n`,
          2,
        );
      assignments.push([value.slice(0, equals), value.slice(equals + 1)]);
    } else if (letter === 'f' || letter === 'e') programFile = letter === 'f' ? value : undefined;
  }
  let program: string | undefined;
  if (programFile !== undefined) {
    const read = context.readFile?.(absolute(programFile, context));
    if (!read || 'error' in read)
      return failure(
        flavor === 'mawk'
          ? `${name}: couldn't open file ${programFile}\n`
          : `${name}: can't open '${programFile}': No such file or directory\n`,
        2,
      );
    program = read.content;
  } else program = args[at++];
  if (program === undefined)
    return flavor === 'mawk'
      ? { output: [{ stream: 'stderr', text: MAWK_USAGE }], status: 0 }
      : failure(busyboxUsage('awk').stderr, 1);
  return { program, separator, assignments, operands: args.slice(at) };
}

function hostOf(context: ProcessContext, output: OutputChunk[]): AwkHost {
  return {
    readFile: (name) => {
      const read = context.readFile?.(absolute(name, context));
      return read && 'content' in read ? toBytes(read.content) : undefined;
    },
    run: (command, stdin) => {
      const result = context.exec?.(['sh', '-c', fromBytes(command)], { stdin: fromBytes(stdin) });
      return result
        ? { stdout: toBytes(result.stdout), stderr: toBytes(result.stderr), status: result.exitCode }
        : { stdout: '', stderr: '', status: 127 };
    },
    write: (stream, text) => {
      if (text !== '') output.push({ stream, text: fromBytes(text) });
    },
    writeFile: (name, text, append) => {
      const files = context.files;
      if (files) files.fs.write(absolute(fromBytes(name), context), fromBytes(text), files.who, append);
    },
  };
}

/**
 * awk: mawk 1.3.4 on Debian (its `awk`), BusyBox's applet in its images. A
 * program's errors in each one's words: mawk `awk: line N: ...` with status 2,
 * BusyBox `awk: cmd. line:N: ...` with status 1.
 */
export function awkProgram(dialect: TextDialect, name = 'awk'): Program {
  const flavor: AwkFlavor = dialect === 'gnu' ? 'mawk' : 'busybox';
  return {
    name,
    run(args, context) {
      const parsed = parseArguments(name, args, flavor, context, dialect);
      if ('output' in parsed) return collect(parsed.output, parsed.status);
      const output: OutputChunk[] = [];
      const fail = (text: string, status: number) =>
        collect([...output, { stream: 'stderr', text: `${name}: ${text}\n` }], status);
      let program;
      try {
        program = parseAwk(toBytes(parsed.program), flavor);
      } catch (error) {
        if (!(error instanceof AwkSyntaxError)) throw error;
        return flavor === 'mawk'
          ? fail(`line ${error.line}: ${error.mawk}`, 2)
          : fail(`cmd. line:${error.busyboxLine}: ${error.busybox}`, 1);
      }
      const operands: Operand[] = parsed.operands.map((operand) => {
        const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(operand);
        return assignment ? { assign: assignment[1]!, value: toBytes(assignment[2]!) } : { file: toBytes(operand) };
      });
      const interpreter = new AwkInterpreter(
        program,
        flavor,
        hostOf(context, output),
        toBytes(context.stdin),
        operands,
        new Map([...(context.env ?? new Map<string, string>())].map(([key, value]) => [toBytes(key), toBytes(value)])),
      );
      try {
        if (parsed.separator !== undefined) interpreter.assign('FS', toBytes(parsed.separator));
        for (const [variable, value] of parsed.assignments) interpreter.assign(variable, unescape(toBytes(value)));
        return collect(output, interpreter.run());
      } catch (error) {
        if (error instanceof Runaway) return collect([...output, { stream: 'tty', text: '^C' }], 130);
        if (!(error instanceof AwkRuntimeError)) throw error;
        const text = flavor === 'busybox' && !error.bare ? `cmd. line:1: ${error.message}` : fromBytes(error.message);
        return fail(text, error.status);
      }
    },
  };
}
