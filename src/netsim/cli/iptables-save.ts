import { cTime } from '../wire/time-text';
import { formatIptablesSave, type SavedTable } from '../userland/iptables-save';
import { BUILTIN_CHAINS, TABLES, type Chain, type Netfilter, type TableName } from '../kernel/netfilter/rule';
import { fail, type Program } from './command';
import { getoptLong, type OptionSpec } from './getopt';
import { netfilterOf } from '../kernel/namespace';

const PROGRAM = 'iptables-save';

/**
 * The tables iptables-nft knows, in the order iptables-save walks them (the
 * nft_table_type enum of nft.h: mangle, security, raw, filter, nat; a real
 * capture shows raw, filter, nat). The simulated kernel has no mangle or
 * security table, so they only appear when asked for with -t, empty.
 */
const KNOWN_TABLES: Record<string, readonly string[]> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
  raw: BUILTIN_CHAINS.raw,
  filter: BUILTIN_CHAINS.filter,
  nat: BUILTIN_CHAINS.nat,
};

const OPTIONS = {
  binary: { short: 'b', long: undefined, takesValue: false },
  counters: { short: 'c', long: 'counters', takesValue: false },
  dump: { short: 'd', long: 'dump', takesValue: false },
  table: { short: 't', long: 'table', takesValue: true },
  modprobe: { short: 'M', long: 'modprobe', takesValue: true },
  file: { short: 'f', long: 'file', takesValue: true },
  ipv4: { short: '4', long: 'ipv4', takesValue: false },
  ipv6: { short: '6', long: 'ipv6', takesValue: false },
  version: { short: 'V', long: 'version', takesValue: false },
} satisfies Record<string, OptionSpec>;

export const iptablesSaveProgram: Program = xtablesSave(4);

/** ip6tables-save: xtables-save.c on the IPv6 family, named after itself in its header and errors. */
export const ip6tablesSaveProgram: Program = xtablesSave(6);

function xtablesSave(family: 4 | 6): Program {
  const program = family === 6 ? 'ip6tables-save' : PROGRAM;
  const version = `${program} v1.8.11 (nf_tables)`;
  const seeManual = `Look at manual page \`${program}.8' for more information.\n`;
  return {
    name: program,
    run(args, context) {
      let counters = false;
      let table: string | undefined;
      let stderr = '';
      const { events, operands } = getoptLong(program, args, Object.values(OPTIONS));
      // xtables-save.c handles each option as getopt returns it: -V exits at once, an error ends the run.
      for (const event of events) {
        if (event.kind === 'error') return fail(stderr + event.message + seeManual, 1);
        if (event.spec === OPTIONS.version) return { stdout: `${version}\n`, stderr, exitCode: 0 };
        if (event.spec === OPTIONS.binary) stderr += '-b/--binary option is not implemented\n';
        if (event.spec === OPTIONS.counters) counters = true;
        if (event.spec === OPTIONS.table) table = event.value;
      }
      if (operands.length > 0) return fail(`${stderr}Unknown arguments found on commandline\n`, 1);
      if (!context.isRoot)
        return fail(
          `${stderr}${version}: Could not fetch rule set generation id: Permission denied (you must be root)\n`,
          4,
        );
      if (table !== undefined && !Object.hasOwn(KNOWN_TABLES, table))
        return fail(`${stderr}Table \`${table}' does not exist\n`, 1);
      const tables = savedTables(netfilterOf(context.namespace, family), table);
      return {
        stdout: formatIptablesSave(tables, { counters, version, time: cTime(context.clock.now()) }),
        stderr,
        exitCode: 0,
      };
    },
  };
}

/**
 * Without -t, nf_tables iptables-save prints only the tables that exist in the
 * kernel. The simulated kernel keeps every table, so one counts as existing
 * once something is in it: a rule, a user chain or a changed policy. (A real
 * table that was emptied again still exists and is still printed.)
 */
function savedTables(netfilter: Netfilter, only: string | undefined): SavedTable[] {
  const names =
    only === undefined
      ? Object.keys(KNOWN_TABLES).filter((name) => isSimulated(name) && inUse(netfilter[name]))
      : [only];
  return names.map((name) => ({
    name,
    builtins: KNOWN_TABLES[name]!,
    chains: isSimulated(name) ? netfilter[name] : [],
  }));
}

const isSimulated = (name: string): name is TableName => (TABLES as readonly string[]).includes(name);

const inUse = (chains: readonly Chain[]) => chains.some((chain) => chain.rules.length > 0 || chain.policy !== 'ACCEPT');
