import {
  CONNTRACK_STATES,
  LOG_DEFAULT_LEVEL,
  REJECT_TYPES,
  type CtState,
  type NatAddress,
  type NatRange,
  type Negatable,
  type RejectWith,
  type RuleAddress,
  type RuleSpec,
  type Span,
  type StateMatch,
  type Target,
} from '../kernel/netfilter/rule';
import { iprangeMatch } from './iptables-iprange-loader';
import { cidr, formatCidr, networkOf, parseCidr } from '../wire/cidr';
import { formatIpv4, parseIpv4 } from '../wire/ipv4';
import { formatIpv6, ipv6NetworkOf, isIpv6Text, parseIpv6, parseIpv6Cidr } from '../wire/ipv6';

/**
 * A rule's text as iptables reads and writes it: `-s 10.0.0.0/8 -p tcp -m tcp
 * --dport 80 -j DNAT --to-destination 172.17.0.2:80`. Both directions live
 * here, as they live together in each xtables extension (its x6_parse and its
 * save), so that what `iptables -S` and iptables-save print reads back as the
 * same rule. This is knowledge of the iptables program, not of the kernel:
 * the kernel keeps a RuleSpec; the text of a rule belongs to the userland tool.
 */

export type Family = 4 | 6;

/**
 * What xtables_error(PARAMETER_PROBLEM, ...) says, without the program's name
 * in front nor the help hint after: iptables adds those at its edge.
 */
export interface RuleProblem {
  readonly problem: string;
  /** Something iptables takes that netsim does not model: said as netsim's, not as iptables'. */
  readonly unsimulated?: true;
}

const problem = (text: string): RuleProblem => ({ problem: text });
const unsimulated = (text: string): RuleProblem => ({
  problem: `${text} is not available in this simulator yet`,
  unsimulated: true,
});
export const isProblem = (value: unknown): value is RuleProblem =>
  typeof value === 'object' && value !== null && 'problem' in value;

/** A rule being read, option by option, as do_parse fills its ipt_entry. */
export interface RuleDraft {
  readonly family: Family;
  readonly spec: { -readonly [K in keyof RuleSpec]?: RuleSpec[K] };
  /** Match modules loaded so far (`-p tcp` loads tcp, `-m conntrack` conntrack): their options become known. */
  readonly modules: Set<string>;
}

export function newRuleDraft(family: Family): RuleDraft {
  return { family, spec: {}, modules: new Set() };
}

/** -s, -d, -i, -o, -p, -m and -j: the rule's own options among iptables' letters. */
export const RULE_LETTERS = new Set(['s', 'd', 'i', 'o', 'p', 'm', 'j']);

const BUILTIN_TARGETS = new Set(['ACCEPT', 'DROP', 'RETURN', 'REJECT', 'MASQUERADE', 'DNAT', 'SNAT', 'LOG']);
const MATCH_MODULES = ['tcp', 'udp', 'conntrack', 'state', 'addrtype', 'iprange'];

/** One of RULE_LETTERS with its value; `negated` when `!` came before it. */
export function applyRuleLetter(
  draft: RuleDraft,
  letter: string,
  value: string,
  negated: boolean,
): RuleProblem | undefined {
  const rule = draft.spec;
  switch (letter) {
    case 's':
    case 'd': {
      const address = draft.family === 6 ? ipv6HostOrNetwork(value) : hostOrNetwork(value);
      if (!address) return problem(`host/network \`${value}' not found`);
      rule[letter === 's' ? 'source' : 'destination'] = { value: address, negated };
      return undefined;
    }
    case 'i':
    case 'o':
      rule[letter === 'i' ? 'inInterface' : 'outInterface'] = { value, negated } satisfies Negatable<string>;
      return undefined;
    case 'p':
      if (negated) return unsimulated("`! -p'");
      if (value === 'all') return undefined;
      if (value !== 'tcp' && value !== 'udp' && value !== 'icmp')
        return problem(`unknown protocol "${value}" specified`);
      rule.protocol = value;
      draft.modules.add(value);
      return undefined;
    case 'm':
      if (!MATCH_MODULES.includes(value)) return problem(`Couldn't load match \`${value}':No such file or directory`);
      draft.modules.add(value);
      return undefined;
    case 'j':
      rule.target = targetNamed(value, draft.family);
      return undefined;
    default:
      return problem(`unknown option "-${letter}"`);
  }
}

