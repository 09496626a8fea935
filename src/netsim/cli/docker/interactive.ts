import type { Container, LogEntry } from '../../engine/container';
import { throughEntrypointScript } from '../../engine/entrypoint-scripts';
import type { Engine } from '../../engine/engine';
import { imageInfo, runsImageDefault } from '../../engine/images';
import { shellInvocation } from '../../shell/session';
import { collect, fail, ok, type CommandResult, type ExecOptions, type OutputChunk } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';
import { CTRL_C, logOutput } from './log-output';

/** The first process as the container runs it: entrypoint then command. */
export function firstProcess(container: Container): string[] {
  return [...(container.config.entrypoint ?? []), ...(container.config.cmd ?? [])];
}

/** A server the image runs by default (nginx, httpd, mariadb): it runs until stopped. */
function runsImageServer(container: Container): boolean {
  return runsImageDefault(container) && !imageInfo(container.image)!.shell;
}

/** Log lines as they reach the terminal, in order. */
function chunksOf(container: Container, from: number): OutputChunk[] {
  return container.logs.slice(from).map((entry) => ({ stream: entry.stream, text: `${entry.text}\n` }));
}

/**
 * A server's output until the user presses Ctrl-C, which reaches it as SIGINT
 * (forwarded by the client's sig-proxy, or by the container's terminal with -t):
 * what it logs on the way out, and its status, which `docker run` and
 * `docker attach` return (cli/command/container/run.go, attach.go getExitStatus).
 */
function untilInterrupted(
  engine: Engine,
  container: Container,
  context: DockerContext,
  shownFrom: number,
): CommandResult {
  if (context.interruptAfterMs === undefined)
    return fail('docker: a command that runs until interrupted needs a terminal\n', 125);
  const before = chunksOf(container, shownFrom);
  engine.clock.advance(context.interruptAfterMs);
  const logged = container.logs.length;
  const stopped = engine.containers.interrupt(container.id);
  return collect([...before, CTRL_C, ...chunksOf(stopped, logged)], stopped.exitCode);
}

/**
 * `docker run` without -d, once the container has started: a shell with a
 * terminal takes over the next lines; a server runs until Ctrl-C; anything else
 * runs in the container to its end and its status is the client's.
 */
export function foregroundRun(engine: Engine, container: Container, context: DockerContext): CommandResult {
  if (container.status !== 'running') return logOutput(container.logs, false, container.exitCode);
  const { argv, prelude, notFound } = launched(container);
  const options: ExecOptions = {
    tty: container.config.tty,
    interactive: container.config.openStdin,
    env: container.config.env,
    workdir: container.config.workingDir,
  };
  const shell = shellInvocation(argv);
  if (runsImageServer(container) || !context.terminal) return untilInterrupted(engine, container, context, 0);
  if (shell?.interactive && options.tty && options.interactive) {
    context.terminal.enterShell(container.id, argv, { ...options, firstProcess: true });
    return ok();
  }
  const ran = context.terminal.exec(container.id, argv, options);
  if (ran === 'shell') return untilInterrupted(engine, container, context, 0);
  if (ran === 'not-found' && notFound !== undefined) {
    engine.containers.firstProcessExited(container.id, 127, [
      ...prelude,
      { stream: 'stderr', text: notFound.replace(/\n$/, '') },
    ]);
    return collect(
      [
        ...prelude.map((line) => ({ stream: line.stream, text: `${line.text}\n` })),
        { stream: 'stderr', text: notFound },
      ],
      127,
    );
  }
  if (ran === 'not-found') {
    engine.containers.firstProcessExited(container.id, 127);
    return fail(
      `docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv[0]}": executable file not found in $PATH: unknown\n\nRun 'docker run --help' for more information\n`,
      127,
    );
  }
  const logs = (
    ran.output ?? [
      { stream: 'stdout' as const, text: ran.stdout },
      { stream: 'stderr' as const, text: ran.stderr },
    ]
  ).flatMap((chunk) =>
    chunk.stream === 'tty'
      ? []
      : chunk.text
          .split(/(?<=\n)/)
          .filter((text) => text !== '')
          .map((text) => ({ stream: chunk.stream as 'stdout' | 'stderr', text: text.replace(/\n$/, '') })),
  );
  engine.containers.firstProcessExited(container.id, ran.exitCode, [...prelude, ...logs]);
  if (prelude.length === 0) return ran;
  const ranOutput = ran.output ?? [
    { stream: 'stdout' as const, text: ran.stdout },
    { stream: 'stderr' as const, text: ran.stderr },
  ];
  return {
    ...collect(
      [...prelude.map((line) => ({ stream: line.stream, text: `${line.text}\n` })), ...ranOutput],
      ran.exitCode,
    ),
    ...(ran.files && { files: ran.files }),
  };
}

