import { parseInetPrefix, strtoulBase0, type InetPrefix } from './iproute2-prefix';

/**
 * ss's filter expression (iproute2 misc/ssfilter.y and parse_hostcond in
 * misc/ss.c, v6.15): the words after the options and state filters, split again
 * at blanks, read by a context-dependent lexer and a small yacc grammar.
 */

/** An aafilter: a port (-1 for any) and an address prefix (none for any). */
export interface HostCond {
  readonly port: number;
  readonly prefix: InetPrefix | undefined;
}

export type SsFilter =
  | { readonly kind: 'and' | 'or'; readonly left: SsFilter; readonly right: SsFilter }
  | { readonly kind: 'not'; readonly operand: SsFilter }
  /** SSF_SCOND / SSF_DCOND: the local or remote end matches. */
  | { readonly kind: 'src' | 'dst'; readonly cond: HostCond }
  /** SSF_S_GE, SSF_S_LE, SSF_D_GE, SSF_D_LE; `>` and `<` are NOT of the other. */
  | { readonly kind: 'sport>=' | 'sport<=' | 'dport>=' | 'dport<='; readonly port: number }
  | { readonly kind: 'dev'; readonly ifindex: number }
  | { readonly kind: 'fwmark'; readonly mark: number; readonly mask: number }
  | { readonly kind: 'autobound' };

/** What the lexer looks up: /etc/services, the links of the namespace, host names. */
export interface FilterLookups {
  /** The socket tables being dumped: a service name must be listed for them. */
  readonly protocols: readonly ('tcp' | 'udp')[];
  servicePort(name: string, protocol: 'tcp' | 'udp'): number | undefined;
  linkIndex(name: string): number | undefined;
  /** gethostbyname2, AF_INET then AF_INET6: the first address of a name. */
  resolveHost(name: string): InetPrefix | undefined;
}

/** How parsing stopped, with what ss writes to stderr and its exit status. */
export interface FilterFailure {
  readonly stderr: string;
  readonly exitCode: number;
  /** A grammar error: ss then prints its usage, and exits 255. */
  readonly usage: boolean;
}

type Operator = '!' | '&' | '|' | '(' | ')' | '=' | '>' | '<' | '>=' | '<=' | '!=';
type Keyword = 'dst' | 'src' | 'dport' | 'sport' | 'dev' | 'fwmark' | 'cgroup' | 'autobound';
type Token =
  | { readonly kind: Operator | Keyword | 'end' }
  | { readonly kind: 'hostcond'; readonly cond: HostCond }
  | { readonly kind: 'devcond'; readonly ifindex: number }
  | { readonly kind: 'markmask'; readonly mark: number; readonly mask: number };

/** yylex's spellings of each operator. */
const OPERATORS: Readonly<Record<string, Operator>> = {
  '!': '!',
  not: '!',
  '&': '&',
  '&&': '&',
  and: '&',
  '|': '|',
  '||': '|',
  or: '|',
  '(': '(',
  ')': ')',
  '>=': '>=',
  ge: '>=',
  geq: '>=',
  '<=': '<=',
  le: '<=',
  leq: '<=',
  '!=': '!=',
  ne: '!=',
  neq: '!=',
  '=': '=',
  '==': '=',
  eq: '=',
  '>': '>',
  gt: '>',
  '<': '<',
  lt: '<',
};
const KEYWORDS: readonly Keyword[] = ['dst', 'src', 'dport', 'sport', 'dev', 'fwmark', 'cgroup', 'autobound'];

class Failure extends Error {
  constructor(readonly failure: FilterFailure) {
    super(failure.stderr);
  }
}

const fatal = (stderr: string): never => {
  throw new Failure({ stderr, exitCode: 1, usage: false });
};

/** get_token_from_line: blanks separate tokens; a backslash keeps the next character, blank or not. */
function splitTokens(word: string): string[] {
  const tokens: string[] = [];
  let current: string | undefined;
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    if (char === ' ' || char === '\t') {
      if (current !== undefined) tokens.push(current);
      current = undefined;
    } else if (char === '\\') {
      current = (current ?? '') + (word[i + 1] ?? '');
      i++;
    } else current = (current ?? '') + char;
  }
  if (current !== undefined) tokens.push(current);
  return tokens;
}

/** yylex: the word after `sport`/`dport` is a port, after `dev` a device, after `fwmark` a mark; others are addresses. */
class Lexer {
  private readonly words: string[];
  private context: Keyword | undefined;

  constructor(
    args: readonly string[],
    private readonly lookups: FilterLookups,
  ) {
    this.words = args.flatMap(splitTokens);
  }

