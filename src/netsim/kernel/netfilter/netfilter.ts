import { KernelError, type Errno } from '../errno';
import {
  BUILTIN_CHAINS,
  sameRule,
  type ChainState,
  type Netfilter,
  type NetfilterState,
  type Policy,
  type RuleSpec,
  type TableName,
} from './rule';

/**
 * Table and chain operations, as the nf_tables backend of iptables performs them.
 * Errors are errno values; `iptables` words them.
 */

/**
 * The kernel refusing a change when the batch is committed (nf_tables_commit,
 * the table's validation), rather than iptables' own checks against its cache
 * of the rule set: iptables reports it per batch object (`RULE_APPEND failed
 * (Invalid argument): rule in chain INPUT`).
 */
export class BatchRejected extends KernelError {
  constructor(errno: Errno, detail: string) {
    super(errno, detail);
    this.name = 'BatchRejected';
  }
}
export function chainOf(netfilter: NetfilterState, table: TableName, name: string): ChainState {
  const chain = netfilter[table].find((candidate) => candidate.name === name);
  if (!chain) throw new KernelError('ENOENT', `no chain ${name} in ${table}`);
  return chain;
}

export function hasChain(netfilter: Netfilter, table: TableName, name: string): boolean {
  return netfilter[table].some((chain) => chain.name === name);
}

export function newChain(netfilter: NetfilterState, table: TableName, name: string): void {
  if (hasChain(netfilter, table, name)) throw new KernelError('EEXIST', `chain ${name} exists`);
  netfilter[table].push({ name, policy: undefined, rules: [], packets: 0, bytes: 0 });
}

/**
 * `-X CHAIN`. A user chain goes if it is empty and nothing jumps to it, else
 * the commit fails with EBUSY. A built-in chain may be deleted once it has no
 * rules and an ACCEPT policy (nft.c __nft_chain_del, nft_may_delete_chain),
 * else iptables refuses it with EBUSY itself; iptables-nft lists a deleted
 * built-in chain all the same, so deleting one changes nothing here.
 */
export function deleteChain(netfilter: NetfilterState, table: TableName, name: string): void {
  const chain = chainOf(netfilter, table, name);
  if (BUILTIN_CHAINS[table].includes(name)) {
    if (chain.rules.length > 0 || chain.policy !== 'ACCEPT')
      throw new KernelError('EBUSY', `${name} has rules or a DROP policy`);
    return;
  }
  const referenced = netfilter[table].some((other) =>
    other.rules.some((rule) => rule.spec.target.kind === 'jump' && rule.spec.target.chain === name),
  );
  if (chain.rules.length > 0 || referenced)
    throw new BatchRejected('EBUSY', `chain ${name} is not empty or is referenced`);
  netfilter[table] = netfilter[table].filter((other) => other !== chain);
}

/** nft_chain_set: only a built-in chain has a policy; another name is ENOENT. */
export function setPolicy(netfilter: NetfilterState, table: TableName, name: string, policy: Policy): void {
  const chain = chainOf(netfilter, table, name);
  if (chain.policy === undefined) throw new KernelError('ENOENT', `${name} is not a built-in chain`);
  chain.policy = policy;
}

/** `-F [CHAIN]`: the rules of one chain or of every chain of the table go; chains and policies stay. */
export function flushRules(netfilter: NetfilterState, table: TableName, chainName?: string): void {
  const chains = chainName === undefined ? netfilter[table] : [chainOf(netfilter, table, chainName)];
  for (const chain of chains) chain.rules = [];
}

/**
 * `iptables -Z`: a chain's rule counters and, for a base chain, its policy
 * counters back to 0 (nf_tables: __nft_chain_zero_counters resets the base
 * chain's packets/bytes and each rule's counter expression); with `position`,
 * only that rule's (nft_rule_zero_counters). A position past the end changes
 * nothing and is no error: nft_rule_zero_counters sets errno but returns 1,
 * its success value.
 */
export function zeroCounters(netfilter: NetfilterState, table: TableName, chainName: string, position?: number): void {
  const chain = chainOf(netfilter, table, chainName);
  const rules = position === undefined ? chain.rules : chain.rules.slice(position - 1, position);
  for (const rule of rules) Object.assign(rule, { packets: 0, bytes: 0 });
  if (position === undefined && chain.policy !== undefined) Object.assign(chain, { packets: 0, bytes: 0 });
}

