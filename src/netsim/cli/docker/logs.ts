import type { LogEntry } from '../../engine/container';
import { fail, type OutputChunk } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';
import { followLogs } from './interactive';
import { rfc3339NanoFixed } from '../../wire/go-time';

/**
 * `docker logs`: what the container's first process wrote, stdout to stdout and
 * stderr to stderr as the CLI demultiplexes them (cli/command/container/logs.go;
 * moby daemon/logs.go for -t and --tail). -f would wait for more output; here
 * the output so far is all there is.
 */
const logs: CommandSpec<DockerContext> = {
  path: 'docker logs',
  usage: '[OPTIONS] CONTAINER',
  args: { kind: 'exactly', count: 1 },
  flags: [
    { name: 'follow', short: 'f', takesValue: false },
    { name: 'timestamps', short: 't', takesValue: false },
    { name: 'tail', short: 'n', takesValue: true },
    { name: 'details', takesValue: false },
  ],
  run({ values, positionals: [reference] }, context) {
    const { engine } = context;
    let entries: readonly LogEntry[];
    try {
      entries = engine.findContainer(reference!).logs;
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
    const tail = values.get('tail')?.at(-1) ?? 'all';
    // The daemon reads an unparsable --tail as "all".
    const count = /^\d+$/.test(tail) ? Number(tail) : entries.length;
    const shown = count === 0 ? [] : entries.slice(-count);
    const printed = { ...logStreams(shown, values.has('timestamps')), output: logChunks(shown, values.has('timestamps')), exitCode: 0 };
    // -f waits for more output until Ctrl-C (only while the container runs; a stopped one has no more to give).
    const running = engine.findContainer(reference!).status === 'running';
    return values.has('follow') && running ? followLogs(printed, context) : printed;
  },
};

/** Log lines split back into the two streams they were written to, as the CLI demultiplexes them. */
export function logStreams(entries: readonly LogEntry[], timestamps: boolean): { stdout: string; stderr: string } {
  const line = (entry: LogEntry) => `${timestamps ? `${rfc3339NanoFixed(entry.timeMs)} ` : ''}${entry.text}\n`;
  return {
    stdout: entries.filter((e) => e.stream === 'stdout').map(line).join(''),
    stderr: entries.filter((e) => e.stream === 'stderr').map(line).join(''),
  };
}

/** The same lines in the order the daemon stored them: a terminal shows the two streams interleaved so. */
export function logChunks(entries: readonly LogEntry[], timestamps: boolean): OutputChunk[] {
  return entries.map((entry) => ({ stream: entry.stream, text: `${timestamps ? `${rfc3339NanoFixed(entry.timeMs)} ` : ''}${entry.text}\n` }));
}

export const LOGS_COMMANDS = { logs };
