import type { CommandResult, FileAccess } from '../cli/command';
import { DASH_ECHO, echoText, GNU_ECHO } from './echo';
import type { Dialect } from './dialect';
import { shellBuiltins } from './builtins-loader';
import type { ShellInput, ShellState } from './interpreter';
import { shellExtras } from './shell-extras-loader';

/** What builtins that change the shell's variables and arrays ask of it. */
export interface ShellHooks {
  /** `$(( ))`'s value of `text`; an error ends the line as there. */
  arithmetic(text: string): string;
  setVariable(name: string, value: string): void;
  /** What `type` and `command -v` tell apart: a builtin, a reserved word. */
  isBuiltin(name: string): boolean;
  isKeyword(name: string): boolean;
  /** The running function's `local`s and the values they hid; undefined outside a function. */
  localFrame(): Map<string, string | undefined> | undefined;
  /** How many loops enclose the command: what `break` and `continue` may leave. */
  loops(): number;
  /** Inside a function or a sourced file, which `return` ends. */
  mayReturn(): boolean;
}

export interface BuiltinContext {
  readonly state: ShellState;
  readonly dialect: Dialect;
  readonly home: string;
  readonly stdin: string;
  /** The standard input itself, which `read` takes lines from. */
  readonly input: ShellInput;
  readonly shell: ShellHooks;
  directoryExists(path: string): boolean;
  /** The files where the shell runs, as its user: `test -f` reads them. */
  files(): FileAccess | undefined;
}

/** A builtin's result; `exit` set means the shell ends with that status, `abortsLine` that the rest of the line is dropped (dash's and ash's errors in special builtins). */
export type BuiltinResult = CommandResult & {
  readonly exit?: number;
  readonly abortsLine?: boolean;
  readonly loop?: { readonly kind: 'break' | 'continue'; readonly levels: number };
  readonly returns?: number;
};
export type Builtin = (args: readonly string[], context: BuiltinContext) => BuiltinResult;

const done = (stdout = '', exitCode = 0): BuiltinResult => ({ stdout, stderr: '', exitCode });
const failed = (stderr: string, exitCode = 1): BuiltinResult => ({ stdout: '', stderr, exitCode });

/** echo as the shell's builtin: bash's and BusyBox ash's read options as /bin/echo does; dash's knows only -n and always reads escapes. */
const echo: Builtin = (args, { dialect }) => done(echoText(args, dialect.kind === 'dash' ? DASH_ECHO : GNU_ECHO));

/** `exit [N]`: N modulo 256; a word that is not a number ends the shell with 2 and a complaint. */
const exit: Builtin = (args, { state, dialect }) => {
  const [code] = args;
  if (code === undefined) return { ...done(), exit: state.status };
  if (!/^[+-]?\d+$/.test(code)) {
    // bash leaves with status 2; dash and ash complain and stay.
    if (dialect.kind !== 'bash') return failed(dialect.builtinError('exit', `Illegal number: ${code}`, state.line), 2);
    return { ...failed(dialect.builtinError('exit', `${code}: numeric argument required`, state.line), 2), exit: 2 };
  }
  if (args.length > 1 && dialect.kind === 'bash')
    return failed(dialect.builtinError('exit', 'too many arguments', state.line), 1);
  return { ...done(), exit: ((Number(code) % 256) + 256) % 256 };
};

/** `cd [DIR]`: HOME by default, `-` for OLDPWD; the directory must exist. */
const cd: Builtin = (args, { state, dialect, home, directoryExists }) => {
  if (args.length > 1 && dialect.kind === 'bash')
    return failed(dialect.builtinError('cd', 'too many arguments', state.line));
  const [target = state.variables.get('HOME') ?? home] = args;
  if (target === '-') {
    const previous = state.variables.get('OLDPWD');
    if (previous === undefined) return failed(dialect.builtinError('cd', 'OLDPWD not set', state.line));
    return changeDirectory(state, previous, `${previous}\n`);
  }
  const path = normalize(target.startsWith('/') ? target : `${state.cwd}/${target}`);
  if (!directoryExists(path)) {
    const reason = {
      bash: `${target}: No such file or directory`,
      dash: `can't cd to ${target}`,
      ash: `can't cd to ${target}: No such file or directory`,
    }[dialect.kind];
    return failed(dialect.builtinError('cd', reason, state.line), dialect.kind === 'bash' ? 1 : 2);
  }
  return changeDirectory(state, path, '');
};

