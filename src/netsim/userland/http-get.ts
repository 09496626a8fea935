import type { Datapath } from '../kernel/datapath';
import type { Kernel } from '../kernel/kernel';
import type { Namespace } from '../kernel/namespace';
import type { ServedHttp } from '../kernel/socket';
import type { SeededRandom } from '../random';
import type { Ipv4 } from '../wire/ipv4';
import { mysqlLogin } from './mysql-login';
import type { NameService } from './name-resolution';
import {
  connect,
  connectIpv6,
  connectLoopback6,
  exchange,
  hashedEphemeralPort,
  KERNEL_CONNECT_TIMEOUT_MS,
  type ConnectResult,
  type Endpoint,
  type Peer,
} from './tcp';
import {
  responseHead,
  responseSize,
  webServer,
  whoamiResponse,
  type HttpRequestLine,
  type HttpResponse,
} from './web-servers';
import { httpDate } from '../wire/time-text';
import { formatIpv4 } from '../wire/ipv4';
import { ipv6Addresses } from '../kernel/dump';

/** Where an `http://` URL points, in the forms lessons type: `[http://]host[:port][/path]`, the host an IPv6 literal in brackets too. */
export interface HttpTarget {
  /** The name or address, without the brackets of an IPv6 literal. */
  readonly host: string;
  readonly port: number;
  readonly path: string;
}

