import type { Builtin, BuiltinResult } from './builtins';
import { formatPrintf } from './printf';

const failed = (stderr: string, exitCode: number): BuiltinResult => ({ stdout: '', stderr, exitCode });

/**
 * `printf [-v var] format [arguments]` (bash's builtins/printf.def; dash and ash
 * have the same builtin). No format: bash's usage line, status 2. An argument
 * that is not a number: one complaint each, taken as 0, status 1.
 * ~: dash's and ash's complaints are given bash's wording.
 */
export const printf: Builtin = (args, { state, dialect }) => {
  let words = args;
  let variable: string | undefined;
  if (dialect.kind === 'bash' && words[0] === '-v') {
    variable = words[1];
    words = words.slice(2);
    if (variable === undefined)
      return failed(
        dialect.builtinError('printf', '-v: option requires an argument', state.line) +
          'printf: usage: printf [-v var] format [arguments]\n',
        2,
      );
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable))
      return failed(dialect.builtinError('printf', `\`${variable}': not a valid identifier`, state.line), 2);
  }
  if (words[0] === '--') words = words.slice(1);
  const [format, ...values] = words;
  if (format === undefined) return failed('printf: usage: printf [-v var] format [arguments]\n', 2);
  const { text, invalid } = formatPrintf(format, values);
  const stderr = invalid
    .map((value) => dialect.builtinError('printf', `${value}: invalid number`, state.line))
    .join('');
  if (variable !== undefined) {
    state.variables.set(variable, text);
    return { stdout: '', stderr, exitCode: invalid.length > 0 ? 1 : 0 };
  }
  return { stdout: text, stderr, exitCode: invalid.length > 0 ? 1 : 0 };
};
