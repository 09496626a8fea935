import { formatIpv4 } from '../wire/ipv4';
import type { PingResult } from '../userland/ping';

/** BusyBox's `%u.%03u`: integer microseconds as milliseconds with three decimals. */
const millis = (microseconds: number) =>
  `${Math.floor(microseconds / 1000)}.${String(microseconds % 1000).padStart(3, '0')}`;

/**
 * BusyBox ping's header and replies (networking/ping.c, ping() and unpack_tail()):
 * `PING host (addr): 56 data bytes`, then `seq=` counted from 0 and the sender's
 * bare address, whatever name was typed.
 */
export function formatBusyboxPingReplies(
  result: Pick<PingResult, 'replies'> & { readonly destination: PingResult['destination'] | string },
  target: string,
): string {
  const address = typeof result.destination === 'string' ? result.destination : formatIpv4(result.destination);
  const replies = result.replies.map(
    (reply) =>
      `64 bytes from ${address}: seq=${reply.sequence - 1} ttl=${reply.ttl} time=${millis(Math.round(reply.rttMs * 1000))} ms\n`,
  );
  return `PING ${target} (${address}): 56 data bytes\n${replies.join('')}`;
}

/**
 * print_stats_and_exit(): the loss is an integer percentage, and the round-trip
 * line, without mdev, appears only when a reply came (tavg = tsum / nreceived).
 */
export function formatBusyboxPingStatistics(
  result: Pick<PingResult, 'transmitted' | 'replies'>,
  target: string,
): string {
  const received = result.replies.length;
  const loss = Math.floor(((result.transmitted - received) * 100) / result.transmitted);
  const lines = [
    `\n--- ${target} ping statistics ---\n`,
    `${result.transmitted} packets transmitted, ${received} packets received, ${loss}% packet loss\n`,
  ];
  if (received > 0) {
    const times = result.replies.map((reply) => Math.round(reply.rttMs * 1000));
    const average = Math.floor(times.reduce((a, b) => a + b, 0) / received);
    lines.push(
      `round-trip min/avg/max = ${[times.reduce((low, time) => Math.min(low, time), Infinity), average, times.reduce((high, time) => Math.max(high, time), -Infinity)].map(millis).join('/')} ms\n`,
    );
  }
  return lines.join('');
}
