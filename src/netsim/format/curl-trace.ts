/**
 * The words curl 8.14.1 writes with -v (lib/cf-socket.c, connect.c, url.c,
 * request.c, http.c, multi.c at curl-8_14_1) and its error messages
 * (lib/strerror.c, failf calls). Header lines keep their CR LF as curl copies
 * them from the wire; curl's own lines end in LF.
 */

export const infoLine = (text: string) => `* ${text}\n`;

/** `> ` before each request line, `< ` before each response header line, both ending in CR LF; then the blank line. */
export const sentLines = (lines: readonly string[]) => lines.map((line) => `> ${line}\r\n`).join('') + '> \r\n';
export const receivedLine = (line: string) => `< ${line}\r\n`;

/** `*   Trying 172.17.0.2:80...`: IPv6 addresses in brackets (cf-socket.c, cf_socket_open). */
export const trying = (address: string, port: number) =>
  infoLine(`  Trying ${address.includes(':') ? `[${address}]` : address}:${port}...`);

/** What failed, in the words of each CURLE_* code curl exits with. */
export type CurlFailure =
  | { readonly kind: 'couldnt-connect'; readonly host: string; readonly port: number; readonly elapsedMs: number }
  | { readonly kind: 'connect-timeout'; readonly elapsedMs: number }
  /** -m ran out after the request was sent, with nothing back (multi.c multi_handle_timeout, the size unknown). */
  | { readonly kind: 'transfer-timeout'; readonly elapsedMs: number }
  | { readonly kind: 'reset' }
  /** A response with no `HTTP/` status line: lib/http.c refuses HTTP/0.9 unless --http0.9 is given (since 7.66.0). */
  | { readonly kind: 'http09' }
  | { readonly kind: 'too-many-redirects'; readonly max: number }
  /** No address of the family -4 or -6 asks for: cf_he_connect's start finds none and calls no failf. */
  | { readonly kind: 'no-address' }
  | { readonly kind: 'resolve'; readonly host: string }
  /** The TLS handshake failed (vtls/openssl.c ossl_connect_step2: `TLS connect error: ` and OpenSSL's error string). */
  | { readonly kind: 'tls-connect'; readonly reason: string };

/** The failf text, which -v shows as `* <text>` and the tool as `curl: (N) <text>`. */
export function failureText(failure: CurlFailure): string {
  switch (failure.kind) {
    case 'couldnt-connect':
      return `Failed to connect to ${failure.host} port ${failure.port} after ${failure.elapsedMs} ms: Could not connect to server`;
    case 'connect-timeout':
      return `Connection timed out after ${failure.elapsedMs} milliseconds`;
    case 'transfer-timeout':
      return `Operation timed out after ${failure.elapsedMs} milliseconds with 0 bytes received`;
    case 'reset':
      return 'Recv failure: Connection reset by peer';
    case 'http09':
      return 'Received HTTP/0.9 when not allowed';
    case 'too-many-redirects':
      return `Maximum (${failure.max}) redirects followed`;
    case 'no-address':
      return 'Could not connect to server';
    case 'resolve':
      return `Could not resolve host: ${failure.host}`;
    case 'tls-connect':
      return `TLS connect error: ${failure.reason}`;
  }
}

/** CURLE_UNSUPPORTED_PROTOCOL 1, CURLE_COULDNT_RESOLVE_HOST 6, CURLE_COULDNT_CONNECT 7, CURLE_TOO_MANY_REDIRECTS 47, CURLE_OPERATION_TIMEDOUT 28, CURLE_SSL_CONNECT_ERROR 35, CURLE_RECV_ERROR 56. */
export function failureCode(failure: CurlFailure): number {
  switch (failure.kind) {
    case 'couldnt-connect':
      return 7;
    case 'connect-timeout':
    case 'transfer-timeout':
      return 28;
    case 'reset':
      return 56;
    case 'http09':
      return 1;
    case 'too-many-redirects':
      return 47;
    case 'no-address':
      return 7;
    case 'resolve':
      return 6;
    case 'tls-connect':
      return 35;
  }
}

export const errorMessage = (failure: CurlFailure) => `curl: (${failureCode(failure)}) ${failureText(failure)}\n`;
