import { isExecutableFile } from '../kernel/filesystem';
import type { CommandResult, FileAccess } from '../cli/command';
import { DASH_ECHO, echoText, GNU_ECHO } from './echo';
import type { Dialect } from './dialect';
import { shellBuiltins } from './builtins-loader';
import type { ShellInput, ShellState } from './interpreter';
import { shellExtras } from './extras-loader';

/** What builtins that change the shell's variables and arrays ask of it. */
export interface ShellHooks {
  /** `$(( ))`'s value of `text`; an error ends the line as there. */
  arithmetic(text: string): string;
  setVariable(name: string, value: string): void;
  setArray(name: string, values: readonly string[]): void;
  arrayValues(name: string): string[];
  /** What `type` tells apart: a builtin, a reserved word, a program in PATH (its path). */
  isBuiltin(name: string): boolean;
  isKeyword(name: string): boolean;
  findProgram(name: string): string | undefined;
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
export type BuiltinResult = CommandResult & { readonly exit?: number; readonly abortsLine?: boolean };
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
  if (args.length > 1 && dialect.kind === 'bash') return failed(dialect.builtinError('exit', 'too many arguments', state.line), 1);
  return { ...done(), exit: ((Number(code) % 256) + 256) % 256 };
};

/** `cd [DIR]`: HOME by default, `-` for OLDPWD; the directory must exist. */
const cd: Builtin = (args, { state, dialect, home, directoryExists }) => {
  if (args.length > 1 && dialect.kind === 'bash') return failed(dialect.builtinError('cd', 'too many arguments', state.line));
  const [target = state.variables.get('HOME') ?? home] = args;
  if (target === '-') {
    const previous = state.variables.get('OLDPWD');
    if (previous === undefined) return failed(dialect.builtinError('cd', 'OLDPWD not set', state.line));
    return changeDirectory(state, previous, `${previous}\n`);
  }
  const path = normalize(target.startsWith('/') ? target : `${state.cwd}/${target}`);
  if (!directoryExists(path)) {
    const reason = { bash: `${target}: No such file or directory`, dash: `can't cd to ${target}`, ash: `can't cd to ${target}: No such file or directory` }[dialect.kind];
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
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    const names = [...state.exported].filter((name) => state.variables.has(name)).sort();
    const prefix = dialect.kind === 'bash' ? 'declare -x' : 'export';
    return done(names.map((name) => `${prefix} ${name}="${state.variables.get(name)!.replace(/(["\\$`])/g, '\\$1')}"\n`).join(''));
  }
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

/**
 * `printf [-v var] format [arguments]` (bash's builtins/printf.def; dash and ash
 * have the same builtin). No format: bash's usage line, status 2. An argument
 * that is not a number: one complaint each, taken as 0, status 1.
 * ~: dash's and ash's complaints are given bash's wording.
 */
const printf: Builtin = (args, { state, dialect }) => {
  let words = args;
  let variable: string | undefined;
  if (dialect.kind === 'bash' && words[0] === '-v') {
    variable = words[1];
    words = words.slice(2);
    if (variable === undefined) return failed(dialect.builtinError('printf', '-v: option requires an argument', state.line) + 'printf: usage: printf [-v var] format [arguments]\n', 2);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) return failed(dialect.builtinError('printf', `\`${variable}': not a valid identifier`, state.line), 2);
  }
  if (words[0] === '--') words = words.slice(1);
  const [format, ...values] = words;
  if (format === undefined) return failed('printf: usage: printf [-v var] format [arguments]\n', 2);
  const { text, invalid } = shellBuiltins().formatPrintf(format, values);
  const stderr = invalid.map((value) => dialect.builtinError('printf', `${value}: invalid number`, state.line)).join('');
  if (variable !== undefined) {
    state.variables.set(variable, text);
    return { stdout: '', stderr, exitCode: invalid.length > 0 ? 1 : 0 };
  }
  return { stdout: text, stderr, exitCode: invalid.length > 0 ? 1 : 0 };
};

/** single_quote (bash's lib/sh/shquote.c, dash's single_quote): 'VALUE', each ' as '\''. */
const singleQuoted = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;

/**
 * alias (bash's builtins/alias.def): no operand lists every alias, sorted, as
 * `alias NAME='VALUE'`; `NAME=VALUE` defines one; `NAME` prints it, or says it
 * is `not found` (status 1). dash and BusyBox ash print `NAME='VALUE'` and say
 * `alias: NAME not found` (dash's alias.c, outfmt(out2, "%s: %s not found\n")).
 */
