import { KernelError } from '../kernel/errno';
import { STRERROR, type ErrnoName } from '../wire/strerror';
import { BatchRejected, type NetfilterTables } from '../kernel/netfilter/netfilter';
import { EMPTY_TABLES, sameRule, TABLES, type TableName } from '../kernel/netfilter/rule';
import { formatRuleList } from '../userland/iptables-list';
import { formatRuleSpecs, listingOrder } from '../userland/iptables-save';
import { fail, ok, type CommandResult, type ProcessContext, type Program } from './command';
import { IPTABLES_VERSION, parameterProblem, parseIptablesArguments, type Invocation } from './iptables-arguments';
import { ROOT } from '../kernel/filesystem';
import { parseIpv4 } from '../wire/ipv4';

/**
 * The nft.c function whose failure iptables reports (nft_fn), which
 * nft_strerror looks up with the errno; `other` stands for the rest.
 */
type NftFunction =
  | 'chain_del'
  | 'chain_user_add'
  | 'rule_insert'
  | 'rule_delete'
  | 'rule_delete_num'
  | 'rule_check'
  | 'chain_set'
  | 'other';

/** nft_strerror's table (iptables/nft.c, 1.8.11): an errno's text for one function or, without one, for any. */
const NFT_STRERROR: readonly (readonly [NftFunction | undefined, ErrnoName, string])[] = [
  ['chain_del', 'ENOTEMPTY', 'Chain is not empty'],
  ['chain_del', 'EBUSY', 'Directory not empty'],
  ['chain_del', 'EMLINK', "Can't delete chain with references left"],
  ['chain_user_add', 'EEXIST', 'Chain already exists'],
  ['rule_insert', 'E2BIG', 'Index of insertion too big'],
  ['rule_delete_num', 'E2BIG', 'Index of deletion too big'],
  ['rule_delete', 'ENOENT', 'Bad rule (does a matching rule exist in that chain?)'],
  ['rule_check', 'ENOENT', 'Bad rule (does a matching rule exist in that chain?)'],
  ['chain_set', 'ENOENT', 'Bad built-in chain name'],
  ['chain_set', 'EINVAL', 'Bad policy name'],
  ['chain_set', 'ENXIO', 'Bad table name'],
  [undefined, 'ELOOP', 'Loop found in table'],
  [undefined, 'EPERM', 'Permission denied (you must be root)'],
  [undefined, 'ENOENT', 'No chain/target/match by that name'],
];

/**
 * xtables-standalone.c main: `iptables: TEXT.`, with a pointer to dmesg for
 * EINVAL, exit 1; errnos the table lacks read as strerror.
 */
function nftFailure(fn: NftFunction, errno: ErrnoName): CommandResult {
  const text =
    NFT_STRERROR.find(([which, code]) => (which === undefined || which === fn) && code === errno)?.[2] ??
    STRERROR[errno];
  return fail(`iptables: ${text}.${errno === 'EINVAL' ? " Run `dmesg' for more information." : ''}\n`, 1);
}

/** The batch objects iptables names when the kernel refuses one at commit (nft.c nft_action's error path). */
const BATCH_OBJECT: Partial<Record<Command['kind'], string>> = {
  append: 'RULE_APPEND',
  insert: 'RULE_INSERT',
  'delete-chain': 'CHAIN_DEL',
};

/** Which nft.c function a command's failure is worded for. */
function nftFunction(command: Command): NftFunction {
  switch (command.kind) {
    case 'delete-chain':
      return 'chain_del';
    case 'new-chain':
      return 'chain_user_add';
    case 'insert':
      return 'rule_insert';
    case 'delete':
      return command.position === undefined ? 'rule_delete' : 'rule_delete_num';
    case 'policy':
      return 'chain_set';
    default:
      return 'other';
  }
}

/**
 * Every kernel refusal of an iptables command, worded in one place: a batch the
 * kernel rejects at commit as `OBJECT failed (strerror): rule in chain C`
 * (exit 4, captured: host.iptables-A-INPUT-DNAT-filter-table.err.txt), any
 * other through nft_strerror.
 */
function refused(error: KernelError, command: Command, chain: string | undefined): CommandResult {
  const object = BATCH_OBJECT[command.kind];
  if (error instanceof BatchRejected && object !== undefined) {
    const what = command.kind === 'delete-chain' ? `chain ${chain}` : `rule in chain ${chain}`;
    return fail(`${IPTABLES_VERSION}:  ${object} failed (${STRERROR[error.errno]}): ${what}\n`, 4);
  }
  return nftFailure(nftFunction(command), error.errno);
}

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
  if (version >= 0 && !('error' in parseIptablesArguments(args.slice(0, version), family)))
    return ok(`${IPTABLES_VERSION}\n`);
  if (!context.isRoot)
    return fail(
      `${IPTABLES_VERSION}: Could not fetch rule set generation id: Permission denied (you must be root)\n`,
      4,
    );
  const invocation = parseIptablesArguments(args, family);
  if ('error' in invocation) return fail(invocation.error, invocation.status);
  const empty = Object.hasOwn(EMPTY_TABLES, invocation.table);
  if (!empty && !(TABLES as readonly string[]).includes(invocation.table)) {
    return fail(
      `${IPTABLES_VERSION}: table '${invocation.table}' does not exist\nPerhaps iptables or your kernel needs to be upgraded.\n`,
      3,
    );
  }
  const command = invocation.command;
  if (!command) {
    const problem = parameterProblem('no command specified');
    return fail(problem.error, problem.status);
  }
  // Only a listing without -n names networks: /etc/networks is read for it alone.
  const networkNames = () => readNetworkNames(context);
  if (empty)
    return emptyTable(invocation, command, EMPTY_TABLES[invocation.table as keyof typeof EMPTY_TABLES], networkNames);
  try {
    return execute(
      invocation,
      command,
      invocation.table as TableName,
      context.kernel.netfilter(context.namespace, family),
      networkNames,
    );
  } catch (error) {
    if (error instanceof KernelError) return refused(error, command, command.chain);
    throw error;
  }
}

