import type { Builtin, BuiltinResult } from './builtins';
import type { Dialect } from './dialect';

/**
 * `local name[=value]...` (bash's builtins/declare.def local_builtin): the
 * function's own, put back when it returns. Outside a function bash fails with
 * 1; dash and BusyBox ash drop the rest of the line (`not in a function`).
 */
export const local: Builtin = (args, { state, dialect, shell }) => {
  const frame = shell.localFrame();
  if (!frame) {
    if (dialect.kind === 'bash')
      return {
        stdout: '',
        stderr: dialect.builtinError('local', 'can only be used in a function', state.line),
        exitCode: 1,
      };
    return {
      stdout: '',
      stderr: dialect.builtinError('local', 'not in a function', state.line),
      exitCode: 2,
      abortsLine: true,
    };
  }
  for (const arg of args.filter((word) => !word.startsWith('-'))) {
    const equals = arg.indexOf('=');
    const name = equals < 0 ? arg : arg.slice(0, equals);
    if (!frame.has(name)) frame.set(name, state.variables.get(name));
    // bash's `local x` leaves x unset in the function; dash and ash keep the value it had.
    if (equals >= 0) shell.setVariable(name, arg.slice(equals + 1));
    else if (dialect.kind === 'bash') state.variables.delete(name);
  }
  return { stdout: '', stderr: '', exitCode: 0 };
};

/**
 * `shift [n]` (bash's builtins/shift.def): the positional parameters move down
 * by n. More than there are fails with 1 in bash; dash and ash drop the rest of
 * the line (`can't shift that many`).
 */
export const shift: Builtin = (args, { state, dialect }) => {
  const count = args[0] === undefined ? 1 : Number(args[0]);
  const positional = state.positional ?? [];
  if (!(count <= positional.length)) {
    if (dialect.kind !== 'bash')
      return {
        stdout: '',
        stderr: dialect.builtinError('shift', "can't shift that many", state.line),
        exitCode: 2,
        abortsLine: true,
      };
    return { stdout: '', stderr: '', exitCode: 1 };
  }
  state.positional = positional.slice(count);
  return { stdout: '', stderr: '', exitCode: 0 };
};

/** `unset [-v|-f] NAME...`: the variables (or with -f the functions) go, bash's `NAME[i]` an array's element; status 0. */
export const unset: Builtin = (args, { state }) => {
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
  return { stdout: '', stderr: '', exitCode: 0 };
};

/**
 * `break [n]` and `continue [n]` (bash builtins/break.def; dash and BusyBox ash
 * breakcmd): outside a loop bash says so and dash and ash are silent, all with
 * status 0; inside, the interpreter leaves `n` loops.
 */
const loopControl =
  (kind: 'break' | 'continue'): Builtin =>
  (args, { dialect, state, shell }): BuiltinResult => {
    const bash = dialect.kind === 'bash';
    const loops = shell.loops();
    if (loops === 0)
      return {
        stdout: '',
        stderr: bash
          ? dialect.builtinError(kind, "only meaningful in a `for', `while', or `until' loop", state.line)
          : '',
        exitCode: 0,
      };
    const count = args[0] === undefined ? 1 : /^-?\d+$/.test(args[0]) ? Number(args[0]) : NaN;
    const abort = (text: string, exitCode: number): BuiltinResult => ({
      stdout: '',
      stderr: dialect.builtinError(kind, text, state.line),
      exitCode,
      abortsLine: true,
    });
    // bash gives up on the line for a count that is no number and goes on after one out of range;
    // dash and ash give up on the line for either (seen at a terminal: piped, they exit).
    if (!bash && (Number.isNaN(count) || count < 1)) return abort(`Illegal number: ${args[0]}`, 2);
    if (Number.isNaN(count)) return abort(`${args[0]}: numeric argument required`, 128);
    if (count < 1)
      return {
        stdout: '',
        stderr: dialect.builtinError(kind, `${args[0]}: loop count out of range`, state.line),
        exitCode: 1,
      };
    return { stdout: '', stderr: '', exitCode: 0, loop: { kind, levels: Math.min(count, loops) } };
  };

export const breakBuiltin = loopControl('break');
export const continueBuiltin = loopControl('continue');

/** `set -u`: a variable expanded while unset ends the line (bash's `unbound variable`, status 1; dash's and ash's `parameter not set`, 2). */
export function unbound(dialect: Dialect, name: string, line: number): { text: string; status: number } {
  if (dialect.kind === 'bash') return { text: `${dialect.name}: ${name}: unbound variable\n`, status: 1 };
  return { text: dialect.builtinError(name, 'parameter not set', line), status: 2 };
}

/**
 * `.` and `source` that cannot run their file (bash builtins/source.def; dash
 * and ash `dotcmd`, whose failure to open the file ends the line, as at their
 * terminals): `path` is undefined when no file was named, `error` the message
 * of the redirection that could not open it.
 */
export function sourceFailure(
  name: string,
  path: string | undefined,
  error: string | undefined,
  dialect: Dialect,
  line: number,
): BuiltinResult {
  if (path === undefined) {
    if (dialect.kind === 'bash')
      return {
        stdout: '',
        stderr: `${dialect.builtinError(name, 'filename argument required', line)}${name}: usage: ${name} filename [arguments]\n`,
        exitCode: 2,
      };
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  if (dialect.kind === 'bash') return { stdout: '', stderr: error ?? '', exitCode: 1 };
  const text =
    dialect.kind === 'dash'
      ? dialect.builtinError('.', `cannot open ${path}: No such file`, line)
      : `${dialect.name}: .: can't open '${path}': No such file or directory\n`;
  return { stdout: '', stderr: text, exitCode: 2, abortsLine: true };
}

/**
 * `return [n]` ends the function or sourced file (bash builtins/return.def).
 * Elsewhere bash complains (status 2); dash and BusyBox ash end the shell.
 */
export const returnBuiltin: Builtin = (args, { state, dialect, shell }) => {
  const status = args[0] === undefined ? state.status : ((Number(args[0]) % 256) + 256) % 256;
  if (shell.mayReturn()) return { stdout: '', stderr: '', exitCode: status, returns: status };
  if (dialect.kind !== 'bash') return { stdout: '', stderr: '', exitCode: status, exit: status };
  return {
    stdout: '',
    stderr: dialect.builtinError('return', "can only `return' from a function or sourced script", state.line),
    exitCode: 2,
  };
};