/** A target as -j loads it, with REJECT_init's default type; DNAT and SNAT wait for their address. */
function targetNamed(name: string, family: Family): Target {
  if (!BUILTIN_TARGETS.has(name)) return { kind: 'jump', chain: name };
  if (name === 'REJECT')
    return { kind: 'REJECT', with: family === 6 ? 'icmp6-port-unreachable' : 'icmp-port-unreachable' };
  if (name === 'DNAT' || name === 'SNAT') return { kind: name, to: {} };
  if (name === 'LOG') return { kind: 'LOG', prefix: '', level: LOG_DEFAULT_LEVEL };
  return { kind: name } as Target;
}

const MATCH_OPTIONS: Record<string, string[]> = {
  '--dport': ['tcp', 'udp'],
  '--sport': ['tcp', 'udp'],
  '--source-port': ['tcp', 'udp'],
  '--destination-port': ['tcp', 'udp'],
  '--ctstate': ['conntrack'],
  '--ctorigdstport': ['conntrack'],
  '--ctdir': ['conntrack'],
  '--state': ['state'],
  '--dst-type': ['addrtype'],
  '--src-type': ['addrtype'],
  '--src-range': ['iprange'],
  '--dst-range': ['iprange'],
};

/**
 * Options a target brings: do_parse merges them into getopt's table only when
 * -j loads the target (xshared.c command_jump), so before -j they are unknown
 * options (command_default: `unknown option "--to-destination"`).
 */
const TARGET_OPTIONS: Record<string, Target['kind']> = {
  '--to-destination': 'DNAT',
  '--to-source': 'SNAT',
  '--reject-with': 'REJECT',
  '--log-prefix': 'LOG',
  '--log-level': 'LOG',
};

/**
 * The syslog levels LOG prints without -n (captured: `LOG level warn`), by number;
 * --log-level also takes these names, and the older `error`, `warning` and `panic`.
 */
const LOG_LEVEL_NAMES = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const LOG_LEVEL_ALIASES: Readonly<Record<string, number>> = { error: 3, warning: 4, panic: 0 };

function logLevel(text: string): number | undefined {
  if (/^[0-7]$/.test(text)) return Number(text);
  const named = LOG_LEVEL_NAMES.indexOf(text);
  return named >= 0 ? named : LOG_LEVEL_ALIASES[text];
}

/** Whether a long option is known now: a match module or the target that brings it has been loaded. */
export function knowsOption(draft: RuleDraft, option: string): boolean {
  const targetKind = TARGET_OPTIONS[option];
  if (targetKind !== undefined) return draft.spec.target?.kind === targetKind;
  return MATCH_OPTIONS[option]?.some((module) => draft.modules.has(module)) ?? false;
}

const NEGATABLE_OPTIONS = new Set(['--ctstate', '--state', '--ctorigdstport', '--src-range', '--dst-range']);