/**
 * mangle and security: listed as iptables-nft lists them on a host whose rule
 * set has none of their chains (empty built-ins, policy ACCEPT); the simulated
 * kernel has no such tables, so changing them is not simulated.
 */
function emptyTable(
  invocation: Invocation,
  command: Command,
  builtins: readonly string[],
  networkNames: () => ReadonlyMap<number, string>,
): CommandResult {
  if (command.chain !== undefined && !builtins.includes(command.chain)) return nftFailure('other', 'ENOENT');
  const chains = builtins.map((name) => ({ name, policy: 'ACCEPT' as const, rules: [], packets: 0, bytes: 0 }));
  switch (command.kind) {
    case 'list-rules':
      return ok(formatRuleSpecs(invocation.table, chains, command.chain));
    case 'list':
      return ok(
        formatRuleList(invocation.table, chains, { ...invocation, networkNames: networkNames() }, command.chain),
      );
    case 'zero':
      return ok();
    default:
      return fail(
        `netsim: changing the ${invocation.table} table is not simulated yet (its packets are not filtered here)\n`,
        1,
      );
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

function execute(
  invocation: Invocation,
  command: Command,
  table: TableName,
  tables: NetfilterTables,
  networkNames: () => ReadonlyMap<number, string>,
): CommandResult {
  // nft_rule_check: a missing chain is one more rule that does not exist (ENOENT), worded as such.
  if (command.kind === 'check') {
    const chain = tables.hasChain(table, command.chain)
      ? tables.view[table].find((c) => c.name === command.chain)
      : undefined;
    return chain?.rules.some((rule) => sameRule(rule.spec, invocation.rule))
      ? ok()
      : nftFailure('rule_check', 'ENOENT');
  }
  if (command.chain !== undefined && command.kind !== 'new-chain' && !tables.hasChain(table, command.chain))
    return nftFailure('other', 'ENOENT');
  switch (command.kind) {
    case 'list-rules':
      return ok(formatRuleSpecs(table, tables.view[table], command.chain));
    case 'list': {
      // do_commandx: list_entries, then nft_cmd_chain_zero_counters for -L -Z.
      const listed = formatRuleList(
        table,
        tables.view[table],
        { ...invocation, networkNames: networkNames() },
        command.chain,
      );
      return ok(command.zero ? listed + zeroChains(tables, table, command.chain, invocation.verbose) : listed);
    }
    case 'zero':
      if (command.position !== undefined) {
        tables.zeroCounters(table, command.chain!, command.position);
        return ok();
      }
      return ok(zeroChains(tables, table, command.chain, invocation.verbose));
    case 'new-chain':
      if (command.chain === undefined) return nftFailure('other', 'ENOENT');
      tables.newChain(table, command.chain);
      return ok();
    case 'delete-chain':
      return deleteChains(tables, table, command);
    case 'flush':
      tables.flushRules(table, command.chain);
      return ok();
    case 'policy':
      // nft_chain_set reads the policy word before it looks for the chain.
      if (command.policy !== 'ACCEPT' && command.policy !== 'DROP') return nftFailure('chain_set', 'EINVAL');
      tables.setPolicy(table, command.chain, command.policy);
      return ok();
    case 'append':
    case 'insert':
    case 'delete':
      return changeRule(invocation, command, table, tables);
  }
}

function changeRule(
  invocation: Invocation,
  command: Extract<Invocation['command'], { kind: 'append' | 'insert' | 'delete' }>,
  table: TableName,
  tables: NetfilterTables,
): CommandResult {
  if (command.kind === 'delete' && command.position !== undefined) {
    tables.deleteRuleAt(table, command.chain, command.position);
    return ok();
  }
  const spec = invocation.rule;
  if (spec.target.kind === 'jump' && !tables.hasChain(table, spec.target.chain)) {
    const problem = parameterProblem(`Chain '${spec.target.chain}' does not exist`);
    return fail(problem.error, problem.status);
  }
  if (command.kind === 'append') tables.appendRule(table, command.chain, spec);
  else if (command.kind === 'insert') tables.insertRule(table, command.chain, spec, command.position);
  else tables.deleteRule(table, command.chain, spec);
  return ok();
}

/**
 * -Z on one chain or, without one, every chain of the table in listing order
 * (nft_chain_foreach: base chains, then user chains by name); with -v each
 * says "Zeroing chain `NAME'" (nft.c __nft_chain_zero_counters).
 */
function zeroChains(tables: NetfilterTables, table: TableName, chain: string | undefined, verbose: boolean): string {
  const names = chain === undefined ? listingOrder(table, tables.view[table]).map((c) => c.name) : [chain];
  for (const name of names) tables.zeroCounters(table, name);
  return verbose ? names.map((name) => `Zeroing chain \`${name}'\n`).join('') : '';
}

/** -X deletes one empty, unreferenced user chain, or all such chains when none is named. */
function deleteChains(tables: NetfilterTables, table: TableName, command: Command): CommandResult {
  const userChains = tables.view[table].filter((c) => c.policy === undefined).map((c) => c.name);
  for (const name of command.chain === undefined ? userChains : [command.chain]) {
    try {
      tables.deleteChain(table, name);
    } catch (error) {
      if (error instanceof KernelError) return refused(error, command, name);
      throw error;
    }
  }
  return ok();
}
