import type { Cidr } from '../../wire/cidr';
import type { Ipv6Cidr } from '../../wire/ipv6';

/** A rule's -s or -d: an IPv4 network in iptables' tables, an IPv6 one (text) in ip6tables'. */
export type RuleAddress = Cidr | Ipv6Cidr;

/**
 * Netfilter tables in the order their chains run at a shared hook
 * (NF_IP_PRI_RAW < NF_IP_PRI_NAT_DST < NF_IP_PRI_FILTER).
 */
export const TABLES = ['raw', 'nat', 'filter'] as const;
export type TableName = (typeof TABLES)[number];

/** Built-in chains of each table, in the order iptables lists them. */
export const BUILTIN_CHAINS: Record<TableName, readonly string[]> = {
  raw: ['PREROUTING', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/**
 * Tables iptables-nft knows that the simulated kernel keeps no rules in: they
 * list as their built-in chains, empty, with an ACCEPT policy (captured:
 * session.iptables-save.txt, `iptables -t mangle -L -n`).
 */
export const EMPTY_TABLES: Readonly<Record<'mangle' | 'security', readonly string[]>> = {
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/** The built-in chains of any table iptables lists, in its order. */
export function builtinChainsOf(table: string): readonly string[] {
  return (BUILTIN_CHAINS as Record<string, readonly string[]>)[table] ?? (EMPTY_TABLES as Record<string, readonly string[]>)[table] ?? [];
}

export type Policy = 'ACCEPT' | 'DROP';

export interface Negatable<T> {
  readonly value: T;
  readonly negated: boolean;
}

/**
 * What a rule matches and what it does: data, so one function can add and delete
 * the same rule (as moby's iptabler does with its `enable` flag).
 */
export interface RuleSpec {
  readonly source?: Negatable<RuleAddress>;
  readonly destination?: Negatable<RuleAddress>;
  readonly inInterface?: Negatable<string>;
  readonly outInterface?: Negatable<string>;
  readonly protocol?: 'tcp' | 'udp' | 'icmp';
  readonly sourcePort?: number;
  readonly destinationPort?: number;
  /** `-m addrtype --src-type LOCAL`: Docker's hairpin MASQUERADE without docker-proxy. */
  readonly sourceLocal?: boolean;
  /** `-m addrtype --dst-type LOCAL`. */
  readonly destinationLocal?: boolean;
  /** `-m conntrack --ctstate ...`. */
  readonly ctState?: readonly ('NEW' | 'RELATED' | 'ESTABLISHED' | 'INVALID')[];
  readonly target: Target;
}

export type Target =
  | { readonly kind: 'ACCEPT' | 'DROP' | 'RETURN' | 'MASQUERADE' }
  /** No -j: the rule only counts the packets it matches. */
  | { readonly kind: 'none' }
  | { readonly kind: 'REJECT' }
  | { readonly kind: 'jump'; readonly chain: string }
  | { readonly kind: 'DNAT'; readonly to: string }
  | { readonly kind: 'SNAT'; readonly to: string };

export interface Rule {
  readonly spec: RuleSpec;
  packets: number;
  bytes: number;
}

export interface Chain {
  readonly name: string;
  /** Built-in chains have a policy; user chains return to their caller. */
  policy: Policy | undefined;
  rules: Rule[];
  packets: number;
  bytes: number;
}

export type NetfilterState = Record<TableName, Chain[]>;

export function emptyNetfilter(): NetfilterState {
  const table = (name: TableName): Chain[] => BUILTIN_CHAINS[name].map((chain) => ({ name: chain, policy: 'ACCEPT', rules: [], packets: 0, bytes: 0 }));
  return { raw: table('raw'), nat: table('nat'), filter: table('filter') };
}

/** Two specs are one rule when every match and the target agree (iptables -D SPEC). */
export function sameRule(a: RuleSpec, b: RuleSpec): boolean {
  return (
    sameNegatable(a.source, b.source, sameCidr) &&
    sameNegatable(a.destination, b.destination, sameCidr) &&
    sameNegatable(a.inInterface, b.inInterface, Object.is) &&
    sameNegatable(a.outInterface, b.outInterface, Object.is) &&
    a.protocol === b.protocol &&
    a.sourcePort === b.sourcePort &&
    a.destinationPort === b.destinationPort &&
    Boolean(a.sourceLocal) === Boolean(b.sourceLocal) &&
    Boolean(a.destinationLocal) === Boolean(b.destinationLocal) &&
    (a.ctState ?? []).join() === (b.ctState ?? []).join() &&
    sameTarget(a.target, b.target)
  );
}

function sameNegatable<T>(a: Negatable<T> | undefined, b: Negatable<T> | undefined, same: (x: T, y: T) => boolean): boolean {
  if (!a || !b) return a === b;
  return a.negated === b.negated && same(a.value, b.value);
}

function sameCidr(a: RuleAddress, b: RuleAddress): boolean {
  return a.address === b.address && a.prefix === b.prefix;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'jump' && b.kind === 'jump') return a.chain === b.chain;
  if ((a.kind === 'DNAT' && b.kind === 'DNAT') || (a.kind === 'SNAT' && b.kind === 'SNAT')) return a.to === b.to;
  return true;
}