const alias: Builtin = (args, { state, dialect }) => {
  const aliases = (state.aliases ??= new Map());
  const show = (name: string) => `${dialect.kind === 'bash' ? 'alias ' : ''}${name}=${singleQuoted(aliases.get(name)!)}\n`;
  if (args.length === 0) return done([...aliases.keys()].sort().map(show).join(''));
  let stdout = '';
  let stderr = '';
  for (const arg of args) {
    const equals = arg.indexOf('=');
    if (equals > 0) aliases.set(arg.slice(0, equals), arg.slice(equals + 1));
    else if (aliases.has(arg)) stdout += show(arg);
    else stderr += notFound(dialect, 'alias', arg, state.line);
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
};

const notFound = (dialect: BuiltinContext['dialect'], builtin: string, name: string, line: number) => (dialect.kind === 'bash' ? dialect.builtinError(builtin, `${name}: not found`, line) : `${builtin}: ${name} not found\n`);

/** unalias NAME... or -a (bash's builtins/alias.def): a name that is no alias is `not found`, status 1. */
const unalias: Builtin = (args, { state, dialect }) => {
  const aliases = (state.aliases ??= new Map());
  if (args[0] === '-a') {
    aliases.clear();
    return done();
  }
  const stderr = args.filter((name) => !aliases.delete(name)).map((name) => notFound(dialect, 'unalias', name, state.line)).join('');
  return { stdout: '', stderr, exitCode: stderr === '' ? 0 : 1 };
};

const pwd: Builtin = (_args, { state }) => done(`${state.cwd}\n`);

/** `unset [-v|-f] NAME...`: the variables (or with -f the functions) go, bash's `NAME[i]` an array's element; status 0. */
const unset: Builtin = (args, { state }) => {
  const functions = args[0] === '-f';
  for (const name of args.filter((arg) => !arg.startsWith('-'))) {
    if (functions) {
      state.functions?.delete(name);
      continue;
    }
    const element = /^(\w+)\[(\d+)\]$/.exec(name);
    if (element && element[2] !== '0') state.arrays?.get(element[1]!)?.delete(Number(element[2]));
    else if (element) state.variables.delete(element[1]!);
    else {
      state.variables.delete(name);
      state.exported.delete(name);
      state.arrays?.delete(name);
    }
  }
  return done();
};

/**
 * `command -v NAME...`: how each would run, an alias as bash would define it, a builtin or keyword by its name, a
 * program by its path in PATH; a name that is neither prints nothing. bash looks
 * at every name and fails (1) only when none was found; dash and ash look at the
 * first only, and fail with 127.
 * `command NAME ARGS` runs NAME; `command` alone does nothing.
 */
const command: Builtin = (args, context) => {
  const { state, dialect } = context;
  if (args[0] !== '-v') return failed(dialect.builtinError('command', 'only -v is simulated', state.line), 2);
  const names = dialect.kind === 'bash' ? args.slice(1) : args.slice(1, 2);
  const found = names.map((name) => whence(name, context)).filter((line) => line !== undefined);
  // Nothing found: bash's status is 1, dash's and ash's 127 (as for a command not found).
  return done(found.map((line) => `${line}\n`).join(''), found.length > 0 ? 0 : dialect.kind === 'bash' ? 1 : 127);
};

/** The reserved words, which `command -v` names as they are. */
export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'while', 'until', 'do', 'done', 'in', '{', '}', '!', '[[', ']]', 'function']);

/** How the shell would run `name`: bash's alias, itself for a builtin or keyword, else the first executable file of that name in PATH. */
function whence(name: string, { state, files, dialect }: BuiltinContext): string | undefined {
  const alias = dialect.kind === 'bash' ? state.aliases?.get(name) : undefined;
  if (alias !== undefined) return `alias ${name}=${singleQuoted(alias)}`;
  if (state.functions?.has(name) || BUILTINS.has(name) || KEYWORDS.has(name) || SHELL_BUILTINS.has(name)) return name;
  return findProgram(name, { state, files });
}

/** The first executable file named `name` in PATH (or `name` itself, with a slash). */
export function findProgram(name: string, { state, files }: Pick<BuiltinContext, 'state' | 'files'>): string | undefined {
  const access = files();
  if (!access) return undefined;
  const candidates = name.includes('/') ? [name] : (state.variables.get('PATH') ?? '').split(':').filter(Boolean).map((directory) => `${directory}/${name}`);
  return candidates.find((candidate) => isExecutableFile(access.fs, candidate.startsWith('/') ? candidate : normalize(`${state.cwd}/${candidate}`)));
}

/** Builtins the interpreter runs itself, for `command -v`. */
export const SHELL_BUILTINS = new Set(['break', 'continue', 'source', '.', 'return', 'local', 'shift']);

/** A builtin of the extras module (extras-module.ts), fetched the first time a line runs one; `shells` are those that have it. */
const extra =
  (name: 'read' | 'type' | 'declare' | 'let' | 'trap' | 'set' | 'history', shells: readonly Dialect['kind'][] = ['bash', 'dash', 'ash']): Builtin =>
  (args, context) =>
    shells.includes(context.dialect.kind) ? shellExtras()[name](args, context) : failed(context.dialect.notFound(name, context.state.line), 127);

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['echo', echo],
  ['printf', printf],
  ['exit', exit],
  ['cd', cd],
  ['export', exportBuiltin],
  ['pwd', pwd],
  ['alias', alias],
  ['unalias', unalias],
  ['true', () => done()],
  ['false', () => done('', 1)],
  [':', () => done()],
  // test and [ are a module of their own (builtins-module.ts), fetched the first time a line runs one.
  ['test', (args, context) => shellBuiltins().testBuiltin('test')(args, context)],
  ['[', (args, context) => shellBuiltins().testBuiltin('[')(args, context)],
  ['unset', unset],
  ['command', command],
  ['read', extra('read')],
  ['type', extra('type')],
  ['declare', extra('declare', ['bash'])],
  ['typeset', extra('declare', ['bash'])],
  ['let', extra('let', ['bash', 'ash'])],
  ['trap', extra('trap')],
  ['set', extra('set')],
  ['history', extra('history', ['bash'])],
]);
