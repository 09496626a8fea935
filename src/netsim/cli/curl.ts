import { Datapath } from '../kernel/datapath';
import type { Namespace } from '../kernel/namespace';
import { httpDate } from '../wire/time-text';
import { PROGRESS_HEADER, progressFrame } from '../format/curl-progress';
import {
  errorMessage,
  failureCode,
  failureText,
  infoLine,
  receivedLine,
  sentLines,
  trying,
  type CurlFailure,
} from '../format/curl-trace';
import {
  answer,
  answerLoopback6,
  hostInUrl,
  parseHttpUrl,
  type HttpOutcome,
  type HttpRequest,
  type HttpTarget,
} from '../userland/http-get';
import {
  connect,
  connectIpv6,
  connectLoopback6,
  ephemeralPort,
  hashedEphemeralPort,
  type ConnectResult,
  type Peer,
} from '../userland/tcp';
import { locationOf, responseHead, type HttpResponse } from '../userland/web-servers';
import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import { lookupHost, type NameService } from '../userland/name-resolution';
import { collect, fail, type CommandResult, type OutputChunk, type ProcessContext, type Program } from './command';
import type { NameServices } from './name-service';
import { parseCurlArguments, type CurlOptions } from './curl-options';
import { CURL_VERSION_TEXT } from '../format/curl-version';
import type { WriteOutInfo } from '../format/curl-write-out';
import { curlWriteOut } from '../format/curl-write-out-loader';
import { toolModule } from './tool-loader';

/**
 * A curl build: its version, which the User-Agent header carries (and whose size
 * the byte counters see), and its `--version` text when known.
 */
export interface CurlBuild {
  readonly version: string;
  readonly versionText: string | undefined;
}

/** Debian 13's curl, the host's and the Debian images'. */
const DEBIAN_CURL: CurlBuild = { version: '8.14.1', versionText: CURL_VERSION_TEXT };
/** --max-redirs' default (tool_cfgable.c, config->maxredirs = DEFAULT_MAXREDIRS). */
const MAX_REDIRECTS = 50;

const urlOf = (target: HttpTarget) =>
  `http://${hostInUrl(target.host)}${target.port === 80 ? '' : `:${target.port}`}${target.path}`;

/** Where a Location header points, from the URL that got it: absolute, or a path on the same host. */
function resolveLocation(location: string, from: HttpTarget): HttpTarget | undefined {
  return location.startsWith('/') ? { ...from, path: location } : parseHttpUrl(location);
}

/** A pipe's stdio buffer (glibc sizes it by st_blksize, a page for a pipe). */
const STDIO_BLOCK = 4096;

/**
 * curl's two writers, in the order they write: stdout (or the -o file) and
 * stderr, where -v, the progress meter and the error go. stderr is unbuffered;
 * stdout is line-buffered at a terminal, but into a pipe or a file stdio holds
 * it in a block and writes it when the block fills or the program exits, so a
 * small body comes after everything curl wrote to stderr (`2>&1 | cat`).
 */
class Transcript {
  readonly chunks: OutputChunk[] = [];
  file = '';
  private held = '';
  constructor(
    private readonly toFile: boolean,
    private readonly blockBuffered: boolean,
  ) {}
  err(text: string): void {
    if (text !== '') this.chunks.push({ stream: 'stderr', text });
  }
  /** The body and -i's head: to the -o file if there is one, else to stdout. */
  out(text: string): void {
    if (this.toFile) this.file += text;
    else this.stdout(text);
  }
  /** stdout itself, which -w writes to even with -o. */
  stdout(text: string): void {
    if (this.blockBuffered) this.hold(text);
    else if (text !== '') this.chunks.push({ stream: 'stdout', text });
  }
  /** glibc's _IO_new_file_xsputn: what fits stays in the buffer; past it, the full buffer and whole blocks go out, the rest stays. */
  private hold(text: string): void {
    if (text.length <= STDIO_BLOCK - this.held.length) {
      this.held += text;
      return;
    }
    const all = this.held + text;
    const written = all.length - ((all.length - STDIO_BLOCK) % STDIO_BLOCK);
    this.chunks.push({ stream: 'stdout', text: all.slice(0, written) });
    this.held = all.slice(written);
  }
  result(exitCode: number, output: string | undefined): CommandResult {
    if (this.held !== '') this.chunks.push({ stream: 'stdout', text: this.held });
    this.held = '';
    return {
      ...collect(this.chunks, exitCode),
      ...(output === undefined ? {} : { files: [{ path: output, content: this.file }] }),
    };
  }
}

