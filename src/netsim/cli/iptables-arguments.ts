import type { Negatable, RuleSpec, Target } from '../kernel/netfilter/rule';
import { cidr, networkOf, parseCidr, type Cidr } from '../wire/cidr';
import { parseIpv4 } from '../wire/ipv4';
import { ipv6NetworkOf, isIpv6Text, parseIpv6Cidr, type Ipv6Cidr } from '../wire/ipv6';

/** The version Debian 13 ships, as iptables names itself in errors. */
export const IPTABLES_VERSION = 'iptables v1.8.11 (nf_tables)';
const TRY_HELP = "Try `iptables -h' or 'iptables --help' for more information.\n";

/** An error iptables reports before touching any table, with exit status 2. */
export const parameterProblem = (message: string) => ({ error: `${IPTABLES_VERSION}: ${message}\n${TRY_HELP}`, status: 2 });
export type ArgumentError = ReturnType<typeof parameterProblem>;

export type Command =
  /** -L; with -Z too, the counters are zeroed once listed (`-L -Z`). */
  | { kind: 'list'; chain: string | undefined; zero?: boolean }
  | { kind: 'list-rules'; chain: string | undefined }
  /** -Z [chain [rulenum]]. */
  | { kind: 'zero'; chain: string | undefined; position: number | undefined }
  | { kind: 'append'; chain: string }
  | { kind: 'insert'; chain: string; position: number }
  | { kind: 'delete'; chain: string; position: number | undefined }
  | { kind: 'new-chain' | 'flush' | 'delete-chain'; chain: string | undefined }
  | { kind: 'policy'; chain: string; policy: string };

export interface Invocation {
  table: string;
  command: Command | undefined;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  /** The rule given with -s, -d, -j...; `target` is undefined until -j is seen. */
  rule: Partial<Mutable<RuleSpec>>;
  /** A -j name that is neither a built-in target nor known yet to be a chain. */
  jumpTo: string | undefined;
  /** iptables or ip6tables: which addresses -s and -d take. */
  family: 4 | 6;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const LONG_NAMES: Record<string, string> = {
  '--append': 'A', '--insert': 'I', '--delete': 'D', '--new-chain': 'N', '--delete-chain': 'X', '--flush': 'F', '--policy': 'P',
  '--list': 'L', '--list-rules': 'S', '--zero': 'Z', '--numeric': 'n', '--verbose': 'v', '--exact': 'x', '--table': 't',
  '--source': 's', '--destination': 'd', '--in-interface': 'i', '--out-interface': 'o', '--protocol': 'p', '--jump': 'j', '--match': 'm',
};
const BUILTIN_TARGETS = new Set(['ACCEPT', 'DROP', 'RETURN', 'REJECT', 'MASQUERADE', 'DNAT', 'SNAT']);

/**
 * iptables' command line, read as its getopt_long loop reads it: bundled short
 * options (`-nvL`), `!` before the option it negates, match options only after
 * the `-p`/`-m` that brings them in.
 */
export function parseIptablesArguments(args: readonly string[], family: 4 | 6 = 4): Invocation | ArgumentError {
  const invocation: Invocation = { table: 'filter', command: undefined, numeric: false, verbose: false, exact: false, lineNumbers: false, rule: {}, jumpTo: undefined, family };
  const matches = new Set<string>();
  let negate = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = () => args[++i];
    if (arg === '!') {
      negate = true;
      continue;
    }
    if (arg === '--line-numbers') {
      invocation.lineNumbers = true;
      continue;
    }
    const matchOption = matchOptionProblem(arg, matches, invocation.rule.target);
    if (matchOption === 'handled') {
      const value = next();
      if (value === undefined) return parameterProblem(`option "${arg}" requires an argument`);
      const problem = applyMatchOption(invocation.rule, arg, value);
      if (problem) return problem;
      continue;
    }
    const letters = LONG_NAMES[arg] ?? (/^-[^-]/.test(arg) ? arg.slice(1) : undefined);
    if (letters === undefined) {
      return arg.startsWith('--') ? parameterProblem(`unknown option "${arg}"`) : { error: `Bad argument \`${arg}'\n${TRY_HELP}`, status: 2 };
    }
    for (let j = 0; j < letters.length; j++) {
      const letter = letters[j]!;
      const inline = letters.slice(j + 1);
      const value = () => inline || next();
      const outcome = applyLetter(invocation, letter, inline, value, () => args[i + 1], () => i++, negate, matches);
      negate = false;
      if (outcome === 'consumed-rest') break;
      if (outcome !== undefined && outcome !== 'ok') return outcome;
    }
  }
  // libxt_NAT's final check: a NAT target without its address is refused before the kernel sees it.
  const target = invocation.rule.target;
  if (target?.kind === 'DNAT' && target.to === undefined) return natWithoutAddress('DNAT', '--to-destination');
  if (target?.kind === 'SNAT' && target.to === undefined) return natWithoutAddress('SNAT', '--to-source');
  return invocation;
}

