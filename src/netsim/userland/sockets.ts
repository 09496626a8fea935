import type { Namespace } from '../kernel/namespace';
import type { Socket } from '../kernel/socket';
import { liveTimeWaits, type TimeWaitSocket } from '../kernel/time-wait';

/** SOMAXCONN since Linux 5.4: the backlog Go's net.Listen asks for. */
export const SOMAXCONN = 4096;

export interface SocketFilter {
  readonly tcp: boolean;
  readonly udp: boolean;
  /** -l: listening (and unconnected UDP) sockets; otherwise connected ones, of which the simulation keeps none. */
  readonly listening: boolean;
}

/** One socket as the sock_diag dump reports it: state, queues and owner. */
export interface SocketRecord {
  readonly socket: Socket;
  readonly state: 'LISTEN' | 'UNCONN';
  readonly recvQ: number;
  /** For a listener, its backlog. */
  readonly sendQ: number;
}

/**
 * What `ss` and `netstat` read from the kernel: UDP sockets first, then TCP, as
 * ss dumps them (udp_show before tcp_show), each in the order they were bound.
 * Connections are not kept (they open and close within one command), so
 * without -l there is nothing to list.
 */
export function listSockets(namespace: Namespace, filter: SocketFilter): SocketRecord[] {
  if (!filter.listening) return [];
  const of = (protocol: 'tcp' | 'udp') => namespace.sockets.filter((socket) => socket.protocol === protocol);
  return [
    ...(filter.udp ? of('udp').map((socket) => ({ socket, state: 'UNCONN' as const, recvQ: 0, sendQ: 0 })) : []),
    ...(filter.tcp
      ? of('tcp').map((socket) => ({ socket, state: 'LISTEN' as const, recvQ: 0, sendQ: socket.backlog ?? SOMAXCONN }))
      : []),
  ];
}

/** A connection in TIME_WAIT as the dump reports it: its addresses and how long its timer has left. */
export interface TimeWaitRecord {
  readonly local: TimeWaitSocket['local'];
  readonly remote: TimeWaitSocket['remote'];
  readonly remainingMs: number;
}

/**
 * The TIME_WAIT connections of a namespace at `nowMs`. TCP's dump lists them
 * after the listeners: inet_diag walks the listening hash before the established
 * one, where timewait sockets live; so does /proc/net/tcp.
 */
export function listTimeWait(namespace: Namespace, nowMs: number): TimeWaitRecord[] {
  return liveTimeWaits(namespace, nowMs).map((socket) => ({
    local: socket.local,
    remote: socket.remote,
    remainingMs: socket.expiresMs - nowMs,
  }));
}
