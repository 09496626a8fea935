import { ArithmeticError } from './arithmetic-error';
import { arrayValues } from './arrays';
import type { Builtin, BuiltinContext, BuiltinResult } from './builtins';
import type { Dialect } from './dialect';
import type { ShellState } from './interpreter';

const ok = (stdout = ''): BuiltinResult => ({ stdout, stderr: '', exitCode: 0 });

/** bash's `declare -p` quoting (variables.c print_assignment): the value in double quotes, `"`, `\`, `$` and `` ` `` escaped. */
const doubleQuoted = (value: string) => `"${value.replace(/(["\\$`])/g, '\\$1')}"`;

/**
 * `declare [-aixp] [name[=value]...]` and `typeset` (bash's builtins/declare.def):
 * -i makes later assignments arithmetic, -x exports, -a makes an array; -p
 * prints each name as a `declare` that would make it again.
 */
export const declare: Builtin = (args, context) => {
  const { state, dialect } = context;
  const flags = new Set<string>();
  let at = 0;
  for (; at < args.length && /^[-+]\w+$/.test(args[at]!); at++)
    for (const letter of args[at]!.slice(1)) flags.add(letter);
  const names = args.slice(at);
  if (flags.has('p')) return print(names, context);
  let stderr = '';
  for (const word of names) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)(\+?=)?([\s\S]*)$/.exec(word);
    if (!match) {
      stderr += dialect.builtinError('declare', `\`${word}': not a valid identifier`, state.line);
      continue;
    }
    const [, name, operator, value] = match as unknown as [string, string, string | undefined, string];
    if (flags.has('i')) (state.integers ??= new Set()).add(name);
    if (flags.has('x')) state.exported.add(name);
    if (operator === '=') context.shell.setVariable(name, value);
    else if (operator === '+=')
      context.shell.setVariable(
        name,
        (state.integers?.has(name)
          ? Number(state.variables.get(name) ?? 0) + Number(context.shell.arithmetic(value))
          : (state.variables.get(name) ?? '') + value
        ).toString(),
      );
  }
  return { stdout: '', stderr, exitCode: stderr === '' ? 0 : 1 };
};

function print(names: readonly string[], context: BuiltinContext): BuiltinResult {
  const { state, dialect } = context;
  let stdout = '';
  let stderr = '';
  for (const name of names) {
    const isArray = state.arrays?.has(name) === true;
    if (!state.variables.has(name) && !isArray) {
      stderr += dialect.builtinError('declare', `${name}: not found`, state.line);
      continue;
    }
    const flags =
      `${isArray ? 'a' : ''}${state.integers?.has(name) ? 'i' : ''}${state.exported.has(name) ? 'x' : ''}` || '-';
    const value = isArray
      ? `(${arrayValues(state, name)
          .map((element, index) => `[${index}]=${doubleQuoted(element)}`)
          .join(' ')})`
      : doubleQuoted(state.variables.get(name)!);
    stdout += `declare -${flags} ${name}=${value}\n`;
  }
  return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
}

/** `let expression...` (bash's builtins/let.def): each evaluated; status 1 when the last is 0. */
export const letBuiltin: Builtin = (args, context) => {
  const { dialect, state } = context;
  if (args.length === 0)
    return { stdout: '', stderr: dialect.builtinError('let', 'expression expected', state.line), exitCode: 1 };
  let last = '0';
  try {
    for (const expression of args) last = context.shell.arithmetic(expression);
  } catch (error) {
    if (!(error instanceof ArithmeticError)) throw error;
    return { stdout: '', stderr: dialect.arithmeticError(error, args.join(' '), state.line).text, exitCode: 1 };
  }
  return { ...ok(), exitCode: last === '0' ? 1 : 0 };
};

/** `export` alone or `export -p`: the exported variables, sorted, as bash's `declare -x NAME="VALUE"` (dash and ash: `export NAME="VALUE"`). */
export function exportList(state: ShellState, dialect: Dialect): BuiltinResult {
  const names = [...state.exported].filter((name) => state.variables.has(name)).sort();
  const prefix = dialect.kind === 'bash' ? 'declare -x' : 'export';
  return ok(names.map((name) => `${prefix} ${name}=${doubleQuoted(state.variables.get(name)!)}\n`).join(''));
}
