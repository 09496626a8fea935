import type { Cidr } from '../../wire/cidr';
import type { Ipv4 } from '../../wire/ipv4';
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
  return (
    (BUILTIN_CHAINS as Record<string, readonly string[]>)[table] ??
    (EMPTY_TABLES as Record<string, readonly string[]>)[table] ??
    []
  );
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
  /** `-m conntrack --ctstate ...` or `-m state --state ...`. */
  readonly ctState?: StateMatch;
  /** `-m conntrack --ctorigdstport N`: the destination port the connection started with, before any DNAT. */
  readonly ctOrigDstPort?: Negatable<number>;
  /** `-m conntrack --ctdir ORIGINAL|REPLY`: which way the packet goes in its connection. */
  readonly ctDirection?: 'ORIGINAL' | 'REPLY';
  /** `-m iprange --src-range A-B`: an IPv4 source from A to B, both included (xt_iprange). */
  readonly sourceRange?: Negatable<Span<Ipv4>>;
  /** `-m iprange --dst-range A-B`. */
  readonly destinationRange?: Negatable<Span<Ipv4>>;
  readonly target: Target;
}

/**
 * Conntrack states in the order print_state (libxt_conntrack.c) writes them:
 * the match keeps a bit mask, so `--ctstate ESTABLISHED,RELATED` lists as
 * `RELATED,ESTABLISHED`.
 */
export const CONNTRACK_STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'] as const;
export type CtState = (typeof CONNTRACK_STATES)[number];

/**
 * The conntrack match's state mask. `-m state` is an alias of conntrack in
 * iptables 1.8 (XT_CONNTRACK_STATE_ALIAS), printed back as `-m state --state`.
 */
export interface StateMatch {
  /** No duplicates, in CONNTRACK_STATES order. */
  readonly states: readonly CtState[];
  readonly module: 'conntrack' | 'state';
  /** `! --ctstate NEW`: every state but these (XT_CONNTRACK_STATE in invert_flags). */
  readonly negated?: true;
}

/** A first and a last value, equal for one address or one port. */
export interface Span<T> {
  readonly first: T;
  readonly last: T;
}

/** An address a NAT target writes: IPv4 as a number, IPv6 as its text (as ip6tables' -s and -d are kept). */
export type NatAddress = Ipv4 | string;

/**
 * `--to-destination` / `--to-source` as nf_nat_range2 keeps it: addresses
 * (NF_NAT_RANGE_MAP_IPS) and ports (NF_NAT_RANGE_PROTO_SPECIFIED), each optional
 * (`--to-source :53` changes only the port).
 */
export interface NatRange {
  readonly addresses?: Span<NatAddress>;
  readonly ports?: Span<number>;
}

/** One address and, if given, one port: what Docker's rules translate to. */
export function natTo(address: NatAddress | undefined, port?: number): NatRange {
  return {
    ...(address === undefined ? {} : { addresses: { first: address, last: address } }),
    ...(port === undefined ? {} : { ports: { first: port, last: port } }),
  };
}

/**
 * `--reject-with` types, in the order of reject_table in libipt_REJECT.c
 * (IPv4) and libip6t_REJECT.c (IPv6); the default is each family's port
 * unreachable (REJECT_init).
 */
export const REJECT_TYPES = {
  4: [
    'icmp-net-unreachable',
    'icmp-host-unreachable',
    'icmp-proto-unreachable',
    'icmp-port-unreachable',
    'icmp-net-prohibited',
    'icmp-host-prohibited',
    'tcp-reset',
    'icmp-admin-prohibited',
  ],
  6: [
    'icmp6-no-route',
    'icmp6-adm-prohibited',
    'icmp6-addr-unreachable',
    'icmp6-port-unreachable',
    'tcp-reset',
    'icmp6-policy-fail',
    'icmp6-reject-route',
  ],
} as const;
export type RejectWith = (typeof REJECT_TYPES)[4 | 6][number];

