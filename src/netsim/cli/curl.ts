import { Datapath } from '../kernel/datapath';
import { httpDate } from '../format/http-date';
import { PROGRESS_HEADER, progressFrame } from '../format/curl-progress';
import { errorMessage, failureCode, failureText, infoLine, receivedLine, sentLines, trying, type CurlFailure } from '../format/curl-trace';
import { answer, answerLoopback6, parseHttpUrl, type HttpOutcome, type HttpRequest, type HttpTarget } from '../userland/http-get';
import { connect, connectLoopback6, type ConnectResult, type Peer } from '../userland/tcp';
import { locationOf, responseHead, type HttpResponse } from '../userland/web-servers';
import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import { lookupHost, type NameService } from '../userland/name-resolution';
import { collect, fail, type CommandResult, type OutputChunk, type ProcessContext, type Program } from './command';
import type { NameServices } from './name-service';

/** Debian 13's curl; its version is in the User-Agent header, whose size the byte counters see. */
const CURL_VERSION = '8.14.1';
/** --max-redirs' default (tool_cfgable.c, config->maxredirs = DEFAULT_MAXREDIRS). */
const MAX_REDIRECTS = 50;

interface CurlOptions {
  silent: boolean;
  showError: boolean;
  includeHeaders: boolean;
  headOnly: boolean;
  verbose: boolean;
  location: boolean;
  output: string | undefined;
  maxTimeMs: number;
  connectTimeoutMs: number;
  url: string | undefined;
}

type BooleanOption = 'silent' | 'showError' | 'includeHeaders' | 'headOnly' | 'verbose' | 'location';
type ValueOption = 'output' | 'maxTime' | 'connectTimeout';

const SHORT_FLAGS: Record<string, BooleanOption> = { s: 'silent', S: 'showError', i: 'includeHeaders', I: 'headOnly', v: 'verbose', L: 'location' };
const SHORT_VALUES: Record<string, ValueOption> = { o: 'output', m: 'maxTime' };
const LONG_FLAGS: Record<string, BooleanOption> = {
  '--silent': 'silent',
  '--show-error': 'showError',
  '--include': 'includeHeaders',
  '--head': 'headOnly',
  '--verbose': 'verbose',
  '--location': 'location',
};
const LONG_VALUES: Record<string, ValueOption> = { '--output': 'output', '--max-time': 'maxTime', '--connect-timeout': 'connectTimeout' };

const usage = (problem: string) => fail(`curl: ${problem}\ncurl: try 'curl --help' or 'curl --manual' for more information\n`, 2);

/** A value option: a file name, or seconds as curl's str2udouble reads them. */
function setValue(options: CurlOptions, option: ValueOption, name: string, value: string | undefined): CommandResult | undefined {
  if (value === undefined) return usage(`option ${name}: requires parameter`);
  if (option === 'output') {
    options.output = value;
    return undefined;
  }
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0) return usage(`option ${name}: expected a proper numerical parameter`);
  if (option === 'maxTime') options.maxTimeMs = seconds * 1000;
  else options.connectTimeoutMs = seconds * 1000;
  return undefined;
}

/** Short letters combine (`-sSL`); a letter that takes a value takes the rest of the word or the next one (`-so /dev/null`). */
function parseShort(word: string, next: () => string | undefined, options: CurlOptions): CommandResult | undefined {
  for (let index = 1; index < word.length; index++) {
    const letter = word[index]!;
    const value = SHORT_VALUES[letter];
    if (value) return setValue(options, value, `-${letter}`, index + 1 < word.length ? word.slice(index + 1) : next());
    const flag = SHORT_FLAGS[letter];
    if (!flag) return usage(`option -${letter}: is unknown`);
    options[flag] = true;
  }
  return undefined;
}

function parseArguments(args: readonly string[]): CurlOptions | CommandResult {
  const options: CurlOptions = {
    silent: false,
    showError: false,
    includeHeaders: false,
    headOnly: false,
    verbose: false,
    location: false,
    output: undefined,
    maxTimeMs: Number.POSITIVE_INFINITY,
    connectTimeoutMs: Number.POSITIVE_INFINITY,
    url: undefined,
  };
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    const next = () => args[++index];
    const problem = LONG_VALUES[word]
      ? setValue(options, LONG_VALUES[word], word, next())
      : LONG_FLAGS[word]
        ? void (options[LONG_FLAGS[word]] = true)
        : /^-[A-Za-z]/.test(word)
          ? parseShort(word, next, options)
          : word.startsWith('-')
            ? usage(`option ${word}: is unknown`)
            : void (options.url = word);
    if (problem) return problem;
  }
  return options;
}

