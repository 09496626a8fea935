import type { LogEntry } from '../../engine/container';
import { fail } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';
import { followLogs, logOutput } from './log-output';

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
      entries = engine.containers.find(reference!).logs;
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
    const tail = values.get('tail')?.at(-1) ?? 'all';
    // The daemon reads an unparsable --tail as "all".
    const count = /^\d+$/.test(tail) ? Number(tail) : entries.length;
    const shown = count === 0 ? [] : entries.slice(-count);
    const printed = logOutput(shown, values.has('timestamps'), 0);
    // -f waits for more output until Ctrl-C (only while the container runs; a stopped one has no more to give).
    const running = engine.containers.find(reference!).status === 'running';
    return values.has('follow') && running ? followLogs(printed, context) : printed;
  },
};

export const LOGS_COMMANDS = { logs };