/**
 * What the container's first process runs: its entrypoint script, when the
 * image has one, execs the command in its own place after what it prints
 * first (entrypoint-scripts.ts).
 */
function launched(container: Container): {
  argv: readonly string[];
  prelude: readonly Omit<LogEntry, 'timeMs'>[];
  notFound?: string;
} {
  const argv = firstProcess(container);
  const image = imageInfo(container.image);
  const script = image && throughEntrypointScript(image, argv);
  return script?.kind === 'exec'
    ? { argv: script.argv, prelude: script.logs, notFound: script.notFound }
    : { argv, prelude: [] };
}

const exec: CommandSpec<DockerContext> = {
  path: 'docker exec',
  usage: '[OPTIONS] CONTAINER COMMAND [ARG...]',
  args: { kind: 'at-least', count: 2 },
  interspersed: false,
  flags: [
    { name: 'detach', short: 'd', takesValue: false },
    { name: 'interactive', short: 'i', takesValue: false },
    { name: 'tty', short: 't', takesValue: false },
    { name: 'user', short: 'u', takesValue: true },
    { name: 'workdir', short: 'w', takesValue: true },
    { name: 'env', short: 'e', takesValue: true },
    { name: 'privileged', takesValue: false },
    { name: 'detach-keys', takesValue: true },
  ],
  run({ values, positionals: [reference, ...argv] }, context) {
    let container: Container;
    try {
      container = context.engine.containers.find(reference!);
      if (container.status !== 'running')
        return fail(`Error response from daemon: container ${container.id} is not running\n`, 1);
      // getActiveContainer names the container as the request did (daemon/exec.go errExecPaused).
      if (container.paused)
        return fail(
          `Error response from daemon: Container ${reference} is paused, unpause the container before exec\n`,
          1,
        );
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
    const options: ExecOptions = {
      tty: values.has('tty'),
      interactive: values.has('interactive'),
      ...(values.has('user') && { user: values.get('user')!.at(-1)! }),
      workdir: values.get('workdir')?.at(-1) ?? container.config.workingDir,
      env: [...container.config.env, ...(values.get('env') ?? [])],
    };
    if (!context.terminal) return fail('docker exec needs a terminal session\n', 1);
    // POST /containers/{id}/exec, then /exec/{id}/start: each logs its event before runc looks for the program.
    const execId = context.engine.containers.execEvent(container.id, 'create', argv);
    context.engine.containers.execEvent(container.id, 'start', argv, execId);
    // runc's lookup of the program, before any shell or program runs (setns_init_linux.go); the daemon reports 127 (daemon/exec.go).
    const missing = argv[0] === undefined ? undefined : context.engine.processes.execLookupError(container.id, argv[0]);
    if (missing)
      return fail(
        `OCI runtime exec failed: exec failed: unable to start container process: ${missing}: unknown\n`,
        127,
      );
    if (values.has('detach')) return ok();
    const ran = context.terminal.exec(container.id, argv, options);
    if (ran === 'shell') {
      context.terminal.enterShell(container.id, argv, { ...options, firstProcess: false });
      return ok();
    }
    // runc's error for a program not on PATH; the daemon reports 127 (daemon/exec.go).
    if (ran === 'not-found')
      return fail(
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`,
        127,
      );
    context.engine.containers.execEvent(container.id, ran.exitCode, argv, execId);
    return ran;
  },
};

/**
 * `docker attach`: the client joins the first process's streams from now on
 * (no past output). A shell with a terminal takes over the next lines; anything
 * else runs until Ctrl-C, which sig-proxy forwards (cli/command/container/attach.go).
 */
const attach: CommandSpec<DockerContext> = {
  path: 'docker attach',
  usage: '[OPTIONS] CONTAINER',
  args: { kind: 'exactly', count: 1 },
  flags: [
    { name: 'no-stdin', takesValue: false },
    { name: 'sig-proxy', takesValue: false },
    { name: 'detach-keys', takesValue: true },
  ],
  run({ values, positionals: [reference] }, context) {
    let container: Container;
    try {
      container = context.engine.containers.find(reference!);
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
    if (container.status !== 'running') return fail('cannot attach to a stopped container, start it first\n', 1);
    if (container.paused) return fail('cannot attach to a paused container, unpause it first\n', 1);
    const argv = firstProcess(container);
    const { tty, openStdin } = container.config;
    if (context.terminal && shellInvocation(argv)?.interactive && tty && openStdin && !values.has('no-stdin')) {
      context.terminal.enterShell(container.id, argv, {
        tty,
        interactive: true,
        env: container.config.env,
        workdir: container.config.workingDir,
        firstProcess: true,
        viaAttach: true,
      });
      return ok();
    }
    return untilInterrupted(context.engine, container, context, container.logs.length);
  },
};

export const INTERACTIVE_COMMANDS = { exec, attach };
