import type { CaptureFilter, Direction } from '../kernel/capture';
import { servicePort } from '../format/services';
import { parseIpv4 } from '../wire/ipv4';

/**
 * The pcap-filter(7) expressions lessons use, parsed as libpcap's grammar.y does:
 * `not` binds tighter than `and`, which binds as `or` does, left to right
 * (`%left OR AND`, `%nonassoc '!'`); a qualifier list (`src`, `dst`, `tcp`)
 * before `host` or `port`; a bare address or number after `and`/`or` keeps the
 * qualifiers of the primitive before it (`host a or b`).
 */
export type FilterParse = { readonly filter: CaptureFilter | undefined } | { readonly error: string };

/** yyerror in grammar.y: bison's own message behind libpcap's prefix. */
const SYNTAX_ERROR = "can't parse filter expression: syntax error";

const PROTOCOLS = new Set(['ip', 'icmp', 'tcp', 'udp', 'arp']);

interface Qualifiers {
  direction: Direction;
  protocol: 'tcp' | 'udp' | undefined;
  kind: 'host' | 'port';
}

class Parser {
  private at = 0;
  private last: Qualifiers = { direction: 'either', protocol: undefined, kind: 'host' };

  constructor(private readonly words: readonly string[]) {}

  parse(): CaptureFilter {
    const filter = this.expression();
    if (this.at < this.words.length) throw new SyntaxError(SYNTAX_ERROR);
    return filter;
  }

  private peek(): string | undefined {
    return this.words[this.at];
  }

  private expression(): CaptureFilter {
    let left = this.unary();
    for (
      let word = this.peek();
      word === 'and' || word === '&&' || word === 'or' || word === '||';
      word = this.peek()
    ) {
      this.at++;
      left = { kind: word === 'and' || word === '&&' ? 'and' : 'or', left, right: this.unary() };
    }
    return left;
  }

  private unary(): CaptureFilter {
    const word = this.peek();
    if (word === 'not' || word === '!') {
      this.at++;
      return { kind: 'not', operand: this.unary() };
    }
    if (word === '(') {
      this.at++;
      const inner = this.expression();
      if (this.peek() !== ')') throw new SyntaxError(SYNTAX_ERROR);
      this.at++;
      return inner;
    }
    return this.primitive();
  }

  private primitive(): CaptureFilter {
    const qualifiers: Qualifiers = { direction: 'either', protocol: undefined, kind: 'host' };
    let qualified = false;
    for (let word = this.peek(); word !== undefined; word = this.peek()) {
      if (word === 'src' || word === 'dst') {
        qualifiers.direction = word;
        this.at++;
        if (this.peek() === 'or' && this.words[this.at + 1] === (word === 'src' ? 'dst' : 'src')) {
          qualifiers.direction = 'either';
          this.at += 2;
        }
      } else if (word === 'host' || word === 'port') {
        qualifiers.kind = word;
        this.at++;
        return this.value(qualifiers);
      } else if (PROTOCOLS.has(word)) {
        this.at++;
        const next = this.peek();
        if ((word === 'tcp' || word === 'udp') && (next === 'port' || next === 'src' || next === 'dst')) {
          qualifiers.protocol = word;
          qualified = true;
          continue;
        }
        if (qualified) throw new SyntaxError(SYNTAX_ERROR);
        return { kind: 'protocol', protocol: word as 'ip' | 'icmp' | 'tcp' | 'udp' | 'arp' };
      } else {
        if (!qualified && qualifiers.direction === 'either') return this.value({ ...this.last });
        return this.value(qualifiers);
      }
      qualified = true;
    }
    throw new SyntaxError(SYNTAX_ERROR);
  }

  private value(qualifiers: Qualifiers): CaptureFilter {
    const word = this.peek();
    if (word === undefined || ['and', 'or', 'not', '&&', '||', '!', '(', ')'].includes(word))
      throw new SyntaxError(SYNTAX_ERROR);
    this.at++;
    this.last = qualifiers;
    if (qualifiers.kind === 'port') {
      const port = /^\d+$/.test(word) ? Number(word) : servicePort(word, qualifiers.protocol ?? 'tcp');
      // gen_port: a number above 65535 is refused by name ("illegal port number %d > 65535").
      if (port === undefined) throw new SyntaxError(`unknown port '${word}'`);
      if (port > 65535) throw new SyntaxError(`illegal port number ${port} > 65535`);
      return { kind: 'port', direction: qualifiers.direction, protocol: qualifiers.protocol, port };
    }
    const address = parseIpv4(word);
    // gen_scode: a name no resolver knows is "unknown host '%s'".
    if (address === undefined) throw new SyntaxError(`unknown host '${word}'`);
    return { kind: 'host', direction: qualifiers.direction, address };
  }
}

/** The words after tcpdump's options, joined as tcpdump's copy_argv() does, split again into tokens. */
export function parseCaptureFilter(words: readonly string[]): FilterParse {
  const tokens = words
    .join(' ')
    .replace(/([()!])/g, ' $1 ')
    .replace(/!\s+=/g, '!=')
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.length === 0) return { filter: undefined };
  try {
    return { filter: new Parser(tokens).parse() };
  } catch (error) {
    if (error instanceof SyntaxError) return { error: error.message };
    throw error;
  }
}