/** A module's or target's option (knowsOption said it is known) with its value; `negated` when `!` came before it. */
export function applyModuleOption(
  draft: RuleDraft,
  option: string,
  value: string,
  negated = false,
): RuleProblem | undefined {
  const rule = draft.spec;
  // The state, original port and range matches keep an inversion; a port, an address type or a target option would lose it.
  if (negated && !NEGATABLE_OPTIONS.has(option)) return unsimulated(`\`! ${option}'`);
  switch (option) {
    case '--dport':
    case '--destination-port':
    case '--sport':
    case '--source-port':
      if (!/^\d+$/.test(value) || Number(value) > 65535) return problem(`invalid port/service \`${value}' specified`);
      if (option === '--sport' || option === '--source-port') rule.sourcePort = Number(value);
      else rule.destinationPort = Number(value);
      return undefined;
    case '--ctstate':
    case '--state': {
      const states = option === '--ctstate' ? parseCtStates(value) : parseStates(value);
      if (isProblem(states)) return states;
      rule.ctState = {
        states,
        module: option === '--ctstate' ? 'conntrack' : 'state',
        ...(negated ? { negated: true as const } : {}),
      };
      return undefined;
    }
    case '--ctorigdstport':
      // A range (`80:90`) is not kept by this model.
      if (!/^\d+$/.test(value) || Number(value) > 65535)
        return /^\d+:\d+$/.test(value)
          ? unsimulated(`--ctorigdstport ${value}`)
          : problem(`conntrack: Bad value for "--ctorigdstport" option: "${value}"`);
      rule.ctOrigDstPort = { value: Number(value), negated };
      return undefined;
    case '--ctdir':
      // conntrack_parse: ORIGINAL or REPLY, in capitals.
      if (value !== 'ORIGINAL' && value !== 'REPLY')
        return problem(`conntrack: Bad value for "--ctdir" option: "${value}"`);
      rule.ctDirection = value;
      return undefined;
    case '--src-range':
    case '--dst-range': {
      if (draft.family === 6) return unsimulated(`ip6tables' ${option}`);
      // The iprange extension's own module, fetched on first use: most rules never name it.
      const parsed = iprangeMatch().parseIpRange(option, value);
      if ('problem' in parsed) return problem(parsed.problem);
      rule[option === '--src-range' ? 'sourceRange' : 'destinationRange'] = { value: parsed.range, negated };
      return undefined;
    }
    case '--dst-type':
      rule.destinationLocal = value === 'LOCAL';
      return undefined;
    case '--src-type':
      rule.sourceLocal = value === 'LOCAL';
      return undefined;
    case '--to-destination':
    case '--to-source': {
      const kind = option === '--to-destination' ? 'DNAT' : 'SNAT';
      const to = parseNatRange(value, rule.protocol, draft.family);
      if (isProblem(to)) return to;
      rule.target = { kind, to };
      return undefined;
    }
    case '--log-prefix':
    case '--log-level': {
      const log: Extract<Target, { kind: 'LOG' }> =
        rule.target?.kind === 'LOG' ? rule.target : { kind: 'LOG', prefix: '', level: LOG_DEFAULT_LEVEL };
      if (option === '--log-prefix') {
        rule.target = { ...log, prefix: value };
        return undefined;
      }
      const level = logLevel(value);
      // The message ends in a newline of its own: a blank line comes before `Try ...` (captured).
      if (level === undefined) return problem(`log level "${value}" unknown\n`);
      rule.target = { ...log, level };
      return undefined;
    }
    case '--reject-with': {
      const type = rejectType(value, draft.family);
      if (type === undefined) return problem(`unknown reject type "${value}"`);
      rule.target = { kind: 'REJECT', with: type };
      return undefined;
    }
    default:
      return problem(`unknown option "${option}"`);
  }
}

/**
 * The checks once every option is read (the targets' x6_fcheck, xtables'
 * XTOPT_MAND): a NAT target without its address is refused before the kernel
 * sees it. The message ends in a newline (xtoptions.c xtables_options_fcheck),
 * hence iptables' blank line before its hint. A rule without -j only counts.
 */
export function finishRule(draft: RuleDraft): RuleSpec | RuleProblem {
  const target = draft.spec.target;
  if (
    (target?.kind === 'DNAT' || target?.kind === 'SNAT') &&
    target.to.addresses === undefined &&
    target.to.ports === undefined
  ) {
    return problem(
      `${target.kind}: option "${target.kind === 'DNAT' ? '--to-destination' : '--to-source'}" must be specified\n`,
    );
  }
  return { ...draft.spec, target: target ?? { kind: 'none' } };
}

