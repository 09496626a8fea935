import type { Datapath, Fate, RemoteHost } from '../kernel/datapath';
import { STRERROR, type ErrnoName } from '../wire/strerror';
import type { Kernel } from '../kernel/kernel';
import type { Namespace } from '../kernel/namespace';
import { ipv6Path } from './ipv6-loader';
import { listenerFor, type Socket } from '../kernel/socket';
import { LOCAL_PORT_RANGE } from '../kernel/sysctl';
import type { SeededRandom } from '../random';
import { formatIpv4, type Ipv4 } from '../wire/ipv4';
import { answerSegment, hash, initialIpId, SegmentCounter, synSegment } from './tcp-sequence';
import {
  TCP_RST_LENGTH,
  TCP_SEGMENT_OVERHEAD,
  TCP_SYN_LENGTH,
  replyTo,
  type Packet,
  type TcpKind,
} from '../wire/packet';

/** Who accepted a connection: a socket in some namespace, or a machine beyond the NIC. */
export type Peer =
  | { readonly kind: 'socket'; readonly namespace: Namespace; readonly socket: Socket }
  | { readonly kind: 'remote'; readonly host: RemoteHost };

export type ConnectResult =
  | {
      readonly kind: 'connected';
      readonly peer: Peer;
      readonly syn: Packet;
      readonly delivered: Packet;
      readonly elapsedMs: number;
    }
  /** RST or ICMP port unreachable: ECONNREFUSED at once. `from` is the socket's own address, which curl -v names. */
  | { readonly kind: 'refused'; readonly elapsedMs: number; readonly from: Endpoint }
  /** ARP failed on the last hop: EHOSTUNREACH after the kernel's 3 s of probes. */
  | { readonly kind: 'host-unreachable'; readonly elapsedMs: number; readonly from: Endpoint }
  | { readonly kind: 'network-unreachable'; readonly elapsedMs: number }
  /** Nothing came back before `timeoutMs`. */
  | { readonly kind: 'timed-out'; readonly elapsedMs: number };

/** The errno connect(2) sets for each way it fails, which tools print with STRERROR. */
export const CONNECT_ERRNO = {
  refused: 'ECONNREFUSED',
  'host-unreachable': 'EHOSTUNREACH',
  'network-unreachable': 'ENETUNREACH',
  'timed-out': 'ETIMEDOUT',
} as const satisfies Record<Exclude<ConnectResult['kind'], 'connected'>, ErrnoName>;

/** strerror of a failed connect(2), as ssh, nc and wget print it after their own words. */
export const connectError = (kind: keyof typeof CONNECT_ERRNO): string => STRERROR[CONNECT_ERRNO[kind]];

/** A socket's own address and port, as text (IPv4 or IPv6). */
export interface Endpoint {
  readonly address: string;
  readonly port: number;
}

/** SYN retransmissions: the initial RTO of 1 s doubles each time (tcp_syn_retries = 6, ~127 s in all). */
const SYN_SEND_TIMES_MS = [0, 1000, 3000, 7000, 15000, 31000, 63000];
export const KERNEL_CONNECT_TIMEOUT_MS = 127_000;
const ARP_FAILURE_MS = 3000;

/** The ephemeral source port a client socket gets (ip_local_port_range). */
export function ephemeralPort(random: SeededRandom): number {
  return random.int(LOCAL_PORT_RANGE.first, LOCAL_PORT_RANGE.last);
}

/**
 * The source port of a connection that does not cross the modelled datapath (IPv6),
 * drawn without the seeded random source so that what follows draws what it always
 * drew: Linux itself picks it from a keyed hash of the destination plus a counter
 * (__inet_hash_connect), here a fixed-key hash of the destination and the time.
 */
export function hashedEphemeralPort(remote: Endpoint, nowMs: number): number {
  const span = LOCAL_PORT_RANGE.last - LOCAL_PORT_RANGE.first + 1;
  return LOCAL_PORT_RANGE.first + (hash(`port|${remote.address}|${remote.port}|${nowMs}`) % span);
}

/**
 * connect(2) through the datapath: SYNs until something answers or the time is
 * up. `timeoutMs` is the caller's limit (curl --max-time); the kernel's own is ~127 s.
 */