const urlOf = (target: HttpTarget) => `http://${target.host}${target.port === 80 ? '' : `:${target.port}`}${target.path}`;

/** Where a Location header points, from the URL that got it: absolute, or a path on the same host. */
function resolveLocation(location: string, from: HttpTarget): HttpTarget | undefined {
  return location.startsWith('/') ? { ...from, path: location } : parseHttpUrl(location);
}

/**
 * curl's two writers, in the order they write: stdout (or the -o file) and
 * stderr, where -v, the progress meter and the error go.
 */
class Transcript {
  readonly chunks: OutputChunk[] = [];
  file = '';
  constructor(private readonly toFile: boolean) {}
  err(text: string): void {
    if (text !== '') this.chunks.push({ stream: 'stderr', text });
  }
  out(text: string): void {
    if (this.toFile) this.file += text;
    else if (text !== '') this.chunks.push({ stream: 'stdout', text });
  }
  result(exitCode: number, output: string | undefined): CommandResult {
    return { ...collect(this.chunks, exitCode), ...(output === undefined ? {} : { files: [{ path: output, content: this.file }] }) };
  }
}

/** An address curl tries: the kernel's IPv4 connect, or [::1] on lo. */
type Candidate = { readonly family: 4; readonly address: Ipv4 } | { readonly family: 6 };

/** An established connection and how to send a request on it. */
interface Connection {
  readonly address: string;
  readonly send: (request: Omit<HttpRequest, 'destination'>) => HttpOutcome;
}

class CurlRun {
  readonly transcript: Transcript;
  /** The progress meter: stdout is the terminal unless -o, and a terminal turns it off (tool_operate.c). */
  readonly meter: boolean;
  private elapsedMs = 0;
  private connections = 0;

  constructor(
    readonly options: CurlOptions,
    readonly context: ProcessContext,
    readonly resolve: (host: string) => Resolved | undefined,
  ) {
    this.transcript = new Transcript(options.output !== undefined);
    this.meter = !options.silent && options.output !== undefined;
  }

  info(text: string): void {
    if (this.options.verbose) this.transcript.err(infoLine(text));
  }

  run(target: HttpTarget, candidates: readonly Candidate[]): CommandResult {
    if (this.meter) this.transcript.err(PROGRESS_HEADER + this.idleFrame(0));
    let connection = this.open(target, candidates);
    if ('kind' in connection) return this.failed(connection);
    for (let redirects = 0; ; redirects++) {
      const outcome = connection.send(this.request(target));
      this.context.clock.advance(outcome.elapsedMs);
      if (outcome.kind !== 'response') return this.failed({ kind: outcome.kind === 'not-http' ? 'http09' : 'reset' });
      const next = this.options.location ? locationOf(outcome.response) : undefined;
      this.receive(outcome.response, next !== undefined);
      this.info(`Connection #${this.connections - 1} to host ${target.host} left intact`);
      if (next === undefined) return this.transcript.result(0, this.options.output);
      const nextTarget = resolveLocation(next, target);
      if (redirects === MAX_REDIRECTS) return this.failed({ kind: 'too-many-redirects', max: MAX_REDIRECTS });
      if (!nextTarget) return this.transcript.result(0, this.options.output);
      this.info(`Issue another request to this URL: '${urlOf(nextTarget)}'`);
      if (nextTarget.host === target.host && nextTarget.port === target.port) {
        this.info(`Re-using existing http: connection with host ${target.host}`);
      } else {
        const reopened = this.open(nextTarget, this.resolve(nextTarget.host)?.candidates ?? []);
        if ('kind' in reopened) return this.failed(reopened);
        connection = reopened;
      }
      target = nextTarget;
    }
  }

  /** Tries each address in turn, as curl's happy eyeballs does with IPv6 first. */
  private open(target: HttpTarget, candidates: readonly Candidate[]): Connection | CurlFailure {
    const limit = Math.min(this.options.maxTimeMs, this.options.connectTimeoutMs);
    for (const candidate of candidates) {
      const address = candidate.family === 4 ? formatIpv4(candidate.address) : '::1';
      if (this.options.verbose) this.transcript.err(trying(address, target.port));
      const connection = candidate.family === 4 ? this.connect4(candidate.address, target.port, limit) : this.connect6(target.port);
      if ('send' in connection) {
        this.connections++;
        this.info(`Connected to ${target.host} (${address}) port ${target.port}`);
        this.info('using HTTP/1.x');
        return connection;
      }
      if (connection.kind === 'timed-out') {
        this.elapsedMs += connection.elapsedMs + 1;
        this.context.clock.advance(connection.elapsedMs);
        return { kind: 'connect-timeout', elapsedMs: this.elapsedMs };
      }
      this.elapsedMs += connection.elapsedMs;
      this.context.clock.advance(connection.elapsedMs);
      this.info(connectError(address, target.port, connection));
    }
    return { kind: 'couldnt-connect', host: target.host, port: target.port, elapsedMs: this.elapsedMs };
  }

