import { formatIpv4 } from '../wire/ipv4';
import type { PingResult } from '../userland/ping';

/** iputils' time=: three decimals under 1 ms, then fewer as the number grows (ping_common.c). */
export function formatTripTime(microseconds: number): string {
  const t = Math.round(microseconds);
  if (t >= 100_000 - 50) return `${Math.floor((t + 500) / 1000)}`;
  if (t >= 10_000 - 5) return `${Math.floor((t + 50) / 1000)}.${Math.floor(((t + 50) % 1000) / 100)}`;
  if (t >= 1000) return `${Math.floor((t + 5) / 1000)}.${String(Math.floor(((t + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
}

const millis = (microseconds: number) => `${Math.floor(microseconds / 1000)}.${String(microseconds % 1000).padStart(3, '0')}`;

/** printf's %g: six significant digits, no trailing zeros. */
function percent(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/** What iputils ping prints for a finished run: the header, one line per reply or error, the statistics. */
export function formatPing(result: PingResult): string {
  const target = formatIpv4(result.destination);
  const lines = [`PING ${target} (${target}) 56(84) bytes of data.\n`];
  const events = [
    ...result.replies.map((reply) => ({ sequence: reply.sequence, text: `64 bytes from ${target}: icmp_seq=${reply.sequence} ttl=${reply.ttl} time=${formatTripTime(Math.round(reply.rttMs * 1000))} ms\n` })),
    ...result.unreachable.map((error) => ({ sequence: error.sequence, text: `From ${formatIpv4(error.reporter)} icmp_seq=${error.sequence} Destination Host Unreachable\n` })),
  ].sort((a, b) => a.sequence - b.sequence);
  lines.push(...events.map((event) => event.text));
  lines.push(`\n--- ${target} ping statistics ---\n`);
  const received = result.replies.length;
  const errors = result.unreachable.length > 0 ? `, +${result.unreachable.length} errors` : '';
  const loss = percent(((result.transmitted - received) * 100) / result.transmitted);
  lines.push(`${result.transmitted} packets transmitted, ${received} received${errors}, ${loss}% packet loss, time ${result.elapsedMs}ms\n`);
  const summary: string[] = [];
  if (received > 0) summary.push(`rtt min/avg/max/mdev = ${rttSummary(result.replies.map((reply) => Math.round(reply.rttMs * 1000)))} ms`);
  if (result.pipe > 1) summary.push(`pipe ${result.pipe}`);
  lines.push(`${summary.join(', ')}\n`);
  return lines.join('');
}

/** min/avg/max/mdev in integer microseconds, as iputils computes them (mdev = isqrt(E[t^2] - E[t]^2)). */
function rttSummary(times: readonly number[]): string {
  const n = times.length;
  const sum = times.reduce((a, b) => a + b, 0);
  const sumSquares = times.reduce((a, b) => a + b * b, 0);
  const average = Math.floor(sum / n);
  const mdev = Math.floor(Math.sqrt(Math.floor(sumSquares / n) - average * average));
  return [Math.min(...times), average, Math.max(...times), mdev].map(millis).join('/');
}
