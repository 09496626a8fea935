import { DIG_VERSION, formatDig, formatDigNoServers, formatDigShort, type DigDisplay } from '../format/dig';
import { formatHostLookups, formatHostServer, type HostLookup } from '../format/host';
import { formatBindNslookup, formatBusyboxNslookup, type BindLookup, type NslookupDialect } from '../format/nslookup';
import { queryServer, type DnsExchange, type QueryOptions } from '../userland/dns-query';
import { isDnsType, reverseName, reverseName6, type DnsQuestion, type DnsType } from '../wire/dns';
import { isIpv6Text } from '../wire/ipv6';
import { parseIpv4 } from '../wire/ipv4';
import { fail, type CommandResult, type Program } from './command';
import type { NameServices } from './name-service';

/** dig waits 5 s for each of its 3 tries (+timeout=5 +tries=3) before giving up on a server. */
const DIG_GIVE_UP_MS = 15_000;

/**
 * Types BIND and BusyBox know but netsim's resolvers do not serve: asking for
 * one says so instead of inventing an answer.
 */
const UNMODELLED_TYPES = new Set([
  'SOA',
  'TXT',
  'SRV',
  'ANY',
  'CAA',
  'HTTPS',
  'SVCB',
  'DS',
  'DNSKEY',
  'NAPTR',
  'TLSA',
  'AXFR',
]);

const unmodelled = (tool: string, type: string) =>
  fail(`${tool}: ${type} queries are not available in this simulator yet.\n`, 1);

interface DigRequest {
  server: string | undefined;
  name: string | undefined;
  type: DnsType;
  short: boolean;
  tcp: boolean;
  edns: boolean;
  display: { -readonly [K in keyof DigDisplay]: boolean };
}

const DISPLAY_OPTIONS = new Set(['cmd', 'comments', 'question', 'answer', 'stats']);

/** +[no]keyword: the display switches (+noall clears them, +all sets them), +short, +tcp/+vc, +edns; others change nothing shown. */
function plusOption(word: string, request: DigRequest): void {
  const off = word.startsWith('+no');
  const keyword = word.slice(off ? 3 : 1).replace(/=.*/, '');
  if (keyword === 'all') for (const key of DISPLAY_OPTIONS) request.display[key as keyof DigDisplay] = !off;
  else if (DISPLAY_OPTIONS.has(keyword)) request.display[keyword as keyof DigDisplay] = !off;
  else if (keyword === 'short') request.short = !off;
  else if (keyword === 'tcp' || keyword === 'vc') request.tcp = !off;
  else if (keyword === 'edns') request.edns = !off;
}

/**
 * dig.c parse_args: `@server`, `+options`, `-x ADDR` (a PTR query for its
 * in-addr.arpa name), `-t TYPE`, a word that is a type or the class IN, and the
 * name. A word that names a type sets it wherever it stands (`dig MX google.com`).
 */
function parseDig(args: readonly string[]): DigRequest | CommandResult {
  const request: DigRequest = {
    server: undefined,
    name: undefined,
    type: 'A',
    short: false,
    tcp: false,
    edns: true,
    display: { cmd: true, comments: true, question: true, answer: true, stats: true },
  };
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    const upper = word.toUpperCase();
    if (word.startsWith('@')) request.server = word.slice(1);
    else if (word.startsWith('+')) plusOption(word, request);
    else if (word === '-x' || word === '-t') {
      const value = args[++index];
      if (value === undefined) return fail(`dig: option requires an argument -- '${word.slice(1)}'\n`, 1);
      if (word === '-t') {
        if (UNMODELLED_TYPES.has(value.toUpperCase())) return unmodelled('dig', value.toUpperCase());
        if (!isDnsType(value.toUpperCase())) return fail(`dig: invalid type: ${value}\n`, 1);
        request.type = value.toUpperCase() as DnsType;
        continue;
      }
      const address = parseIpv4(value);
      // dig -x takes either family (dighost.c get_reverse): an IPv6 address becomes its ip6.arpa nibble name.
      if (address === undefined && !isIpv6Text(value))
        return fail(`dig: '${value}' is not a valid IPv4 or IPv6 address in this simulator.\n`, 1);
      request.name = address === undefined ? reverseName6(value) : reverseName(address);
      request.type = 'PTR';
    } else if (word === '-4' || word === '-6') continue;
    // dig.c (9.20) parse_args: `-v` prints "DiG %s\n" with PACKAGE_VERSION on stdout and exits 0 (9.18 wrote it on stderr).
    else if (word === '-v') return { stdout: `DiG ${DIG_VERSION}\n`, stderr: '', exitCode: 0 };
    else if (word.startsWith('-')) return fail(`Invalid option: ${word}\n`, 1);
    else if (UNMODELLED_TYPES.has(upper)) return unmodelled('dig', upper);
    else if (isDnsType(upper)) request.type = upper;
    else if (upper === 'IN') continue;
    else request.name = word;
  }
  return request;
}

