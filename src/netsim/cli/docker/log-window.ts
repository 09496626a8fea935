import type { LogEntry } from '../../engine/container';
import { clientTimestamp, eventNanos, type SentTimestamp } from './client-timestamp';

/**
 * --since and --until as the client sends them (moby client v0.5.1
 * container_logs.go: timestamp.GetTimestamp against the client's clock, its
 * error wrapped as `invalid value for "since": ...`).
 */
function sentTimes(
  values: ReadonlyMap<string, readonly string[]>,
  nowMs: number,
): { since?: SentTimestamp; until?: SentTimestamp } | { error: string } {
  const sent: { since?: SentTimestamp; until?: SentTimestamp } = {};
  for (const name of ['since', 'until'] as const) {
    const value = values.get(name)?.at(-1);
    if (value === undefined || value === '') continue;
    const time = clientTimestamp(value, nowMs);
    if ('error' in time) return { error: `invalid value for "${name}": ${time.error}\n` };
    sent[name] = time;
  }
  return sent;
}

/**
 * The json-file reader's order (moby docker-v29.7.2 daemon/logger/loggerutils/logfile.go):
 * --tail picks the last lines first (logs.ts), then the forwarder skips those before
 * --since and stops at the first after --until.
 */
function selectEntries(
  tailed: readonly LogEntry[],
  { since, until }: { since?: SentTimestamp; until?: SentTimestamp },
): LogEntry[] {
  const at = (entry: LogEntry) => eventNanos(entry.timeMs, 0);
  const sinceOk = tailed.filter((entry) => since === undefined || at(entry) >= since.nanos);
  const after = until === undefined ? -1 : sinceOk.findIndex((entry) => at(entry) > until.nanos);
  return after === -1 ? sinceOk : sinceOk.slice(0, after);
}

/**
 * `docker logs --since/--until` over the lines --tail kept: the lines in the
 * window, whether --until has gone by (then -f does not wait), or the client's error.
 */
export function logWindow(
  tailed: readonly LogEntry[],
  values: ReadonlyMap<string, readonly string[]>,
  nowMs: number,
): { entries: LogEntry[]; untilPassed: boolean } | { error: string } {
  const times = sentTimes(values, nowMs);
  if ('error' in times) return times;
  const untilPassed = times.until !== undefined && times.until.nanos <= eventNanos(nowMs, 0);
  return { entries: selectEntries(tailed, times), untilPassed };
}
