import { formatCidr } from '../wire/cidr';
import { BUILTIN_CHAINS, type Chain, type Negatable, type RuleSpec, type TableName } from '../kernel/netfilter/rule';

const negatable = (option: string, match: Negatable<string> | undefined) =>
  match === undefined ? [] : [...(match.negated ? ['!'] : []), option, match.value];

/**
 * A rule's arguments in the order iptables prints them (`-S`, iptables-save):
 * addresses, interfaces, protocol, then each match module, then the target.
 */
export function ruleArguments(spec: RuleSpec): string {
  const words: string[] = [
    ...negatable('-s', spec.source && { value: formatCidr(spec.source.value), negated: spec.source.negated }),
    ...negatable('-d', spec.destination && { value: formatCidr(spec.destination.value), negated: spec.destination.negated }),
    ...negatable('-i', spec.inInterface),
    ...negatable('-o', spec.outInterface),
  ];
  if (spec.protocol) words.push('-p', spec.protocol);
  if (spec.destinationPort !== undefined) words.push('-m', spec.protocol ?? 'tcp', '--dport', String(spec.destinationPort));
  if (spec.destinationLocal) words.push('-m', 'addrtype', '--dst-type', 'LOCAL');
  if (spec.ctState) words.push('-m', 'conntrack', '--ctstate', spec.ctState.join(','));
  const target = spec.target;
  switch (target.kind) {
    case 'jump':
      words.push('-j', target.chain);
      break;
    case 'DNAT':
      words.push('-j', 'DNAT', '--to-destination', target.to);
      break;
    case 'REJECT':
      words.push('-j', 'REJECT', '--reject-with', 'icmp-port-unreachable');
      break;
    case 'none':
      break;
    default:
      words.push('-j', target.kind);
  }
  return words.join(' ');
}

/** Chains in listing order: built-ins in hook order, then user chains by name. */
export function listingOrder(table: TableName, chains: readonly Chain[]): Chain[] {
  const builtins = BUILTIN_CHAINS[table].map((name) => chains.find((chain) => chain.name === name)!).filter(Boolean);
  const users = chains.filter((chain) => chain.policy === undefined).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...builtins, ...users];
}

/** `iptables -S [CHAIN]`. */
export function formatRuleSpecs(table: TableName, chains: readonly Chain[], only?: string): string {
  const ordered = listingOrder(table, chains).filter((chain) => only === undefined || chain.name === only);
  const lines = [
    ...ordered.map((chain) => (chain.policy ? `-P ${chain.name} ${chain.policy}` : `-N ${chain.name}`)),
    ...ordered.flatMap((chain) => chain.rules.map((rule) => [`-A ${chain.name}`, ruleArguments(rule.spec)].filter(Boolean).join(' '))),
  ];
  return lines.map((line) => `${line}\n`).join('');
}