/** dig NAME [TYPE] [@SERVER] [-x ADDR] [+short] [+noall +answer] [+tcp]: one query to the first nameserver of resolv.conf, or the one named. */
export function digProgram(names: NameServices): Program {
  return {
    name: 'dig',
    run(args, context) {
      const request = parseDig(args);
      if ('exitCode' in request) return request;
      const service = names(context);
      const server = request.server ?? service.nameservers[0] ?? '127.0.0.1';
      const named = request.server !== undefined;
      // Without a name dig asks for the root's NS records, which the simulated resolvers do not serve.
      if (request.name === undefined)
        return fail('dig: a query for the root servers is not available in this simulator yet.\n', 1);
      const options: QueryOptions = { tcp: request.tcp, edns: request.edns };
      const exchange = queryServer(
        service,
        server,
        { name: request.name, type: request.type },
        context.random,
        options,
      );
      if (exchange.reply === 'unreachable') {
        context.clock.advance(request.tcp ? DIG_GIVE_UP_MS / 3 : DIG_GIVE_UP_MS);
        const shown = request.display.cmd && !request.short;
        return {
          stdout: formatDigNoServers(server, args.join(' '), request.tcp, !shown, named),
          stderr: '',
          exitCode: 9,
        };
      }
      context.clock.advance(exchange.reply.elapsedMs);
      return {
        stdout: request.short
          ? formatDigShort(exchange)
          : formatDig(exchange, args.join(' '), context.clock.now(), request.display, named),
        stderr: '',
        exitCode: 0,
      };
    },
  };
}

/** nslookup's -type= spellings: BIND's setoption() (type, ty, querytype, query, qu, q) and BusyBox's (type, querytype, t). */
const TYPE_OPTION = /^-(?:type|ty|querytype|query|qu|q|t)=(.*)$/i;

interface NslookupRequest {
  name: string;
  server: string | undefined;
  types: DnsType[];
}

function parseNslookup(args: readonly string[], dialect: NslookupDialect): NslookupRequest | CommandResult {
  const types: DnsType[] = [];
  const words: string[] = [];
  for (const word of args) {
    const typed = TYPE_OPTION.exec(word)?.[1];
    if (typed === undefined) {
      if (!word.startsWith('-')) words.push(word);
      continue;
    }
    const upper = typed.toUpperCase();
    if (UNMODELLED_TYPES.has(upper)) return unmodelled('nslookup', upper);
    // BIND's testtype() prints its complaint and keeps the default; BusyBox dies (bb_error_msg_and_die).
    if (!isDnsType(upper))
      return dialect === 'bind'
        ? fail(`unknown query type: ${typed}\n`, 1)
        : fail(`nslookup: invalid query type "${typed}"\n`, 1);
    if (dialect === 'bind') types.splice(0, types.length, upper);
    else if (!types.includes(upper)) types.push(upper);
  }
  const [name, server] = words;
  if (name === undefined)
    return fail(dialect === 'bind' ? '' : 'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n', 1);
  return { name, server, types };
}

/** BusyBox asks its types in qtypes[] order (NS, A, AAAA, CNAME, MX, PTR), not the order typed. */
const BUSYBOX_TYPE_ORDER: readonly DnsType[] = ['NS', 'A', 'AAAA', 'CNAME', 'MX', 'PTR'];

/**
 * The questions each nslookup asks: with no -type, a PTR for an address, else
 * A then AAAA (BIND asks AAAA of the name the A answer's CNAMEs lead to, and
 * only after a NOERROR; BusyBox sends both at once for the typed name).
 */
function questionsOf(request: NslookupRequest, dialect: NslookupDialect): DnsQuestion[] {
  const address = parseIpv4(request.name);
  if (request.types.length === 0 && address !== undefined) return [{ name: reverseName(address), type: 'PTR' }];
  if (request.types.length === 0)
    return [
      { name: request.name, type: 'A' },
      { name: request.name, type: 'AAAA' },
    ];
  const ordered =
    dialect === 'busybox' ? BUSYBOX_TYPE_ORDER.filter((type) => request.types.includes(type)) : request.types;
  return ordered.map((type) => ({ name: request.name, type }));
}

/** BIND's chase_cnamechain(): the name the A answer's CNAME records end at. */
function chased(exchange: DnsExchange): string {
  const reply = exchange.reply;
  if (reply === 'unreachable') return exchange.question.name;
  let name = exchange.question.name.replace(/\.$/, '').toLowerCase();
  for (const record of reply.answers)
    if (record.type === 'CNAME' && record.name.replace(/\.$/, '').toLowerCase() === name)
      name = record.target.replace(/\.$/, '');
  return name;
}

