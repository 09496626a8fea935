import { KernelError } from '../kernel/errno';
import { appendRule, chainOf, deleteChain, deleteRule, hasChain, insertRule, newChain, setPolicy, zeroCounters } from '../kernel/netfilter/netfilter';
import { BUILTIN_CHAINS, EMPTY_TABLES, TABLES, type NetfilterState, type TableName } from '../kernel/netfilter/rule';
import { formatRuleList } from '../format/iptables-list';
import { formatRuleSpecs, listingOrder } from '../format/iptables-save';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';
import { netfilterOf } from '../kernel/namespace';
import { IPTABLES_VERSION, parameterProblem, parseIptablesArguments, type Invocation } from './iptables-arguments';
import { ROOT } from '../kernel/filesystem';
import { parseIpv4 } from '../wire/ipv4';

const NO_CHAIN = 'iptables: No chain/target/match by that name.\n';

export const iptablesProgram: Program = { name: 'iptables', run: (args, context) => runXtables(args, context, 4) };

/**
 * ip6tables: the same xtables code (iptables/xtables-standalone.c) on the IPv6
 * family's tables. xtables names itself with its program name in every message
 * (xt_params->program_name), so they read `ip6tables` where iptables' read `iptables`.
 */
export const ip6tablesProgram: Program = {
  name: 'ip6tables',
  run(args, context) {
    const result = runXtables(args, context, 6);
    const rename = (text: string) => text.replace(/\biptables\b/g, 'ip6tables');
    const version = args.some((arg) => arg === '-V' || arg === '--version');
    return { ...result, stdout: version ? rename(result.stdout) : result.stdout, stderr: rename(result.stderr) };
  },
};

function runXtables(args: readonly string[], context: ProcessContext, family: 4 | 6): CommandResult {
  // do_parse (iptables/xshared.c) prints the version for -V and exits 0 as it meets the option, before any rule set is fetched, so as any user.
  const version = args.findIndex((arg) => arg === '-V' || arg === '--version');
  if (version >= 0 && !('error' in parseIptablesArguments(args.slice(0, version), family))) return ok(`${IPTABLES_VERSION}\n`);
  if (!context.isRoot) return fail(`${IPTABLES_VERSION}: Could not fetch rule set generation id: Permission denied (you must be root)\n`, 4);
  const invocation = parseIptablesArguments(args, family);
  if ('error' in invocation) return fail(invocation.error, invocation.status);
  const empty = Object.hasOwn(EMPTY_TABLES, invocation.table);
  if (!empty && !(TABLES as readonly string[]).includes(invocation.table)) {
    return fail(`${IPTABLES_VERSION}: table '${invocation.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`, 3);
  }
  const command = invocation.command;
  if (!command) {
    const problem = parameterProblem('no command specified');
    return fail(problem.error, problem.status);
  }
  // Only a listing without -n names networks: /etc/networks is read for it alone.
  const networkNames = () => readNetworkNames(context);
  if (empty) return emptyTable(invocation, command, EMPTY_TABLES[invocation.table as keyof typeof EMPTY_TABLES], networkNames);
  try {
    return execute(invocation, command, invocation.table as TableName, netfilterOf(context.namespace, family), networkNames);
  } catch (error) {
    if (error instanceof KernelError) return fail(NO_CHAIN, 1);
    throw error;
  }
}

/**
 * mangle and security: listed as iptables-nft lists them on a host whose rule
 * set has none of their chains (empty built-ins, policy ACCEPT); the simulated
 * kernel has no such tables, so changing them is not simulated.
 */
function emptyTable(invocation: Invocation, command: Command, builtins: readonly string[], networkNames: () => ReadonlyMap<number, string>): CommandResult {
  if (command.chain !== undefined && !builtins.includes(command.chain)) return fail(NO_CHAIN, 1);
  const chains = builtins.map((name) => ({ name, policy: 'ACCEPT' as const, rules: [], packets: 0, bytes: 0 }));
  switch (command.kind) {
    case 'list-rules':
      return ok(formatRuleSpecs(invocation.table, chains, command.chain));
    case 'list':
      return ok(formatRuleList(invocation.table, chains, { ...invocation, networkNames: networkNames() }, command.chain));
    case 'zero':
      return ok();
    default:
      return fail(`netsim: changing the ${invocation.table} table is not simulated yet (its packets are not filtered here)\n`, 1);
  }
}

