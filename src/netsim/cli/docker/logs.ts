import type { LogEntry } from '../../engine/container';
import { fail } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';
import { followLogs, logOutput } from './log-output';
import { toolModule } from '../tool-loader';

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
    const tail = values.get('tail')?.at(-1) ?? 'all';
    // The daemon reads an unparsable --tail as "all".
    const count = /^\d+$/.test(tail) ? Number(tail) : entries.length;
    const tailed = count === 0 ? [] : entries.slice(-count);
    // --since and --until, with the client's timestamps, come with docker's seldom-used commands (log-window.ts).
    const windowed =
      values.has('since') || values.has('until')
        ? toolModule('dockerExtras').logWindow(tailed, values, engine.clock.now())
        : { entries: tailed, untilPassed: false };
    if ('error' in windowed) return fail(windowed.error, 1);
    const printed = logOutput(windowed.entries, values.has('timestamps'), 0);
    // -f waits for more output until Ctrl-C (only while the container runs; a stopped one has no more to give),
    // and not past an --until already gone by.
    const running = engine.containers.find(reference!).status === 'running';
    return values.has('follow') && running && !windowed.untilPassed ? followLogs(printed, context) : printed;
  },
};

export const LOGS_COMMANDS = { logs };