/**
 * A rule's words alone, as iptables-save writes them after `-A CHAIN`: the
 * reading half of this module's pair, for text that is known to be a rule.
 * iptables itself reads its whole command line in cli/iptables-arguments.ts
 * through the same functions.
 */
export function parseRule(words: readonly string[], family: Family = 4): RuleSpec | RuleProblem {
  const draft = newRuleDraft(family);
  let negated = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '!') {
      negated = true;
      continue;
    }
    const value = words[++i];
    if (value === undefined) return problem(`option "${word}" requires an argument`);
    const letter = /^-[a-z]$/.test(word) ? word.slice(1) : undefined;
    const outcome =
      letter !== undefined && RULE_LETTERS.has(letter)
        ? applyRuleLetter(draft, letter, value, negated)
        : knowsOption(draft, word)
          ? applyModuleOption(draft, word, value, negated)
          : problem(`unknown option "${word}"`);
    if (outcome) return outcome;
    negated = false;
  }
  return finishRule(draft);
}

// --- conntrack states

/**
 * conntrack_ps_states (libxt_conntrack.c): comma-separated states, each any
 * prefix of a state's name in any case (strncasecmp), tried in the order
 * INVALID, NEW, ESTABLISHED, RELATED, UNTRACKED, SNAT, DNAT. An error quotes
 * the rest of the list from the bad state on.
 */
function parseCtStates(text: string): CtState[] | RuleProblem {
  const order: readonly CtState[] = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED', 'SNAT', 'DNAT'];
  const found = new Set<CtState>();
  let rest = text;
  for (;;) {
    const comma = rest.indexOf(',');
    const word = comma < 0 ? rest : rest.slice(0, comma);
    const state = word.length === 0 ? undefined : stateByPrefix(word, order);
    if (state === undefined) return problem(`Bad ctstate "${rest}"`);
    found.add(state);
    if (comma < 0) return CONNTRACK_STATES.filter((known) => found.has(known));
    rest = rest.slice(comma + 1);
  }
}

/**
 * state_parse_states (libxt_conntrack.c, `-m state`): the same prefixes without
 * SNAT and DNAT; a list that ends in a comma gets its own message.
 */
function parseStates(text: string): CtState[] | RuleProblem {
  const order: readonly CtState[] = ['INVALID', 'NEW', 'ESTABLISHED', 'RELATED', 'UNTRACKED'];
  const found = new Set<CtState>();
  let rest = text;
  for (;;) {
    const comma = rest.indexOf(',');
    if (comma < 0 && rest.length === 0)
      return problem('"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED');
    const word = comma < 0 ? rest : rest.slice(0, comma);
    const state = word.length === 0 ? undefined : stateByPrefix(word, order);
    if (state === undefined) return problem(`Bad state "${rest}"`);
    found.add(state);
    if (comma < 0) return CONNTRACK_STATES.filter((known) => found.has(known));
    rest = rest.slice(comma + 1);
  }
}

const stateByPrefix = (word: string, order: readonly CtState[]): CtState | undefined =>
  order.find((state) => state.startsWith(word.toUpperCase()));

/** print_state: ` NEW,RELATED` after `--ctstate`, `--state` or, in a listing, `ctstate` / `state`. */
export function formatStates(match: StateMatch): string {
  return match.states.join(',');
}

// --- REJECT

