import type { CommandResult, FileAccess } from '../cli/command';
import { DASH_ECHO, echoText, GNU_ECHO } from '../cli/text/echo';
import type { Dialect } from './dialect';
import { toolModule } from '../cli/tool-loader';
import type { ShellState } from './interpreter';

export interface BuiltinContext {
  readonly state: ShellState;
  readonly dialect: Dialect;
  readonly home: string;
  readonly stdin: string;
  directoryExists(path: string): boolean;
  /** The files where the shell runs, as its user: `test -f` reads them. */
  files(): FileAccess | undefined;
}

/** A builtin's result; `exit` set means the shell ends with that status. */
export type BuiltinResult = CommandResult & { readonly exit?: number };
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
  const { text, invalid } = toolModule('shellBuiltins').formatPrintf(format, values);
  const stderr = invalid.map((value) => dialect.builtinError('printf', `${value}: invalid number`, state.line)).join('');
  if (variable !== undefined) {
    state.variables.set(variable, text);
    return { stdout: '', stderr, exitCode: invalid.length > 0 ? 1 : 0 };
  }
  return { stdout: text, stderr, exitCode: invalid.length > 0 ? 1 : 0 };
};

const pwd: Builtin = (_args, { state }) => done(`${state.cwd}\n`);

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ['echo', echo],
  ['printf', printf],
  ['exit', exit],
  ['cd', cd],
  ['export', exportBuiltin],
  ['pwd', pwd],
  ['true', () => done()],
  ['false', () => done('', 1)],
  [':', () => done()],
  // test and [ are a tool module (builtins-module.ts), fetched the first time a line runs one.
  ['test', (args, context) => toolModule('shellBuiltins').testBuiltin('test')(args, context)],
  ['[', (args, context) => toolModule('shellBuiltins').testBuiltin('[')(args, context)],
]);
