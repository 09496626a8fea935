import { parseHttpUrl, type HttpTarget } from '../userland/http-get';
import { parseIpv4 } from '../wire/ipv4';
import type { CommandResult } from './command';
import type { Connection, CurlRun } from './curl';

/**
 * curl 8.14.1 with OpenSSL 3.5 on an https:// URL, as far as the simulated
 * servers take it: no image serves TLS, so what is modelled is the handshake
 * meeting a plain-HTTP server, which answers the ClientHello with its 400 and
 * closes, and OpenSSL reading `HTTP/1.1 400` as a TLS record
 * (tests/netsim/golden/linux/session.trixie-clients.txt). Where nothing
 * listens, curl fails to connect as it does for http://, before any of this.
 */

/** `https://host[:port][/path]`, port 443 unless written. */
export function parseHttpsUrl(url: string): HttpTarget | undefined {
  const target = parseHttpUrl(url.replace(/^https:\/\//i, 'http://'));
  if (!target) return undefined;
  const portWritten = /^https:\/\/(?:\[[^\]]*\]|[^/:[\]]+):\d/i.test(url);
  return portWritten ? target : { ...target, port: 443 };
}

/** The URL -w's url_effective names, as CURLU writes it back: https, port 443 left out (CURLU_NO_DEFAULT_PORT). */
export function httpsUrlOf(target: HttpTarget): string {
  const host = target.host.includes(':') ? `[${target.host}]` : target.host;
  return `https://${host}${target.port === 443 ? '' : `:${target.port}`}${target.path}`;
}

/**
 * The ClientHello's size in the capture: 1546 bytes to an address, 1564 to
 * `localhost`, whose server_name extension (RFC 6066 3: 2 + 2 bytes of type and
 * length, 2 of list length, 1 of name type, 2 of name length) adds 9 + the name.
 * curl sends no server name for an IP address.
 */
function clientHelloBytes(host: string): number {
  const isAddress = parseIpv4(host) !== undefined || host.includes(':');
  return 1546 + (isAddress ? 0 : 9 + host.length);
}

/** OpenSSL's reason when the first record is no TLS record (ssl/record/methods/tls_common.c, SSL_R_WRONG_VERSION_NUMBER). */
const WRONG_VERSION = 'error:0A00010B:SSL routines::wrong version number';

/**
 * The handshake on a connected socket, with -v's lines: the ALPN offer, the
 * ClientHello, the CA paths unless -k, then the failure. `} [N bytes data]` and
 * `{ [N bytes data]` are tool_cb_dbg.c's notes of TLS data, shown only when
 * stdout is no terminal and only the first after a text line (its traced_data):
 * with -k no text line comes between the hello and the server's 5-byte record
 * header, so that one is not noted.
 */
export function handshake(run: CurlRun, connection: Connection, target: HttpTarget): CommandResult {
  const { verbose, insecure } = run.options;
  const note = (text: string) => {
    if (verbose && !run.isatty) run.transcript.err(text);
  };
  const helloBytes = clientHelloBytes(target.host);
  run.info('ALPN: curl offers h2,http/1.1');
  note('} [5 bytes data]\n');
  run.info('TLSv1.3 (OUT), TLS handshake, Client hello (1):');
  note(`} [${helloBytes} bytes data]\n`);
  if (!insecure) {
    run.info(' CAfile: /etc/ssl/certs/ca-certificates.crt');
    run.info(' CApath: /etc/ssl/certs');
  }
  const outcome = connection.send({
    method: 'GET',
    path: target.path,
    host: target.host,
    port: target.port,
    requestBytes: 5 + helloBytes,
    timeoutMs: run.options.maxTimeMs,
    clientHello: true,
  });
  run.context.clock.advance(outcome.elapsedMs);
  if (outcome.kind !== 'bad-request') {
    run.transcript.err(
      'netsim: this server over TLS is not simulated (no image here serves TLS; a plain-HTTP server answers a ClientHello with its 400)\n',
    );
    return run.transcript.result(1, run.options.output);
  }
  if (!insecure) note('{ [5 bytes data]\n');
  return run.failed({ kind: 'tls-connect', reason: WRONG_VERSION });
}
