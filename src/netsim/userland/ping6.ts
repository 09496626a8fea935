import type { Kernel } from '../kernel/kernel';
import type { Namespace } from '../kernel/namespace';
import { route6, send6 } from '../kernel/path6';
import type { SeededRandom } from '../random';
import { withReportTimes, type PingOptions, type PingReply } from './ping';

/** An ICMPv6 error that came back for one request, as iputils prints it (`Destination unreachable: No route`). */
export interface Ping6Error {
  readonly sequence: number;
  readonly reporter: string;
  readonly reason: 'Address unreachable' | 'No route';
}

export interface Ping6Result {
  readonly destination: string;
  readonly transmitted: number;
  readonly replies: readonly PingReply[];
  readonly errors: readonly Ping6Error[];
  /** Always 1 here; iputils prints `pipe N` only above 1. */
  readonly pipe: number;
  readonly elapsedMs: number;
  readonly durationMs: number;
}

/** An ICMPv6 echo request of 56 data bytes: 40 bytes of IPv6 header, 8 of ICMPv6, 56 of data. */
const ECHO6_LENGTH = 104;
/** Neighbour discovery gives up after 3 solicitations a second apart (MAX_MULTICAST_SOLICIT, RETRANS_TIMER). */
const NDP_FAILURE_MS = 3000;
const LINGER_MS = 10_000;

/**
 * ping over IPv6 (iputils ping6_common.c, BusyBox ping6()): echo requests
 * through kernel/path6, echo replies back the same way; errors come from the
 * router or the sender's own kernel that could not deliver.
 */
export function ping6(
  kernel: Kernel,
  namespace: Namespace,
  destination: string,
  options: PingOptions,
  random: SeededRandom,
): Ping6Result | 'network-unreachable' {
  const route = route6(kernel, namespace, destination);
  const local = send6(kernel, namespace, destination, ECHO6_LENGTH);
  if (local.kind === 'network-unreachable' || (!route && local.kind !== 'delivered')) return 'network-unreachable';
  const source = route?.source ?? destination;
  const intervalMs = options.intervalSeconds * 1000;
  const replies: PingReply[] = [];
  const noRoute: Ping6Error[] = [];
  const failedAt: { sequence: number; sentMs: number; reporter: string }[] = [];
  for (let sequence = 1; sequence <= options.count; sequence++) {
    const fate = send6(kernel, namespace, destination, ECHO6_LENGTH);
    if (fate.kind === 'unreachable' && fate.reason === 'Address unreachable')
      failedAt.push({ sequence, sentMs: (sequence - 1) * intervalMs, reporter: fate.reporter });
    if (fate.kind === 'unreachable' && fate.reason === 'No route')
      noRoute.push({ sequence, reporter: fate.reporter, reason: 'No route' });
    if (fate.kind !== 'delivered') continue;
    const back = send6(kernel, fate.namespace, source, ECHO6_LENGTH);
    if (back.kind !== 'delivered' || back.namespace !== namespace) continue;
    const self = fate.namespace === namespace;
    const microseconds =
      (self ? random.int(15, 60) : random.int(40, 110)) + (sequence === 1 && !self ? random.int(150, 300) : 0);
    replies.push({ sequence, ttl: 64 - back.routers, rttMs: microseconds / 1000 });
  }
  const lastSentMs = (options.count - 1) * intervalMs;
  const waitMs = options.waitSeconds === undefined ? LINGER_MS : options.waitSeconds * 1000;
  const unresolved = withReportTimes(failedAt, NDP_FAILURE_MS).filter(
    (entry) => entry.reportedMs <= lastSentMs + waitMs,
  );
  const errors = [
    ...noRoute,
    ...unresolved.map(({ sequence, reporter }): Ping6Error => ({ sequence, reporter, reason: 'Address unreachable' })),
  ].sort((a, b) => a.sequence - b.sequence);
  const accountedMs = Math.max(lastSentMs, ...unresolved.map((entry) => entry.reportedMs));
  const lost = replies.length + errors.length < options.count;
  return {
    destination,
    transmitted: options.count,
    replies,
    errors,
    pipe: 1,
    elapsedMs: options.count > 1 ? lastSentMs + random.int(3, 30) : 0,
    durationMs: lost ? lastSentMs + waitMs : accountedMs,
  };
}