export function parseHttpUrl(url: string): HttpTarget | undefined {
  const match = /^(?:http:\/\/)?(?:\[([0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*)\]|([^/:[\]]+))(?::(\d+))?(\/.*)?$/.exec(url);
  if (!match) return undefined;
  return { host: match[1] ?? match[2]!, port: match[3] === undefined ? 80 : Number(match[3]), path: match[4] ?? '/' };
}

/** The host as a URL or a Host header writes it: an IPv6 address in brackets (http.c, `Host: [::1]:8080`). */
export const hostInUrl = (host: string): string => (host.includes(':') ? `[${host}]` : host);

export type HttpOutcome =
  | { readonly kind: 'response'; readonly response: HttpResponse; readonly elapsedMs: number }
  /** Connected, then the server side reset the connection (docker-proxy with no backend). */
  | { readonly kind: 'reset'; readonly elapsedMs: number }
  /** The server answered with `bytes` that are no HTTP status line (a MariaDB handshake). */
  | { readonly kind: 'not-http'; readonly bytes: number; readonly elapsedMs: number }
  /** A server whose model does not answer this method (Apache's, modelled from GET). */
  | { readonly kind: 'unsimulated'; readonly elapsedMs: number }
  /** Connected, but the server's process is frozen (a paused container): nothing comes back until the client gives up. */
  | { readonly kind: 'no-answer'; readonly elapsedMs: number }
  /** A web server's 400 to bytes that are no request (a TLS ClientHello), after which it closes. */
  | { readonly kind: 'bad-request'; readonly elapsedMs: number }
  | Exclude<ConnectResult, { kind: 'connected' }>;

export interface HttpRequest extends HttpRequestLine {
  readonly destination: Ipv4;
  readonly port: number;
  /** The request line and headers as the client sends them: their size is what the counters add up. */
  readonly requestBytes: number;
  readonly timeoutMs: number;
  /** The resolver of a machine the request reaches, for a server that looks names up itself (WordPress finding its database). */
  readonly resolverAt?: (namespace: Namespace) => NameService;
  /** A TLS ClientHello instead of a request (curl to an https:// URL), `requestBytes` long. */
  readonly clientHello?: boolean;
}

/**
 * An HTTP request through the simulated network. A docker-proxy listener relays
 * the request with a new connection from the host to the container, as the real
 * proxy does.
 */
export function httpGet(
  datapath: Datapath,
  namespace: Namespace,
  request: HttpRequest,
  random: SeededRandom,
): HttpOutcome {
  const connection = connect(datapath, namespace, request.destination, request.port, random, request.timeoutMs);
  if (connection.kind !== 'connected') return connection;
  return answer(datapath, connection, namespace, request, random);
}

/** What comes back on an established connection, with the rest of its packets through the datapath. */
export function answer(
  datapath: Datapath,
  connection: Extract<ConnectResult, { kind: 'connected' }>,
  namespace: Namespace,
  request: HttpRequest,
  random: SeededRandom,
): HttpOutcome {
  // The server sees the connection as the last hop delivered it (after NAT, from docker-proxy's own socket).
  const remote = `${formatIpv4(connection.delivered.source)}:${connection.delivered.sourcePort}`;
  const served = serve(datapath, connection.peer, { ...request, remote }, random);
  exchange(
    datapath,
    namespace,
    connection,
    request.requestBytes,
    servedBytes(served, request),
    served.kind === 'reset',
    requestText(request),
    served.kind === 'response' ? responseText(served.response, request, datapath.startMs) : undefined,
  );
  return outcomeOf(served, random);
}

/** The request's bytes as the client wrote them (request line, headers, blank line), when they add up to its size. */
function requestText(request: HttpRequest): string | undefined {
  const text = `${[`${request.method} ${request.path} HTTP/1.1`, ...(request.headers ?? [])].join('\r\n')}\r\n\r\n`;
  return text.length === request.requestBytes ? text : undefined;
}

/** The response's bytes as the server wrote them, when each character is one byte. */
function responseText(response: HttpResponse, request: HttpRequest, nowMs: number): string | undefined {
  const head = `${responseHead(response, httpDate(nowMs)).join('\r\n')}\r\n\r\n`;
  const text = head + (request.method === 'HEAD' ? '' : response.body);
  return /^[\x00-\xff]*$/.test(text) ? text : undefined;
}

/** What a peer sends back: an HTTP response, bytes that are not HTTP, or a reset. */
export type Served =
  | { readonly kind: 'response'; readonly response: HttpResponse }
  | { readonly kind: 'not-http'; readonly bytes: number }
  | { readonly kind: 'reset' }
  | { readonly kind: 'unsimulated' }
  | { readonly kind: 'no-answer' }
  | { readonly kind: 'bad-request' };

/**
 * MariaDB's initial handshake (protocol 10, sql_acl.cc send_server_handshake_packet): a 4-byte
 * header, then 1 + "5.5.5-12.3.2-MariaDB-ubu2404\0" (29) + 4 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 6 + 4 +
 * 12 + 1 + "mysql_native_password\0" (22). ~: the auth plugin name assumes the default.
 */
const MARIADB_HANDSHAKE_BYTES = 100;

/** sshd's identification string (RFC 4253 4.2), Debian 13's OpenSSH: what `nc lan-pc 22` shows. */
export const SSH_BANNER = 'SSH-2.0-OpenSSH_10.0p2 Debian-7+deb13u4\r\n';

/** What the peer answers: a web server's response, a MariaDB handshake, or nothing (the connection is reset). */
export function serve(datapath: Datapath, peer: Peer, request: HttpRequest, random: SeededRandom): Served {
  // The internet's hosts speak TLS on 443, which is not modelled.
  if (peer.kind === 'remote')
    return request.clientHello ? { kind: 'unsimulated' } : respond(webServer('nginx')?.(request));
  // The kernel took the connection into the backlog; a frozen server never reads it.
  if (datapath.isFrozen(peer.socket.process.pid)) return { kind: 'no-answer' };
  const service = peer.socket.service;
  switch (service.kind) {
    case 'http': {
      // ~: the 400 is not logged (nginx's access log would quote the hello's bytes, escaped).
      if (request.clientHello) return { kind: 'bad-request' };
      if (service.server === 'whoami')
        return respond(whoamiResponse(service.hostname ?? '', interfaceAddresses(peer.namespace), request));
      // WordPress connects to its database before anything else (wp-settings.php, require_wp_db): no database, no page.
      const database =
        service.database &&
        request.resolverAt &&
        mysqlLogin(datapath, peer.namespace, service.database, request.resolverAt(peer.namespace), random);
      const server = database && database.kind !== 'logged-in' ? 'wordpress-no-database' : service.server;
      const served = respond(webServer(server)?.(request));
      if (served.kind === 'response')
        datapath.served(peer.namespace, servedRecord(service.server, request, served.response));
      return served;
    }
    case 'docker-proxy': {
      // An IPv6-only container: the proxy connects to its IPv6 address.
      if (service.address === undefined)
        return relayed(
          httpGet6(
            datapath.kernel,
            datapath,
            peer.namespace,
            service.address6!,
            { ...request, port: service.port },
            random,
          ),
        );
      datapath.recorder?.add({
        kind: 'proxy',
        namespace: peer.namespace.id,
        pid: peer.socket.process.pid,
        address: service.address,
        port: service.port,
      });
      return relayed(
        httpGet(datapath, peer.namespace, { ...request, destination: service.address, port: service.port }, random),
      );
    }
    case 'mariadb':
      return { kind: 'not-http', bytes: MARIADB_HANDSHAKE_BYTES };
    case 'ssh':
      return { kind: 'not-http', bytes: SSH_BANNER.length };
    case 'dns':
      return { kind: 'reset' };
    case 'held':
      // Its socket filter drops everything: what reaches it waits for nothing, which the simulator does not model.
      return { kind: 'unsimulated' };
    case 'netcat':
      // It answers only what someone types into it: a request waits until the client gives up.
      return { kind: 'unsimulated' };
  }
}

/** What docker-proxy passes back of its own connection's outcome. */
function relayed(outcome: HttpOutcome): Served {
  if (outcome.kind === 'response') return { kind: 'response', response: outcome.response };
  if (outcome.kind === 'unsimulated' || outcome.kind === 'no-answer' || outcome.kind === 'bad-request')
    return { kind: outcome.kind };
  // docker-proxy copies whatever bytes the backend sends, HTTP or not.
  return outcome.kind === 'not-http' ? { kind: 'not-http', bytes: outcome.bytes } : { kind: 'reset' };
}

/** What the server's log hears of an answered request: HTTP/1.1, as every modelled client asks. */
function servedRecord(server: string, request: HttpRequest, response: HttpResponse): Omit<ServedHttp, 'timeMs'> {
  const header = (name: string) =>
    request.headers
      ?.find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
      ?.slice(name.length + 1)
      .trim();
  return {
    server,
    remoteAddress: request.remote?.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1') ?? '-',
    requestLine: `${request.method} ${request.path} HTTP/1.1`,
    status: Number.parseInt(response.status, 10),
    bodyBytes: request.method === 'HEAD' ? 0 : new TextEncoder().encode(response.body).length,
    referer: header('Referer'),
    userAgent: header('User-Agent'),
    forwardedFor: header('X-Forwarded-For'),
    host: header('Host'),
  };
}

const respond = (response: HttpResponse | 'unsimulated' | undefined): Served =>
  response === 'unsimulated' ? { kind: 'unsimulated' } : response ? { kind: 'response', response } : { kind: 'reset' };

/**
 * nginx's 400 (ngx_http_special_response.c): its head with `Connection: close`
 * (152 bytes) and ngx_http_error_400_page with its tail (157). ~: other servers' differ.
 */
const BAD_REQUEST_BYTES = 309;

function servedBytes(served: Served, request: HttpRequest): number {
  if (served.kind === 'response') return responseSize(served.response, request.method);
  if (served.kind === 'bad-request') return BAD_REQUEST_BYTES;
  return served.kind === 'not-http' ? served.bytes : 0;
}

function outcomeOf(served: Served, random: SeededRandom): HttpOutcome {
  if (served.kind === 'response') return { kind: 'response', response: served.response, elapsedMs: random.int(0, 2) };
  if (served.kind === 'unsimulated' || served.kind === 'no-answer' || served.kind === 'bad-request')
    return { kind: served.kind, elapsedMs: 0 };
  return served.kind === 'not-http'
    ? { kind: 'not-http', bytes: served.bytes, elapsedMs: 0 }
    : { kind: 'reset', elapsedMs: 0 };
}

/** An answer on a [::1] connection: no IPv4 datapath to count it in. */
export function answerLoopback6(
  datapath: Datapath,
  peer: Peer,
  request: HttpRequest,
  random: SeededRandom,
  client?: ClosingClient,
): HttpOutcome {
  const served = serve(datapath, peer, request, random);
  // The client closes first, as over IPv4 (tcp.ts exchange), unless the server side reset the connection.
  if (client && served.kind !== 'reset') datapath.closedFirst(client.namespace, client.local, client.remote);
  return outcomeOf(served, random);
}

/** The client's side of a connection answered outside the modelled datapath: where its TIME_WAIT stays. */
export interface ClosingClient {
  readonly namespace: Namespace;
  readonly local: Endpoint;
  readonly remote: Endpoint;
}

/**
 * The addresses a program listing the machine's interfaces gets (Go's
 * net.Interfaces and Addrs: links in index order, each one's IPv4 addresses,
 * then its IPv6 ones as the kernel lists them, global before link-local; a
 * link that is up is taken to have carrier).
 */
function interfaceAddresses(namespace: Namespace): string[] {
  return [...namespace.links.values()]
    .sort((a, b) => a.index - b.index)
    .flatMap((link) => [
      ...link.addresses.map((address) => formatIpv4(address.cidr.address)),
      ...ipv6Addresses(link, link.up).map((record) => record.cidr.split('/')[0]!),
    ]);
}

/**
 * An HTTP GET to an IPv6 address: [::1] on lo, another address through
 * kernel/path6 (tcp.ts connectIpv6); a failed connect gives the same outcomes
 * as over IPv4, `from` being the client's own address.
 */
export function httpGet6(
  kernel: Kernel,
  datapath: Datapath,
  namespace: Namespace,
  address: string,
  request: HttpRequest,
  random: SeededRandom,
): HttpOutcome {
  if (address === '::1') {
    const loop = connectLoopback6(namespace, request.port, random);
    if (loop.kind === 'no-address') return { kind: 'network-unreachable', elapsedMs: 0 };
    if (loop.kind === 'refused') return { kind: 'refused', elapsedMs: 0, from: loop.from };
    const remote = { address, port: request.port };
    return answerLoopback6(datapath, loop.peer, request, random, {
      namespace,
      local: { address, port: hashedEphemeralPort(remote, datapath.startMs) },
      remote,
    });
  }
  const result = connectIpv6(kernel, namespace, address, request.port, random);
  switch (result.kind) {
    case 'connected': {
      const remote = { address, port: request.port };
      return answerLoopback6(datapath, result.peer, request, random, {
        namespace,
        local: { address: result.local, port: hashedEphemeralPort(remote, datapath.startMs) },
        remote,
      });
    }
    case 'refused':
      return { kind: 'refused', elapsedMs: 0, from: result.from };
    case 'host-unreachable':
      return result.elapsedMs >= request.timeoutMs ? { kind: 'timed-out', elapsedMs: request.timeoutMs } : result;
    case 'network-unreachable':
      return { kind: 'network-unreachable', elapsedMs: 0 };
    case 'timed-out':
      return { kind: 'timed-out', elapsedMs: Math.min(request.timeoutMs, KERNEL_CONNECT_TIMEOUT_MS) };
  }
}
