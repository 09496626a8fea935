import type { Chain, Negatable, NatRange, RuleAddress, RuleSpec, Span, Target } from '../kernel/netfilter/rule';
import { formatIpv4, type Ipv4 } from '../wire/ipv4';

/**
 * `nft list` (nftables 1.1.3, Debian 13's) of the tables iptables-nft keeps:
 * each rule as nft translates it (iptables' native expressions, and the xt
 * matches and targets through libxtables' xlate), a counter on every rule.
 * Captured: golden/tools/nft-*.txt (capture-nft.sh).
 */

export type NftFamily = 'ip' | 'ip6';

/** One table as nf_tables holds it: its chains in the order they were created. */
export interface NftTable {
  readonly family: NftFamily;
  readonly name: 'raw' | 'nat' | 'filter';
  readonly chains: readonly Chain[];
}

/** What nft writes: the listing on stdout, and for each table it managed, its warning on stderr first. */
export interface NftText {
  readonly table: NftTable;
  readonly warning: string | undefined;
  readonly text: string;
}

/**
 * rule.c table_print: a table whose rules hold an xt match or target
 * (table->has_xt_stmts) is iptables-nft's, said on stderr before the table.
 */
export function formatTable(table: NftTable, only?: string): NftText {
  const chains = table.chains.filter((chain) => only === undefined || chain.name === only);
  const managed = table.chains.some((chain) => chain.rules.some((rule) => hasXtStatement(rule.spec)));
  const body = chains.map((chain) => formatChain(table, chain)).join('\n');
  return {
    table,
    warning: managed
      ? `# Warning: table ${table.family} ${table.name} is managed by iptables-nft, do not touch!\n`
      : undefined,
    text: `table ${table.family} ${table.name} {\n${body}}\n`,
  };
}

/** `nft list tables`: one line a table. */
export function formatTableNames(tables: readonly NftTable[]): string {
  return tables.map((table) => `table ${table.family} ${table.name}\n`).join('');
}

/** chain_print_declaration: a base chain's type, hook, priority (by its name) and policy. */
function formatChain(table: NftTable, chain: Chain): string {
  const lines = [`\tchain ${chain.name} {`];
  if (chain.policy !== undefined) {
    const type = table.name === 'nat' ? 'nat' : 'filter';
    lines.push(
      `\t\ttype ${type} hook ${chain.name.toLowerCase()} priority ${priority(table.name, chain.name)}; policy ${chain.policy.toLowerCase()};`,
    );
  }
  for (const rule of chain.rules) lines.push(`\t\t${formatNftRule(rule.spec, table.family, rule.packets, rule.bytes)}`);
  return `${lines.join('\n')}\n\t}\n`;
}

/** iptables-nft's base chain priorities (nft-chain.c), by nft's names: DNAT hooks dstnat, SNAT ones srcnat. */
function priority(table: NftTable['name'], chain: string): string {
  if (table === 'nat') return chain === 'PREROUTING' || chain === 'OUTPUT' ? 'dstnat' : 'srcnat';
  return table;
}

/** Matches and targets iptables-nft keeps as xt expressions; the others it writes as native nft. */
function hasXtStatement(spec: RuleSpec): boolean {
  const kind = spec.target.kind;
  const xtTarget = kind !== 'none' && kind !== 'jump' && kind !== 'ACCEPT' && kind !== 'DROP' && kind !== 'RETURN';
  return (
    xtTarget ||
    Boolean(spec.sourceLocal || spec.destinationLocal) ||
    spec.ctState !== undefined ||
    spec.ctOrigDstPort !== undefined ||
    spec.ctDirection !== undefined ||
    spec.sourceRange !== undefined ||
    spec.destinationRange !== undefined
  );
}

/**
 * One rule: addresses, interfaces, the protocol (left out when a port match
 * right after implies it), ports, the xt matches' translations, the counter,
 * then the verdict or target.
 */
export function formatNftRule(spec: RuleSpec, family: NftFamily, packets = 0, bytes = 0): string {
  const words: string[] = [];
  const address = (field: 'saddr' | 'daddr', match: Negatable<RuleAddress> | undefined) => {
    if (match && match.value.prefix !== 0)
      words.push(`${family} ${field}${match.negated ? ' !=' : ''} ${nftAddress(match.value)}`);
  };
  address('saddr', spec.source);
  address('daddr', spec.destination);
  for (const [name, match] of [
    ['iifname', spec.inInterface],
    ['oifname', spec.outInterface],
  ] as const)
    if (match) words.push(`${name}${match.negated ? ' !=' : ''} "${match.value.replace(/\+$/, '*')}"`);
  const ports = spec.sourcePort !== undefined || spec.destinationPort !== undefined;
  if (spec.protocol && !ports) words.push(`${family === 'ip' ? 'ip protocol' : 'meta l4proto'} ${spec.protocol}`);
  if (spec.sourcePort !== undefined) words.push(`${spec.protocol ?? 'tcp'} sport ${spec.sourcePort}`);
  if (spec.destinationPort !== undefined) words.push(`${spec.protocol ?? 'tcp'} dport ${spec.destinationPort}`);
  words.push(...xtMatches(spec));
  words.push(`counter packets ${packets} bytes ${bytes}`);
  const target = targetText(spec.target, family);
  if (target) words.push(target);
  return words.join(' ');
}