  next(): Token {
    const word = this.words.shift();
    if (word === undefined) return { kind: 'end' };
    const operator = OPERATORS[word];
    if (operator) return { kind: operator };
    const keyword = KEYWORDS.find((candidate) => candidate === word);
    if (keyword) {
      this.context = keyword;
      return { kind: keyword };
    }
    switch (this.context) {
      case 'dev':
        return { kind: 'devcond', ifindex: this.device(word) };
      case 'fwmark':
        return { kind: 'markmask', ...markMask(word) };
      case 'cgroup':
        return fatal('ss: cgroup filters are not available in this simulator yet.\n');
      default: {
        const cond = parseHostCond(word, this.context === 'sport' || this.context === 'dport', this.lookups);
        return cond ? { kind: 'hostcond', cond } : fatal('Cannot parse dst/src address.\n');
      }
    }
  }

  /** parse_devcond: a link name, else a number. */
  private device(word: string): number {
    const index = this.lookups.linkIndex(word);
    if (index !== undefined) return index;
    const number = strtoulBase0(word);
    return number && number.rest === '' ? number.value : fatal('Cannot parse device.\n');
  }
}

/** parse_markmask: sscanf "%i/%i", or "%i" with an all-ones mask. */
function markMask(word: string): { mark: number; mask: number } {
  const scan = (text: string) => strtoulBase0(text.replace(/^[+]/, ''));
  const mark = scan(word);
  if (!mark) return fatal(`Cannot parse mark ${word}.\n`);
  if (!word.includes('/')) return { mark: mark.value, mask: 0xffffffff };
  const mask = mark.rest.startsWith('/') ? scan(mark.rest.slice(1)) : undefined;
  return mask ? { mark: mark.value, mask: mask.value } : fatal(`Cannot parse mark ${word}.\n`);
}

/** get_long with base 0: the whole word is one number, sign allowed. */
function wholeNumber(text: string): number | undefined {
  const negative = text.startsWith('-');
  const number = strtoulBase0(text.replace(/^[+-]/, ''));
  if (!number || number.rest !== '') return undefined;
  return negative ? -number.value : number.value;
}

/**
 * parse_hostcond for inet sockets: `[ADDR][:PORT]`, `[V6ADDR]:PORT`, `*:PORT`;
 * after sport/dport the whole word is the port. A name is looked up in
 * /etc/services for every table being dumped, an address that does not parse
 * as a host name.
 */
function parseHostCond(word: string, isPort: boolean, lookups: FilterLookups): HostCond | undefined {
  let address = word;
  let port: string | undefined;
  if (isPort) {
    port = word;
    address = '';
  } else if (word.startsWith('[')) {
    const close = word.indexOf(']');
    if (close < 0) return undefined;
    address = word.slice(1, close);
    port = word.slice(close + 1);
  } else if (word.startsWith('*')) {
    address = '*';
    port = word.slice(1);
  } else {
    // strrchr(strchr(addr, '/') ?: addr, ':'): the last colon, after any slash.
    const slash = word.indexOf('/');
    const colon = word.lastIndexOf(':');
    if (colon >= 0 && colon > slash) {
      address = word.slice(0, colon);
      port = word.slice(colon);
    }
  }
  let portNumber = -1;
  if (port) {
    if (port.startsWith(':')) port = port.slice(1);
    if (port !== '' && !port.startsWith('*')) {
      const parsed = wholeNumber(port) ?? servicePort(port, lookups);
      if (parsed === undefined) return undefined;
      portNumber = parsed;
    }
  }
  if (isPort || address === '' || address.startsWith('*')) return { port: portNumber, prefix: undefined };
  const prefix = parseInetPrefix(address) ?? lookups.resolveHost(address);
  if (!prefix)
    return fatal(`Error: an inet prefix is expected rather than "${address}".\nCannot parse dst/src address.\n`);
  return { port: portNumber, prefix };
}

/** getservbyname for UDP then TCP: a name that differs between them is ambiguous. */
function servicePort(name: string, lookups: FilterLookups): number | undefined {
  const udp = lookups.protocols.includes('udp') ? lookups.servicePort(name, 'udp') : undefined;
  const tcp = lookups.protocols.includes('tcp') ? lookups.servicePort(name, 'tcp') : undefined;
  if (udp !== undefined && tcp !== undefined && udp !== tcp)
    return fatal(`Error: ambiguous port "${name}".\nCannot parse dst/src address.\n`);
  const port = udp ?? tcp;
  // ss.c then looks for an RPC program of that name (rlist), which a Debian host without rpcbind lacks.
  return port ?? fatal(`Error: "${name}" does not look like a port.\nCannot parse dst/src address.\n`);
}