function changeDirectory(state: ShellState, path: string, stdout: string): BuiltinResult {
  state.variables.set('OLDPWD', state.cwd);
  state.cwd = path;
  state.variables.set('PWD', path);
  return done(stdout);
}

/** `/a/./b/../c` as `/a/c`. */
export function normalize(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

/** `export NAME=value NAME`; with no names, the list bash prints as `declare -x`. */
const exportBuiltin: Builtin = (args, { state, dialect }) => {
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) return shellExtras().exportList(state, dialect);
  let stderr = '';
  for (const arg of args) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      stderr += dialect.builtinError('export', `\`${arg}': not a valid identifier`, state.line);
      continue;
    }
    if (match[2] !== undefined) state.variables.set(match[1]!, match[2]);
    state.exported.add(match[1]!);
  }
  return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
};

const pwd: Builtin = (_args, { state }) => done(`${state.cwd}\n`);

/** The reserved words, which `command -v` and `type` name as such. */
export const KEYWORDS = new Set([
  'if',
  'then',
  'else',
  'elif',
  'fi',
  'case',
  'esac',
  'for',
  'while',
  'until',
  'do',
  'done',
  'in',
  '{',
  '}',
  '!',
  '[[',
  ']]',
  'function',
]);

/** Builtins the interpreter runs itself, for `command -v`. */
export const SHELL_BUILTINS = new Set(['source', '.']);

/** A builtin of the seldom-typed builtins' module (shell-extras.ts), fetched the first time a line runs one; `shells` are those that have it. */
const extra =
  (
    name:
      | 'read'
      | 'type'
      | 'declare'
      | 'let'
      | 'trap'
      | 'set'
      | 'history'
      | 'local'
      | 'shift'
      | 'alias'
      | 'unalias'
      | 'command'
      | 'unset'
      | 'return',
    shells: readonly Dialect['kind'][] = ['bash', 'dash', 'ash'],
  ): Builtin =>
  (args, context) =>
    shells.includes(context.dialect.kind)
      ? shellExtras()[name](args, context)
      : failed(context.dialect.notFound(name, context.state.line), 127);

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['echo', echo],
  // printf, test and [ are a module of their own (builtins-module.ts), fetched the first time a line runs one.
  ['printf', (args, context) => shellBuiltins().printf(args, context)],
  ['exit', exit],
  ['cd', cd],
  ['export', exportBuiltin],
  ['pwd', pwd],
  ['alias', extra('alias')],
  ['unalias', extra('unalias')],
  ['true', () => done()],
  ['false', () => done('', 1)],
  [':', () => done()],
  // test and [ are a module of their own (builtins-module.ts), fetched the first time a line runs one.
  ['test', (args, context) => shellBuiltins().testBuiltin('test')(args, context)],
  ['[', (args, context) => shellBuiltins().testBuiltin('[')(args, context)],
  ['unset', extra('unset')],
  ['break', (args, context) => shellExtras().break_(args, context)],
  ['continue', (args, context) => shellExtras().continue_(args, context)],
  ['command', extra('command')],
  ['read', extra('read')],
  ['type', extra('type')],
  ['declare', extra('declare', ['bash'])],
  ['typeset', extra('declare', ['bash'])],
  ['let', extra('let', ['bash', 'ash'])],
  ['trap', extra('trap')],
  ['set', extra('set')],
  ['history', extra('history', ['bash'])],
  ['local', extra('local')],
  ['return', extra('return')],
  ['shift', extra('shift')],
]);
