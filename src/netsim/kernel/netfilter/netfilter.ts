import { KernelError } from '../errno';
import { BUILTIN_CHAINS, sameRule, type Chain, type NetfilterState, type Policy, type RuleSpec, type TableName } from './rule';

/**
 * Table and chain operations, as the nf_tables backend of iptables performs them.
 * Errors are errno values; `iptables` words them.
 */
export function chainOf(netfilter: NetfilterState, table: TableName, name: string): Chain {
  const chain = netfilter[table].find((candidate) => candidate.name === name);
  if (!chain) throw new KernelError('ENOENT', `no chain ${name} in ${table}`);
  return chain;
}

export function hasChain(netfilter: NetfilterState, table: TableName, name: string): boolean {
  return netfilter[table].some((chain) => chain.name === name);
}

export function newChain(netfilter: NetfilterState, table: TableName, name: string): void {
  if (hasChain(netfilter, table, name)) throw new KernelError('EEXIST', `chain ${name} exists`);
  netfilter[table].push({ name, policy: undefined, rules: [], packets: 0, bytes: 0 });
}

/** Deletes an empty user chain nothing jumps to. */
export function deleteChain(netfilter: NetfilterState, table: TableName, name: string): void {
  const chain = chainOf(netfilter, table, name);
  if (BUILTIN_CHAINS[table].includes(name)) throw new KernelError('EPERM', `${name} is built in`);
  const referenced = netfilter[table].some((other) => other.rules.some((rule) => rule.spec.target.kind === 'jump' && rule.spec.target.chain === name));
  if (chain.rules.length > 0 || referenced) throw new KernelError('EBUSY', `chain ${name} is not empty or is referenced`);
  netfilter[table] = netfilter[table].filter((other) => other !== chain);
}

export function setPolicy(netfilter: NetfilterState, table: TableName, name: string, policy: Policy): void {
  const chain = chainOf(netfilter, table, name);
  if (chain.policy === undefined) throw new KernelError('EINVAL', `${name} is not a built-in chain`);
  chain.policy = policy;
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
  chainOf(netfilter, table, chainName).rules.push({ spec, packets: 0, bytes: 0 });
}

/** `-I CHAIN [position]`: position counts from 1, as iptables does. */
export function insertRule(netfilter: NetfilterState, table: TableName, chainName: string, spec: RuleSpec, position = 1): void {
  checkTarget(netfilter, table, spec);
  const chain = chainOf(netfilter, table, chainName);
  if (position < 1 || position > chain.rules.length + 1) throw new KernelError('EINVAL', 'index of insertion too big');
  chain.rules.splice(position - 1, 0, { spec, packets: 0, bytes: 0 });
}

/** Deletes the first rule equal to `spec`. */
export function deleteRule(netfilter: NetfilterState, table: TableName, chainName: string, spec: RuleSpec): void {
  const chain = chainOf(netfilter, table, chainName);
  const index = chain.rules.findIndex((rule) => sameRule(rule.spec, spec));
  if (index < 0) throw new KernelError('ENOENT', 'no such rule');
  chain.rules.splice(index, 1);
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
export function deleteRules(netfilter: NetfilterState, table: TableName, chainName: string, specs: readonly RuleSpec[]): void {
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

function checkTarget(netfilter: NetfilterState, table: TableName, spec: RuleSpec): void {
  if (spec.target.kind === 'jump') chainOf(netfilter, table, spec.target.chain);
}
