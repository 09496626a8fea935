import type { Container, LogEntry } from '../container';
import * as containers from '../containers';
import { createWarnings } from '../create-warnings';
import type { Daemon } from '../daemon';
import { interruptedBy } from '../signals';
import { derivedHex } from '../derived';
import { logContainerEvent } from '../events';
import { containerPause } from '../pause-loader';
import { engineExtras } from '../extras-loader';
import type { StopOptions } from '../container-signals';
import type { FilesystemChange } from '../container-changes';
import type { CommitRequest } from '../image-commit';

/** The containers' lifecycle: /containers of the Engine API, and how their first process ends. */
export interface ContainerApi {
  list(): readonly Container[];
  find(reference: string): Container;
  /** POST /containers/create: the new container and the warnings the daemon answers with. */
  create(request: containers.ContainerCreateRequest): { container: Container; warnings: string[] };
  start(reference: string): Container;
  stop(reference: string): Container;
  kill(reference: string): Container;
  /** POST /containers/{name}/stop with a signal or a timeout (engine/container-signals.ts, a chunk of its own); `stopped` false while a negative timeout waits. */
  stopWith(reference: string, options: StopOptions): { container: Container; stopped: boolean };
  /** GET /containers/{name}/changes (engine/container-changes.ts). */
  changes(reference: string): FilesystemChange[];
  /** POST /commit (engine/image-commit.ts): the new image's ID. */
  commit(request: CommitRequest): string;
  /**
   * POST /containers/{name}/restart (daemon/restart.go): the stop, with -s/-t when given, the start, and
   * `restart`; its errors as `Cannot restart container NAME: ...`. `stopped` false while a negative timeout waits.
   */
  restart(reference: string, options?: StopOptions): { container: Container; stopped: boolean };
  /** POST /containers/{name}/kill?signal=. */
  signal(reference: string, signal: string): Container;
  /** POST /containers/{name}/rename. */
  rename(oldName: string, newName: string): Container;
  /** `removeVolumes`: `docker rm -v`. */
  remove(reference: string, force: boolean, removeVolumes?: boolean): Container;
  /** POST /containers/prune: every container that is not running goes; their IDs newest first, as daemon.List() sorts them (moby daemon/prune.go). */
  prune(): string[];
  /** The container's first process ended by itself with `exitCode` (an interactive shell's `exit`), having written `output`. */
  firstProcessExited(reference: string, exitCode: number, output?: readonly Omit<LogEntry, 'timeMs'>[]): Container;
  /** Ctrl-C reaches the first process (SIGINT): it logs what it logs on the way out and the container stops. */
  interrupt(reference: string): Container;
  /**
   * An exec's events (daemon/exec.go, monitor.go): `exec_create: PROGRAM ARGS` and `exec_start: ...`
   * with its execID, which the create returns, then `exec_die` with its exit code.
   */
  execEvent(reference: string, step: 'create' | 'start' | number, argv: readonly string[], execId?: string): string;
  /** POST /containers/{name}/pause: the container's cgroup is frozen (engine/pause.ts, a chunk of its own). */
  pause(reference: string): Container;
  /** POST /containers/{name}/unpause. */
  unpause(reference: string): Container;
}

export function containerApi(daemon: Daemon): ContainerApi {
  return {
    list: () => daemon.state.containers,
    find: (reference) => containers.findContainer(daemon, reference),
    create(request) {
      const container = containers.createContainer(daemon, request);
      return {
        container,
        warnings: createWarnings({
          networkMode: request.networkMode,
          publish: request.publish,
          links: request.links ?? [],
        }),
      };
    },
    start: (reference) => containers.startContainer(daemon, reference),
    stop: (reference) => containers.stopContainer(daemon, reference),
    kill: (reference) => containers.killContainer(daemon, reference),
    stopWith: (reference, options) => engineExtras().stopContainerWith(daemon, reference, options),
    restart(reference, options) {
      if (options !== undefined) return engineExtras().restartContainerWith(daemon, reference, options);
      containers.stopContainer(daemon, reference);
      return { container: containers.restartedContainer(daemon, reference), stopped: true };
    },
    changes: (reference) => engineExtras().containerChanges(daemon, reference),
    commit: (request) => engineExtras().commitContainer(daemon, request),
    signal: (reference, signal) => engineExtras().killContainerWith(daemon, reference, signal),
    rename: (oldName, newName) => containers.renameContainer(daemon, oldName, newName),
    remove: (reference, force, removeVolumes = false) =>
      containers.removeContainer(daemon, reference, force, removeVolumes),
    prune() {
      const stopped = daemon.state.containers
        .filter((container) => container.status !== 'running')
        .sort((a, b) => b.createdMs - a.createdMs);
      for (const container of stopped) containers.removeContainer(daemon, container.id, false);
      return stopped.map((container) => container.id);
    },
    firstProcessExited: (reference, exitCode, output = []) => firstProcessExited(daemon, reference, exitCode, output),
    interrupt(reference) {
      const container = containers.findContainer(daemon, reference);
      const { logs, exitCode } = interruptedBy(container, daemon.clock.now());
      return firstProcessExited(daemon, container.id, exitCode, logs);
    },
    execEvent(reference, step, argv, execId) {
      const container = containers.findContainer(daemon, reference);
      // The execID is stringid.GenerateRandomID; here drawn from the container and the moment, so the seed's stream stays as it was.
      const id = execId ?? derivedHex(container.id, `exec:${daemon.clock.now()}:${argv.join(' ')}`, 64);
      // execConfig.Entrypoint + " " + strings.Join(execConfig.Args, " "): a program alone keeps its space.
      if (typeof step === 'number')
        logContainerEvent(daemon, container, 'exec_die', { execID: id, exitCode: String(step) });
      else logContainerEvent(daemon, container, `exec_${step}: ${argv[0]} ${argv.slice(1).join(' ')}`, { execID: id });
      return id;
    },
    pause: (reference) => containerPause().pauseContainer(daemon, reference),
    unpause: (reference) => containerPause().unpauseContainer(daemon, reference),
  };
}

/** The first process's last words go to the container's log, then the container exits with its status. */
export function firstProcessExited(
  daemon: Daemon,
  reference: string,
  exitCode: number,
  output: readonly Omit<LogEntry, 'timeMs'>[],
): Container {
  const container = containers.findContainer(daemon, reference);
  for (const entry of output) container.logs.push({ ...entry, timeMs: daemon.clock.now() });
  return containers.exitContainer(daemon, container, exitCode);
}
