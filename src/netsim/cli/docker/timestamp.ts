/**
 * The daemon's timestamp.Parse (moby docker-v29.7.2 daemon/internal/timestamp),
 * which `until` filters go through: a Go duration counts back from now, a date
 * or RFC 3339 time (in the host's zone, UTC here, when it names none), or Unix
 * seconds with an optional fraction.
 */
export type ParsedTimestamp = { ms: number } | { error: string } | { unsupported: string };

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** time.ParseDuration: `1h30m`, `-2.5s`; `0` alone; undefined when Go would refuse it. */
export function parseGoDuration(text: string): number | undefined {
  const match = /^([-+]?)(.+)$/.exec(text);
  if (!match || text === '') return undefined;
  if (match[2] === '0') return 0;
  const parts = [...match[2]!.matchAll(/(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/gy)];
  if (
    parts.length === 0 ||
    parts.map((part) => part[0]).join('') !== match[2] ||
    parts.some((part) => part[1] === '' || part[1] === '.')
  )
    return undefined;
  const ms = parts.reduce((total, part) => total + Number(part[1]) * UNIT_MS[part[2]!]!, 0);
  return match[1] === '-' ? -ms : ms;
}

export function parseTimestamp(value: string, nowMs: number): ParsedTimestamp {
  if (value.trim() === '') return { error: 'failed to parse value as time or duration: value is empty' };
  const duration = parseGoDuration(value);
  if (value !== '0' && duration !== undefined) return { ms: nowMs - duration };
  const date = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}(?:\.\d+)?))?)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (date) {
    const [, day, hour = '00', minute = '00', second = '00', zone = 'Z'] = date;
    const ms = Date.parse(`${day}T${hour}:${minute}:${second}${zone}`);
    if (!Number.isNaN(ms)) return { ms };
  }
  // Go's time.Parse errors for a malformed date are not modelled here.
  if (value.includes('-')) return { unsupported: value };
  const [seconds = '', fraction] = value.split(/\.(.*)/s);
  if (!/^[+-]?\d+$/.test(seconds))
    return {
      error: `failed to parse value as time or duration: invalid seconds ${JSON.stringify(seconds)}: invalid syntax`,
    };
  if (fraction !== undefined && fraction !== '' && !/^\d+$/.test(fraction)) {
    const at = [...fraction].findIndex((c) => c < '0' || c > '9');
    return {
      error: `failed to parse value as time or duration: invalid nanoseconds: invalid character '${fraction[at]}' at position ${at}`,
    };
  }
  return { ms: Number(seconds) * 1000 + Number(`0.${(fraction ?? '').slice(0, 9) || '0'}`) * 1000 };
}
