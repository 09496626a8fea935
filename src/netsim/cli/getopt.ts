/** One option of a C program's getopt_long table. */
export interface OptionSpec {
  readonly short: string | undefined;
  readonly long: string | undefined;
  readonly takesValue: boolean;
}

export type GetoptEvent = { kind: 'option'; spec: OptionSpec; value: string | undefined } | { kind: 'error'; message: string };

/**
 * glibc's getopt_long as a C tool sees it: options in command-line order (bundled
 * `-ct nat`, `-tnat`, `--table=nat`, unique prefixes of long names), operands
 * moved after the options, `--` ending them. Errors carry glibc's exact wording
 * (posix/getopt.c); the program decides what follows them.
 */
export function getoptLong(program: string, args: readonly string[], specs: readonly OptionSpec[]): { events: GetoptEvent[]; operands: string[] } {
  const events: GetoptEvent[] = [];
  const emit = (event: GetoptEvent) => events.push(event);
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') return { events, operands: [...operands, ...args.slice(i + 1)] };
    if (arg.startsWith('--')) {
      const [name, inline] = splitAt(arg.slice(2), '=');
      const found = specs.filter((spec) => spec.long?.startsWith(name));
      const spec = found.find((candidate) => candidate.long === name) ?? (found.length === 1 ? found[0] : undefined);
      if (!spec) {
        emit({ kind: 'error', message: found.length > 1 ? `${program}: option '${arg}' is ambiguous\n` : `${program}: unrecognized option '${arg}'\n` });
        continue;
      }
      if (!spec.takesValue && inline !== undefined) emit({ kind: 'error', message: `${program}: option '--${spec.long}' doesn't allow an argument\n` });
      else if (!spec.takesValue) emit({ kind: 'option', spec, value: undefined });
      else if (inline !== undefined) emit({ kind: 'option', spec, value: inline });
      else if (i + 1 < args.length) emit({ kind: 'option', spec, value: args[++i] });
      else emit({ kind: 'error', message: `${program}: option '--${spec.long}' requires an argument\n` });
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        const spec = specs.find((candidate) => candidate.short === letter);
        if (!spec) {
          emit({ kind: 'error', message: `${program}: invalid option -- '${letter}'\n` });
          continue;
        }
        if (!spec.takesValue) {
          emit({ kind: 'option', spec, value: undefined });
          continue;
        }
        if (j + 1 < arg.length) emit({ kind: 'option', spec, value: arg.slice(j + 1) });
        else if (i + 1 < args.length) emit({ kind: 'option', spec, value: args[++i] });
        else emit({ kind: 'error', message: `${program}: option requires an argument -- '${letter}'\n` });
        break;
      }
    } else {
      operands.push(arg);
    }
  }
  return { events, operands };
}

function splitAt(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