/** nslookup [-type=T] NAME [SERVER]: reported in BIND's or BusyBox's words. */
export function nslookupProgram(names: NameServices, dialect: NslookupDialect): Program {
  return {
    name: 'nslookup',
    run(args, context) {
      const request = parseNslookup(args, dialect);
      if ('exitCode' in request) return request;
      const service = names(context);
      const server = request.server ?? service.nameservers[0] ?? '127.0.0.1';
      const questions = questionsOf(request, dialect);
      const ask = (question: DnsQuestion) => queryServer(service, server, question, context.random);
      const first = ask(questions[0]!);
      if (first.reply === 'unreachable') {
        context.clock.advance(DIG_GIVE_UP_MS);
        const text =
          dialect === 'bind'
            ? `;; communications error to ${server}#53: timed out\n`.repeat(3) + ';; no servers could be reached\n\n'
            : ';; connection timed out; no servers could be reached\n\n';
        return { stdout: text, stderr: '', exitCode: 1 };
      }
      const exchanges = [first];
      const defaultLookups = request.types.length === 0;
      for (const question of questions.slice(1)) {
        if (dialect === 'bind' && defaultLookups && first.reply.status !== 'NOERROR') break;
        exchanges.push(ask(dialect === 'bind' && defaultLookups ? { ...question, name: chased(first) } : question));
      }
      context.clock.advance(
        Math.max(...exchanges.map((exchange) => (exchange.reply === 'unreachable' ? 0 : exchange.reply.elapsedMs))),
      );
      const failed = exchanges.some(
        (exchange) => exchange.reply !== 'unreachable' && exchange.reply.status !== 'NOERROR',
      );
      const stdout =
        dialect === 'bind'
          ? formatBindNslookup(exchanges.map((exchange): BindLookup => ({ exchange, defaultLookups })))
          : formatBusyboxNslookup(exchanges);
      return { stdout, stderr: '', exitCode: failed ? 1 : 0 };
    },
  };
}

/** host's -t words it knows; an unknown one is host.c's `invalid type`. */
interface HostRequest {
  name: string | undefined;
  server: string | undefined;
  type: DnsType | undefined;
}

function parseHost(args: readonly string[]): HostRequest | CommandResult {
  const request: HostRequest = { name: undefined, server: undefined, type: undefined };
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (word === '-V') return { stdout: `host ${DIG_VERSION}\n`, stderr: '', exitCode: 0 };
    if (word === '-t') {
      const value = args[++index];
      if (value === undefined) return fail("host: option requires an argument -- 't'\n", 1);
      const upper = value.toUpperCase();
      if (UNMODELLED_TYPES.has(upper)) return unmodelled('host', upper);
      if (!isDnsType(upper)) return fail(`host: invalid type: ${value}\n`, 1);
      request.type = upper;
    } else if (word === '-4' || word === '-6') continue;
    else if (word.startsWith('-')) return fail(`host: ${word} is not available in this simulator yet\n`, 1);
    else if (request.name === undefined) request.name = word;
    else request.server = word;
  }
  return request;
}

/**
 * BIND 9.20's host (bin/dig/host.c): a name gets an A lookup and, once that
 * answers, AAAA and MX lookups of the name its CNAMEs lead to (HTTPS too,
 * which netsim's resolvers do not serve); an address gets a PTR lookup;
 * `-t TYPE` one lookup of that type. A failed lookup prints `Host NAME not
 * found: 3(NXDOMAIN)` and makes the status 1.
 */
export function hostProgram(names: NameServices): Program {
  return {
    name: 'host',
    run(args, context) {
      const request = parseHost(args);
      if ('exitCode' in request) return request;
      // host.c usage() on stderr, status 1, when no name is given.
      if (request.name === undefined) return fail('host: a usage text is not available in this simulator yet\n', 1);
      const service = names(context);
      const server = request.server ?? service.nameservers[0] ?? '127.0.0.1';
      const address = parseIpv4(request.name);
      const defaultLookups = request.type === undefined && address === undefined;
      const first: DnsQuestion =
        address !== undefined && request.type === undefined
          ? { name: reverseName(address), type: 'PTR' }
          : { name: request.name, type: request.type ?? 'A' };
      const ask = (question: DnsQuestion) => queryServer(service, server, question, context.random);
      const exchanges = [ask(first)];
      if (exchanges[0]!.reply === 'unreachable')
        return fail('host: a server that does not answer is not available in this simulator yet\n', 1);
      if (defaultLookups && exchanges[0]!.reply.status === 'NOERROR') {
        const target = chased(exchanges[0]!);
        exchanges.push(ask({ name: target, type: 'AAAA' }), ask({ name: target, type: 'MX' }));
      }
      context.clock.advance(
        exchanges.reduce((sum, exchange) => sum + (exchange.reply === 'unreachable' ? 0 : exchange.reply.elapsedMs), 0),
      );
      const lookups: HostLookup[] = exchanges.map((exchange) => ({
        typed: exchange === exchanges[0] ? request.name! : exchange.question.name,
        exchange,
      }));
      const banner = request.server === undefined ? '' : formatHostServer(request.server, server);
      const failed = exchanges.some(
        (exchange) => exchange.reply !== 'unreachable' && exchange.reply.status !== 'NOERROR',
      );
      return { stdout: banner + formatHostLookups(lookups, defaultLookups), stderr: '', exitCode: failed ? 1 : 0 };
    },
  };
}
