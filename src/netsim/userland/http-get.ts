import type { Datapath } from '../kernel/datapath';
import type { Namespace } from '../kernel/namespace';
import type { SeededRandom } from '../random';
import type { Ipv4 } from '../wire/ipv4';
import { connect, exchange, type ConnectResult, type Peer } from './tcp';
import { webPage, type WebPage } from './web-servers';

export type HttpOutcome =
  | { readonly kind: 'response'; readonly page: WebPage; readonly elapsedMs: number }
  /** Connected, then the server side reset the connection (docker-proxy with no backend). */
  | { readonly kind: 'reset'; readonly elapsedMs: number }
  | Exclude<ConnectResult, { kind: 'connected' }>;

export interface HttpRequest {
  readonly destination: Ipv4;
  readonly port: number;
  /** The request line and headers as curl sends them: their size is what the counters add up. */
  readonly requestBytes: number;
  readonly timeoutMs: number;
}

/**
 * An HTTP GET through the simulated network. A docker-proxy listener relays the
 * request with a new connection from the host to the container, as the real
 * proxy does.
 */
export function httpGet(datapath: Datapath, namespace: Namespace, request: HttpRequest, random: SeededRandom): HttpOutcome {
  const connection = connect(datapath, namespace, request.destination, request.port, random, request.timeoutMs);
  if (connection.kind !== 'connected') return connection;
  const page = serve(datapath, connection.peer, request, random);
  exchange(datapath, namespace, connection, request.requestBytes, page ? responseSize(page) : 0);
  return page ? { kind: 'response', page, elapsedMs: random.int(0, 2) } : { kind: 'reset', elapsedMs: 0 };
}

function serve(datapath: Datapath, peer: Peer, request: HttpRequest, random: SeededRandom): WebPage | undefined {
  if (peer.kind === 'remote') return webPage('nginx');
  const service = peer.socket.service;
  switch (service.kind) {
    case 'http':
      return webPage(service.server);
    case 'docker-proxy': {
      const relayed = httpGet(datapath, peer.namespace, { ...request, destination: service.address, port: service.port }, random);
      return relayed.kind === 'response' ? relayed.page : undefined;
    }
    case 'dns':
      return undefined;
  }
}

/** Status line, headers and body of a 200 response, in bytes on the wire; any IMF-fixdate is 29 characters. */
export function responseSize(page: WebPage): number {
  return responseHeaders(page, 'Thu, 01 Jan 1970 00:00:00 GMT').join('\r\n').length + 4 + page.body.length;
}

export function responseHeaders(page: WebPage, date: string): string[] {
  return ['HTTP/1.1 200 OK', `Server: ${page.server}`, `Date: ${date}`, `Content-Type: ${page.contentType}`, `Content-Length: ${page.body.length}`, ...page.extraHeaders];
}
