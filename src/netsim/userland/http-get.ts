import type { Datapath } from '../kernel/datapath';
import type { Namespace } from '../kernel/namespace';
import type { SeededRandom } from '../random';
import type { Ipv4 } from '../wire/ipv4';
import { connect, exchange, type ConnectResult, type Peer } from './tcp';
import { responseSize, webServer, type HttpRequestLine, type HttpResponse } from './web-servers';

export type HttpOutcome =
  | { readonly kind: 'response'; readonly response: HttpResponse; readonly elapsedMs: number }
  /** Connected, then the server side reset the connection (docker-proxy with no backend). */
  | { readonly kind: 'reset'; readonly elapsedMs: number }
  | Exclude<ConnectResult, { kind: 'connected' }>;

export interface HttpRequest extends HttpRequestLine {
  readonly destination: Ipv4;
  readonly port: number;
  /** The request line and headers as the client sends them: their size is what the counters add up. */
  readonly requestBytes: number;
  readonly timeoutMs: number;
}

/**
 * An HTTP request through the simulated network. A docker-proxy listener relays
 * the request with a new connection from the host to the container, as the real
 * proxy does.
 */
export function httpGet(datapath: Datapath, namespace: Namespace, request: HttpRequest, random: SeededRandom): HttpOutcome {
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
  const response = serve(datapath, connection.peer, request, random);
  exchange(datapath, namespace, connection, request.requestBytes, response ? responseSize(response, request.method) : 0);
  return response ? { kind: 'response', response, elapsedMs: random.int(0, 2) } : { kind: 'reset', elapsedMs: 0 };
}

/** What the peer answers: a web server's response, or nothing (the connection is reset). */
export function serve(datapath: Datapath, peer: Peer, request: HttpRequest, random: SeededRandom): HttpResponse | undefined {
  if (peer.kind === 'remote') return webServer('nginx')?.(request);
  const service = peer.socket.service;
  switch (service.kind) {
    case 'http':
      return webServer(service.server)?.(request);
    case 'docker-proxy': {
      const relayed = httpGet(datapath, peer.namespace, { ...request, destination: service.address, port: service.port }, random);
      return relayed.kind === 'response' ? relayed.response : undefined;
    }
    case 'dns':
      return undefined;
  }
}

/** An answer on a [::1] connection: no IPv4 datapath to count it in. */
export function answerLoopback6(datapath: Datapath, peer: Peer, request: HttpRequest, random: SeededRandom): HttpOutcome {
  const response = serve(datapath, peer, request, random);
  return response ? { kind: 'response', response, elapsedMs: random.int(0, 2) } : { kind: 'reset', elapsedMs: 0 };
}
