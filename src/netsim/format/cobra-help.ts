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

/** pflag FlagUsagesWrapped: names padded to the longest, usage wrapped to `cols`. */
export function flagUsagesWrapped(flags: readonly FlagHelp[], cols: number): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const heads = sorted.map(
    (flag) =>
      `${flag.short ? `  -${flag.short}, --${flag.name}` : `      --${flag.name}`}${flag.varname ? ` ${flag.varname}` : ''}`,
  );
  // maxlen counts the \x00 pflag puts after the head.
  const maxlen = Math.max(...heads.map((head) => head.length + 1));
  return sorted
    .map(
      (flag, i) =>
        `${heads[i]} ${' '.repeat(maxlen - heads[i]!.length)} ${wrap(maxlen + 2, cols, flag.usage + (flag.defaultText ?? ''))}\n`,
    )
    .join('');
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

/** One flag of a docker/cli command as its reference page lists it: pflag's Value.Type() and DefValue. */
export interface HelpFlagRow {
  readonly name: string;
  readonly short?: string;
  readonly type: string;
  /** DefValue when the page shows one (cli-docs-tool drops empty, `[]` and `false`). */
  readonly default?: string;
  readonly usage: string;
}

/** A docker/cli command's help: its Short or Long text, aliases, visible subcommands and flags. */
export interface CommandHelpTable {
  readonly description: string;
  readonly aliases: readonly string[];
  readonly subcommands: readonly SubcommandHelp[];
  readonly flags: readonly HelpFlagRow[];
}

/** pflag UnquoteUsage: a back-quoted word of the usage names the value, else the type does, shortened. */
function unquoteUsage(row: HelpFlagRow): { varname: string; usage: string } {
  const quoted = /`([^`]*)`/.exec(row.usage);
  if (quoted) return { varname: quoted[1]!, usage: row.usage.replace(quoted[0], quoted[1]!) };
  const shorter: Record<string, string> = {
    bool: '',
    boolfunc: '',
    func: 'value',
    float64: 'float',
    int64: 'int',
    uint64: 'uint',
    stringSlice: 'strings',
    intSlice: 'ints',
    uintSlice: 'uints',
    boolSlice: 'bools',
  };
  return { varname: shorter[row.type] ?? row.type, usage: row.usage };
}

/** pflag defaultIsZeroValue, by the value's type; other types take `false`, `<nil>`, `` and `0` for zero. */
function isZeroDefault(type: string, value: string): boolean {
  if (type === 'bool') return value === 'false' || value === '';
  if (type === 'duration') return value === '0' || value === '0s';
  if (/^(u?int(8|16|32|64)?|count|float(32|64))$/.test(type)) return value === '0';
  if (type === 'string') return value === '';
  if (type === 'ip' || type === 'ipMask' || type === 'ipNet') return value === '<nil>';
  if (type === 'intSlice' || type === 'stringSlice' || type === 'stringArray') return value === '[]';
  return ['false', '<nil>', '', '0'].includes(value);
}

/**
 * A reference page's flag as `--help` lists it. pflag's slice types other than
 * strings, ints and stringArray print `[]` for an empty default and do not take it
 * for zero, so an ipSlice with no default on the page shows ` (default [])`.
 */
export function flagHelpOf(row: HelpFlagRow): FlagHelp {
  const { varname, usage } = unquoteUsage(row);
  const value = row.default ?? (/Slice$|Array$/.test(row.type) ? '[]' : '');
  const shown = isZeroDefault(row.type, value)
    ? undefined
    : row.type === 'string'
      ? ` (default ${JSON.stringify(value)})`
      : ` (default ${value})`;
  return {
    name: row.name,
    ...(row.short && { short: row.short }),
    varname,
    usage,
    ...(shown && { defaultText: shown }),
  };
}

/**
 * docker/cli v29.7.2 cli/cobra.go usageTemplate for a command with a parent: the
 * use line (or `PATH COMMAND` with subcommands), the description, `Aliases:`
 * (commandAliases), `Options:` (wrappedFlagUsages at 79 columns), `Commands:`
 * padded to cobra's NamePadding, and the pointer to the subcommands' help.
 */
export function cobraHelp(path: string, usage: string, table: CommandHelpTable, width = 80): string {
  const hasSubcommands = table.subcommands.length > 0;
  let text = `Usage:  ${hasSubcommands ? `${path} COMMAND` : `${path} ${usage}`.trimEnd()}\n\n${table.description.trim()}\n`;
  if (table.aliases.length > 0) text += `\nAliases:\n  ${table.aliases.join(', ')}\n`;
  if (table.flags.length > 0)
    text += `\nOptions:\n${flagUsagesWrapped(table.flags.map(flagHelpOf), width - 1).trimEnd()}\n`;
  if (hasSubcommands) {
    const padding = Math.max(11, ...table.subcommands.map((sub) => sub.name.length));
    const sorted = [...table.subcommands].sort((a, b) => (a.name < b.name ? -1 : 1));
    text += `\nCommands:\n${sorted.map((sub) => `  ${sub.name.padEnd(padding)} ${sub.short}\n`).join('')}\nRun '${path} COMMAND --help' for more information on a command.\n`;
  }
  return text;
}