/** xtables_error() with a message that ends in a newline, hence the blank line before the hint (captured: host.iptables-t-nat-A-OUTPUT-DNAT-no-destination.err.txt). */
const natWithoutAddress = (target: string, option: string): ArgumentError => ({
  error: `${IPTABLES_VERSION}: ${target}: option "${option}" must be specified\n\n${TRY_HELP}`,
  status: 2,
});

/** States libxt_conntrack's --ctstate takes; --state (libxt_state) takes the first five. */
const CT_STATES = ['INVALID', 'ESTABLISHED', 'NEW', 'RELATED', 'UNTRACKED', 'SNAT', 'DNAT'];
const STATES = CT_STATES.slice(0, 5);

type Outcome = 'ok' | 'consumed-rest' | ArgumentError | undefined;

/** `-L -Z CHAIN RULENUM` lists that one rule (CMD_LIST|CMD_ZERO_NUM); listing a single rule is not modelled. */
const UNMODELLED_LIST_ZERO_NUM: ArgumentError = { error: 'iptables -L with -Z CHAIN RULENUM is not available in this simulator yet\n', status: 2 };

function applyLetter(
  invocation: Invocation,
  letter: string,
  inline: string,
  value: () => string | undefined,
  peek: () => string | undefined,
  skip: () => void,
  negated: boolean,
  matches: Set<string>,
): Outcome {
  const required = (): string | ArgumentError => value() ?? parameterProblem(`option "-${letter}" requires an argument`);
  const command = (built: Command): Outcome => {
    if (invocation.command) return parameterProblem(`Cannot use -${letter} with another command`);
    invocation.command = built;
    return 'consumed-rest';
  };
  /** An optional positional argument right after, as for `-L [chain]` and `-I chain [rulenum]`. */
  const optional = (): string | undefined => {
    const following = peek();
    if (following === undefined || following.startsWith('-') || following === '!') return undefined;
    skip();
    return following;
  };
  switch (letter) {
    case 'n':
      invocation.numeric = true;
      return 'ok';
    case 'v':
      invocation.verbose = true;
      return 'ok';
    case 'x':
      invocation.exact = true;
      return 'ok';
    case 't': {
      const table = required();
      if (typeof table !== 'string') return table;
      invocation.table = table;
      return 'consumed-rest';
    }
    case 'L':
    case 'S': {
      const chain = inline || optional();
      // add_command(CMD_LIST, CMD_ZERO | CMD_ZERO_NUM): -L and -Z go together; the later chain argument wins (p->chain).
      const zero = invocation.command?.kind === 'zero' ? invocation.command : undefined;
      if (letter === 'L' && zero) {
        if (zero.position !== undefined) return UNMODELLED_LIST_ZERO_NUM;
        invocation.command = { kind: 'list', chain: chain ?? zero.chain, zero: true };
        return 'consumed-rest';
      }
      return command({ kind: letter === 'L' ? 'list' : 'list-rules', chain });
    }
    case 'Z': {
      const chain = inline || optional();
      const number = chain === undefined ? undefined : optional();
      // parse_rulenumber: xtables_strtoui(rule, NULL, &rulenum, 1, INT_MAX).
      if (number !== undefined && !/^0*[1-9]\d*$/.test(number)) return parameterProblem(`Invalid rule number \`${number}'`);
      const position = number === undefined ? undefined : Number(number);
      const list = invocation.command?.kind === 'list' ? invocation.command : undefined;
      if (list && !list.zero) {
        if (position !== undefined) return UNMODELLED_LIST_ZERO_NUM;
        invocation.command = { kind: 'list', chain: chain ?? list.chain, zero: true };
        return 'consumed-rest';
      }
      return command({ kind: 'zero', chain, position });
    }
    case 'X':
    case 'F':
      return command({ kind: letter === 'X' ? 'delete-chain' : 'flush', chain: inline || optional() });
    case 'N':
    case 'A': {
      const chain = required();
      if (typeof chain !== 'string') return chain;
      return command(letter === 'N' ? { kind: 'new-chain', chain } : { kind: 'append', chain });
    }
    case 'I':
    case 'D': {
      const chain = required();
      if (typeof chain !== 'string') return chain;
      const number = optional();
      if (number !== undefined && !/^\d+$/.test(number)) return parameterProblem(`Invalid rule number \`${number}'`);
      const position = number === undefined ? undefined : Number(number);
      return command(letter === 'I' ? { kind: 'insert', chain, position: position ?? 1 } : { kind: 'delete', chain, position });
    }
    case 'P': {
      const chain = required();
      if (typeof chain !== 'string') return chain;
      const policy = optional();
      if (policy === undefined) return parameterProblem('-P requires a chain and a policy');
      return command({ kind: 'policy', chain, policy });
    }
    case 's':
    case 'd': {
      const text = required();
      if (typeof text !== 'string') return text;
      const address = invocation.family === 6 ? ipv6HostOrNetwork(text) : hostOrNetwork(text);
      if (!address) return parameterProblem(`host/network \`${text}' not found`);
      invocation.rule[letter === 's' ? 'source' : 'destination'] = { value: address, negated };
      return 'consumed-rest';
    }
    case 'i':
    case 'o': {
      const name = required();
      if (typeof name !== 'string') return name;
      invocation.rule[letter === 'i' ? 'inInterface' : 'outInterface'] = { value: name, negated } satisfies Negatable<string>;
      return 'consumed-rest';
    }
    case 'p': {
      const protocol = required();
      if (typeof protocol !== 'string') return protocol;
      if (protocol === 'all') return 'consumed-rest';
      if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'icmp') return parameterProblem(`unknown protocol "${protocol}" specified`);
      invocation.rule.protocol = protocol;
      matches.add(protocol);
      return 'consumed-rest';
    }
    case 'm': {
      const module = required();
      if (typeof module !== 'string') return module;
      if (!['tcp', 'udp', 'conntrack', 'state', 'addrtype'].includes(module)) return parameterProblem(`Couldn't load match \`${module}':No such file or directory`);
      matches.add(module);
      return 'consumed-rest';
    }
    case 'j': {
      const target = required();
      if (typeof target !== 'string') return target;
      if (BUILTIN_TARGETS.has(target)) invocation.rule.target = { kind: target } as Target;
      else {
        invocation.rule.target = { kind: 'jump', chain: target };
        invocation.jumpTo = target;
      }
      return 'consumed-rest';
    }
    default:
      return parameterProblem(`unknown option "-${letter}"`);
  }
}