/** An address curl tries: the kernel's IPv4 connect, [::1] on lo, or another IPv6 address, which has no route here. */
type Candidate = { readonly family: 4; readonly address: Ipv4 } | { readonly family: 6; readonly address: string };

/** An established connection and how to send a request on it. */
export interface Connection {
  readonly address: string;
  readonly local: { readonly address: string; readonly port: number };
  readonly send: (request: Omit<HttpRequest, 'destination'>) => HttpOutcome;
}

/** What the last response left for -w. */
interface Received {
  readonly response: HttpResponse;
  readonly head: readonly string[];
  readonly bodyBytes: number;
  readonly requestBytes: number;
  readonly elapsedMs: number;
}

/** SGR bold on and "all attributes off" (tool_cb_hdr.c: BOLD, BOLDOFF, since 21 is not bold-off everywhere). */
const BOLD = '\x1b[1m';
const BOLDOFF = '\x1b[0m';
/** OSC 8 hyperlink (tool_cb_hdr.c: LINK, LINKST). */
const LINK = '\x1b]8;;';
const LINKST = '\x1b\\';

export class CurlRun {
  readonly transcript: Transcript;
  /**
   * global->isatty: the body goes to stdout and stdout is a terminal (tool_operate.c). Then
   * the progress meter is off, header names are bold, and -v does not note the data.
   */
  readonly isatty: boolean;
  readonly meter: boolean;
  private elapsedMs = 0;
  private connections = 0;
  private redirects = 0;
  private readonly startedMs: number;
  private connection: Connection | undefined;
  private target: HttpTarget;
  private received: Received | undefined;
  private timing: { arrivedUs: number; endedUs: number } | undefined;

  constructor(
    readonly options: CurlOptions,
    readonly context: ProcessContext,
    target: HttpTarget,
    /** Where a host a redirect names leads, resolved where curl runs. */
    private readonly lookup: (host: string, port: number) => Resolved | undefined,
    /** The resolver of the machine a request reaches (a server may look names up itself). */
    private readonly resolverAt: (namespace: Namespace) => NameService,
    private readonly build: CurlBuild,
    /** An https:// URL: a TLS handshake comes before the request (curl-tls.ts). */
    private readonly tls = false,
  ) {
    const toFile = options.output !== undefined;
    this.isatty = !toFile && context.stdoutIsTerminal === true;
    this.transcript = new Transcript(toFile, !toFile && !this.isatty);
    this.meter = !options.silent && !this.isatty;
    this.startedMs = context.clock.now();
    this.target = target;
  }

  info(text: string): void {
    if (this.options.verbose) this.transcript.err(infoLine(text));
  }