/** REJECT_parse: the first type in table order whose name or alias starts with the word, in any case. */
function rejectType(word: string, family: Family): RejectWith | undefined {
  const aliases: Record<string, string> =
    family === 6
      ? {
          'icmp6-no-route': 'no-route',
          'icmp6-adm-prohibited': 'adm-prohibited',
          'icmp6-addr-unreachable': 'addr-unreach',
          'icmp6-port-unreachable': 'port-unreach',
          'tcp-reset': 'tcp-reset',
          'icmp6-policy-fail': 'policy-fail',
          'icmp6-reject-route': 'reject-route',
        }
      : {
          'icmp-net-unreachable': 'net-unreach',
          'icmp-host-unreachable': 'host-unreach',
          'icmp-proto-unreachable': 'proto-unreach',
          'icmp-port-unreachable': 'port-unreach',
          'icmp-net-prohibited': 'net-prohib',
          'icmp-host-prohibited': 'host-prohib',
          'tcp-reset': 'tcp-rst',
          'icmp-admin-prohibited': 'admin-prohib',
        };
  const lower = word.toLowerCase();
  return REJECT_TYPES[family].find((name) => name.startsWith(lower) || aliases[name]!.startsWith(lower));
}

// --- NAT ranges

/**
 * parse_to (libxt_NAT.c): `ADDR[-ADDR][:PORT[-PORT]]`, an IPv6 address in
 * brackets when a port follows; `:PORT` alone keeps the address. Ports need
 * a protocol that has them (-p before -j).
 */
function parseNatRange(text: string, protocol: RuleSpec['protocol'], family: Family): NatRange | RuleProblem {
  let addressText = text;
  let colon: number;
  if (text.includes('[')) {
    const start = text.indexOf('[') + 1;
    const end = text.indexOf(']', start);
    if (end < 0 || family === 4) return problem('Invalid address format');
    addressText = text.slice(start, end);
    colon = text.indexOf(':', end + 1);
  } else {
    colon = text.indexOf(':');
    // One colon is a port; more make an IPv6 address.
    if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) colon = -1;
    if (colon >= 0) addressText = text.slice(0, colon);
  }
  let ports: Span<number> | undefined;
  if (colon >= 0) {
    const parsed = parseNatPorts(text.slice(colon + 1), protocol);
    if (isProblem(parsed)) return parsed;
    ports = parsed;
    // "Starts with colon or [] colon? No IP info": parse_to tests the colon's place, so any two characters before it count as none.
    if (colon === 0 || colon === 2) return { ports };
  }
  const dash = addressText.indexOf('-');
  const firstText = dash < 0 ? addressText : addressText.slice(0, dash);
  const first = parseNatAddress(firstText, family);
  if (first === undefined) return problem(`Bad IP address "${firstText}"`);
  const last = dash < 0 ? first : parseNatAddress(addressText.slice(dash + 1), family);
  if (last === undefined) return problem(`Bad IP address "${addressText.slice(dash + 1)}"`);
  return { addresses: { first, last }, ...(ports ? { ports } : {}) };
}

/** inet_pton: IPv4 as a number, IPv6 in the canonical text inet_ntop gives back. */
function parseNatAddress(text: string, family: Family): NatAddress | undefined {
  if (family === 4) return parseIpv4(text);
  const address = parseIpv6(text);
  return address === undefined ? undefined : formatIpv6(address);
}

/**
 * parse_ports (libxt_NAT.c): `PORT` or `PORT-PORT`, each 0-65535.
 * xtables_strtoui reads them with strtoul base 0, so 0x50 is 80; service
 * names and shifted ranges (`/BASE`) are not simulated.
 */
function parseNatPorts(text: string, protocol: RuleSpec['protocol']): Span<number> | RuleProblem {
  if (protocol === undefined) return problem('Need TCP, UDP, SCTP or DCCP with port specification');
  const first = leadingPort(text);
  if (first === undefined) return problem(`Port \`${text}' not valid`);
  const after = text.slice(first.length);
  if (after === '') return { first: first.value, last: first.value };
  if (after.startsWith(':')) return problem('Invalid port:port syntax - use dash');
  if (!after.startsWith('-')) return problem(`Garbage after port value: \`${after}'`);
  const rangeText = after.slice(1);
  const last = leadingPort(rangeText);
  if (last === undefined) return problem(`Port \`${rangeText}' not valid`);
  if (last.value < first.value) return problem(`Port range \`${rangeText}' funky`);
  const tail = rangeText.slice(last.length);
  if (tail !== '')
    return tail.startsWith('/') ? unsimulated('a shifted port range') : problem(`Garbage after port range: \`${tail}'`);
  return { first: first.value, last: last.value };
}

