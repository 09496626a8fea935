import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import { containerStatus, formatPsTable } from '../../format/docker-ps';
import { goParseAddr } from '../../wire/go-netip';
import { fail, ok, type CommandResult } from '../command';
import type { CommandSpec } from './cobra';
import type { ParsedFlags } from './flags';
import { daemonErrorText } from './network';

const last = (values: ParsedFlags['values'], name: string) => values.get(name)?.at(-1);

/** docker/cli's withHelp for `docker run`: status 125 for daemon errors. */
function runError(error: unknown): CommandResult {
  if (!(error instanceof EngineError)) throw error;
  return fail(`docker: Error response from daemon: ${error.message}\n\nRun 'docker run --help' for more information\n`, 125);
}

const run: CommandSpec<Engine> = {
  path: 'docker run',
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  args: { kind: 'at-least', count: 1 },
  interspersed: false,
  flags: [
    { name: 'detach', short: 'd', takesValue: false },
    { name: 'interactive', short: 'i', takesValue: false },
    { name: 'tty', short: 't', takesValue: false },
    { name: 'name', takesValue: true },
    { name: 'network', takesValue: true },
    { name: 'net', takesValue: true },
    { name: 'ip', takesValue: true },
    { name: 'hostname', short: 'h', takesValue: true },
    { name: 'rm', takesValue: false },
  ],
  run({ values, positionals }, engine) {
    if (!values.has('detach')) {
      return fail('This simulator runs containers detached only for now: add -d.\n', 125);
    }
    const ipText = last(values, 'ip');
    const ip = ipText === undefined ? undefined : goParseAddr(ipText);
    if (ip && !ip.ok) return fail(`invalid argument "${ipText}" for "--ip" flag: ${ip.error}\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n`, 125);
    try {
      const container = engine.createContainer({
        name: last(values, 'name'),
        image: positionals[0]!,
        command: positionals.slice(1),
        networkMode: last(values, 'network') ?? last(values, 'net') ?? 'bridge',
        ip: ip?.value,
        hostname: last(values, 'hostname'),
        autoRemove: values.has('rm'),
        interactive: values.has('interactive') || values.has('tty'),
      });
      engine.startContainer(container.id);
      return ok(`${container.id}\n`);
    } catch (error) {
      return runError(error);
    }
  },
};

const ps: CommandSpec<Engine> = {
  path: 'docker ps',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'all', short: 'a', takesValue: false },
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'no-trunc', takesValue: false },
  ],
  run({ values }, engine) {
    const now = engine.now();
    // The API lists the newest container first.
    const listed = [...engine.containers()].filter((c) => values.has('all') || c.status === 'running').reverse();
    if (values.has('quiet')) return ok(listed.map((c) => `${values.has('no-trunc') ? c.id : c.id.slice(0, 12)}\n`).join(''));
    const summaries = listed.map((c) => ({
      id: c.id,
      image: c.image,
      command: c.command,
      createdMs: c.createdMs,
      status: containerStatus(c.status, c.exitCode, c.startedMs, c.finishedMs, now),
      ports: '',
      name: c.name,
    }));
    return ok(formatPsTable(summaries, now, values.has('no-trunc')));
  },
};

/** Commands that act on each named container and print each name, reporting every failure. */
function eachContainer(path: string, usage: string, flags: CommandSpec<Engine>['flags'], act: (engine: Engine, reference: string, parsed: ParsedFlags) => void): CommandSpec<Engine> {
  return {
    path,
    usage,
    args: { kind: 'at-least', count: 1 },
    flags,
    run(parsed, engine) {
      let stdout = '';
      let stderr = '';
      for (const reference of parsed.positionals) {
        try {
          act(engine, reference, parsed);
          stdout += `${reference}\n`;
        } catch (error) {
          stderr += daemonErrorText(error);
        }
      }
      return { stdout, stderr, exitCode: stderr ? 1 : 0 };
    },
  };
}

const rm = eachContainer('docker rm', '[OPTIONS] CONTAINER [CONTAINER...]', [{ name: 'force', short: 'f', takesValue: false }], (engine, reference, { values }) => {
  engine.removeContainer(reference, values.has('force'));
});
const stop = eachContainer('docker stop', '[OPTIONS] CONTAINER [CONTAINER...]', [], (engine, reference) => {
  engine.stopContainer(reference);
});
const start = eachContainer('docker start', '[OPTIONS] CONTAINER [CONTAINER...]', [], (engine, reference) => {
  engine.startContainer(reference);
});

export const CONTAINER_COMMANDS: Record<string, CommandSpec<Engine>> = { run, ps, rm, stop, start };
