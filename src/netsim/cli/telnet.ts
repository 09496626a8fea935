import { Datapath } from '../kernel/datapath';
import { servicePort } from '../format/services';
import { lookupHost } from '../userland/name-resolution';
import { answer, answerLoopback6, type HttpOutcome, type HttpRequest } from '../userland/http-get';
import {
  connect,
  connectLoopback6,
  hashedEphemeralPort,
  KERNEL_CONNECT_TIMEOUT_MS,
  type ConnectResult,
} from '../userland/tcp';
import { responseHead } from '../userland/web-servers';
import { httpDate } from '../wire/time-text';
import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import { collect, type CommandResult, type OutputChunk, type Program } from './command';
import type { NameServices } from './name-service';

/** strerror of each way connect(2) fails. */
const CONNECT_ERRORS: Readonly<Record<Exclude<ConnectResult['kind'], 'connected'> | 'no-address', string>> = {
  refused: 'Connection refused',
  // ::1 where lo has no IPv6 address (a container's namespace): EADDRNOTAVAIL. ~: from connect(2), not captured.
  'no-address': 'Cannot assign requested address',
  'host-unreachable': 'No route to host',
  'network-unreachable': 'Network is unreachable',
  'timed-out': 'Connection timed out',
};

/** A way to try one address: its text, and connect(2) to it; once connected, a request sent on the connection. */
interface Attempt {
  readonly address: string;
  readonly connect: () => ConnectResult['kind'] | 'no-address';
  readonly send?: (request: Omit<HttpRequest, 'destination' | 'port'>) => HttpOutcome;
}

/**
 * GNU inetutils' telnet (Debian 13's `telnet` is its transitional package), as
 * captures of inetutils-telnet 2.4 and 2.6 show it (tests/netsim/cli/telnet.test.ts):
 * commands.c tn() prints `Trying ADDR...` for each address getaddrinfo gives
 * (`localhost` is ::1 first, then 127.0.0.1, from Debian's /etc/hosts), says
 * `Connection failed: <strerror>` of each but the last that fails, and
 * `telnet: Unable to connect to remote host: <strerror>` of the last; once
 * connected, `Connected to HOST.` and `Escape character is '^]'.`. At a reader's
 * terminal it then reads the keyboard (converse); from a lesson's line, a pipe or
 * a file, at the input's end it closes and says `Connection closed by
 * foreign host.`, status 0, what is piped in unsent (as the capture of
 * `printf 'GET / ...' | telnet localhost 8080` shows). getaddrinfo's failure is
 * `Server lookup failure:  HOST:PORT, <gai_strerror>`. Without a host it reads
 * commands at its `telnet> ` prompt, which ends at end of input.
 */
export function telnetProgram(names: NameServices): Program {
  return {
    name: 'telnet',
    run(args, context): CommandResult {
      const operands = args.filter((arg) => !arg.startsWith('-'));
      const [host, portText = 'telnet'] = operands;
      if (host === undefined) return { stdout: 'telnet> \n', stderr: '', exitCode: 0 };
      const port = /^\d+$/.test(portText)
        ? Number(portText)
        : portText === 'telnet'
          ? 23
          : servicePort(portText, 'tcp');
      const lookup = host === 'localhost' ? undefined : lookupHost(names(context), host);
      if (port === undefined || port > 65535 || (lookup && lookup.kind !== 'found')) {
        const reason =
          port === undefined || port > 65535
            ? 'Servname not supported for ai_socktype'
            : lookup?.kind === 'not-found'
              ? 'Name or service not known'
              : 'Temporary failure in name resolution';
        return { stdout: '', stderr: `Server lookup failure:  ${host}:${portText}, ${reason}\n`, exitCode: 1 };
      }
      const datapath = new Datapath(context.kernel, context.world, context.clock.now());
      const ipv4 = (address: Ipv4): Attempt => ({
        address: formatIpv4(address),
        connect: () => {
          const result = connect(datapath, context.namespace, address, port, context.random, KERNEL_CONNECT_TIMEOUT_MS);
          context.clock.advance(result.kind === 'connected' ? 1 : result.elapsedMs);
          if (result.kind === 'connected') connection = result;
          return result.kind;
        },
        send: (request) =>
          answer(datapath, connection!, context.namespace, { ...request, destination: address, port }, context.random),
      });
      let connection: Extract<ConnectResult, { kind: 'connected' }> | undefined;
      let loop6: ReturnType<typeof connectLoopback6> | undefined;
      const loopback6: Attempt = {
        address: '::1',
        connect: () => (loop6 = connectLoopback6(context.namespace, port, context.random)).kind,
        send: (request) => {
          const remote = { address: '::1', port };
          const connected = loop6 as Extract<typeof loop6, { kind: 'connected' }>;
          return answerLoopback6(
            datapath,
            connected.peer,
            { ...request, destination: parseIpv4('127.0.0.1')!, port },
            context.random,
            {
              namespace: context.namespace,
              local: { address: '::1', port: hashedEphemeralPort(remote, datapath.startMs) },
              remote,
            },
          );
        },
      };
      const attempts: Attempt[] =
        lookup?.kind === 'found' ? [ipv4(lookup.addresses[0]!)] : [loopback6, ipv4(parseIpv4('127.0.0.1')!)];
      const output: OutputChunk[] = [];
      for (const [index, attempt] of attempts.entries()) {
        output.push({ stream: 'stdout', text: `Trying ${attempt.address}...\n` });
        const result = attempt.connect();
        if (result === 'connected') {
          output.push({ stream: 'stdout', text: `Connected to ${host}.\nEscape character is '^]'.\n` });
          if (context.typing && attempt.send) return converse(context.stdin, attempt.send, context.clock.now(), output);
          output.push({ stream: 'stdout', text: 'Connection closed by foreign host.\n' });
          return collect(output, 0);
        }
        const reason = CONNECT_ERRORS[result];
        const last = index === attempts.length - 1;
        output.push({
          stream: 'stderr',
          text: last ? `telnet: Unable to connect to remote host: ${reason}\n` : `Connection failed: ${reason}\n`,
        });
      }
      // At a terminal stdout is line-buffered and comes in turn; into a file or a pipe it is flushed at exit, after stderr.
      const ordered = context.stdoutIsTerminal
        ? output
        : [
            ...output.filter((chunk) => chunk.stream === 'stderr'),
            ...output.filter((chunk) => chunk.stream === 'stdout'),
          ];
      return collect(ordered, 1);
    },
  };
}

