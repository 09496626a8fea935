import { Datapath } from '../kernel/datapath';
import { httpGet, parseHttpUrl } from '../userland/http-get';
import { lookupHost } from '../userland/name-resolution';
import { formatIpv4 } from '../wire/ipv4';
import { fail, type Program } from './command';
import type { NameServices } from './name-service';

/** strerror() of each way a connect() fails, as wget's bb_perror_msg_and_die prints it. */
const CONNECT_ERRORS = {
  refused: 'Connection refused',
  'host-unreachable': 'No route to host',
  'network-unreachable': 'Network is unreachable',
  'timed-out': 'Connection timed out',
} as const;

/**
 * BusyBox's wget applet (networking/wget.c) in its quiet form, `wget -qO- URL`:
 * the body on stdout, and its own messages when the name does not resolve
 * (`bad address`) or the connection fails. Without -q it would draw a progress
 * bar, which the simulator does not.
 */
export function busyboxWgetProgram(names: NameServices): Program {
  return {
    name: 'wget',
    run(args, context) {
      const url = args.find((word) => !word.startsWith('-') && word !== '-');
      // Without a URL BusyBox shows its usage (not modelled: its text depends on the build); https needs TLS, which the simulator has not.
      if (url === undefined) return fail('', 1);
      const target = parseHttpUrl(url);
      if (!target) return fail(`wget: not an http or ftp url: ${url}\n`, 1);
      const { host, port, path } = target;
      const lookup = lookupHost(names(context), host);
      if (lookup.kind !== 'found') return fail(`wget: bad address '${host}'\n`, 1);
      const address = lookup.addresses[0]!;
      const request = `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: Wget\r\nConnection: close\r\n\r\n`;
      const datapath = new Datapath(context.kernel, context.world, context.clock.now());
      // No timeout of its own: connect() gives up after the kernel's SYN retries (userland/tcp.ts).
      const outcome = httpGet(datapath, context.namespace, { method: 'GET', path, host, destination: address, port, requestBytes: request.length, timeoutMs: Number.POSITIVE_INFINITY }, context.random);
      context.clock.advance(outcome.elapsedMs);
      // wget.c: anything but 2xx (and the redirects it follows) is `server returned error: <status line>`.
      if (outcome.kind === 'response' && !outcome.response.status.startsWith('2')) return fail(`wget: server returned error: HTTP/1.1 ${outcome.response.status}\n`, 1);
      if (outcome.kind === 'response') return { stdout: outcome.response.body, stderr: '', exitCode: 0 };
      if (outcome.kind === 'reset') return fail('wget: error getting response: Connection reset by peer\n', 1);
      // A MariaDB handshake starts 0x60 0 0 0 0x0a (payload length 96, sequence 0, protocol 10):
      // wget.c's fgets_trim_sanitize reads up to that newline, the C string is "`", atoi gives 0,
      // so `server returned error: <line>`. ~: derived from the source, not captured.
      if (outcome.kind === 'not-http') return fail('wget: server returned error: `\n', 1);
      return fail(`wget: can't connect to remote host (${formatIpv4(address)}): ${CONNECT_ERRORS[outcome.kind]}\n`, 1);
    },
  };
}