const MATCH_OPTIONS: Record<string, string[]> = {
  '--dport': ['tcp', 'udp'],
  '--sport': ['tcp', 'udp'],
  '--source-port': ['tcp', 'udp'],
  '--destination-port': ['tcp', 'udp'],
  '--ctstate': ['conntrack'],
  '--state': ['state'],
  '--dst-type': ['addrtype'],
  '--src-type': ['addrtype'],
};

/**
 * Options a target brings: do_parse merges them into getopt's table only when
 * -j loads the target (xshared.c command_jump), so before -j they are unknown
 * options (command_default: `unknown option "--to-destination"`).
 */
const TARGET_OPTIONS: Record<string, string> = {
  '--to-destination': 'DNAT',
  '--to-source': 'SNAT',
  '--reject-with': 'REJECT',
};

/** Options a match or target module brings; unknown to iptables until that module is loaded. */
function matchOptionProblem(arg: string, matches: Set<string>, target: Target | undefined): 'handled' | 'not-a-match-option' {
  const targetKind = TARGET_OPTIONS[arg];
  if (targetKind !== undefined) return target?.kind === targetKind ? 'handled' : 'not-a-match-option';
  const modules = MATCH_OPTIONS[arg];
  if (modules === undefined) return 'not-a-match-option';
  return modules.some((module) => matches.has(module)) ? 'handled' : 'not-a-match-option';
}

function applyMatchOption(rule: Partial<Mutable<RuleSpec>>, option: string, value: string): ArgumentError | undefined {
  switch (option) {
    case '--dport':
    case '--destination-port':
    case '--sport':
    case '--source-port':
      if (!/^\d+$/.test(value) || Number(value) > 65535) return parameterProblem(`invalid port/service \`${value}' specified`);
      if (option === '--sport' || option === '--source-port') rule.sourcePort = Number(value);
      else rule.destinationPort = Number(value);
      return undefined;
    case '--ctstate':
    case '--state': {
      const known = option === '--ctstate' ? CT_STATES : STATES;
      const bad = value.split(',').find((state) => !known.includes(state));
      if (bad !== undefined) return parameterProblem(`Bad ${option === '--ctstate' ? 'ctstate' : 'state'} "${bad}"`);
      rule.ctState = value.split(',') as NonNullable<RuleSpec['ctState']>;
      return undefined;
    }
    case '--dst-type':
      rule.destinationLocal = value === 'LOCAL';
      return undefined;
    case '--src-type':
      rule.sourceLocal = value === 'LOCAL';
      return undefined;
    case '--to-destination':
      if (rule.target?.kind === 'DNAT') rule.target = { kind: 'DNAT', to: value };
      return undefined;
    case '--to-source':
      if (rule.target?.kind === 'SNAT') rule.target = { kind: 'SNAT', to: value };
      return undefined;
    default:
      return undefined;
  }
}

/** ip6tables: `fd00::1` is a /128; a prefix is masked, as ip6tables stores it. */
function ipv6HostOrNetwork(text: string): Ipv6Cidr | undefined {
  if (!text.includes('/')) return isIpv6Text(text) ? parseIpv6Cidr(`${text}/128`) : undefined;
  const parsed = parseIpv6Cidr(text);
  return parsed && ipv6NetworkOf(parsed);
}

/** `10.0.0.1` is a /32; `10.1.2.3/8` is masked to 10.0.0.0/8, as iptables stores it. */
function hostOrNetwork(text: string): Cidr | undefined {
  if (text.includes('/')) {
    const parsed = parseCidr(text);
    return parsed ? networkOf(parsed) : undefined;
  }
  const address = parseIpv4(text);
  return address === undefined ? undefined : cidr(address, 32);
}