/** An HTTP request line as typed by hand: method, path, version. */
const REQUEST_LINE = /^([A-Z]+) (\S+) HTTP\/(1\.[01])$/;

/** Ctrl-], telnet's escape, as the terminal sends it for a typed line; Ctrl-C. */
const ESCAPE = ['^]', '\x1d'];
const INTERRUPT = '\x03';

/**
 * telnet connected at a terminal, given the lines typed so far (inetutils 2.6,
 * tests/netsim/golden/linux/session.trixie-keyboard.txt and session.trixie-clients.txt):
 * each line goes to the server ending in CRLF; Ctrl-] gives the `telnet> ` prompt,
 * where `quit` closes (`Connection closed.`), an empty line goes back to the
 * connection and anything else is `?Invalid command`; Ctrl-C and Ctrl-D show
 * nothing more. A request typed by hand (`GET / HTTP/1.0`, headers, an empty
 * line) gets the server's answer, which closes: `Connection closed by foreign
 * host.`. Until then it waits for the next line. ~: only HTTP requests are
 * answered; anything else typed waits for more.
 */
function converse(
  typed: string,
  send: NonNullable<Attempt['send']>,
  nowMs: number,
  output: OutputChunk[],
): CommandResult {
  const lines = typed.split('\n').slice(0, -1);
  const sent: string[] = [];
  let escaped = false;
  for (const line of lines) {
    if (escaped) {
      escaped = false;
      if (line.trim() === '') continue;
      if (line.trim() === 'quit') {
        output.push({ stream: 'stdout', text: 'Connection closed.\n' });
        return collect(output, 0);
      }
      output.push({ stream: 'stdout', text: '?Invalid command\ntelnet> ' });
      escaped = true;
    } else if (ESCAPE.includes(line.trim())) {
      output.push({ stream: 'stdout', text: 'telnet> ' });
      escaped = true;
    } else if (line !== INTERRUPT) {
      sent.push(line);
      const request = REQUEST_LINE.exec(sent[0]!);
      if (request && line === '' && sent.length > 1) {
        output.push({ stream: 'stdout', text: answerText(send, request, sent.slice(1, -1), nowMs) });
        output.push({ stream: 'stdout', text: 'Connection closed by foreign host.\n' });
        return collect(output, 0);
      }
    }
  }
  return { ...collect(output, 0), awaitsInput: true };
}

/** What the server sends back, as the terminal shows it. */
function answerText(
  send: NonNullable<Attempt['send']>,
  [requestLine, method, path, version]: RegExpExecArray,
  headers: readonly string[],
  nowMs: number,
): string {
  const host = headers.find((header) => /^host:/i.test(header))?.replace(/^host:\s*/i, '') ?? '';
  const requestBytes = [requestLine, ...headers].reduce((sum, line) => sum + line.length + 2, 2);
  const outcome = send({
    method: method!,
    path: path!,
    host,
    headers,
    requestBytes,
    timeoutMs: KERNEL_CONNECT_TIMEOUT_MS,
  });
  if (outcome.kind !== 'response') return '';
  const { response } = outcome;
  // nginx keeps an HTTP/1.0 connection only when asked (ngx_http_header_filter_module.c): `Connection: close`.
  const head = responseHead(response, httpDate(nowMs)).map((line) =>
    version === '1.0' && line === 'Connection: keep-alive' ? 'Connection: close' : line,
  );
  return `${head.join('\n')}\n\n${method === 'HEAD' ? '' : response.body}`;
}
