import type { RuleSpec } from '../kernel/netfilter/rule';
import {
  applyModuleOption,
  applyRuleLetter,
  finishRule,
  isProblem,
  knowsOption,
  newRuleDraft,
  RULE_LETTERS,
  type RuleDraft,
  type RuleProblem,
} from '../userland/iptables-rule';

/** The version Debian 13 ships, as iptables names itself in errors. */
export const IPTABLES_VERSION = 'iptables v1.8.11 (nf_tables)';
const TRY_HELP = "Try `iptables -h' or 'iptables --help' for more information.\n";

/** An error iptables reports before touching any table, with exit status 2. */
export const parameterProblem = (message: string) => ({
  error: `${IPTABLES_VERSION}: ${message}\n${TRY_HELP}`,
  status: 2,
});
export type ArgumentError = ReturnType<typeof parameterProblem>;

/** xtables_error(PARAMETER_PROBLEM) from the rule's own options, worded as iptables prints it. */
const ruleProblem = ({ problem, unsimulated }: RuleProblem): ArgumentError =>
  unsimulated ? { error: `netsim: ${problem}\n`, status: 2 } : parameterProblem(problem);

export type Command =
  /** -L; with -Z too, the counters are zeroed once listed (`-L -Z`). */
  | { kind: 'list'; chain: string | undefined; zero?: boolean }
  | { kind: 'list-rules'; chain: string | undefined }
  /** -Z [chain [rulenum]]. */
  | { kind: 'zero'; chain: string | undefined; position: number | undefined }
  | { kind: 'append'; chain: string }
  | { kind: 'insert'; chain: string; position: number }
  | { kind: 'delete'; chain: string; position: number | undefined }
  /** -C: whether a rule equal to the one given is in the chain. */
  | { kind: 'check'; chain: string }
  | { kind: 'new-chain' | 'flush' | 'delete-chain'; chain: string | undefined }
  | { kind: 'policy'; chain: string; policy: string };

export interface Invocation {
  table: string;
  command: Command | undefined;
  numeric: boolean;
  verbose: boolean;
  exact: boolean;
  lineNumbers: boolean;
  /** The rule given with -s, -d, -j...; without -j, a rule that only counts. */
  rule: RuleSpec;
  /** iptables or ip6tables: which addresses -s and -d take. */
  family: 4 | 6;
}

const LONG_NAMES: Record<string, string> = {
  '--append': 'A',
  '--check': 'C',
  '--insert': 'I',
  '--delete': 'D',
  '--new-chain': 'N',
  '--delete-chain': 'X',
  '--flush': 'F',
  '--policy': 'P',
  '--list': 'L',
  '--list-rules': 'S',
  '--zero': 'Z',
  '--numeric': 'n',
  '--verbose': 'v',
  '--exact': 'x',
  '--table': 't',
  '--source': 's',
  '--destination': 'd',
  '--in-interface': 'i',
  '--out-interface': 'o',
  '--protocol': 'p',
  '--jump': 'j',
  '--match': 'm',
};

/**
 * iptables' command line, read as its getopt_long loop reads it: bundled short
 * options (`-nvL`), `!` before the option it negates, match options only after
 * the `-p`/`-m` that brings them in.
 */