/** nft prints a /32 (/128) as the address alone. */
function nftAddress(value: RuleAddress): string {
  const text = typeof value.address === 'number' ? formatIpv4(value.address) : value.address;
  return value.prefix === (typeof value.address === 'number' ? 32 : 128) ? text : `${text}/${value.prefix}`;
}

/** The xlate of each xt match, in netsim's order of matches (iptables keeps the command line's). */
function xtMatches(spec: RuleSpec): string[] {
  const words: string[] = [];
  // libxt_addrtype addrtype_mt_xlate: with both types given, the capture shows only the source's.
  if (spec.sourceLocal) words.push('fib saddr type local');
  else if (spec.destinationLocal) words.push('fib daddr type local');
  if (spec.ctState) {
    const states = spec.ctState.states;
    // libxt_conntrack: SNAT and DNAT are conntrack statuses (captured: `--ctstate SNAT,DNAT` as `ct status snat`).
    const status = states.find((state) => state === 'SNAT' || state === 'DNAT');
    if (status) words.push(`ct status ${status.toLowerCase()}`);
    else
      words.push(`ct state ${spec.ctState.negated ? '! ' : ''}${states.map((state) => state.toLowerCase()).join(',')}`);
  }
  if (spec.ctDirection) words.push(`ct direction ${spec.ctDirection.toLowerCase()}`);
  if (spec.ctOrigDstPort)
    words.push(`ct original proto-dst${spec.ctOrigDstPort.negated ? ' !=' : ''} ${spec.ctOrigDstPort.value}`);
  const range = (field: 'saddr' | 'daddr', match: Negatable<Span<Ipv4>> | undefined) => {
    if (match)
      words.push(
        `ip ${field}${match.negated ? ' !=' : ''} ${formatIpv4(match.value.first)}-${formatIpv4(match.value.last)}`,
      );
  };
  range('saddr', spec.sourceRange);
  range('daddr', spec.destinationRange);
  return words;
}

/** nft's names for REJECT's ICMP types (libipt_REJECT.c / libip6t_REJECT.c xlate); the port unreachable is the default. */
const REJECT_ICMP: Readonly<Record<string, string>> = {
  'icmp-net-unreachable': 'net-unreachable',
  'icmp-host-unreachable': 'host-unreachable',
  'icmp-proto-unreachable': 'prot-unreachable',
  'icmp-net-prohibited': 'net-prohibited',
  'icmp-host-prohibited': 'host-prohibited',
  'icmp-admin-prohibited': 'admin-prohibited',
  'icmp6-no-route': 'no-route',
  'icmp6-adm-prohibited': 'admin-prohibited',
  'icmp6-addr-unreachable': 'addr-unreachable',
  'icmp6-policy-fail': 'policy-fail',
  'icmp6-reject-route': 'reject-route',
};

/** syslog's level names, as LOG's xlate writes them; the default (warn) is left out. */
const LOG_LEVELS = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];

function targetText(target: Target, family: NftFamily): string | undefined {
  switch (target.kind) {
    case 'none':
      return undefined;
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
    case 'MASQUERADE':
      return target.kind.toLowerCase();
    case 'jump':
      return `jump ${target.chain}`;
    case 'DNAT':
    case 'SNAT':
      return `${target.kind.toLowerCase()} to ${natText(target.to)}`;
    case 'REJECT': {
      if (target.with === 'tcp-reset') return 'reject with tcp reset';
      const type = REJECT_ICMP[target.with];
      return type === undefined ? 'reject' : `reject with ${family === 'ip' ? 'icmp' : 'icmpv6'} type ${type}`;
    }
    case 'LOG': {
      const prefix = target.prefix === '' ? '' : ` prefix "${target.prefix}"`;
      const level = target.level === 4 ? '' : ` level ${LOG_LEVELS[target.level]}`;
      return `log${prefix}${level}`;
    }
  }
}

/** NAT_xlate: `ADDR[-ADDR][:PORT[-PORT]]`, an IPv6 address in brackets before a port. */
function natText(range: NatRange): string {
  const address = (value: Ipv4 | string) => (typeof value === 'number' ? formatIpv4(value) : value);
  let text = '';
  if (range.addresses) {
    const { first, last } = range.addresses;
    text = address(first) + (last === first ? '' : `-${address(last)}`);
    if (range.ports && typeof first === 'string') text = `[${text}]`;
  }
  if (range.ports)
    text += `:${range.ports.first}${range.ports.last === range.ports.first ? '' : `-${range.ports.last}`}`;
  return text;
}