  private connect4(address: Ipv4, port: number, limit: number): Connection | Exclude<ConnectResult, { kind: 'connected' }> {
    const { kernel, world, namespace, random, clock } = this.context;
    const datapath = new Datapath(kernel, world, clock.now());
    const result = connect(datapath, namespace, address, port, random, limit);
    if (result.kind !== 'connected') return result;
    return { address: formatIpv4(address), send: (request) => answer(datapath, result, namespace, { ...request, destination: address }, random) };
  }

  private connect6(port: number): Connection | LoopbackFailure {
    const { kernel, world, namespace, random, clock } = this.context;
    const result = connectLoopback6(namespace, port, random);
    if (result.kind === 'no-address') return { kind: 'no-address', elapsedMs: 0 };
    if (result.kind === 'refused') return { kind: 'refused', elapsedMs: 0, from: result.from };
    const peer: Peer = result.peer;
    // The destination only matters to a relay, which has its own (docker-proxy's container address).
    return {
      address: '::1',
      send: (request) => answerLoopback6(new Datapath(kernel, world, clock.now()), peer, { ...request, destination: parseIpv4('127.0.0.1')! }, random),
    };
  }

  private request(target: HttpTarget): Omit<HttpRequest, 'destination'> {
    const method = this.options.headOnly ? 'HEAD' : 'GET';
    const host = target.port === 80 ? target.host : `${target.host}:${target.port}`;
    const lines = [`${method} ${target.path} HTTP/1.1`, `Host: ${host}`, `User-Agent: curl/${CURL_VERSION}`, 'Accept: */*'];
    if (this.options.verbose) this.transcript.err(sentLines(lines));
    this.info('Request completely sent off');
    const requestBytes = lines.join('\r\n').length + 4;
    return { method, path: target.path, host, port: target.port, requestBytes, timeoutMs: this.options.maxTimeMs };
  }

  /** The head line by line (-v's copy, then -i's), the body, the meter's last frame. */
  private receive(response: HttpResponse, ignoreBody: boolean): void {
    const head = responseHead(response, httpDate(this.context.clock.now()));
    const showHead = this.options.includeHeaders || this.options.headOnly;
    for (const line of head) {
      if (this.options.verbose) this.transcript.err(receivedLine(line));
      if (showHead) this.transcript.out(`${line}\r\n`);
    }
    if (ignoreBody) {
      this.info('Ignoring the response-body');
      this.info('setting size while ignoring');
    }
    if (this.options.verbose) this.transcript.err(receivedLine(''));
    if (showHead) this.transcript.out('\r\n');
    const body = ignoreBody || this.options.headOnly ? '' : response.body;
    if (body !== '') {
      this.transcript.out(body);
      // -v notes the data instead of showing it when it does not go to the terminal (tool_cb_dbg.c).
      if (this.options.output !== undefined && this.options.verbose) this.transcript.err(`{ [${body.length} bytes data]\n`);
    }
    // A redirected transfer's meter draws only this last frame: its header and zero frame came before the first.
    if (this.meter) this.transcript.err(this.doneFrame(response, body.length));
  }

  private failed(failure: CurlFailure): CommandResult {
    const seconds = Math.floor(this.elapsedMs / 1000);
    if (this.meter) for (let second = 1; second < seconds; second++) this.transcript.err(this.idleFrame(second));
    this.info(failureText(failure));
    if (this.meter) this.transcript.err(`${this.idleFrame(seconds)}\n`);
    this.info('closing connection #0');
    if (!this.options.silent || this.options.showError) this.transcript.err(errorMessage(failure));
    return this.transcript.result(failureCode(failure), this.options.output);
  }

  private idleFrame(spentSeconds: number): string {
    return progressFrame({ expected: undefined, received: 0, speed: 0, currentSpeed: 0, spentSeconds });
  }