export function appendRule(netfilter: NetfilterState, table: TableName, chainName: string, spec: RuleSpec): void {
  checkTarget(netfilter, table, spec);
  const chain = chainOf(netfilter, table, chainName);
  chain.rules.push({ spec, packets: 0, bytes: 0 });
  validateJumps(netfilter, table, chain, chain.rules.length - 1);
}

/** `-I CHAIN [position]`: position counts from 1, as iptables does; one past the end appends (nft_rule_insert). */
export function insertRule(
  netfilter: NetfilterState,
  table: TableName,
  chainName: string,
  spec: RuleSpec,
  position = 1,
): void {
  checkTarget(netfilter, table, spec);
  const chain = chainOf(netfilter, table, chainName);
  if (position < 1 || position > chain.rules.length + 1) throw new KernelError('E2BIG', 'index of insertion too big');
  chain.rules.splice(position - 1, 0, { spec, packets: 0, bytes: 0 });
  validateJumps(netfilter, table, chain, position - 1);
}

/**
 * `-I CHAIN` for each of `specs` in turn, done at once: the last one inserted
 * comes first. A daemon publishing thousands of ports inserts thousands of rules
 * at the top of a chain; one by one, each would move all the others.
 */
export function insertRulesFirst(
  netfilter: NetfilterState,
  table: TableName,
  chainName: string,
  specs: readonly RuleSpec[],
): void {
  for (const spec of specs) checkTarget(netfilter, table, spec);
  const chain = chainOf(netfilter, table, chainName);
  const before = chain.rules.splice(0);
  for (let index = specs.length - 1; index >= 0; index--)
    chain.rules.push({ spec: specs[index]!, packets: 0, bytes: 0 });
  for (const rule of before) chain.rules.push(rule);
  if (specs.some((spec) => spec.target.kind === 'jump') && jumpsTooFar(netfilter[table])) {
    chain.rules.splice(0, specs.length);
    throw new BatchRejected('EMLINK', `jumps from ${chain.name} loop or go too deep`);
  }
}

/** Deletes the first rule equal to `spec`. */
export function deleteRule(netfilter: NetfilterState, table: TableName, chainName: string, spec: RuleSpec): void {
  const chain = chainOf(netfilter, table, chainName);
  const index = chain.rules.findIndex((rule) => sameRule(rule.spec, spec));
  if (index < 0) throw new KernelError('ENOENT', 'no such rule');
  chain.rules.splice(index, 1);
}

/** `-D CHAIN RULENUM`, counting from 1: a number past the end is E2BIG (nft_rule_delete_num). */
export function deleteRuleAt(netfilter: NetfilterState, table: TableName, chainName: string, position: number): void {
  const chain = chainOf(netfilter, table, chainName);
  if (position < 1 || position > chain.rules.length) throw new KernelError('E2BIG', 'index of deletion too big');
  chain.rules.splice(position - 1, 1);
}

/** Rules that can be equal share a bucket: same protocol, ports and target kind (sameRule compares within one). */
export function ruleBucket(spec: RuleSpec): string {
  return `${spec.protocol ?? ''}|${spec.destinationPort ?? ''}|${spec.sourcePort ?? ''}|${spec.target.kind}`;
}

/**
 * Deletes many rules from one chain in one pass, each the first rule equal to it
 * that is still there, as that many `-D` would; rules not in the chain are
 * skipped. Candidates are bucketed by port and target so each rule is compared
 * with a few specs only: a container with 65,535 published ports goes away in
 * linear time.
 */
export function deleteRules(
  netfilter: NetfilterState,
  table: TableName,
  chainName: string,
  specs: readonly RuleSpec[],
): void {
  const pending = new Map<string, RuleSpec[]>();
  for (const spec of specs) {
    const group = pending.get(ruleBucket(spec));
    if (group) group.push(spec);
    else pending.set(ruleBucket(spec), [spec]);
  }
  const chain = chainOf(netfilter, table, chainName);
  chain.rules = chain.rules.filter((rule) => {
    const candidates = pending.get(ruleBucket(rule.spec));
    const match = candidates?.findIndex((spec) => sameRule(rule.spec, spec)) ?? -1;
    if (match < 0) return true;
    candidates!.splice(match, 1);
    return false;
  });
}

