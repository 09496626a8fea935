import { Datapath } from '../kernel/datapath';
import { tcpServiceName } from '../format/services';
import { answer } from '../userland/http-get';
import { lookupHost } from '../userland/name-resolution';
import { responseHead } from '../userland/web-servers';
import { httpDate } from '../wire/time-text';
import { connect, connectError, KERNEL_CONNECT_TIMEOUT_MS, type ConnectResult } from '../userland/tcp';
import { formatIpv4 } from '../wire/ipv4';
import { fail, type CommandResult, type ProcessContext, type Program } from './command';
import type { NameServices } from './name-service';

/** What both netcats were asked: flags, -w's seconds, the host and port typed. */
interface NcRequest {
  readonly flags: ReadonlySet<string>;
  readonly verbosity: number;
  readonly waitSeconds: number | undefined;
  readonly host: string | undefined;
  readonly port: string | undefined;
}

function parse(args: readonly string[], withValue: string): NcRequest | { missing: string } {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  let verbosity = 0;
  for (let index = 0; index < args.length; index++) {
    const word = args[index]!;
    if (!word.startsWith('-') || word === '-') {
      operands.push(word);
      continue;
    }
    for (let at = 1; at < word.length; at++) {
      const letter = word[at]!;
      if (!withValue.includes(letter)) {
        if (letter === 'v') verbosity++;
        flags.add(letter);
        continue;
      }
      const value = word.slice(at + 1) || args[++index];
      if (value === undefined) return { missing: letter };
      values.set(letter, value);
      break;
    }
  }
  const wait = values.get('w');
  return {
    flags,
    verbosity,
    waitSeconds: wait === undefined ? undefined : Number(wait),
    host: operands[0],
    port: operands[1],
  };
}

type Outcome =
  | { kind: 'bad-host' }
  | { kind: 'bad-port' }
  | { kind: 'result'; address: string; port: number; result: ConnectResult; datapath: Datapath };