export function connect(
  datapath: Datapath,
  namespace: Namespace,
  destination: Ipv4,
  port: number,
  random: SeededRandom,
  timeoutMs = Number.POSITIVE_INFINITY,
): ConnectResult {
  const route = datapath.route(namespace, destination);
  if (!route) return { kind: 'network-unreachable', elapsedMs: 0 };
  const bare: Packet = {
    protocol: 'tcp',
    tcp: 'syn',
    source: route.source,
    destination,
    sourcePort: ephemeralPort(random),
    destinationPort: port,
    length: TCP_SYN_LENGTH,
    ttl: 64,
  };
  const syn: Packet = { ...bare, segment: synSegment(bare, datapath.startMs), ipId: initialIpId(bare) };
  const limit = Math.min(timeoutMs, KERNEL_CONNECT_TIMEOUT_MS);
  const from = { address: formatIpv4(route.source), port: syn.sourcePort };
  for (const sentMs of SYN_SEND_TIMES_MS) {
    if (sentMs >= limit) break;
    const fate = datapath.send(namespace, syn);
    if (fate.kind === 'unresolved')
      return limit > ARP_FAILURE_MS
        ? { kind: 'host-unreachable', elapsedMs: ARP_FAILURE_MS + random.int(10, 90), from }
        : { kind: 'timed-out', elapsedMs: limit };
    if (fate.kind === 'rejected') return { kind: 'refused', elapsedMs: 0, from };
    const answer = answerSyn(datapath, fate);
    if (answer === 'refused') return { kind: 'refused', elapsedMs: 0, from };
    if (answer) return { kind: 'connected', peer: answer.peer, syn, delivered: answer.delivered, elapsedMs: 0 };
  }
  return { kind: 'timed-out', elapsedMs: limit };
}

/** What the far end does with a SYN: a listener answers SYN-ACK, anything else a RST; the answer must come back. */
function answerSyn(datapath: Datapath, fate: Fate): { peer: Peer; delivered: Packet } | 'refused' | undefined {
  if (fate.kind === 'local') {
    const socket = listenerFor(
      fate.namespace.sockets,
      'tcp',
      formatIpv4(fate.packet.destination),
      fate.packet.destinationPort,
    );
    datapath.recorder?.add({
      kind: 'socket',
      namespace: fate.namespace.id,
      protocol: 'tcp',
      address: formatIpv4(fate.packet.destination),
      port: fate.packet.destinationPort,
      process: socket && { name: socket.process.name, pid: socket.process.pid },
    });
    const answer = socket
      ? replyTo(fate.packet, { tcp: 'syn-ack', length: TCP_SYN_LENGTH })
      : replyTo(fate.packet, { tcp: 'rst', length: TCP_RST_LENGTH });
    const back = datapath.send(fate.namespace, {
      ...answer,
      segment: answerSegment(fate.packet, answer, socket ? 'syn-ack' : 'rst', datapath.startMs),
    });
    if (back.kind !== 'local') return undefined;
    return socket ? { peer: { kind: 'socket', namespace: fate.namespace, socket }, delivered: fate.packet } : 'refused';
  }
  if (fate.kind === 'remote') {
    const open = fate.host.openTcpPorts.includes(fate.packet.destinationPort);
    const answer = replyTo(fate.packet, {
      tcp: open ? 'syn-ack' : 'rst',
      length: open ? TCP_SYN_LENGTH : TCP_RST_LENGTH,
      ttl: fate.host.replyTtl,
    });
    const back = datapath.fromWorld({
      ...answer,
      segment: answerSegment(fate.packet, answer, open ? 'syn-ack' : 'rst', datapath.startMs),
    });
    if (back.kind !== 'local') return undefined;
    return open ? { peer: { kind: 'remote', host: fate.host }, delivered: fate.packet } : 'refused';
  }
  return undefined;
}

/**
 * The rest of a short request-response connection, packet by packet, so iptables
 * counters see what a real exchange sends. The servers modelled keep HTTP/1.1
 * connections alive, so the client closes first (a capture of curl and an
 * HTTP/1.1 server on lo: [.] [P.] | [P.] | [.] [F.] | [F.] | [.]): the client's
 * ACK and request, the server's response (with the request's ACK), the client's
 * ACK and FIN, the server's FIN, the client's last ACK; the client's side then
 * stays TIME_WAIT. docker-proxy, the client of its relayed connection, closes
 * that one first too: when its client's FIN arrives it half-closes the backend
 * (moby cmd/docker-proxy tcp_proxy.go, clientLoop's broker: CloseWrite).
 */