/** yyerror and ssfilter_parse's words; main() then calls usage(). */
const SYNTAX_ERROR: FilterFailure = {
  stderr: 'ss: bison bellows (while parsing filter): "syntax error!" Sorry.\n',
  exitCode: 255,
  usage: true,
};

/**
 * The grammar of ssfilter.y, read left to right with one token of lookahead as
 * bison does: `and`, `or` and juxtaposition bind equally and from the left
 * (`a or b and c` is `(a or b) and c`), `!` takes the next expression.
 */
class Parser {
  private lookahead: Token | undefined;

  constructor(private readonly lexer: Lexer) {}

  applet(): SsFilter | undefined {
    if (this.peek().kind === 'end') return undefined;
    const filter = this.exprlist();
    if (this.peek().kind !== 'end') throw new Failure(SYNTAX_ERROR);
    return filter;
  }

  private exprlist(): SsFilter {
    let left = this.expr();
    for (;;) {
      const { kind } = this.peek();
      if (kind === '|' || kind === '&') {
        this.take();
        left = { kind: kind === '|' ? 'or' : 'and', left, right: this.expr() };
      } else if (kind === 'end' || kind === ')') return left;
      else left = { kind: 'and', left, right: this.expr() };
    }
  }

  private expr(): SsFilter {
    const token = this.take();
    switch (token.kind) {
      case '(': {
        const inner = this.exprlist();
        if (this.take().kind !== ')') throw new Failure(SYNTAX_ERROR);
        return inner;
      }
      case '!':
        return { kind: 'not', operand: this.expr() };
      case 'src':
      case 'dst':
        if (this.peek().kind === '=') this.take();
        return { kind: token.kind, cond: this.hostcond() };
      case 'sport':
      case 'dport':
        return this.portComparison(token.kind);
      case 'dev':
        return this.negatable(() => {
          const device = this.take();
          if (device.kind !== 'devcond') throw new Failure(SYNTAX_ERROR);
          return { kind: 'dev', ifindex: device.ifindex };
        });
      case 'fwmark':
        return this.negatable(() => {
          const mark = this.take();
          if (mark.kind !== 'markmask') throw new Failure(SYNTAX_ERROR);
          return { kind: 'fwmark', mark: mark.mark, mask: mark.mask };
        });
      case 'autobound':
        return { kind: 'autobound' };
      default:
        throw new Failure(SYNTAX_ERROR);
    }
  }

  /** `sport >= :1024`, `dport != :80`, `sport :80`: the rules of SPORT and DPORT. */
  private portComparison(side: 'sport' | 'dport'): SsFilter {
    const { kind } = this.peek();
    if (kind !== '>=' && kind !== '<=' && kind !== '>' && kind !== '<' && kind !== '=' && kind !== '!=') {
      return { kind: side === 'sport' ? 'src' : 'dst', cond: this.hostcond() };
    }
    this.take();
    const cond = this.hostcond();
    const bound = (operator: '>=' | '<='): SsFilter => ({ kind: `${side}${operator}`, port: cond.port });
    switch (kind) {
      case '>=':
      case '<=':
        return bound(kind);
      case '>':
        return { kind: 'not', operand: bound('<=') };
      case '<':
        return { kind: 'not', operand: bound('>=') };
      case '=':
        return { kind: side === 'sport' ? 'src' : 'dst', cond };
      case '!=':
        return { kind: 'not', operand: { kind: side === 'sport' ? 'src' : 'dst', cond } };
    }
  }

  /** DEVNAME and FWMARK take `eq` (or nothing) and `!=`. */
  private negatable(operand: () => SsFilter): SsFilter {
    const { kind } = this.peek();
    if (kind === '!=') {
      this.take();
      return { kind: 'not', operand: operand() };
    }
    if (kind === '=') this.take();
    return operand();
  }

  private hostcond(): HostCond {
    const token = this.take();
    if (token.kind !== 'hostcond') throw new Failure(SYNTAX_ERROR);
    return token.cond;
  }

  private peek(): Token {
    this.lookahead ??= this.lexer.next();
    return this.lookahead;
  }

  private take(): Token {
    const token = this.peek();
    this.lookahead = undefined;
    return token;
  }
}

/** ssfilter_parse: no words is no filter. */
export function parseSsFilter(
  args: readonly string[],
  lookups: FilterLookups,
): { filter: SsFilter | undefined } | { failure: FilterFailure } {
  try {
    return { filter: new Parser(new Lexer(args, lookups)).applet() };
  } catch (error) {
    if (error instanceof Failure) return { failure: error.failure };
    throw error;
  }
}
