export interface FlagSpec {
  name: string;
  short?: string;
  takesValue: boolean;
  /** The flag value's own Set check, run while parsing: what is wrong with `value`, if anything. */
  check?: (value: string) => string | undefined;
}

/** pflag's InvalidValueError: the flag named with its shorthand when it has one. */
function invalidValue(spec: FlagSpec, value: string, problem: string): { error: string } {
  const name = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
  return { error: `invalid argument ${JSON.stringify(value)} for ${JSON.stringify(name)} flag: ${problem}` };
}

export interface ParsedFlags {
  values: Map<string, string[]>;
  positionals: string[];
}

/**
 * pflag's parsing as docker/cli uses it: `--name value`, `--name=value`, `-s value`,
 * `-svalue`, combined boolean shorthands, and `--` ending the flags. Returns
 * pflag's own error text; the command wraps it (cli.FlagErrorFunc).
 */
export function parseFlags(
  args: readonly string[],
  specs: readonly FlagSpec[],
  interspersed = true,
): ParsedFlags | { error: string } {
  const values = new Map<string, string[]>();
  const positionals: string[] = [];
  let refused: { error: string } | undefined;
  const add = (spec: FlagSpec, value: string) => {
    const problem = spec.check?.(value);
    if (problem !== undefined) refused ??= invalidValue(spec, value, problem);
    // Pushed, not spread: a flag given 20,000 times stays linear.
    const given = values.get(spec.name);
    if (given) given.push(value);
    else values.set(spec.name, [value]);
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      for (const rest of args.slice(i + 1)) positionals.push(rest);
      break;
    }
    if (arg.startsWith('--')) {
      const [name, inline] = splitOnce(arg.slice(2), '=');
      const spec = specs.find((s) => s.name === name);
      if (!spec) return { error: `unknown flag: --${name}` };
      if (!spec.takesValue) add(spec, inline ?? 'true');
      else if (inline !== undefined) add(spec, inline);
      else if (i + 1 < args.length) add(spec, args[++i]!);
      else return { error: `flag needs an argument: --${name}` };
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j]!;
        const spec = specs.find((s) => s.short === letter);
        if (!spec) return { error: `unknown shorthand flag: '${letter}' in ${arg}` };
        if (!spec.takesValue) {
          // pflag parseSingleShortArg: `-H=false` gives a bool shorthand its value.
          if (arg[j + 1] === '=') {
            add(spec, arg.slice(j + 2));
            break;
          }
          add(spec, 'true');
          continue;
        }
        const rest = arg.slice(j + 1).replace(/^=/, '');
        if (rest) add(spec, rest);
        else if (i + 1 < args.length) add(spec, args[++i]!);
        else return { error: `flag needs an argument: '${letter}' in -${letter}` };
        break;
      }
    } else if (!interspersed) {
      // `docker run IMAGE CMD -x`: flags after the image belong to the command (SetInterspersed(false)).
      positionals.push(...args.slice(i));
      break;
    } else {
      positionals.push(arg);
    }
    if (refused) return refused;
  }
  return refused ?? { values, positionals };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
