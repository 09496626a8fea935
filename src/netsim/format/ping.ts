import { formatIpv4, type Ipv4 } from '../wire/ipv4';
import type { PingResult } from '../userland/ping';
import type { Ping6Result } from '../userland/ping6';

/** iputils' time=: three decimals under 1 ms, then fewer as the number grows (ping_common.c). */
export function formatTripTime(microseconds: number): string {
  const t = Math.round(microseconds);
  if (t >= 100_000 - 50) return `${Math.floor((t + 500) / 1000)}`;
  if (t >= 10_000 - 5) return `${Math.floor((t + 50) / 1000)}.${Math.floor(((t + 50) % 1000) / 100)}`;
  if (t >= 1000) return `${Math.floor((t + 5) / 1000)}.${String(Math.floor(((t + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.floor(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
}

const millis = (microseconds: number) =>
  `${Math.floor(microseconds / 1000)}.${String(microseconds % 1000).padStart(3, '0')}`;

/** printf's %g: six significant digits, no trailing zeros. */
function percent(value: number): string {
  return String(Number(value.toPrecision(6)));
}

/**
 * How ping names things: `target` is the destination as typed (or its canonical
 * name), `label` what pr_addr() prints for an address: `c2.net1 (172.18.0.3)`
 * when a name was typed and the address has one, the bare address otherwise.
 */
export interface PingNames {
  readonly target: string;
  readonly label: (address: Ipv4) => string;
}

const numericNames = (result: PingResult): PingNames => ({ target: formatIpv4(result.destination), label: formatIpv4 });

/** iputils' header and the lines of replies and errors, up to where Ctrl-C would come. */
export function formatPingReplies(result: PingResult, names: PingNames = numericNames(result)): string {
  const from = names.label(result.destination);
  const data = result.payloadBytes;
  const lines = [`PING ${names.target} (${formatIpv4(result.destination)}) ${data}(${data + 28}) bytes of data.\n`];
  // No time= without room for the timestamp in the data (ping_common.c: timing = datalen >= sizeof(struct timeval), 16 bytes).
  const time = (reply: PingResult['replies'][number]) =>
    timed(result) ? ` time=${formatTripTime(Math.round(reply.rttMs * 1000))} ms` : '';
  const events = [
    ...result.replies.map((reply) => ({
      sequence: reply.sequence,
      text: `${data + 8} bytes from ${from}: icmp_seq=${reply.sequence} ttl=${reply.ttl}${time(reply)}\n`,
    })),
    ...result.unreachable.map((error) => ({
      sequence: error.sequence,
      text: `From ${names.label(error.reporter)} icmp_seq=${error.sequence} Destination Host Unreachable\n`,
    })),
  ].sort((a, b) => a.sequence - b.sequence);
  for (const event of events) lines.push(event.text);
  return lines.join('');
}

/** Whether replies carry the send time: 16 bytes of data or more (a struct timeval on 64-bit Linux). */
const timed = (result: Pick<PingResult, 'payloadBytes'>) => result.payloadBytes >= 16;

/** iputils' statistics (finish() in ping_common.c), which start with an empty line; no rtt line without timing. */
export function formatPingStatistics(result: PingResult, names: PingNames = numericNames(result)): string {
  return statistics(names.target, {
    ...result,
    replies: timed(result) ? result.replies : [],
    received: result.replies.length,
    errorCount: result.unreachable.length + result.localErrors.length,
  });
}

/** The kernel's EMSGSIZE for each request too large to leave under -M do (ping4_receive_error_msg: "local error: %s, mtu=%u"), on stderr. */
export function formatPingLocalErrors(result: PingResult): string {
  return result.localErrors.map((error) => `ping: local error: message too long, mtu=${error.mtu}\n`).join('');
}

/** The statistics of a ping over IPv6: the same finish(), the errors being ICMPv6 ones. */
export function formatPing6Statistics(result: Ping6Result, target: string): string {
  return statistics(target, { ...result, errorCount: result.errors.length });
}

/**
 * iputils over IPv6 (ping6_common.c): the header has no space before the
 * parenthesis and counts only the data bytes; errors name the ICMPv6 code.
 * `label` is pr_addr()'s `name (address)` when a name was typed and the
 * address has one (captured: `PING c2(c2 (2001:db8:1::3)) 56 data bytes`).
 */
export function formatPing6Replies(result: Ping6Result, target: string, label: string = result.destination): string {
  const events = [
    ...result.replies.map((reply) => ({
      sequence: reply.sequence,
      text: `64 bytes from ${label}: icmp_seq=${reply.sequence} ttl=${reply.ttl} time=${formatTripTime(Math.round(reply.rttMs * 1000))} ms\n`,
    })),
    ...result.errors.map((error) => ({
      sequence: error.sequence,
      text: `From ${error.reporter} icmp_seq=${error.sequence} Destination unreachable: ${error.reason}\n`,
    })),
  ].sort((a, b) => a.sequence - b.sequence);
  return [`PING ${target}(${label}) 56 data bytes\n`, ...events.map((event) => event.text)].join('');
}

interface Tally {
  readonly transmitted: number;
  /** The replies whose times make the rtt line (none without timing). */
  readonly replies: PingResult['replies'];
  /** Replies received, when they are not all timed. */
  readonly received?: number;
  readonly errorCount: number;
  readonly elapsedMs: number;
  readonly pipe: number;
}

function statistics(target: string, result: Tally): string {
  const lines = [`\n--- ${target} ping statistics ---\n`];
  const received = result.received ?? result.replies.length;
  const errors = result.errorCount > 0 ? `, +${result.errorCount} errors` : '';
  const loss = percent(((result.transmitted - received) * 100) / result.transmitted);
  lines.push(
    `${result.transmitted} packets transmitted, ${received} received${errors}, ${loss}% packet loss, time ${result.elapsedMs}ms\n`,
  );
  const summary: string[] = [];
  if (result.replies.length > 0)
    summary.push(
      `rtt min/avg/max/mdev = ${rttSummary(result.replies.map((reply) => Math.round(reply.rttMs * 1000)))} ms`,
    );
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
  return [
    times.reduce((low, time) => Math.min(low, time), Infinity),
    average,
    times.reduce((high, time) => Math.max(high, time), -Infinity),
    mdev,
  ]
    .map(millis)
    .join('/');
}
