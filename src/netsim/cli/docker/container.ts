import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import type { PublishedPort } from '../../engine/container';
import { joinHostPort } from '../../format/docker-ports';
import { collect, fail, ok, type CommandResult } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';
import { CREATE_FLAGS, createRequest } from './create-options';
import type { ParsedFlags } from './flags';
import { ps } from './ps';
import { foregroundRun } from './interactive';
import { toolModule } from '../tool-loader';
import { createPullingIfMissing, PullFailure } from './pull-missing';

/**
 * docker/cli's toStatusError for `docker run` (v29.7.2 cli/command/container/run.go):
 * withHelp's text after any pull progress, status 127 when the program was not
 * found, 126 when it could not be run, 125 for any other daemon error.
 */
function runError(error: unknown): CommandResult {
  const progress = error instanceof PullFailure ? error.stderr : '';
  const cause = error instanceof PullFailure ? error.pullError : error;
  if (!(cause instanceof EngineError)) throw error;
  const { message } = cause;
  const status = /executable file not found|no such file or directory/.test(message)
    ? 127
    : /permission denied|is a directory/.test(message)
      ? 126
      : 125;
  return fail(
    `${progress}docker: Error response from daemon: ${message}\n\nRun 'docker run --help' for more information\n`,
    status,
  );
}

/** The CLI pulls before it creates: the pull's progress (stderr) is on the terminal before the new ID (stdout). */
function pulledThenId(pulled: string, id: string): CommandResult {
  return collect(
    [
      { stream: 'stderr', text: pulled },
      { stream: 'stdout', text: `${id}\n` },
    ],
    0,
  );
}

const run: CommandSpec<DockerContext> = {
  path: 'docker run',
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  args: { kind: 'at-least', count: 1 },
  interspersed: false,
  flags: CREATE_FLAGS,
  run(parsed, context) {
    const { engine } = context;
    const request = createRequest('run', this.path, parsed);
    if ('exitCode' in request) return request;
    const detached = parsed.values.has('detach');
    let pulled = '';
    try {
      const { container, stderr } = createPullingIfMissing(engine, request, context.stderrIsTerminal);
      pulled = stderr;
      // Detached, the client prints the ID while it asks the daemon to start (run.go waitDisplayID):
      // a start that fails comes after it.
      if (detached) {
        try {
          engine.containers.start(container.id);
        } catch (error) {
          const failed = runError(error);
          return collect(
            [
              { stream: 'stderr', text: pulled },
              { stream: 'stdout', text: `${container.id}\n` },
              { stream: 'stderr', text: failed.stderr },
            ],
            failed.exitCode,
          );
        }
        return pulledThenId(pulled, container.id);
      }
      engine.containers.start(container.id);
      const attached = foregroundRun(engine, container, context);
      // runContainer prints the create response's warnings before it starts and attaches
      // (docker/cli cli/command/container/run.go, create.go createContainer): they come
      // before anything the container writes.
      const output = attached.output ?? [
        { stream: 'stdout' as const, text: attached.stdout },
        { stream: 'stderr' as const, text: attached.stderr },
      ];
      return {
        ...attached,
        stderr: pulled + attached.stderr,
        output: [{ stream: 'stderr' as const, text: pulled }, ...output],
      };
    } catch (error) {
      const result = runError(error);
      return { ...result, stderr: (error instanceof PullFailure ? '' : pulled) + result.stderr };
    }
  },
};

const create: CommandSpec<DockerContext> = {
  path: 'docker create',
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  args: { kind: 'at-least', count: 1 },
  interspersed: false,
  flags: CREATE_FLAGS.filter((flag) => flag.name !== 'detach'),
  run(parsed, { engine, stderrIsTerminal }) {
    const request = createRequest('create', this.path, parsed);
    if ('exitCode' in request) return request;
    try {
      const { container, stderr } = createPullingIfMissing(engine, request, stderrIsTerminal);
      return pulledThenId(stderr, container.id);
    } catch (error) {
      const cause = error instanceof PullFailure ? error.pullError : error;
      if (!(cause instanceof EngineError)) throw error;
      return fail(
        `${error instanceof PullFailure ? error.stderr : ''}Error response from daemon: ${cause.message}\n`,
        1,
      );
    }
  },
};