  run(candidates: readonly Candidate[]): CommandResult {
    if (this.meter) this.transcript.err(PROGRESS_HEADER + this.idleFrame(0));
    let target = this.target;
    let connection = this.open(target, candidates);
    if ('kind' in connection) return this.failed(connection);
    if (this.tls) return toolModule('curlTls').handshake(this, connection, target);
    for (let redirects = 0; ; redirects++) {
      const request = this.request(target);
      const outcome = connection.send(request);
      this.context.clock.advance(outcome.elapsedMs);
      if (outcome.kind === 'unsimulated') return this.unsimulated();
      if (outcome.kind === 'no-answer') return this.unanswered();
      if (outcome.kind !== 'response') return this.failed({ kind: outcome.kind === 'not-http' ? 'http09' : 'reset' });
      const next = this.options.location ? locationOf(outcome.response) : undefined;
      this.receive(outcome.response, next !== undefined, request.requestBytes, outcome.elapsedMs);
      this.info(`Connection #${this.connections - 1} to host ${target.host} left intact`);
      if (next === undefined) return this.finish(0);
      const nextTarget = resolveLocation(next, target);
      if (redirects === MAX_REDIRECTS) return this.failed({ kind: 'too-many-redirects', max: MAX_REDIRECTS });
      if (!nextTarget) return this.finish(0);
      this.redirects++;
      this.info(`Issue another request to this URL: '${urlOf(nextTarget)}'`);
      if (nextTarget.host === target.host && nextTarget.port === target.port) {
        this.info(`Re-using existing http: connection with host ${target.host}`);
      } else {
        const reopened = this.open(nextTarget, this.lookup(nextTarget.host, nextTarget.port)?.candidates ?? []);
        if ('kind' in reopened) return this.failed(reopened);
        connection = reopened;
      }
      target = nextTarget;
      this.target = target;
    }
  }