export function hasRule(netfilter: NetfilterState, table: TableName, chainName: string, spec: RuleSpec): boolean {
  return chainOf(netfilter, table, chainName).rules.some((rule) => sameRule(rule.spec, spec));
}

/**
 * What the kernel checks of a new rule: a jump's chain exists (ENOENT), and
 * address translation only sits in the nat table (the nat expression's
 * validate, EINVAL at commit; captured: host.iptables-A-INPUT-DNAT-filter-table.err.txt).
 */
function checkTarget(netfilter: NetfilterState, table: TableName, spec: RuleSpec): void {
  if (spec.target.kind === 'jump') chainOf(netfilter, table, spec.target.chain);
  if (
    table !== 'nat' &&
    (spec.target.kind === 'DNAT' || spec.target.kind === 'SNAT' || spec.target.kind === 'MASQUERADE')
  ) {
    throw new BatchRejected('EINVAL', `${spec.target.kind} outside the nat table`);
  }
}

/** nf_tables' jump stack: a base chain and 15 user chains below it (captured: host.iptables-A-INPUT-j-C1-depth-20.err.txt). */
const DEEPEST_USER_CHAIN = 15;

/**
 * A new jump is checked with the table as nf_tables validates it at commit:
 * from every built-in chain, jumps must neither loop back to a chain on their
 * own path nor go deeper than the jump stack (EMLINK; captured:
 * host.iptables-A-B-j-A-loop.err.txt). Chains nothing reaches may loop: they
 * never run. A refused rule goes out again.
 */
function validateJumps(netfilter: NetfilterState, table: TableName, chain: ChainState, at: number): void {
  if (chain.rules[at]?.spec.target.kind !== 'jump' || !jumpsTooFar(netfilter[table])) return;
  chain.rules.splice(at, 1);
  throw new BatchRejected('EMLINK', `jumps from ${chain.name} loop or go too deep`);
}

function jumpsTooFar(chains: readonly ChainState[]): boolean {
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
  return chains
    .filter((chain) => chain.policy !== undefined)
    .some((base) => base.rules.some(({ spec }) => spec.target.kind === 'jump' && visit(spec.target.chain, new Set())));
}

/**
 * One family's tables as the layers above the kernel hold them: a read-only
 * view, and the operations iptables and the Docker engine change them with
 * (Kernel.netfilter). Errors are KernelError errnos, BatchRejected for those
 * the commit gives.
 */
export interface NetfilterTables {
  readonly view: Netfilter;
  hasChain(table: TableName, name: string): boolean;
  newChain(table: TableName, name: string): void;
  deleteChain(table: TableName, name: string): void;
  setPolicy(table: TableName, name: string, policy: Policy): void;
  appendRule(table: TableName, chain: string, spec: RuleSpec): void;
  insertRule(table: TableName, chain: string, spec: RuleSpec, position?: number): void;
  insertRulesFirst(table: TableName, chain: string, specs: readonly RuleSpec[]): void;
  deleteRule(table: TableName, chain: string, spec: RuleSpec): void;
  deleteRuleAt(table: TableName, chain: string, position: number): void;
  deleteRules(table: TableName, chain: string, specs: readonly RuleSpec[]): void;
  flushRules(table: TableName, chain?: string): void;
  zeroCounters(table: TableName, chain: string, position?: number): void;
}

export function netfilterTables(state: NetfilterState): NetfilterTables {
  return {
    view: state,
    hasChain: (table, name) => hasChain(state, table, name),
    newChain: (table, name) => newChain(state, table, name),
    deleteChain: (table, name) => deleteChain(state, table, name),
    setPolicy: (table, name, policy) => setPolicy(state, table, name, policy),
    appendRule: (table, chain, spec) => appendRule(state, table, chain, spec),
    insertRule: (table, chain, spec, position) => insertRule(state, table, chain, spec, position),
    insertRulesFirst: (table, chain, specs) => insertRulesFirst(state, table, chain, specs),
    deleteRule: (table, chain, spec) => deleteRule(state, table, chain, spec),
    deleteRuleAt: (table, chain, position) => deleteRuleAt(state, table, chain, position),
    deleteRules: (table, chain, specs) => deleteRules(state, table, chain, specs),
    flushRules: (table, chain) => flushRules(state, table, chain),
    zeroCounters: (table, chain, position) => zeroCounters(state, table, chain, position),
  };
}
