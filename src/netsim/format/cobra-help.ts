/** One flag as pflag lists it: name, shorthand, the value's type name, usage, default. */
export interface FlagHelp {
  readonly name: string;
  readonly short?: string;
  /** UnquoteUsage's name: the value's type (`strings`, `ip`, `list`...), empty for a bool. */
  readonly varname: string;
  readonly usage: string;
  /** ` (default ...)` when the default is not the type's zero value. */
  readonly defaultText?: string;
}

/**
 * `--help` of a docker/cli command without subcommands (docker/cli v29.7.2
 * cli/cobra.go usageTemplate: the use line, the short text, Options), its flags
 * as pflag's FlagUsagesWrapped lays them out, sorted by name, at the width of a
 * client that is not on a terminal (defaultTermWidth 80, less one).
 */
export function commandHelp(useLine: string, short: string, flags: readonly FlagHelp[], width = 80): string {
  const options = flags.length > 0 ? `\nOptions:\n${flagUsagesWrapped(flags, width - 1).trimEnd()}\n` : '';
  return `Usage:  ${useLine}\n\n${short}\n${options}`;
}

/** pflag FlagUsagesWrapped: names padded to the longest, usage wrapped to `cols`. */
export function flagUsagesWrapped(flags: readonly FlagHelp[], cols: number): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const heads = sorted.map((flag) => `${flag.short ? `  -${flag.short}, --${flag.name}` : `      --${flag.name}`}${flag.varname ? ` ${flag.varname}` : ''}`);
  // maxlen counts the \x00 pflag puts after the head.
  const maxlen = Math.max(...heads.map((head) => head.length + 1));
  return sorted.map((flag, i) => `${heads[i]} ${' '.repeat(maxlen - heads[i]!.length)} ${wrap(maxlen + 2, cols, flag.usage + (flag.defaultText ?? ''))}\n`).join('');
}

/** pflag wrapN: break at the last space before `i`, unless the rest fits within `slop`. */
function wrapN(i: number, slop: number, s: string): [string, string] {
  if (i + slop > s.length) return [s, ''];
  const w = Math.max(s.lastIndexOf(' ', i - 1), s.lastIndexOf('\t', i - 1), s.lastIndexOf('\n', i - 1));
  if (w <= 0) return [s, ''];
  const nl = s.lastIndexOf('\n', i - 1);
  if (nl > 0 && nl < w) return [s.slice(0, nl), s.slice(nl + 1)];
  return [s.slice(0, w), s.slice(w + 1)];
}

/** pflag wrap: text indented by `i` in lines of `w` columns, 5 columns of slop against orphans. */
function wrap(i: number, w: number, s: string): string {
  let indent = i;
  let room = w - indent;
  let result = '';
  if (room < 24) {
    indent = 16;
    room = w - indent;
    result += `\n${' '.repeat(indent)}`;
  }
  if (room < 24) return s.replaceAll('\n', result);
  const pad = ' '.repeat(indent);
  let [line, rest] = wrapN(room - 5, 5, s);
  result += line.replaceAll('\n', `\n${pad}`);
  while (rest !== '') {
    [line, rest] = wrapN(room - 5, 5, rest);
    result += `\n${pad}${line.replaceAll('\n', `\n${pad}`)}`;
  }
  return result;
}

/** One subcommand as a management command's help lists it. */
export interface SubcommandHelp {
  readonly name: string;
  readonly short: string;
}

/**
 * `--help` of a docker/cli management command such as `docker network`
 * (v29.7.2 cli/cobra.go usageTemplate with HasSubCommands, no visible flags):
 * the subcommands sorted by name, padded as cobra's NamePadding does (the
 * longest name, at least 11), then the pointer to their own help.
 */
export function managementHelp(path: string, short: string, subcommands: readonly SubcommandHelp[]): string {
  const padding = Math.max(11, ...subcommands.map((sub) => sub.name.length));
  const sorted = [...subcommands].sort((a, b) => (a.name < b.name ? -1 : 1));
  const lines = sorted.map((sub) => `  ${sub.name.padEnd(padding)} ${sub.short}\n`).join('');
  return `Usage:  ${path} COMMAND\n\n${short}\n\nCommands:\n${lines}\nRun '${path} COMMAND --help' for more information on a command.\n`;
}
