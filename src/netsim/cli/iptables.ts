import { KernelError } from '../kernel/errno';
import { chainOf } from '../kernel/netfilter/netfilter';
import { TABLES, type TableName } from '../kernel/netfilter/rule';
import { formatRuleList } from '../format/iptables-list';
import { formatRuleSpecs } from '../format/iptables-save';
import { fail, ok, type CommandResult, type Program } from './command';

/** The version Debian 13 ships, as iptables names itself in errors. */
const VERSION = 'iptables v1.8.11 (nf_tables)';
const TRY_HELP = "Try `iptables -h' or 'iptables --help' for more information.\n";

interface Invocation {
  table: string;
  command: 'list' | 'list-rules' | undefined;
  chain: string | undefined;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
}

/** Short options that take a value, and those whose value is optional (getopt `L::`). */
const WITH_VALUE = new Set(['t']);
const OPTIONAL_CHAIN = new Set(['L', 'S']);

export const iptablesProgram: Program = {
  name: 'iptables',
  run(args, context) {
    if (!context.isRoot) return fail(`${VERSION}: Could not fetch rule set generation id: Permission denied (you must be root)\n`, 4);
    const parsed = parseArguments(args);
    if ('exitCode' in parsed) return parsed;
    if (!(TABLES as readonly string[]).includes(parsed.table)) {
      return fail(`${VERSION}: table '${parsed.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
    }
    const table = parsed.table as TableName;
    const chains = context.namespace.netfilter[table];
    if (parsed.chain !== undefined) {
      try {
        chainOf(context.namespace.netfilter, table, parsed.chain);
      } catch (error) {
        if (error instanceof KernelError) return fail('iptables: No chain/target/match by that name.\n', 1);
        throw error;
      }
    }
    switch (parsed.command) {
      case 'list-rules':
        return ok(formatRuleSpecs(table, chains, parsed.chain));
      case 'list':
        return ok(formatRuleList(table, chains, parsed, parsed.chain));
      case undefined:
        return fail(`${VERSION}: no command specified\n${TRY_HELP}`, 2);
    }
  },
};

/** getopt_long as iptables uses it: bundled short options (`-nvL`), `-t nat` or `-tnat`. */
function parseArguments(args: readonly string[]): Invocation | CommandResult {
  const invocation: Invocation = { table: 'filter', command: undefined, chain: undefined, numeric: false, verbose: false, exact: false, lineNumbers: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--line-numbers') {
      invocation.lineNumbers = true;
      continue;
    }
    const long = { '--list': 'L', '--list-rules': 'S', '--numeric': 'n', '--verbose': 'v', '--exact': 'x', '--table': 't' }[arg];
    const letters = long ?? (arg.startsWith('-') && !arg.startsWith('--') && arg.length > 1 ? arg.slice(1) : undefined);
    if (letters === undefined) {
      if (arg.startsWith('--')) return fail(`${VERSION}: unknown option "${arg}"\n${TRY_HELP}`, 2);
      return fail(`Bad argument \`${arg}'\n${TRY_HELP}`, 2);
    }
    for (let j = 0; j < letters.length; j++) {
      const letter = letters[j]!;
      if (WITH_VALUE.has(letter)) {
        const value = letters.slice(j + 1) || args[++i];
        if (value === undefined) return fail(`${VERSION}: option "-${letter}" requires an argument\n${TRY_HELP}`, 2);
        invocation.table = value;
        break;
      }
      if (OPTIONAL_CHAIN.has(letter)) {
        if (invocation.command) return fail(`${VERSION}: Cannot use -${letter} with -${invocation.command === 'list' ? 'L' : 'S'}\n${TRY_HELP}`, 2);
        invocation.command = letter === 'L' ? 'list' : 'list-rules';
        const next = args[i + 1];
        if (j === letters.length - 1 && next !== undefined && !next.startsWith('-')) {
          invocation.chain = next;
          i++;
        }
        continue;
      }
      const flag = { n: 'numeric', v: 'verbose', x: 'exact' }[letter] as 'numeric' | 'verbose' | 'exact' | undefined;
      if (!flag) return fail(`${VERSION}: unknown option "-${letter}"\n${TRY_HELP}`, 2);
      invocation[flag] = true;
    }
  }
  return invocation;
}
