import { parseGoDuration } from './timestamp';

/** A time the client sends the daemon: the text of the query parameter, and the instant in nanoseconds. */
export interface SentTimestamp {
  readonly text: string;
  readonly nanos: bigint;
}

const NANOS_PER_MS = BigInt(1_000_000);
const NANOS_PER_SECOND = BigInt(1_000_000_000);

/**
 * The client's timestamp.GetTimestamp (moby docker-v29.7.2
 * client/internal/timestamp): a Go duration counts back from now to whole
 * seconds; a date or RFC 3339 time (UTC, the host's zone, when it names none)
 * becomes seconds and nanoseconds; Unix seconds go as they are.
 */
export function clientTimestamp(value: string, nowMs: number): SentTimestamp | { error: string } {
  const duration = parseGoDuration(value);
  if (value !== '0' && duration !== undefined) {
    const seconds = Math.floor((nowMs - duration) / 1000);
    return { text: String(seconds), nanos: BigInt(seconds) * NANOS_PER_SECOND };
  }
  const date = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?)?(Z|z|[+-]\d{2}:\d{2})?$/.exec(
    value,
  );
  if (date) {
    const [, day, hour = '00', minute = '00', second = '00', fraction = '', zone = 'Z'] = date;
    const ms = Date.parse(`${day}T${hour}:${minute}:${second}${zone.toUpperCase()}`);
    if (!Number.isNaN(ms)) {
      const seconds = Math.floor(ms / 1000);
      const nanos = fraction.slice(1).padEnd(9, '0');
      return { text: `${seconds}.${nanos}`, nanos: BigInt(seconds) * NANOS_PER_SECOND + BigInt(nanos) };
    }
  }
  const unix = /^(-?\d+)(?:\.(\d+))?$/.exec(value);
  if (!unix || value.includes('-'))
    return { error: `failed to parse value as time or duration: ${JSON.stringify(value)}` };
  const nanos = BigInt(unix[1]!) * NANOS_PER_SECOND + BigInt((unix[2] ?? '').slice(0, 9).padEnd(9, '0') || '0');
  return { text: value, nanos };
}

/** An event's TimeNano, for comparing with a sent timestamp. */
export function eventNanos(timeMs: number, subMsNanos: number): bigint {
  return BigInt(timeMs) * NANOS_PER_MS + BigInt(subMsNanos);
}