type Command = NonNullable<Invocation['command']>;

/** getnetbyaddr's table: /etc/networks of the machine iptables runs on, `name number` per line, `#` comments. */
function readNetworkNames(context: ProcessContext): ReadonlyMap<number, string> {
  const read = context.files?.fs.read('/etc/networks', ROOT);
  const names = new Map<number, string>();
  if (!read || !('content' in read)) return names;
  for (const line of read.content.split('\n')) {
    const [name, number] = line.replace(/#.*/, '').trim().split(/\s+/);
    const address = number === undefined ? undefined : parseIpv4(number);
    if (name && address !== undefined && !names.has(address)) names.set(address, name);
  }
  return names;
}

function execute(invocation: Invocation, command: Command, table: TableName, netfilter: NetfilterState, networkNames: () => ReadonlyMap<number, string>): CommandResult {
  if (command.chain !== undefined && command.kind !== 'new-chain' && !hasChain(netfilter, table, command.chain)) return fail(NO_CHAIN, 1);
  switch (command.kind) {
    case 'list-rules':
      return ok(formatRuleSpecs(table, netfilter[table], command.chain));
    case 'list': {
      // do_commandx: list_entries, then nft_cmd_chain_zero_counters for -L -Z.
      const listed = formatRuleList(table, netfilter[table], { ...invocation, networkNames: networkNames() }, command.chain);
      return ok(command.zero ? listed + zeroChains(netfilter, table, command.chain, invocation.verbose) : listed);
    }
    case 'zero':
      if (command.position !== undefined) {
        zeroCounters(netfilter, table, command.chain!, command.position);
        return ok();
      }
      return ok(zeroChains(netfilter, table, command.chain, invocation.verbose));
    case 'new-chain':
      if (command.chain === undefined) return fail(NO_CHAIN, 1);
      if (hasChain(netfilter, table, command.chain)) return fail('iptables: Chain already exists.\n', 1);
      newChain(netfilter, table, command.chain);
      return ok();
    case 'delete-chain':
      return deleteChains(netfilter, table, command.chain);
    case 'flush':
      for (const chain of netfilter[table]) if (command.chain === undefined || chain.name === command.chain) chain.rules = [];
      return ok();
    case 'policy':
      if (!BUILTIN_CHAINS[table].includes(command.chain)) return fail('iptables: Bad built-in chain name.\n', 1);
      if (command.policy !== 'ACCEPT' && command.policy !== 'DROP') return fail("iptables: Bad policy name. Run `dmesg' for more information.\n", 1);
      setPolicy(netfilter, table, command.chain, command.policy);
      return ok();
    case 'append':
    case 'insert':
    case 'delete':
      return changeRule(invocation, command, table, netfilter);
  }
}

function changeRule(invocation: Invocation, command: Extract<Invocation['command'], { kind: 'append' | 'insert' | 'delete' }>, table: TableName, netfilter: NetfilterState): CommandResult {
  const rules = chainOf(netfilter, table, command.chain).rules;
  if (command.kind === 'delete' && command.position !== undefined) {
    if (command.position < 1 || command.position > rules.length) return fail('iptables: Index of deletion too big.\n', 1);
    rules.splice(command.position - 1, 1);
    return ok();
  }
  const spec = invocation.rule;
  if (spec.target.kind === 'jump' && !hasChain(netfilter, table, spec.target.chain)) {
    const problem = parameterProblem(`Chain '${spec.target.chain}' does not exist`);
    return fail(problem.error, problem.status);
  }
  // The kernel refuses address translation outside the nat table (captured: host.iptables-A-INPUT-DNAT-filter-table.err.txt).
  if (command.kind !== 'delete' && table !== 'nat' && ['DNAT', 'SNAT', 'MASQUERADE'].includes(spec.target.kind)) {
    return fail(`${IPTABLES_VERSION}:  RULE_${command.kind === 'append' ? 'APPEND' : 'INSERT'} failed (Invalid argument): rule in chain ${command.chain}\n`, 4);
  }
  // The kernel refuses the ruleset as a whole: the rule just added at `at` goes out again (captured: host.iptables-A-B-j-A-loop.err.txt).
  const tooManyLinks = (at: number) => {
    chainOf(netfilter, table, command.chain).rules.splice(at, 1);
    return fail(`${IPTABLES_VERSION}:  RULE_${command.kind === 'append' ? 'APPEND' : 'INSERT'} failed (Too many links): rule in chain ${command.chain}\n`, 4);
  };
  switch (command.kind) {
    case 'append':
      appendRule(netfilter, table, command.chain, spec);
      return jumpsTooFar(netfilter[table]) ? tooManyLinks(rules.length - 1) : ok();
    case 'insert':
      if (command.position > rules.length + 1) return fail('iptables: Index of insertion too big.\n', 1);
      insertRule(netfilter, table, command.chain, spec, command.position);
      return jumpsTooFar(netfilter[table]) ? tooManyLinks(command.position - 1) : ok();
    case 'delete':
      try {
        deleteRule(netfilter, table, command.chain, spec);
      } catch {
        return fail('iptables: Bad rule (does a matching rule exist in that chain?).\n', 1);
      }
      return ok();
  }
}

/** nf_tables' jump stack: a base chain and 15 user chains below it (captured: host.iptables-A-INPUT-j-C1-depth-20.err.txt). */
const DEEPEST_USER_CHAIN = 15;

/**
 * What nf_tables checks when a ruleset changes: from every built-in chain, jumps
 * must neither loop back to a chain on their own path nor go deeper than the jump
 * stack. Chains nothing reaches may loop: they never run.
 */
function jumpsTooFar(chains: NetfilterState[TableName]): boolean {
  const byName = new Map(chains.map((chain) => [chain.name, chain]));
  const visit = (name: string, path: Set<string>): boolean => {
    if (path.has(name) || path.size > DEEPEST_USER_CHAIN) return true;
    const chain = byName.get(name);
    if (!chain) return false;
    path.add(name);
    const bad = chain.rules.some(({ spec }) => spec.target.kind === 'jump' && visit(spec.target.chain, path));
    path.delete(name);
    return bad;
  };
  return chains.filter((chain) => chain.policy !== undefined).some((base) => base.rules.some(({ spec }) => spec.target.kind === 'jump' && visit(spec.target.chain, new Set())));
}

/**
 * -Z on one chain or, without one, every chain of the table in listing order
 * (nft_chain_foreach: base chains, then user chains by name); with -v each
 * says "Zeroing chain `NAME'" (nft.c __nft_chain_zero_counters).
 */
function zeroChains(netfilter: NetfilterState, table: TableName, chain: string | undefined, verbose: boolean): string {
  const names = chain === undefined ? listingOrder(table, netfilter[table]).map((c) => c.name) : [chain];
  for (const name of names) zeroCounters(netfilter, table, name);
  return verbose ? names.map((name) => `Zeroing chain \`${name}'\n`).join('') : '';
}

/** -X deletes one empty, unreferenced user chain, or all such chains when none is named. */
function deleteChains(netfilter: NetfilterState, table: TableName, chain: string | undefined): CommandResult {
  const userChains = netfilter[table].filter((c) => c.policy === undefined).map((c) => c.name);
  for (const name of chain === undefined ? userChains : [chain]) {
    try {
      deleteChain(netfilter, table, name);
    } catch (error) {
      if (error instanceof KernelError && error.errno === 'EBUSY') {
        return fail(`${IPTABLES_VERSION}:  CHAIN_DEL failed (Device or resource busy): chain ${name}\n`, 4);
      }
      if (error instanceof KernelError && error.errno === 'EPERM') return fail('iptables: Invalid argument. Run `dmesg\' for more information.\n', 1);
      throw error;
    }
  }
  return ok();
}