export function parseIptablesArguments(args: readonly string[], family: 4 | 6 = 4): Invocation | ArgumentError {
  const invocation: Omit<Invocation, 'rule'> = {
    table: 'filter',
    command: undefined,
    numeric: false,
    verbose: false,
    exact: false,
    lineNumbers: false,
    family,
  };
  const draft = newRuleDraft(family);
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
    if (knowsOption(draft, arg)) {
      const value = next();
      if (value === undefined) return parameterProblem(`option "${arg}" requires an argument`);
      const problem = applyModuleOption(draft, arg, value, negate);
      negate = false;
      if (problem) return ruleProblem(problem);
      continue;
    }
    const letters = LONG_NAMES[arg] ?? (/^-[^-]/.test(arg) ? arg.slice(1) : undefined);
    if (letters === undefined) {
      return arg.startsWith('--')
        ? parameterProblem(`unknown option "${arg}"`)
        : { error: `Bad argument \`${arg}'\n${TRY_HELP}`, status: 2 };
    }
    for (let j = 0; j < letters.length; j++) {
      const letter = letters[j]!;
      const inline = letters.slice(j + 1);
      const value = () => inline || next();
      const outcome = applyLetter(
        invocation,
        draft,
        letter,
        inline,
        value,
        () => args[i + 1],
        () => i++,
        negate,
      );
      negate = false;
      if (outcome === 'consumed-rest') break;
      if (outcome !== undefined && outcome !== 'ok') return outcome;
    }
  }
  const rule = finishRule(draft);
  // xtables_error() with a message that ends in a newline, hence the blank line before the hint (captured: host.iptables-t-nat-A-OUTPUT-DNAT-no-destination.err.txt).
  if (isProblem(rule)) return ruleProblem(rule);
  return { ...invocation, rule };
}

type Outcome = 'ok' | 'consumed-rest' | ArgumentError | undefined;

/** `-L -Z CHAIN RULENUM` lists that one rule (CMD_LIST|CMD_ZERO_NUM); listing a single rule is not modelled. */
const UNMODELLED_LIST_ZERO_NUM: ArgumentError = {
  error: 'iptables -L with -Z CHAIN RULENUM is not available in this simulator yet\n',
  status: 2,
};

function applyLetter(
  invocation: Omit<Invocation, 'rule'>,
  draft: RuleDraft,
  letter: string,
  inline: string,
  value: () => string | undefined,
  peek: () => string | undefined,
  skip: () => void,
  negated: boolean,
): Outcome {
  const required = (): string | ArgumentError =>
    value() ?? parameterProblem(`option "-${letter}" requires an argument`);
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
  if (RULE_LETTERS.has(letter)) {
    const text = required();
    if (typeof text !== 'string') return text;
    const problem = applyRuleLetter(draft, letter, text, negated);
    return problem ? ruleProblem(problem) : 'consumed-rest';
  }
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
      const position = number === undefined ? undefined : ruleNumber(number);
      if (position === undefined && number !== undefined) return parameterProblem(`Invalid rule number \`${number}'`);
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
    case 'A':
    case 'C': {
      // -C takes no rule number: a number after the chain is a stray argument (`Bad argument`).
      const chain = required();
      if (typeof chain !== 'string') return chain;
      return command(
        letter === 'N'
          ? { kind: 'new-chain', chain }
          : letter === 'A'
            ? { kind: 'append', chain }
            : { kind: 'check', chain },
      );
    }
    case 'I':
    case 'D': {
      const chain = required();
      if (typeof chain !== 'string') return chain;
      const number = optional();
      const position = number === undefined ? undefined : ruleNumber(number);
      if (position === undefined && number !== undefined) return parameterProblem(`Invalid rule number \`${number}'`);
      return command(
        letter === 'I' ? { kind: 'insert', chain, position: position ?? 1 } : { kind: 'delete', chain, position },
      );
    }
    case 'P': {
      const chain = required();
      if (typeof chain !== 'string') return chain;
      const policy = optional();
      if (policy === undefined) return parameterProblem('-P requires a chain and a policy');
      return command({ kind: 'policy', chain, policy });
    }
    default:
      return parameterProblem(`unknown option "-${letter}"`);
  }
}

/**
 * parse_rulenumber (xshared.c): xtables_strtoui(rule, NULL, &rulenum, 1,
 * INT_MAX), a strict strtoul of base 0 (`0x10` is 16, `010` is 8) from 1 on.
 */
function ruleNumber(text: string): number | undefined {
  const match = /^(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9]\d*))$/.exec(text);
  if (!match) return undefined;
  const value =
    match[1] !== undefined ? parseInt(match[1], 16) : match[2] !== undefined ? parseInt(match[2], 8) : Number(match[3]);
  return value >= 1 && value <= 0x7fffffff ? value : undefined;
}