  /**
   * Tries each address in turn, as curl's happy eyeballs does with IPv6 first;
   * -4 or -6 keeps one family (cf_he_connect's addr_first_match), and with none
   * left curl cannot connect at all.
   */
  private open(target: HttpTarget, all: readonly Candidate[]): Connection | CurlFailure {
    const limit = Math.min(this.options.maxTimeMs, this.options.connectTimeoutMs);
    const candidates =
      this.options.ipVersion === undefined
        ? all
        : all.filter((candidate) => candidate.family === this.options.ipVersion);
    if (candidates.length === 0) return { kind: 'no-address' };
    for (const candidate of candidates) {
      const address = candidate.family === 4 ? formatIpv4(candidate.address) : candidate.address;
      if (this.options.verbose) this.transcript.err(trying(address, target.port));
      const connection =
        candidate.family === 4
          ? this.connect4(candidate.address, target.port, limit)
          : this.connect6(candidate.address, target.port, limit);
      if ('send' in connection) {
        this.connections++;
        this.connection = connection;
        // Over TLS, curl says it is connected once the handshake is done.
        if (this.tls) return connection;
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

  private connect4(
    address: Ipv4,
    port: number,
    limit: number,
  ): Connection | Exclude<ConnectResult, { kind: 'connected' }> {
    const { kernel, world, namespace, random, clock } = this.context;
    const datapath = new Datapath(kernel, world, clock.now());
    const result = connect(datapath, namespace, address, port, random, limit);
    if (result.kind !== 'connected') return result;
    return {
      address: formatIpv4(address),
      local: { address: formatIpv4(result.syn.source), port: result.syn.sourcePort },
      send: (request) =>
        answer(datapath, result, namespace, { ...request, destination: address, resolverAt: this.resolverAt }, random),
    };
  }

  /** [::1] reaches lo's listeners; another IPv6 address goes through kernel/path6 (a container's on an IPv6 network). */
  private connect6(
    address: string,
    port: number,
    limit: number,
  ): Connection | LoopbackFailure | { readonly kind: 'timed-out'; readonly elapsedMs: number } {
    const { kernel, world, namespace, random, clock } = this.context;
    if (address !== '::1') return this.connectRemote6(address, port, limit);
    const result = connectLoopback6(namespace, port, random);
    if (result.kind === 'no-address') return { kind: 'no-address', elapsedMs: 0 };
    // IPv6 stays on lo, outside the modelled datapath: a trace names only the socket it reaches.
    const listener =
      result.kind === 'connected' && result.peer.kind === 'socket' ? result.peer.socket.process : undefined;
    kernel.recorder?.add({
      kind: 'socket',
      namespace: namespace.id,
      protocol: 'tcp',
      address: '::1',
      port,
      process: listener && { name: listener.name, pid: listener.pid },
    });
    if (result.kind === 'refused') return { kind: 'refused', elapsedMs: 0, from: result.from };
    const peer: Peer = result.peer;
    // The source port is drawn from the random source only for -w, so that other commands draw what they always drew.
    const remote = { address: '::1', port };
    const local = {
      address: '::1',
      port: this.options.writeOut === undefined ? hashedEphemeralPort(remote, clock.now()) : ephemeralPort(random),
    };
    // The destination only matters to a relay, which has its own (docker-proxy's container address).
    return {
      address: '::1',
      local,
      send: (request) =>
        answerLoopback6(
          new Datapath(kernel, world, clock.now()),
          peer,
          { ...request, destination: parseIpv4('127.0.0.1')!, resolverAt: this.resolverAt },
          random,
          { namespace, local, remote },
        ),
    };
  }

  private connectRemote6(
    address: string,
    port: number,
    limit: number,
  ): Connection | LoopbackFailure | { readonly kind: 'timed-out'; readonly elapsedMs: number } {
    const { kernel, world, namespace, random, clock } = this.context;
    const result = connectIpv6(kernel, namespace, address, port, random);
    switch (result.kind) {
      case 'network-unreachable':
        return { kind: 'network-unreachable', elapsedMs: 0 };
      case 'timed-out':
        return { kind: 'timed-out', elapsedMs: limit };
      case 'refused':
        return { kind: 'refused', elapsedMs: 0, from: result.from };
      case 'host-unreachable':
        return result.elapsedMs >= limit
          ? { kind: 'timed-out', elapsedMs: limit }
          : { kind: 'host-unreachable', elapsedMs: result.elapsedMs, from: result.from };
      case 'connected': {
        const remote = { address, port };
        const local = {
          address: result.local,
          port: this.options.writeOut === undefined ? hashedEphemeralPort(remote, clock.now()) : ephemeralPort(random),
        };
        const peer = result.peer;
        return {
          address,
          local,
          send: (request) =>
            answerLoopback6(
              new Datapath(kernel, world, clock.now()),
              peer,
              { ...request, destination: parseIpv4('127.0.0.1')! },
              random,
              { namespace, local, remote },
            ),
        };
      }
    }
  }

  /**
   * The request as http.c builds it: request line, Host, User-Agent, Accept, then
   * the -H headers in order. A -H header replaces the built-in one of its name
   * (Host keeps its place); `Name:` with no value removes it.
   */
  private request(target: HttpTarget): Omit<HttpRequest, 'destination'> {
    const method = this.options.method ?? (this.options.headOnly ? 'HEAD' : 'GET');
    const host = target.port === 80 ? hostInUrl(target.host) : `${hostInUrl(target.host)}:${target.port}`;
    const custom = this.options.headers.map(parseHeader).filter((header) => header !== undefined);
    const customised = (name: string) => custom.some((header) => header.name.toLowerCase() === name.toLowerCase());
    const hostHeader = custom.find((header) => header.name.toLowerCase() === 'host');
    const lines = [`${method} ${target.path} HTTP/1.1`];
    if (!hostHeader) lines.push(`Host: ${host}`);
    else if (hostHeader.line !== undefined) lines.push(hostHeader.line);
    if (!customised('User-Agent')) lines.push(`User-Agent: curl/${this.build.version}`);
    if (!customised('Accept')) lines.push('Accept: */*');
    for (const header of custom) if (header.line !== undefined && header !== hostHeader) lines.push(header.line);
    if (this.options.verbose) this.transcript.err(sentLines(lines));
    this.info('Request completely sent off');
    const requestBytes = lines.join('\r\n').length + 4;
    // The server sees what the method asks for; a HEAD from -I or -X HEAD has no body.
    return {
      method,
      path: target.path,
      host: hostHeader?.line?.slice(5).trim() ?? host,
      headers: lines.slice(1),
      port: target.port,
      requestBytes,
      timeoutMs: this.options.maxTimeMs,
    };
  }

  /** The head line by line (-v's copy, then -i's), the body, the meter's last frame. */
  private receive(response: HttpResponse, ignoreBody: boolean, requestBytes: number, elapsedMs: number): void {
    const head = responseHead(response, httpDate(this.context.clock.now()));
    const showHead = this.options.includeHeaders || this.options.headOnly;
    for (const line of head) {
      if (this.options.verbose) this.transcript.err(receivedLine(line));
      if (showHead) this.transcript.out(this.headerLine(line));
    }
    if (ignoreBody) {
      this.info('Ignoring the response-body');
      this.info('setting size while ignoring');
    }
    if (this.options.verbose) this.transcript.err(receivedLine(''));
    if (showHead) this.transcript.out('\r\n');
    const body = ignoreBody || this.options.headOnly || this.options.method === 'HEAD' ? '' : response.body;
    if (body !== '') {
      this.transcript.out(body);
      // -v notes the data instead of showing it when it does not go to the terminal (tool_cb_dbg.c, !config->isatty).
      if (!this.isatty && this.options.verbose) this.transcript.err(`{ [${body.length} bytes data]\n`);
    }
    this.received = { response, head, bodyBytes: body.length, requestBytes, elapsedMs };
    // A redirected transfer's meter draws only this last frame: its header and zero frame came before the first.
    if (this.meter) this.transcript.err(this.doneFrame(response, body.length));
  }

  /**
   * One header line as -i shows it (tool_header_cb): at a terminal the name in bold,
   * and a Location's URL as an OSC 8 link to where it leads, whose end comes after
   * the line's CR LF as curl writes it (write_linked_location).
   */
  private headerLine(line: string): string {
    const colon = line.indexOf(':');
    if (!this.isatty || colon < 0) return `${line}\r\n`;
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (name.toLowerCase() === 'location') {
      const url = linkTarget(value.trim(), this.target);
      if (url !== undefined) {
        const skipped = value.length - value.trimStart().length;
        return `${BOLD}${name}${BOLDOFF}:${value.slice(0, skipped)}${LINK}${url}${LINKST}${value.slice(skipped)}\r\n${LINK}${LINKST}`;
      }
    }
    return `${BOLD}${name}${BOLDOFF}:${value}\r\n`;
  }

  failed(failure: CurlFailure): CommandResult {
    const seconds = Math.floor(this.elapsedMs / 1000);
    if (this.meter) for (let second = 1; second < seconds; second++) this.transcript.err(this.idleFrame(second));
    // With no address of the family -4 or -6 asked for, nothing calls failf: the message is curl_easy_strerror's.
    if (failure.kind !== 'no-address') this.info(failureText(failure));
    if (this.meter) this.transcript.err(`${this.idleFrame(seconds)}\n`);
    this.info('closing connection #0');
    if (!this.options.silent || this.options.showError) this.transcript.err(errorMessage(failure));
    return this.finish(failureCode(failure), failureText(failure));
  }

  /** A name nothing resolves: the meter's start, the error, and -w's text. */
  unresolved(host: string): CommandResult {
    const failure: CurlFailure = { kind: 'resolve', host };
    if (this.meter) this.transcript.err(`${PROGRESS_HEADER}${this.idleFrame(0)}\n`);
    if (!this.options.silent || this.options.showError) this.transcript.err(errorMessage(failure));
    return this.finish(failureCode(failure), failureText(failure));
  }

  /** Nothing comes back (a paused container's server): -m's limit runs out, or the reader presses Ctrl-C, which ends curl at once. */
  private unanswered(): CommandResult {
    const limit = this.options.maxTimeMs;
    if (Number.isFinite(limit)) {
      this.context.clock.advance(limit - this.elapsedMs);
      this.elapsedMs = limit;
      return this.failed({ kind: 'transfer-timeout', elapsedMs: limit });
    }
    const waited = this.context.interruptAfterMs ?? 0;
    this.context.clock.advance(waited);
    if (this.meter)
      for (let second = 1; second <= Math.floor(waited / 1000); second++) this.transcript.err(this.idleFrame(second));
    this.transcript.chunks.push({ stream: 'tty', text: '^C' });
    return this.transcript.result(130, this.options.output);
  }

  private unsimulated(): CommandResult {
    this.transcript.err(
      `netsim: this server's answer to ${this.options.method} is not simulated (only GET and HEAD)\n`,
    );
    return this.transcript.result(1, this.options.output);
  }

  /** The end of the transfer: -w's text after everything else curl wrote (post_per_transfer, then ourWriteOut). */
  private finish(exitCode: number, errorText = ''): CommandResult {
    if (this.options.writeOut !== undefined) {
      const written = curlWriteOut().writeOut(this.options.writeOut, this.writeOutInfo(exitCode, errorText));
      this.transcript.err(written.stderr);
      this.transcript.stdout(written.stdout);
    }
    return this.transcript.result(exitCode, this.options.output);
  }

  /**
   * What curl_easy_getinfo gives -w. Times below a millisecond are not modelled:
   * the answer's arrival and end are those the meter draws, the name lookup and the
   * handshake are drawn from the seed within what a host and its LAN take.
   */
  private writeOutInfo(exitCode: number, errorText: string): WriteOutInfo {
    const received = this.received;
    const { arrivedUs, endedUs } = received ? this.transferTiming() : { arrivedUs: 0, endedUs: 0 };
    const namelookup = this.context.random.int(8, 60);
    const connect = this.connection ? namelookup + this.context.random.int(40, 400) : 0;
    const spentUs = (this.context.clock.now() - this.startedMs) * 1000;
    const total = received ? connect + spentUs + endedUs : Math.max(spentUs, this.elapsedMs * 1000) + namelookup;
    const contentType = received?.response.headers.find((header) => /^content-type:/i.test(header));
    return {
      httpCode: received ? Number(received.response.status.slice(0, 3)) : 0,
      remoteIp: this.connection?.address ?? '',
      remotePort: this.connection ? this.target.port : 0,
      localIp: this.connection?.local.address ?? '',
      localPort: this.connection?.local.port ?? 0,
      method: this.options.method ?? (this.options.headOnly ? 'HEAD' : 'GET'),
      exitCode,
      errorMessage: errorText,
      url: this.options.url ?? '',
      urlEffective: this.tls ? toolModule('curlTls').httpsUrlOf(this.target) : urlOf(this.target),
      contentType: contentType?.slice(contentType.indexOf(':') + 1).trim(),
      numConnects: this.connections,
      numRedirects: this.redirects,
      sizeDownload: received?.bodyBytes ?? 0,
      sizeHeader: received ? received.head.join('\r\n').length + 4 : 0,
      sizeRequest: received?.requestBytes ?? 0,
      times: {
        namelookup,
        connect,
        pretransfer: connect,
        starttransfer: received ? connect + spentUs + arrivedUs : 0,
        total,
      },
      speedDownload: received && total > 0 ? Math.floor((received.bodyBytes * 1_000_000) / total) : 0,
      headers: received?.head.slice(1) ?? [],
    };
  }

  private idleFrame(spentSeconds: number): string {
    return progressFrame({ expected: undefined, received: 0, speed: 0, currentSpeed: 0, spentSeconds });
  }

  /** The body arrives within 0.4-2.5 ms and the transfer ends up to 1.5 ms later, as on a LAN: drawn once, for the meter and -w. */
  private transferTiming(): { arrivedUs: number; endedUs: number } {
    if (!this.timing) {
      const arrivedUs = this.context.random.int(400, 2500);
      this.timing = { arrivedUs, endedUs: arrivedUs + this.context.random.int(100, 1500) };
    }
    return this.timing;
  }

  /** The frame at the end of a transfer. Its speeds depend on microseconds the simulator does not model: they come from the seed. */
  private doneFrame(response: HttpResponse, received: number): string {
    const length = /^content-length: (\d+)$/im.exec(response.headers.join('\n'));
    this.timing = undefined;
    const { arrivedUs, endedUs } = this.transferTiming();
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

/** A -H argument: `Name: value` adds or replaces, `Name:` removes (line undefined); without a colon curl ignores it. */
function parseHeader(argument: string): { name: string; line: string | undefined } | undefined {
  const colon = argument.indexOf(':');
  if (colon <= 0) return undefined;
  const name = argument.slice(0, colon);
  return { name, line: argument.slice(colon + 1).trim() === '' ? undefined : argument };
}

/** Where a Location leads, as CURLU resolves it against the URL that got it (CURLU_NO_DEFAULT_PORT): http only. */
function linkTarget(location: string, from: HttpTarget): string | undefined {
  const target = resolveLocation(location, from);
  if (!target || !/^(http:\/\/|\/)/.test(location)) return undefined;
  return urlOf(target);
}

type LoopbackFailure =
  | { readonly kind: 'no-address'; readonly elapsedMs: number }
  | { readonly kind: 'host-unreachable'; readonly elapsedMs: number; readonly from: { address: string; port: number } }
  | { readonly kind: 'network-unreachable'; readonly elapsedMs: number }
  | { readonly kind: 'refused'; readonly elapsedMs: number; readonly from: { address: string; port: number } };

/** -v's line for one address that failed (cf-socket.c: immediate failures at connect(2), later ones from SO_ERROR). */
function connectError(
  address: string,
  port: number,
  failure: Exclude<ConnectResult, { kind: 'connected' | 'timed-out' }> | LoopbackFailure,
): string {
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

/** Where a host name leads: the addresses to try, what -v says of the resolution, and whether --resolve gave it. */
interface Resolved {
  readonly candidates: Candidate[];
  readonly ipv6: readonly string[];
  readonly ipv4: readonly Ipv4[];
  readonly cached: boolean;
}

/**
 * The addresses of a host: a --resolve entry for its name and port first (the DNS
 * cache Curl_loadhostpairs fills), then an IP literal as it is, and `localhost`,
 * which curl resolves itself to ::1 and 127.0.0.1 (hostip.c, get_localhost). Any
 * other name goes to getaddrinfo where curl runs, whose IPv4 answers are tried on
 * a machine with no IPv6 route (and its IPv6 ones with -6). Undefined: the name
 * did not resolve.
 */
function resolveHost(
  host: string,
  port: number,
  resolve: readonly ResolveEntry[],
  service: NameService,
  ipVersion: 4 | 6 | undefined,
): Resolved | undefined {
  const cached = resolve.find((entry) => entry.host.toLowerCase() === host.toLowerCase() && entry.port === port);
  if (cached) return { candidates: cached.addresses, ipv6: [], ipv4: [], cached: true };
  const loopback = parseIpv4('127.0.0.1')!;
  if (host === 'localhost')
    return {
      candidates: [
        { family: 6, address: '::1' },
        { family: 4, address: loopback },
      ],
      ipv6: ['::1'],
      ipv4: [loopback],
      cached: false,
    };
  if (host.includes(':')) return { candidates: [{ family: 6, address: host }], ipv6: [], ipv4: [], cached: false };
  const address = parseIpv4(host);
  if (address !== undefined) return { candidates: [{ family: 4, address }], ipv6: [], ipv4: [], cached: false };
  const lookup = lookupHost(service, host);
  if (lookup.kind !== 'found') return undefined;
  const candidates: Candidate[] =
    ipVersion === 6
      ? lookup.ipv6.map((ipv6) => ({ family: 6, address: ipv6 }))
      : lookup.addresses.map((ipv4) => ({ family: 4, address: ipv4 }));
  return { candidates, ipv6: lookup.ipv6, ipv4: lookup.addresses, cached: false };
}

interface ResolveEntry {
  readonly text: string;
  readonly host: string;
  readonly port: number;
  readonly addresses: Candidate[];
}

/** --resolve `host:port:address[,address]...`, IPv6 addresses in brackets (hostip.c, Curl_loadhostpairs). */
function parseResolve(text: string): ResolveEntry | undefined {
  const match = /^([^:]+):(\d+):(.+)$/.exec(text);
  if (!match) return undefined;
  const addresses: Candidate[] = [];
  for (const written of match[3]!.split(',')) {
    const bare = written.trim().replace(/^\[(.*)\]$/, '$1');
    const ipv4 = parseIpv4(bare);
    if (ipv4 !== undefined) addresses.push({ family: 4, address: ipv4 });
    else if (/^[0-9a-fA-F:.]+$/.test(bare) && bare.includes(':')) addresses.push({ family: 6, address: bare });
    else return undefined;
  }
  return { text: `${match[1]}:${match[2]}:${match[3]}`, host: match[1]!, port: Number(match[2]), addresses };
}

/**
 * curl for plain-HTTP requests, with its output as a terminal, a pipe or a file
 * gets it. Names resolve where curl runs (the host's resolver, or a container's).
 */
export function curlProgram(names: NameServices, build: CurlBuild = DEBIAN_CURL): Program {
  return {
    name: 'curl',
    run(args, context: ProcessContext) {
      const options = parseCurlArguments(args);
      if ('exitCode' in options) return options;
      if (options.version)
        return build.versionText === undefined
          ? fail(`netsim: curl --version of curl ${build.version} is not simulated\n`, 1)
          : { stdout: build.versionText, stderr: '', exitCode: 0 };
      if (options.url === undefined)
        return fail("curl: try 'curl --help' or 'curl --manual' for more information\n", 2);
      const tls = /^https:\/\//i.test(options.url);
      const target = tls ? toolModule('curlTls').parseHttpsUrl(options.url) : parseHttpUrl(options.url);
      if (!target) return fail(`curl: (3) URL rejected: Bad hostname\n`, 3);
      const resolve: ResolveEntry[] = [];
      for (const text of options.resolve) {
        const entry = parseResolve(text);
        // failf in Curl_loadhostpairs: CURLE_SETOPT_OPTION_SYNTAX.
        if (!entry)
          return fail(
            options.silent && !options.showError ? '' : `curl: (49) Couldn't parse CURLOPT_RESOLVE entry '${text}'\n`,
            49,
          );
        resolve.push(entry);
      }
      if (options.method === 'HEAD' && !options.headOnly)
        return fail('netsim: curl -X HEAD, which waits for a body that never comes, is not simulated: use -I\n', 1);
      const lookup = (host: string, port: number) =>
        resolveHost(host, port, resolve, names(context), options.ipVersion);
      const resolverAt = (namespace: Namespace) => names({ ...context, namespace });
      const run = new CurlRun(options, context, target, lookup, resolverAt, build, tls);
      for (const entry of resolve) run.info(`Added ${entry.text} to DNS cache`);
      const resolved = lookup(target.host, target.port);
      if (resolved === undefined) return run.unresolved(target.host);
      // hostip.c Curl_resolv's verbose lines (curl 8.x): the families, `(none)` for an empty one.
      if (resolved.cached) run.info(`Hostname ${target.host} was found in DNS cache`);
      else if (parseIpv4(target.host) === undefined && !target.host.includes(':')) {
        run.info(`Host ${target.host}:${target.port} was resolved.`);
        run.info(`IPv6: ${resolved.ipv6.length > 0 ? resolved.ipv6.join(', ') : '(none)'}`);
        run.info(`IPv4: ${resolved.ipv4.length > 0 ? resolved.ipv4.map(formatIpv4).join(', ') : '(none)'}`);
      }
      return run.run(resolved.candidates);
    },
  };
}