/** strtoul(text, &end, 0) bounded to a port, as xtables_strtoui reads one: the number and how many characters it took. */
function leadingPort(text: string): { value: number; length: number } | undefined {
  const match = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(text);
  if (!match) return undefined;
  const digits = match[1]!;
  const value = /^0[xX]/.test(digits)
    ? parseInt(digits.slice(2), 16)
    : digits.length > 1 && digits.startsWith('0')
      ? parseInt(digits, 8)
      : Number(digits);
  return value > 65535 ? undefined : { value, length: digits.length };
}

/**
 * sprint_range (libxt_NAT.c): the addresses (a range as `A-B`, an IPv6 one in
 * brackets when ports follow), then `:PORT` or `:FIRST-LAST`.
 */
export function formatNatRange(range: NatRange): string {
  const address = (value: NatAddress) => (typeof value === 'number' ? formatIpv4(value) : value);
  const { addresses, ports } = range;
  let text = '';
  if (addresses) {
    text = address(addresses.first) + (addresses.last === addresses.first ? '' : `-${address(addresses.last)}`);
    if (ports && typeof addresses.first === 'string') text = `[${text}]`;
  }
  if (ports) text += `:${ports.first}${ports.last === ports.first ? '' : `-${ports.last}`}`;
  return text;
}

// --- addresses

/** ip6tables: `fd00::1` is a /128; a prefix is masked, as ip6tables stores it. */
function ipv6HostOrNetwork(text: string): RuleAddress | undefined {
  if (!text.includes('/')) return isIpv6Text(text) ? parseIpv6Cidr(`${text}/128`) : undefined;
  const parsed = parseIpv6Cidr(text);
  return parsed && ipv6NetworkOf(parsed);
}

/** `10.0.0.1` is a /32; `10.1.2.3/8` is masked to 10.0.0.0/8, as iptables stores it. */
function hostOrNetwork(text: string): RuleAddress | undefined {
  if (text.includes('/')) {
    const parsed = parseCidr(text);
    return parsed ? networkOf(parsed) : undefined;
  }
  const address = parseIpv4(text);
  return address === undefined ? undefined : cidr(address, 32);
}

/** `172.17.0.0/16` or `fd49:efd7:54aa::/64`: -S and iptables-save always give the prefix length. */
export function formatRuleAddress(value: RuleAddress): string {
  return typeof value.address === 'number'
    ? formatCidr({ address: value.address, prefix: value.prefix })
    : `${value.address}/${value.prefix}`;
}

// --- printing

const negatable = (option: string, match: Negatable<string> | undefined) =>
  match === undefined ? [] : [...(match.negated ? ['!'] : []), option, match.value];

/**
 * A rule's arguments in the order iptables prints them (`-S`, iptables-save):
 * addresses, interfaces, protocol, then each match module's save, then the
 * target and its save.
 */