/** Commands that act on each named container and print each name, reporting every failure. */
function eachContainer(
  path: string,
  usage: string,
  flags: CommandSpec<DockerContext>['flags'],
  act: (engine: Engine, reference: string, parsed: ParsedFlags) => void,
): CommandSpec<DockerContext> {
  return {
    path,
    usage,
    args: { kind: 'at-least', count: 1 },
    flags,
    run(parsed, { engine }) {
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

// -v, --volumes: the container's anonymous volumes go with it (cli/command/container/rm.go RemoveVolumes).
const rm = eachContainer(
  'docker rm',
  '[OPTIONS] CONTAINER [CONTAINER...]',
  [
    { name: 'force', short: 'f', takesValue: false },
    { name: 'volumes', short: 'v', takesValue: false },
  ],
  (engine, reference, { values }) => {
    engine.containers.remove(reference, values.has('force'), values.has('volumes'));
  },
);
/** pflag's int flags (strconv.ParseInt, base 0): what is wrong with the value, if anything. */
const intCheck = (value: string) =>
  /^[+-]?(\d+|0x[0-9a-f]+)$/i.test(value)
    ? undefined
    : `strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`;

/** stop.go's and restart.go's flags: -s, -t and the deprecated --time. */
const STOP_FLAGS: CommandSpec<DockerContext>['flags'] = [
  { name: 'signal', short: 's', takesValue: true },
  { name: 'timeout', short: 't', takesValue: true, check: intCheck },
  { name: 'time', takesValue: true, check: intCheck },
];

/**
 * A stop or restart run with -s, -t or --time comes with docker's seldom-used
 * commands (stop-flags.ts); without them, the container's StopSignal and the 10-second wait.
 */
function withStopFlags(plain: CommandSpec<DockerContext>, kind: 'stop' | 'restart'): CommandSpec<DockerContext> {
  return {
    ...plain,
    run: (parsed, context) =>
      ['signal', 'timeout', 'time'].some((name) => parsed.values.has(name))
        ? toolModule('dockerExtras').runWithStopFlags(kind, parsed, context)
        : plain.run(parsed, context),
  };
}

/** `docker stop` (cli/command/container/stop.go). */
const stop = withStopFlags(
  eachContainer('docker stop', '[OPTIONS] CONTAINER [CONTAINER...]', STOP_FLAGS, (engine, reference) => {
    engine.containers.stop(reference);
  }),
  'stop',
);
const startEach = eachContainer('docker start', '[OPTIONS] CONTAINER [CONTAINER...]', [], (engine, reference) => {
  engine.containers.start(reference);
});
/** start.go names the containers that failed after their errors. */
const start: CommandSpec<DockerContext> = {
  ...startEach,
  run(parsed, context) {
    const result = startEach.run(parsed, context);
    const failed = parsed.positionals.filter((reference) => !result.stdout.split('\n').includes(reference));
    return failed.length === 0
      ? result
      : { ...result, stderr: `${result.stderr}failed to start containers: ${failed.join(', ')}\n` };
  },
};
/** `docker restart` (restart.go): the stop, then the start (engine API restart). */
const restart = withStopFlags(
  eachContainer('docker restart', '[OPTIONS] CONTAINER [CONTAINER...]', STOP_FLAGS, (engine, reference) => {
    engine.containers.restart(reference);
  }),
  'restart',
);
/** `docker kill` (kill.go): SIGKILL, or the -s signal by name or number, which the daemon checks. */
const kill = eachContainer(
  'docker kill',
  '[OPTIONS] CONTAINER [CONTAINER...]',
  [{ name: 'signal', short: 's', takesValue: true }],
  (engine, reference, { values }) => {
    const signal = values.get('signal')?.at(-1);
    if (signal) engine.containers.signal(reference, signal);
    else engine.containers.kill(reference);
  },
);

const port: CommandSpec<DockerContext> = {
  path: 'docker port',
  usage: 'CONTAINER [PRIVATE_PORT[/PROTO]]',
  args: { kind: 'at-least', count: 1 },
  flags: [],
  run({ positionals: [reference, filter] }, { engine }) {
    try {
      const container = engine.containers.find(reference!);
      const published = container.endpoints
        .flatMap((e) => e.published)
        .sort((a, b) => a.containerPort - b.containerPort || (a.hostIp < b.hostIp ? -1 : 1));
      const wanted =
        filter === undefined
          ? published
          : published.filter(
              (p) => `${p.containerPort}/${p.protocol}` === (filter.includes('/') ? filter : `${filter}/tcp`),
            );
      if (filter !== undefined && wanted.length === 0)
        return fail(
          `Error: No public port '${filter.includes('/') ? filter : `${filter}/tcp`}' published for ${reference}\n`,
          1,
        );
      // A routed network's binding has an empty HostPort, which net.JoinHostPort leaves empty.
      const line = (p: PublishedPort) =>
        (filter === undefined ? `${p.containerPort}/${p.protocol} -> ` : '') +
        joinHostPort(p.hostIp, p.hostPort === 0 ? '' : p.hostPort);
      return ok(wanted.map((p) => `${line(p)}\n`).join(''));
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
  },
};

export const CONTAINER_COMMANDS: Record<string, CommandSpec<DockerContext>> = {
  run,
  create,
  ps,
  rm,
  stop,
  start,
  restart,
  kill,
  port,
};