export function exchange(
  datapath: Datapath,
  namespace: Namespace,
  connection: Extract<ConnectResult, { kind: 'connected' }>,
  requestBytes: number,
  responseBytes: number,
  reset = false,
  requestText?: string,
  responseText?: string,
): void {
  const server = replyTo(connection.delivered, {});
  const counter = new SegmentCounter(connection.syn, server, datapath.startMs);
  // The SYN took the client's first identification; the server's SYN-ACK went out with 0.
  let clientId = (connection.syn.ipId ?? initialIpId(connection.syn)) + 1;
  let serverId = initialIpId(server);
  const fromClient = (length: number, kind: TcpKind) => {
    const segment = counter.fromClient(kind, length - TCP_SEGMENT_OVERHEAD);
    counter.serverReceives(segment, length - TCP_SEGMENT_OVERHEAD, kind);
    const payload = kind === 'data' && requestText !== undefined ? { payload: requestText } : {};
    const ipId = clientId++ & 0xffff;
    return datapath.send(namespace, { ...connection.syn, tcp: kind, length, segment, ipId, ...payload });
  };
  const fromServer = (length: number, kind: TcpKind) => {
    const segment = counter.fromServer(kind, length - TCP_SEGMENT_OVERHEAD);
    counter.clientReceives(segment, length - TCP_SEGMENT_OVERHEAD, kind);
    const packet = {
      ...server,
      tcp: kind,
      length,
      segment,
      ipId: serverId++ & 0xffff,
      ...(kind === 'data' && responseText !== undefined ? { payload: responseText } : {}),
      ...(connection.peer.kind === 'remote' ? { ttl: connection.peer.host.replyTtl } : {}),
    };
    return connection.peer.kind === 'socket'
      ? datapath.send(connection.peer.namespace, packet)
      : datapath.fromWorld(packet);
  };
  fromClient(TCP_SEGMENT_OVERHEAD, 'ack');
  fromClient(TCP_SEGMENT_OVERHEAD + requestBytes, 'data');
  fromServer(TCP_SEGMENT_OVERHEAD + responseBytes, 'data');
  fromClient(TCP_SEGMENT_OVERHEAD, 'ack');
  fromClient(TCP_SEGMENT_OVERHEAD, 'fin');
  fromServer(TCP_SEGMENT_OVERHEAD, 'fin');
  fromClient(TCP_SEGMENT_OVERHEAD, 'ack');
  const { syn } = connection;
  // A connection the server side reset (docker-proxy closing with the request unread) leaves nothing behind.
  if (!reset)
    datapath.closedFirst(
      namespace,
      { address: formatIpv4(syn.source), port: syn.sourcePort },
      { address: formatIpv4(syn.destination), port: syn.destinationPort },
    );
}

/**
 * connect(2) to [::1]:port. IPv6 stays on lo, where no iptables rule the
 * simulator models applies, so the listener is looked up directly. Without ::1
 * (lo down, or IPv6 disabled on it) connect fails at once with EADDRNOTAVAIL.
 */
export function connectLoopback6(
  namespace: Namespace,
  port: number,
  random: SeededRandom,
): { kind: 'connected'; peer: Peer } | { kind: 'refused'; from: Endpoint } | { kind: 'no-address' } {
  const lo = [...namespace.links.values()].find((link) => link.kind === 'loopback');
  if (!lo || !lo.up || lo.ipv6Disabled) return { kind: 'no-address' };
  const socket = namespace.sockets.find(
    (candidate) =>
      candidate.protocol === 'tcp' &&
      candidate.port === port &&
      (candidate.address === '::' || candidate.address === '::1'),
  );
  return socket
    ? { kind: 'connected', peer: { kind: 'socket', namespace, socket } }
    : { kind: 'refused', from: { address: '::1', port: ephemeralPort(random) } };
}

/** What connect(2) to an IPv6 address other than ::1 comes to. */
export type Connect6Result =
  | { readonly kind: 'connected'; readonly peer: Peer; readonly local: string }
  | { readonly kind: 'refused'; readonly from: Endpoint }
  /** Neighbour discovery failed: EHOSTUNREACH after 3 s of solicitations. */
  | { readonly kind: 'host-unreachable'; readonly elapsedMs: number; readonly from: Endpoint }
  | { readonly kind: 'network-unreachable' }
  /** The SYN was dropped on the way, or the answer could not come back. */
  | { readonly kind: 'timed-out' };

/**
 * connect(2) to an IPv6 address, through kernel/path6: the namespace that holds
 * the address answers with its listener on that address or on [::] (an IPv4
 * socket never takes IPv6), or with a RST; an ICMPv6 error or a drop on the
 * way fails as the kernel fails. No iptables NAT applies to IPv6 here.
 */
export function connectIpv6(
  kernel: Kernel,
  namespace: Namespace,
  address: string,
  port: number,
  random: SeededRandom,
): Connect6Result {
  const { route6, send6 } = ipv6Path();
  const local = route6(kernel, namespace, address)?.source ?? address;
  const fate = send6(kernel, namespace, address, TCP_SYN_LENGTH + 20);
  switch (fate.kind) {
    case 'network-unreachable':
      return { kind: 'network-unreachable' };
    case 'unreachable':
      // icmpv6_err_convert: Address unreachable is EHOSTUNREACH; No route is ENETUNREACH.
      return fate.reason === 'Address unreachable'
        ? {
            kind: 'host-unreachable',
            elapsedMs: 3000 + random.int(0, 90),
            from: { address: local, port: ephemeralPort(random) },
          }
        : { kind: 'network-unreachable' };
    case 'dropped':
      return { kind: 'timed-out' };
    case 'delivered': {
      const back = send6(kernel, fate.namespace, local, TCP_SYN_LENGTH + 20);
      if (back.kind !== 'delivered' || back.namespace !== namespace) return { kind: 'timed-out' };
      const socket = fate.namespace.sockets.find(
        (candidate) =>
          candidate.protocol === 'tcp' &&
          candidate.port === port &&
          (candidate.address === '::' || candidate.address === address),
      );
      return socket
        ? { kind: 'connected', peer: { kind: 'socket', namespace: fate.namespace, socket }, local }
        : { kind: 'refused', from: { address: local, port: ephemeralPort(random) } };
    }
  }
}