export function formatRule(spec: RuleSpec): string {
  const words: string[] = [
    ...negatable('-s', spec.source && { value: formatRuleAddress(spec.source.value), negated: spec.source.negated }),
    ...negatable(
      '-d',
      spec.destination && { value: formatRuleAddress(spec.destination.value), negated: spec.destination.negated },
    ),
    ...negatable('-i', spec.inInterface),
    ...negatable('-o', spec.outInterface),
  ];
  if (spec.protocol) words.push('-p', spec.protocol);
  if (spec.sourcePort !== undefined || spec.destinationPort !== undefined) words.push('-m', spec.protocol ?? 'tcp');
  if (spec.sourcePort !== undefined) words.push('--sport', String(spec.sourcePort));
  if (spec.destinationPort !== undefined) words.push('--dport', String(spec.destinationPort));
  // libxt_addrtype addrtype_save_v1: one `-m addrtype`, --src-type before --dst-type.
  if (spec.sourceLocal || spec.destinationLocal)
    words.push(
      '-m',
      'addrtype',
      ...(spec.sourceLocal ? ['--src-type', 'LOCAL'] : []),
      ...(spec.destinationLocal ? ['--dst-type', 'LOCAL'] : []),
    );
  // conntrack_print_name_alias and conntrack_dump: the module and option the rule was written with.
  // conntrack_dump: one `-m conntrack` with its options in its order (state, ..., origdstport, ..., direction).
  const conntrackState = spec.ctState?.module === 'conntrack' ? spec.ctState : undefined;
  if (spec.ctState?.module === 'state')
    words.push('-m', 'state', ...(spec.ctState.negated ? ['!'] : []), '--state', formatStates(spec.ctState));
  if (conntrackState || spec.ctOrigDstPort || spec.ctDirection) {
    words.push('-m', 'conntrack');
    if (conntrackState) words.push(...(conntrackState.negated ? ['!'] : []), '--ctstate', formatStates(conntrackState));
    if (spec.ctOrigDstPort)
      words.push(...(spec.ctOrigDstPort.negated ? ['!'] : []), '--ctorigdstport', String(spec.ctOrigDstPort.value));
    if (spec.ctDirection) words.push('--ctdir', spec.ctDirection);
  }
  // iptables prints matches in the order the rule gave them; netsim keeps no order, so iprange comes after the others.
  if (spec.sourceRange || spec.destinationRange) words.push(...iprangeMatch().iprangeSaveWords(spec));
  words.push(...targetWords(spec.target));
  return words.join(' ');
}

function targetWords(target: Target): string[] {
  switch (target.kind) {
    case 'none':
      return [];
    case 'jump':
      return ['-j', target.chain];
    case 'DNAT':
      return ['-j', 'DNAT', '--to-destination', formatNatRange(target.to)];
    case 'SNAT':
      return ['-j', 'SNAT', '--to-source', formatNatRange(target.to)];
    case 'REJECT':
      return ['-j', 'REJECT', '--reject-with', target.with];
    case 'LOG':
      // LOG_save: the prefix (xtables_save_string), then the level unless the default.
      return [
        '-j',
        'LOG',
        ...(target.prefix === '' ? [] : ['--log-prefix', savedString(target.prefix)]),
        ...(target.level === LOG_DEFAULT_LEVEL ? [] : ['--log-level', String(target.level)]),
      ];
    case 'ACCEPT':
    case 'DROP':
    case 'RETURN':
    case 'MASQUERADE':
      return ['-j', target.kind];
  }
}

/** xtables_save_string: a word as it is, or in double quotes (`"` and `\` escaped) when it has a blank or a quote. */
function savedString(text: string): string {
  return /[\s'"\\]/.test(text) ? `"${text.replace(/["\\]/g, '\\$&')}"` : text;
}

/** What `iptables -L` prints after a rule's addresses for its target (REJECT_print, __NAT_print with `to:`, LOG_print). */
export function targetListText(target: Target, numeric = false): string | undefined {
  if (target.kind === 'LOG') {
    const level = numeric ? `flags 0 level ${target.level}` : `level ${LOG_LEVEL_NAMES[target.level]}`;
    return `LOG ${level}${target.prefix === '' ? '' : ` prefix "${target.prefix}"`}`;
  }
  if (target.kind === 'DNAT' || target.kind === 'SNAT') return `to:${formatNatRange(target.to)}`;
  if (target.kind === 'REJECT') return `reject-with ${target.with}`;
  return undefined;
}