/** Resolves the host, then connect(2) within -w seconds (the kernel's own ~127 s without it). */
function attempt(context: ProcessContext, names: NameServices, request: NcRequest): Outcome {
  const lookup = lookupHost(names(context), request.host!);
  if (lookup.kind !== 'found') return { kind: 'bad-host' };
  const port = Number(request.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { kind: 'bad-port' };
  const address = lookup.addresses[0]!;
  const datapath = new Datapath(context.kernel, context.world, context.clock.now());
  const limit = request.waitSeconds === undefined ? KERNEL_CONNECT_TIMEOUT_MS : request.waitSeconds * 1000;
  const result = connect(datapath, context.namespace, address, port, context.random, limit);
  context.clock.advance(result.kind === 'connected' ? 1 : result.elapsedMs);
  return { kind: 'result', address: formatIpv4(address), port, result, datapath };
}

/**
 * OpenBSD netcat as Debian packages it (netcat-openbsd 1.229): a port check
 * with -z. With -v, connection_info's "Connection to HOST [(IP)] PORT port
 * [tcp/SERVICE] succeeded!" (the service from /etc/services, `*` when none),
 * and remote_connect's warn(): "nc: connect to HOST [(IP)] port PORT (tcp)
 * failed: <strerror>", or "timed out: Operation now in progress" when -w's
 * poll ran out (connect_with_timeout's CONNECTION_TIMEOUT, errno EINPROGRESS).
 * The IP is shown only when the host was typed as a name. Without -z, an
 * HTTP request on stdin is answered (httpExchange); other data is not modelled.
 */
export function openbsdNcProgram(names: NameServices): Program {
  return {
    name: 'nc',
    run(args, context) {
      const request = parse(args, 'IiMmOPpqsTVwXx');
      if ('missing' in request)
        return fail(`nc: option requires an argument -- '${request.missing}'\n${OPENBSD_USAGE}`, 1);
      if (request.host === undefined || request.port === undefined) return fail(OPENBSD_USAGE, 1);
      const outcome = attempt(context, names, request);
      // getaddrinfo's failure is err()'s "nc: getaddrinfo for host "HOST" port PORT: <gai_strerror>".
      if (outcome.kind === 'bad-host')
        return fail(`nc: getaddrinfo for host "${request.host}" port ${request.port}: Name or service not known\n`, 1);
      if (outcome.kind === 'bad-port')
        return fail(
          `nc: getaddrinfo for host "${request.host}" port ${request.port}: Servname not supported for ai_socktype\n`,
          1,
        );
      const { address, port, result } = outcome;
      const shown = request.host === address || request.flags.has('n') ? request.host : `${request.host} (${address})`;
      if (result.kind === 'connected') {
        const service = request.flags.has('n') ? '*' : (tcpServiceName(port) ?? '*');
        return {
          stdout: request.flags.has('z') ? '' : httpExchange(context, outcome.datapath, result, request.host, port),
          stderr: request.verbosity > 0 ? `Connection to ${shown} ${port} port [tcp/${service}] succeeded!\n` : '',
          exitCode: 0,
        };
      }
      if (request.verbosity === 0) return fail('', 1);
      const timedOut = result.kind === 'timed-out' && request.waitSeconds !== undefined;
      const words = timedOut ? 'timed out: Operation now in progress' : `failed: ${connectError(result.kind)}`;
      return fail(`nc: connect to ${shown} port ${port} (tcp) ${words}\n`, 1);
    },
  };
}

/**
 * What comes back when stdin holds an HTTP request (`printf 'GET / HTTP/1.0\r\n\r\n' | nc HOST 80`): the
 * server's response as it writes it. An HTTP/1.0 request without keep-alive is answered `Connection: close`
 * (nginx's ngx_http_header_filter_module.c), and the server closes, which ends nc. Other input is sent and
 * nothing is answered here.
 */
function httpExchange(
  context: ProcessContext,
  datapath: Datapath,
  connection: Extract<ConnectResult, { kind: 'connected' }>,
  host: string,
  port: number,
): string {
  const request = /^([A-Z]+) (\S+) HTTP\/(1\.[01])\r?\n/.exec(context.stdin);
  if (!request) return '';
  const [, method = 'GET', path = '/', version] = request;
  const headers = context.stdin.split(/\r?\n/).slice(1).filter(Boolean);
  const hostHeader =
    headers
      .find((header) => /^host:/i.test(header))
      ?.slice(5)
      .trim() ?? host;
  const outcome = answer(
    datapath,
    connection,
    context.namespace,
    {
      method,
      path,
      host: hostHeader,
      headers,
      destination: connection.syn.destination,
      port,
      requestBytes: context.stdin.length,
      timeoutMs: KERNEL_CONNECT_TIMEOUT_MS,
    },
    context.random,
  );
  if (outcome.kind !== 'response') return '';
  const head = responseHead(outcome.response, httpDate(context.clock.now())).map((line) =>
    version === '1.0' && line === 'Connection: keep-alive' ? 'Connection: close' : line,
  );
  return `${head.join('\r\n')}\r\n\r\n${method === 'HEAD' ? '' : outcome.response.body}`;
}

/** usage() of the Linux port of OpenBSD's netcat (netcat.c, with its missing spaces), what a missing host or port prints. */
const OPENBSD_USAGE = `usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval][-M ttl]
\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable][-W recvlimit]
\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
\t  [destination] [port]
`;

/**
 * BusyBox's nc with NC_110_COMPAT (nc_bloaty.c: the default, and Alpine's
 * build): -z with -v prints "HOST (IP:PORT) open"; a refusal is told only at
 * -vv, any other failure at -v: bb_perror_msg("%s (%s)"), so "nc: HOST
 * (IP:PORT): <strerror>". With -w, the timer's ETIMEDOUT ("Connection timed out").
 */
export function busyboxNcProgram(names: NameServices): Program {
  return {
    name: 'nc',
    run(args, context): CommandResult {
      const request = parse(args, 'psiow');
      if ('missing' in request) return fail(`nc: option requires an argument -- '${request.missing}'\n`, 1);
      if (request.host === undefined) return fail('', 1);
      if (request.port === undefined) return fail('', 1);
      const outcome = attempt(context, names, request);
      // xhost2sockaddr(): any failed lookup is `bad address`; bb_lookup_port: a bad port is `bad port`.
      if (outcome.kind === 'bad-host') return fail(`nc: bad address '${request.host}'\n`, 1);
      if (outcome.kind === 'bad-port') return fail(`nc: bad port '${request.port}'\n`, 1);
      const { address, port, result } = outcome;
      const dotted = `${address}:${port}`;
      if (result.kind === 'connected')
        return { stdout: '', stderr: request.verbosity > 0 ? `${request.host} (${dotted}) open\n` : '', exitCode: 0 };
      const told = request.verbosity > 1 || (request.verbosity > 0 && result.kind !== 'refused');
      return fail(told ? `nc: ${request.host} (${dotted}): ${connectError(result.kind)}\n` : '', 1);
    },
  };
}
