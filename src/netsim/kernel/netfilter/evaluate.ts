import { contains } from '../../wire/cidr';
import type { Ipv4 } from '../../wire/ipv4';
import type { Packet } from '../../wire/packet';
import type {
  ChainState,
  Negatable,
  NetfilterState,
  Policy,
  Rule,
  RuleAddress,
  RuleSpec,
  RuleState,
  Span,
  TableName,
} from './rule';

export type Hook = 'PREROUTING' | 'INPUT' | 'FORWARD' | 'OUTPUT' | 'POSTROUTING';

export type ConntrackState = 'NEW' | 'ESTABLISHED' | 'RELATED';

/**
 * Tables registered at each hook, in priority order (raw -300, nat DNAT -100,
 * filter 0, nat SNAT +100; include/uapi/linux/netfilter_ipv4.h).
 */
const TABLES_AT_HOOK: Record<Hook, readonly TableName[]> = {
  PREROUTING: ['raw', 'nat'],
  INPUT: ['filter', 'nat'],
  FORWARD: ['filter'],
  OUTPUT: ['raw', 'nat', 'filter'],
  POSTROUTING: ['nat'],
};

/** More nested jumps than this is a loop the ruleset should not have had; the packet is dropped. */
const MAX_JUMP_DEPTH = 64;

/** What the hook knows about the packet besides its headers. */
export interface HookContext {
  /** Interface the packet came in on; undefined for locally generated packets. */
  inInterface: string | undefined;
  /** Interface it leaves by; undefined before routing (PREROUTING) and for local delivery. */
  outInterface: string | undefined;
  state: ConntrackState;
  /** Which way the packet goes in its connection (conntrack's IP_CT_DIR_ORIGINAL or _REPLY). */
  direction: 'original' | 'reply';
  /** The destination port of the connection's original tuple, before any DNAT. */
  originalDestinationPort: number;
  /** The translation an established connection already has, applied where the nat table sits. */
  followConnection: (packet: Packet) => Packet;
  /** False for a packet whose connection got its NAT elsewhere (local traffic looping back through lo). */
  natAllowed: boolean;
  /** `-m addrtype --dst-type LOCAL`: whether an address belongs to this namespace. */
  isLocal: (address: Ipv4) => boolean;
  /** The primary address of an interface, for MASQUERADE. */
  addressOf: (device: string) => Ipv4 | undefined;
  /** Told of each rule that matches, each policy that decides and each translation, while a command is traced. */
  watcher?: HookWatcher | undefined;
}

/** What a trace learns from one hook: the rules in the order they matched, the policies, the rewrites. */
export interface HookWatcher {
  rule(table: TableName, chain: string, index: number, rule: Rule): void;
  policy(table: TableName, chain: string, policy: Policy, rules: number): void;
  nat(by: 'rule' | 'conntrack', before: Packet, after: Packet): void;
}

export type HookVerdict =
  | { readonly kind: 'accept'; readonly packet: Packet; readonly nat?: NatChange }
  | { readonly kind: 'drop'; readonly table: TableName; readonly chain: string }
  | { readonly kind: 'reject'; readonly table: TableName; readonly chain: string };

/** A translation decided by the nat table for a new connection. */
export interface NatChange {
  readonly kind: 'dnat' | 'snat';
  readonly address: Ipv4;
  readonly port: number | undefined;
}

/**
 * Runs a packet through every table registered at `hook`, counting the rules it
 * matches. The nat table only sees the first packet of a connection: later ones
 * follow the translation conntrack remembers.
 */
export function runHook(netfilter: NetfilterState, hook: Hook, packet: Packet, context: HookContext): HookVerdict {
  let current = packet;
  let nat: NatChange | undefined;
  for (const table of TABLES_AT_HOOK[hook]) {
    if (table === 'nat') {
      // Conntrack applies a known connection's NAT at the nat table's priority: raw saw the packet untranslated.
      const followed = context.followConnection(current);
      if (followed !== current) context.watcher?.nat('conntrack', current, followed);
      current = followed;
      if (context.state !== 'NEW' || !context.natAllowed) continue;
    }
    const chain = netfilter[table].find((candidate) => candidate.name === hook);
    if (!chain) continue;
    const outcome = runChain(netfilter[table], table, chain, current, context, 0);
    if (outcome.kind === 'drop' || outcome.kind === 'reject')
      return { kind: outcome.kind, table, chain: outcome.chain };
    if (outcome.kind === 'nat') {
      nat = outcome.change;
      const translated = translate(current, outcome.change);
      context.watcher?.nat('rule', current, translated);
      current = translated;
    }
  }
  return { kind: 'accept', packet: current, ...(nat ? { nat } : {}) };
}

type ChainOutcome =
  | { kind: 'accept' }
  | { kind: 'return' }
  | { kind: 'drop' | 'reject'; chain: string }
  | { kind: 'nat'; change: NatChange };

function runChain(
  table: readonly ChainState[],
  name: TableName,
  chain: ChainState,
  packet: Packet,
  context: HookContext,
  depth: number,
): ChainOutcome {
  if (depth > MAX_JUMP_DEPTH) return { kind: 'drop', chain: chain.name };
  for (let index = 0; index < chain.rules.length; index++) {
    const rule = chain.rules[index]!;
    if (!matches(rule.spec, packet, context)) continue;
    count(rule, packet);
    context.watcher?.rule(name, chain.name, index, rule);
    const outcome = applyTarget(table, name, chain, rule.spec, packet, context, depth);
    if (outcome) return outcome;
  }
  if (chain.policy === undefined) return { kind: 'return' };
  context.watcher?.policy(name, chain.name, chain.policy, chain.rules.length);
  // iptables-nft keeps no counters on base chain policies: they always read 0.
  return chain.policy === 'DROP' ? { kind: 'drop', chain: chain.name } : { kind: 'accept' };
}

