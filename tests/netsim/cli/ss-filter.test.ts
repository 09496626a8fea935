import { describe, expect, it } from 'vitest';
import { parseSsFilter, type FilterLookups } from '../../../src/netsim/cli/ss-filter';
import { servicePort } from '../../../src/netsim/format/services';

// Expected trees follow iproute2 v6.15 misc/ssfilter.y (grammar and yylex) and
// misc/ss.c parse_hostcond; messages are the fprintf strings of those files.
const lookups = (protocols: FilterLookups['protocols'] = ['tcp']): FilterLookups => ({
  protocols,
  servicePort,
  linkIndex: (name) => (name === 'eth0' ? 2 : undefined),
  resolveHost: (name) => (name === 'localhost' ? { family: 'inet', bytes: [127, 0, 0, 1], bitlen: 32 } : undefined),
});
const parse = (...words: string[]) => parseSsFilter(words, lookups());
const port = (n: number) => ({ port: n, prefix: undefined });
const v4 = (bytes: number[], bitlen = 32) => ({ family: 'inet', bytes, bitlen });

describe('ss filter grammar', () => {
  it.each([
    ['sport = :80', { kind: 'src', cond: port(80) }],
    ['sport == :80', { kind: 'src', cond: port(80) }],
    ['sport eq 80', { kind: 'src', cond: port(80) }],
    ['sport :80', { kind: 'src', cond: port(80) }],
    ['dport != :443', { kind: 'not', operand: { kind: 'dst', cond: port(443) } }],
    ['sport neq :443', { kind: 'not', operand: { kind: 'src', cond: port(443) } }],
    ['sport >= :1024', { kind: 'sport>=', port: 1024 }],
    ['sport le :1024', { kind: 'sport<=', port: 1024 }],
    // ssfilter.y: `>` is NOT(<=) and `<` is NOT(>=).
    ['sport > :1024', { kind: 'not', operand: { kind: 'sport<=', port: 1024 } }],
    ['dport lt :1024', { kind: 'not', operand: { kind: 'dport>=', port: 1024 } }],
    ['sport = :http', { kind: 'src', cond: port(80) }],
    ['sport = :0x50', { kind: 'src', cond: port(80) }],
    ['src 172.17.0.2', { kind: 'src', cond: { port: -1, prefix: v4([172, 17, 0, 2]) } }],
    ['src = 172.17.0.2:80', { kind: 'src', cond: { port: 80, prefix: v4([172, 17, 0, 2]) } }],
    ['dst 10.0.0.0/8', { kind: 'dst', cond: { port: -1, prefix: v4([10, 0, 0, 0], 8) } }],
    ['src *:80', { kind: 'src', cond: port(80) }],
    ['src localhost', { kind: 'src', cond: { port: -1, prefix: v4([127, 0, 0, 1]) } }],
    ['dev eth0', { kind: 'dev', ifindex: 2 }],
    ['autobound', { kind: 'autobound' }],
  ])('%s', (text, tree) => {
    expect(parse(text)).toEqual({ filter: tree });
  });

  it('reads [::]:80 as an IPv6 address and a port', () => {
    const parsed = parse('src [::]:80');
    expect(parsed).toEqual({
      filter: {
        kind: 'src',
        cond: { port: 80, prefix: { family: 'inet6', bytes: new Array(16).fill(0), bitlen: 128 } },
      },
    });
  });

  it('takes the expression as one word or many, and backslash-escaped blanks stay in a token', () => {
    expect(parse('sport', '=', ':80')).toEqual(parse('sport = :80'));
    expect(parse('( sport = :80', 'or sport = :443 )')).toEqual(
      parse('(', 'sport', '=', ':80', 'or', 'sport', '=', ':443', ')'),
    );
    expect(parse('src\\ 1.2.3.4')).toEqual({
      failure: expect.objectContaining({
        stderr: 'Error: an inet prefix is expected rather than "src 1.2.3.4".\nCannot parse dst/src address.\n',
      }),
    });
  });

  it('binds and, or and juxtaposition equally, from the left; not takes one expression', () => {
    const a = { kind: 'src', cond: port(1) };
    const b = { kind: 'src', cond: port(2) };
    const c = { kind: 'src', cond: port(3) };
    expect(parse('sport :1 or sport :2 and sport :3')).toEqual({
      filter: { kind: 'and', left: { kind: 'or', left: a, right: b }, right: c },
    });
    expect(parse('sport :1 sport :2')).toEqual({ filter: { kind: 'and', left: a, right: b } });
    expect(parse('not sport :1 || ( sport :2 && ! sport :3 )')).toEqual({
      filter: {
        kind: 'or',
        left: { kind: 'not', operand: a },
        right: { kind: 'and', left: b, right: { kind: 'not', operand: c } },
      },
    });
  });

  it('has no filter without words', () => {
    expect(parseSsFilter([], lookups())).toEqual({ filter: undefined });
  });
});

describe('ss filter errors', () => {
  const syntax = {
    stderr: 'ss: bison bellows (while parsing filter): "syntax error!" Sorry.\n',
    exitCode: 255,
    usage: true,
  };
  it.each([
    ['80'],
    ['sport = :80 )'],
    ['( sport = :80'],
    ['sport = :80 or'],
    ['src != 1.2.3.4'],
    ['sport = :80 or :443'],
    ['not'],
  ])('%s is a syntax error', (text) => {
    expect(parse(text)).toEqual({ failure: syntax });
  });

  it.each([
    ['sport = :foo', 'Error: "foo" does not look like a port.\nCannot parse dst/src address.\n'],
    ['src foo', 'Error: an inet prefix is expected rather than "foo".\nCannot parse dst/src address.\n'],
    // `(sport` is one token, an address to parse_hostcond.
    ['(sport = :80)', 'Error: an inet prefix is expected rather than "(sport".\nCannot parse dst/src address.\n'],
    // So is `:80)`, a port to parse_hostcond after sport.
    ['( sport = :80)', 'Error: "80)" does not look like a port.\nCannot parse dst/src address.\n'],
    ['src [::1', 'Cannot parse dst/src address.\n'],
    ['dev nosuch', 'Cannot parse device.\n'],
    ['fwmark = x', 'Cannot parse mark x.\n'],
  ])('%s fails in the lexer with exit 1', (text, stderr) => {
    expect(parse(text)).toEqual({ failure: { stderr, exitCode: 1, usage: false } });
  });

  it('looks a service name up for each table dumped: http is TCP only in netbase', () => {
    expect(parseSsFilter(['sport = :http'], lookups(['udp']))).toEqual({
      failure: {
        stderr: 'Error: "http" does not look like a port.\nCannot parse dst/src address.\n',
        exitCode: 1,
        usage: false,
      },
    });
    expect(parseSsFilter(['sport = :domain'], lookups(['udp', 'tcp']))).toEqual({
      filter: { kind: 'src', cond: port(53) },
    });
  });
});