export type Target =
  | { readonly kind: 'ACCEPT' | 'DROP' | 'RETURN' | 'MASQUERADE' }
  /** No -j: the rule only counts the packets it matches. */
  | { readonly kind: 'none' }
  | { readonly kind: 'REJECT'; readonly with: RejectWith }
  | { readonly kind: 'jump'; readonly chain: string }
  | { readonly kind: 'DNAT' | 'SNAT'; readonly to: NatRange }
  /**
   * LOG (xt_LOG): writes the packet to the kernel log and lets it go on to the
   * next rule. `level` is syslog's (LOG_DEFAULT_LEVEL 4, warning, when not given).
   */
  | { readonly kind: 'LOG'; readonly prefix: string; readonly level: number };

/** xt_LOG's default level, LOG_WARNING: iptables -S leaves it out. */
export const LOG_DEFAULT_LEVEL = 4;

/** A rule and its counters, as every layer above the kernel sees it: read-only. */
export interface Rule {
  readonly spec: RuleSpec;
  readonly packets: number;
  readonly bytes: number;
}

/** A chain as every layer above the kernel sees it: read-only; kernel/netfilter changes it. */
export interface Chain {
  readonly name: string;
  /** Built-in chains have a policy; user chains return to their caller. */
  readonly policy: Policy | undefined;
  readonly rules: readonly Rule[];
  readonly packets: number;
  readonly bytes: number;
}

/** One family's tables, read-only: what a namespace shows outside the kernel. */
export type Netfilter = { readonly [T in TableName]: readonly Chain[] };

/** The same records as the kernel writes them (kernel/ only). */
export interface RuleState extends Rule {
  packets: number;
  bytes: number;
}

export interface ChainState extends Chain {
  policy: Policy | undefined;
  rules: RuleState[];
  packets: number;
  bytes: number;
}

export type NetfilterState = Record<TableName, ChainState[]>;

export function emptyNetfilter(): NetfilterState {
  const table = (name: TableName): ChainState[] =>
    BUILTIN_CHAINS[name].map((chain) => ({ name: chain, policy: 'ACCEPT', rules: [], packets: 0, bytes: 0 }));
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
    a.ctState?.module === b.ctState?.module &&
    a.ctState?.negated === b.ctState?.negated &&
    (a.ctState?.states ?? []).join() === (b.ctState?.states ?? []).join() &&
    a.ctOrigDstPort?.value === b.ctOrigDstPort?.value &&
    a.ctOrigDstPort?.negated === b.ctOrigDstPort?.negated &&
    a.ctDirection === b.ctDirection &&
    sameNegatable(a.sourceRange, b.sourceRange, sameSpan) &&
    sameNegatable(a.destinationRange, b.destinationRange, sameSpan) &&
    sameTarget(a.target, b.target)
  );
}

function sameNegatable<T>(
  a: Negatable<T> | undefined,
  b: Negatable<T> | undefined,
  same: (x: T, y: T) => boolean,
): boolean {
  if (!a || !b) return a === b;
  return a.negated === b.negated && same(a.value, b.value);
}

function sameCidr(a: RuleAddress, b: RuleAddress): boolean {
  return a.address === b.address && a.prefix === b.prefix;
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'jump' && b.kind === 'jump') return a.chain === b.chain;
  if (a.kind === 'REJECT' && b.kind === 'REJECT') return a.with === b.with;
  if (a.kind === 'LOG' && b.kind === 'LOG') return a.prefix === b.prefix && a.level === b.level;
  if ((a.kind === 'DNAT' || a.kind === 'SNAT') && (b.kind === 'DNAT' || b.kind === 'SNAT'))
    return sameSpan(a.to.addresses, b.to.addresses) && sameSpan(a.to.ports, b.to.ports);
  return true;
}

function sameSpan<T>(a: Span<T> | undefined, b: Span<T> | undefined): boolean {
  if (!a || !b) return a === b;
  return a.first === b.first && a.last === b.last;
}