/** What a matched rule's target does; undefined means go on with the next rule. */
function applyTarget(
  table: readonly ChainState[],
  name: TableName,
  chain: ChainState,
  spec: RuleSpec,
  packet: Packet,
  context: HookContext,
  depth: number,
): ChainOutcome | undefined {
  const target = spec.target;
  switch (target.kind) {
    case 'none':
      return undefined;
    case 'ACCEPT':
      return { kind: 'accept' };
    case 'DROP':
      return { kind: 'drop', chain: chain.name };
    case 'REJECT':
      return { kind: 'reject', chain: chain.name };
    case 'RETURN':
      return { kind: 'return' };
    case 'LOG':
      // XT_CONTINUE: the packet goes on; the kernel log it writes to is not simulated.
      return undefined;
    case 'jump': {
      const next = table.find((candidate) => candidate.name === target.chain);
      if (!next) return undefined;
      const outcome = runChain(table, name, next, packet, context, depth + 1);
      return outcome.kind === 'return' ? undefined : outcome;
    }
    case 'DNAT':
    case 'SNAT': {
      const kind = target.kind === 'DNAT' ? 'dnat' : 'snat';
      // `--to-source :53` changes only the port: the address stays the packet's own (so does an IPv6 one, which no IPv4 packet takes).
      const address = target.to.addresses?.first;
      const unchanged = kind === 'dnat' ? packet.destination : packet.source;
      // nf_nat_l4proto_unique_tuple keeps a port already in the range, else takes one from it: here its first.
      const ports = target.to.ports;
      const original = kind === 'dnat' ? packet.destinationPort : packet.sourcePort;
      const port = ports === undefined || (original >= ports.first && original <= ports.last) ? undefined : ports.first;
      return { kind: 'nat', change: { kind, address: typeof address === 'number' ? address : unchanged, port } };
    }
    case 'MASQUERADE': {
      const address = context.outInterface === undefined ? undefined : context.addressOf(context.outInterface);
      return address === undefined
        ? { kind: 'drop', chain: chain.name }
        : { kind: 'nat', change: { kind: 'snat', address, port: undefined } };
    }
  }
}

function count(rule: RuleState, packet: Packet): void {
  rule.packets += 1;
  rule.bytes += packet.length;
}

export function translate(packet: Packet, change: NatChange): Packet {
  return change.kind === 'dnat'
    ? { ...packet, destination: change.address, destinationPort: change.port ?? packet.destinationPort }
    : { ...packet, source: change.address, sourcePort: change.port ?? packet.sourcePort };
}

function matches(spec: RuleSpec, packet: Packet, context: HookContext): boolean {
  return (
    matchesAddress(spec.source, packet.source) &&
    matchesAddress(spec.destination, packet.destination) &&
    matchesInterface(spec.inInterface, context.inInterface) &&
    matchesInterface(spec.outInterface, context.outInterface) &&
    (spec.protocol === undefined || spec.protocol === packet.protocol) &&
    (spec.destinationPort === undefined ||
      (packet.protocol !== 'icmp' && spec.destinationPort === packet.destinationPort)) &&
    (spec.sourcePort === undefined || (packet.protocol !== 'icmp' && spec.sourcePort === packet.sourcePort)) &&
    (!spec.sourceLocal || context.isLocal(packet.source)) &&
    (!spec.destinationLocal || context.isLocal(packet.destination)) &&
    (spec.ctState === undefined || spec.ctState.states.includes(context.state) !== Boolean(spec.ctState.negated)) &&
    (spec.ctOrigDstPort === undefined ||
      (packet.protocol !== 'icmp' &&
        (context.originalDestinationPort === spec.ctOrigDstPort.value) !== spec.ctOrigDstPort.negated)) &&
    (spec.ctDirection === undefined || (spec.ctDirection === 'ORIGINAL') === (context.direction === 'original')) &&
    inRange(spec.sourceRange, packet.source) &&
    inRange(spec.destinationRange, packet.destination)
  );
}

/** xt_iprange iprange_mt4: min <= address <= max, compared in host order; `!` inverts (IPRANGE_SRC_INV). */
function inRange(match: Negatable<Span<Ipv4>> | undefined, address: Ipv4): boolean {
  if (!match) return true;
  return (address >= match.value.first && address <= match.value.last) !== match.negated;
}

function matchesAddress(match: Negatable<RuleAddress> | undefined, address: Ipv4): boolean {
  if (!match) return true;
  // Only IPv4 packets traverse the simulated tables: an ip6tables address never matches one.
  const { value } = match;
  if (typeof value.address !== 'number') return match.negated;
  return contains({ address: value.address, prefix: value.prefix }, address) !== match.negated;
}

/** `-i docker+` matches every name starting with `docker`; no interface at this hook never equals a name. */
function matchesInterface(match: Negatable<string> | undefined, name: string | undefined): boolean {
  if (!match) return true;
  const pattern = match.value;
  const equal =
    name !== undefined && (pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);
  return equal !== match.negated;
}
