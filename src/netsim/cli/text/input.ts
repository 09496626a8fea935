import { getoptLong, type OptionSpec } from '../getopt';
import { READ_ERROR_TEXT, type CommandResult, type ProcessContext } from '../command';

/** An input of a text filter: a named file's content, stdin for `-` or no operand, or the reason it could not be read. */
export type Input =
  { readonly name: string; readonly content: string } | { readonly name: string; readonly error: string };

/** Reads each operand, `-` and no operand being stdin, as coreutils' filters do. */
export function readInputs(operands: readonly string[], context: ProcessContext): Input[] {
  const names = operands.length === 0 ? ['-'] : operands;
  return names.map((name) => {
    if (name === '-') return { name, content: context.stdin };
    const path = name.startsWith('/') || context.cwd === undefined ? name : `${context.cwd.replace(/\/$/, '')}/${name}`;
    const read = context.readFile?.(path) ?? { error: 'ENOENT' as const };
    return 'content' in read ? { name, content: read.content } : { name, error: READ_ERROR_TEXT[read.error] };
  });
}

/** Text split into lines as a C program reads them; a last line without a newline is still a line. */
export function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** The option events of a coreutils program, stopping at the first error with its `Try '... --help'` line. */
export function coreutilsOptions(program: string, args: readonly string[], specs: readonly OptionSpec[]) {
  const { events, operands } = getoptLong(program, args, specs);
  const error = events.find((event) => event.kind === 'error');
  if (error) return { failure: tryHelp(program, error.message) };
  const options = events.flatMap((event) =>
    event.kind === 'option' ? [{ name: event.spec.long ?? event.spec.short!, value: event.value }] : [],
  );
  return { options, operands };
}

/** A usage error: the message, then coreutils' pointer to --help; status 1 unless the tool says otherwise. */
export function tryHelp(program: string, message: string, exitCode = 1): CommandResult {
  return { stdout: '', stderr: `${message}Try '${program} --help' for more information.\n`, exitCode };
}

export const short = (letter: string, takesValue = false, long?: string): OptionSpec => ({
  short: letter,
  long,
  takesValue,
});
export const long = (name: string, takesValue = false): OptionSpec => ({ short: undefined, long: name, takesValue });
