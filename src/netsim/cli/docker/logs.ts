import type { LogEntry } from '../../engine/container';
import { fail } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';
import { followLogs, logOutput } from './log-output';
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
 * --tail picks the last lines first, then the forwarder skips those before
 * --since and stops at the first after --until.
 */
function selectEntries(
  entries: readonly LogEntry[],
  tail: string,
  { since, until }: { since?: SentTimestamp; until?: SentTimestamp },
): LogEntry[] {
  // The daemon reads an unparsable --tail as "all" (strconv.Atoi fails: -1).
  const count = /^\d+$/.test(tail) ? Number(tail) : entries.length;
  const tailed = count === 0 ? [] : entries.slice(-count);
  const at = (entry: LogEntry) => eventNanos(entry.timeMs, 0);
  const sinceOk = tailed.filter((entry) => since === undefined || at(entry) >= since.nanos);
  const after = until === undefined ? -1 : sinceOk.findIndex((entry) => at(entry) > until.nanos);
  return after === -1 ? sinceOk : sinceOk.slice(0, after);
}

/**
 * `docker logs`: what the container's first process wrote, stdout to stdout and
 * stderr to stderr as the CLI demultiplexes them (cli/command/container/logs.go;
 * moby daemon/logs.go for -t and --tail). -f waits for more output until Ctrl-C.
 */
const logs: CommandSpec<DockerContext> = {
  path: 'docker logs',
  usage: '[OPTIONS] CONTAINER',
  args: { kind: 'exactly', count: 1 },
  flags: [
    { name: 'follow', short: 'f', takesValue: false },
    { name: 'since', takesValue: true },
    { name: 'until', takesValue: true },
    { name: 'timestamps', short: 't', takesValue: false },
    { name: 'tail', short: 'n', takesValue: true },
    { name: 'details', takesValue: false },
  ],
  run({ values, positionals: [reference] }, context) {
    const { engine } = context;
    let entries: readonly LogEntry[];
    try {
      entries = engine.containers.find(reference!).logs;
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
    const times = sentTimes(values, engine.clock.now());
    if ('error' in times) return fail(times.error, 1);
    const shown = selectEntries(entries, values.get('tail')?.at(-1) ?? 'all', times);
    const printed = logOutput(shown, values.has('timestamps'), 0);
    // -f waits for more output until Ctrl-C (only while the container runs; a stopped one has no more to give),
    // and not past an --until already gone by.
    const running = engine.containers.find(reference!).status === 'running';
    const untilPassed = times.until !== undefined && times.until.nanos <= eventNanos(engine.clock.now(), 0);
    return values.has('follow') && running && !untilPassed ? followLogs(printed, context) : printed;
  },
};

export const LOGS_COMMANDS = { logs };
