import type { Namespace } from './namespace';

/**
 * A TCP connection this side closed first: after its FIN is acknowledged and the
 * peer's FIN arrives, Linux keeps the connection as a timewait socket for
 * TCP_TIMEWAIT_LEN (include/net/tcp.h: 60*HZ) so that late segments of it are
 * not taken for a new connection (tcp_time_wait, inet_twsk_schedule). It has no
 * process and no queues; `ss -tan` lists it as TIME-WAIT, netstat as TIME_WAIT.
 */
export interface TimeWaitSocket {
  readonly local: { readonly address: string; readonly port: number };
  readonly remote: { readonly address: string; readonly port: number };
  /** When the timer fires and the kernel forgets the connection, on the simulation's clock. */
  readonly expiresMs: number;
}

/** TCP_TIMEWAIT_LEN: 60 seconds. */
export const TCP_TIMEWAIT_LEN_MS = 60_000;

/** The timewait sockets of a namespace still alive at `nowMs`, oldest first. */
export function liveTimeWaits(namespace: Namespace, nowMs: number): readonly TimeWaitSocket[] {
  return (namespace.timeWait ?? []).filter((socket) => socket.expiresMs > nowMs);
}

/** The list as the kernel writes it (kernel/ only): a closing connection joins it, expired ones leave. */
export function withTimeWait(namespace: Namespace, socket: TimeWaitSocket, nowMs: number): TimeWaitSocket[] {
  return [...liveTimeWaits(namespace, nowMs), socket];
}
