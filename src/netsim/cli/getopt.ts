/** One option of a C program's getopt_long table. */
export interface OptionSpec {
  readonly short: string | undefined;
  readonly long: string | undefined;
  readonly takesValue: boolean;
  /** An optional argument (`::` in getopt's string): only attached, `-i.bak` or `--in-place=.bak`. */
  readonly optionalValue?: boolean;
}

export type GetoptEvent =
  { kind: 'option'; spec: OptionSpec; value: string | undefined } | { kind: 'error'; message: string };

/** Which C library's getopt reports the errors: glibc (Debian, the busybox image) or musl (Alpine). */
export type Libc = 'glibc' | 'musl';

/**
 * getopt's complaints in each library's words: glibc's posix/getopt.c, and
 * musl's src/misc/getopt.c and getopt_long.c (`: unrecognized option: `, the name bare).
 */
const MESSAGES: Readonly<
  Record<
    Libc,
    Readonly<
      Record<
        'unknownLong' | 'ambiguous' | 'noArgument' | 'needsLong' | 'unknownShort' | 'needsShort',
        (program: string, name: string) => string
      >
    >
  >
> = {
  glibc: {
    unknownLong: (program, name) => `${program}: unrecognized option '--${name}'\n`,
    ambiguous: (program, name) => `${program}: option '--${name}' is ambiguous\n`,
    noArgument: (program, name) => `${program}: option '--${name}' doesn't allow an argument\n`,
    needsLong: (program, name) => `${program}: option '--${name}' requires an argument\n`,
    unknownShort: (program, letter) => `${program}: invalid option -- '${letter}'\n`,
    needsShort: (program, letter) => `${program}: option requires an argument -- '${letter}'\n`,
  },
  musl: {
    unknownLong: (program, name) => `${program}: unrecognized option: ${name}\n`,
    ambiguous: (program, name) => `${program}: option is ambiguous: ${name}\n`,
    noArgument: (program, name) => `${program}: option does not take an argument: ${name}\n`,
    needsLong: (program, name) => `${program}: option requires an argument: ${name}\n`,
    unknownShort: (program, letter) => `${program}: unrecognized option: ${letter}\n`,
    needsShort: (program, letter) => `${program}: option requires an argument: ${letter}\n`,
  },
};

/**
 * glibc's getopt_long as a C tool sees it: options in command-line order (bundled
 * `-ct nat`, `-tnat`, `--table=nat`, unique prefixes of long names), operands
 * moved after the options, `--` ending them. Errors carry the exact wording of
 * glibc (posix/getopt.c) or musl; the program decides what follows them.
 */
export function getoptLong(
  program: string,
  args: readonly string[],
  specs: readonly OptionSpec[],
  libc: Libc = 'glibc',
): { events: GetoptEvent[]; operands: string[] } {
  const say = MESSAGES[libc];
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
        emit({
          kind: 'error',
          message: found.length > 1 ? say.ambiguous(program, arg.slice(2)) : say.unknownLong(program, arg.slice(2)),
        });
        continue;
      }
      if (spec.optionalValue) emit({ kind: 'option', spec, value: inline });
      else if (!spec.takesValue && inline !== undefined)
        emit({ kind: 'error', message: say.noArgument(program, spec.long!) });
      else if (!spec.takesValue) emit({ kind: 'option', spec, value: undefined });
      else if (inline !== undefined) emit({ kind: 'option', spec, value: inline });
      else if (i + 1 < args.length) emit({ kind: 'option', spec, value: args[++i] });
      else emit({ kind: 'error', message: say.needsLong(program, spec.long!) });
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        const spec = specs.find((candidate) => candidate.short === letter);
        if (!spec) {
          emit({ kind: 'error', message: say.unknownShort(program, letter) });
          continue;
        }
        if (spec.optionalValue) {
          emit({ kind: 'option', spec, value: j + 1 < arg.length ? arg.slice(j + 1) : undefined });
          break;
        }
        if (!spec.takesValue) {
          emit({ kind: 'option', spec, value: undefined });
          continue;
        }
        if (j + 1 < arg.length) emit({ kind: 'option', spec, value: arg.slice(j + 1) });
        else if (i + 1 < args.length) emit({ kind: 'option', spec, value: args[++i] });
        else emit({ kind: 'error', message: say.needsShort(program, letter) });
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