  /**
   * The frame at the end of a transfer. Its speeds depend on microseconds the
   * simulator does not model: they come from the seed, the body arriving within
   * 0.4-2.5 ms and the transfer ending up to 1.5 ms later, as on a LAN.
   */
  private doneFrame(response: HttpResponse, received: number): string {
    const length = /^content-length: (\d+)$/im.exec(response.headers.join('\n'));
    const arrivedUs = this.context.random.int(400, 2500);
    const endedUs = arrivedUs + this.context.random.int(100, 1500);
    const speed = Math.floor((received * 1_000_000) / endedUs);
    const frame = progressFrame({
      expected: length ? Number(length[1]) : undefined,
      received,
      speed,
      currentSpeed: Math.floor((received * 1_000_000) / arrivedUs),
      spentSeconds: 0,
    });
    return `${frame}\n`;
  }
}

type LoopbackFailure =
  | { readonly kind: 'no-address'; readonly elapsedMs: number }
  | { readonly kind: 'refused'; readonly elapsedMs: number; readonly from: { address: string; port: number } };

/** -v's line for one address that failed (cf-socket.c: immediate failures at connect(2), later ones from SO_ERROR). */
function connectError(address: string, port: number, failure: Exclude<ConnectResult, { kind: 'connected' | 'timed-out' }> | LoopbackFailure): string {
  switch (failure.kind) {
    case 'network-unreachable':
      return `Immediate connect fail for ${address}: Network is unreachable`;
    case 'no-address':
      return `Immediate connect fail for ${address}: Cannot assign requested address`;
    case 'refused':
      return `connect to ${address} port ${port} from ${failure.from.address} port ${failure.from.port} failed: Connection refused`;
    case 'host-unreachable':
      return `connect to ${address} port ${port} from ${failure.from.address} port ${failure.from.port} failed: No route to host`;
  }
}

/** Where a host name leads: the addresses to try, and what -v says of the resolution. */
interface Resolved {
  readonly candidates: readonly Candidate[];
  readonly ipv6: readonly string[];
  readonly ipv4: readonly Ipv4[];
}

/**
 * curl resolves `localhost` itself, to ::1 and 127.0.0.1 (hostip.c,
 * get_localhost); an address is itself; any other name goes to getaddrinfo,
 * whose IPv4 answers come first on a machine with no IPv6 route (curl then
 * connects over IPv4 before happy eyeballs would start IPv6). Undefined: the
 * name did not resolve.
 */
function resolveHost(host: string, service: NameService): Resolved | undefined {
  const loopback = parseIpv4('127.0.0.1')!;
  if (host === 'localhost') return { candidates: [{ family: 6 }, { family: 4, address: loopback }], ipv6: ['::1'], ipv4: [loopback] };
  const address = parseIpv4(host);
  if (address !== undefined) return { candidates: [{ family: 4, address }], ipv6: [], ipv4: [] };
  const lookup = lookupHost(service, host);
  if (lookup.kind !== 'found') return undefined;
  return { candidates: lookup.addresses.map((ipv4) => ({ family: 4, address: ipv4 })), ipv6: lookup.ipv6, ipv4: lookup.addresses };
}

/**
 * curl for plain-HTTP GET and HEAD requests, with its output as a terminal
 * shows it (no progress meter when the body goes to the terminal). Names
 * resolve where curl runs (the host's resolver, or a container's).
 */
export function curlProgram(names: NameServices): Program {
  return {
    name: 'curl',
    run(args, context: ProcessContext) {
      const options = parseArguments(args);
      if ('exitCode' in options) return options;
      if (options.url === undefined) return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
      // TLS is not modelled: saying so is honest, a handshake or a page made up would not be.
      if (/^https:\/\//i.test(options.url)) return fail('curl: https:// URLs are not available in this simulator yet (no TLS); try http://\n', 1);
      const target = parseHttpUrl(options.url);
      if (!target) return fail(`curl: (3) URL rejected: Bad hostname\n`, 3);
      const resolve = (host: string) => resolveHost(host, names(context));
      const resolved = resolve(target.host);
      if (resolved === undefined) return fail(options.silent && !options.showError ? '' : `curl: (6) Could not resolve host: ${target.host}\n`, 6);
      const run = new CurlRun(options, context, resolve);
      // hostip.c Curl_resolv's verbose lines (curl 8.x): the families, `(none)` for an empty one.
      if (parseIpv4(target.host) === undefined) {
        run.info(`Host ${target.host}:${target.port} was resolved.`);
        run.info(`IPv6: ${resolved.ipv6.length > 0 ? resolved.ipv6.join(', ') : '(none)'}`);
        run.info(`IPv4: ${resolved.ipv4.length > 0 ? resolved.ipv4.map(formatIpv4).join(', ') : '(none)'}`);
      }
      return run.run(target, resolved.candidates);
    },
  };
}
