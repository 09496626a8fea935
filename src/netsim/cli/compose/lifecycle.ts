import type { Container } from '../../engine/container';
import { EngineError } from '../../engine/errors';
import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
// Kill and rm go through ContainerList's answer as it comes, newest first.
import { newestFirst } from '../docker/ps';
import { servicesWithDependencies } from './down';
import { servicesOf } from './load';
import { dependencyOrder } from './order';
import { projectOrName } from './project-name';
import { projectContainers, serviceOf } from './resources';
import type { Progress, Session } from './session';
import { daemonError, TAKES_MS } from './up';
import { isRawMap, type RawMap } from './yaml-read';

/**
 * `docker compose stop`, `start`, `restart`, `kill` and `rm` (v2.40.3
 * cmd/compose/{stop,start,restart,kill,remove}.go and pkg/compose/ of the same
 * names; stopContainer is in pkg/compose/down.go): each works on the project's
 * containers, one-off ones aside, service by service in dependency order
 * (reversed to stop), with the progress events Compose shows.
 */

interface Target {
  readonly name: string;
  /** The services and what they depend on: the compose file's, or without one the containers' labels (getProjectWithResources). */
  readonly services: RawMap;
  readonly containers: Container[];
}

function targetOf(session: Session, services: readonly string[]): Target | CommandResult {
  const target = projectOrName(session, services);
  if ('exitCode' in target) return target;
  const name = target.name.toLowerCase();
  return {
    name,
    services: servicesWithDependencies(session, name, target.project ? servicesOf(target.project.model) : undefined),
    containers: projectContainers(session.engine, name),
  };
}

const eventName = (container: Container) => `Container ${container.name}`;

/** A daemon error ends the command as Compose's errgroup does: the first error is the one printed. */
function failed(session: Session, progress: Progress, error: unknown): CommandResult {
  progress.end();
  return session.fail(daemonError(error));
}

/** Stop: InReverseDependencyOrder over the project, the selected services' containers, running or not (ContainerStop on a stopped one does nothing). */
export function stopCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const target = targetOf(session, parsed.positionals);
  if ('exitCode' in target) return target;
  const selected = parsed.positionals.length > 0 ? parsed.positionals : [...target.services.keys()];
  const progress = session.progress('Stopping');
  for (const service of dependencyOrder(target.services).reverse()) {
    if (!selected.includes(service)) continue;
    for (const container of target.containers.filter((c) => serviceOf(c) === service)) {
      progress.event(eventName(container), 'working', 'Stopping');
      session.engine.containers.stop(container.id);
      progress.event(eventName(container), 'done', 'Stopped');
    }
  }
  progress.end();
  return session.result(0);
}

/**
 * Start: startService for each service in dependency order; a container
 * already running is left as it is. A project with no container at all
 * cannot be started (`service "web" has no container to start`).
 */
export function startCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const target = targetOf(session, parsed.positionals);
  if ('exitCode' in target) return target;
  const progress = session.progress('Running');
  const selected = parsed.positionals;
  for (const service of dependencyOrder(target.services, selected)) {
    if (target.containers.length === 0) {
      progress.end();
      return session.fail(`service ${JSON.stringify(service)} has no container to start`);
    }
    for (const container of target.containers.filter((c) => serviceOf(c) === service && c.status !== 'running')) {
      progress.event(eventName(container), 'working', 'Starting');
      try {
        session.engine.containers.start(container.id);
      } catch (error) {
        return failed(session, progress, error);
      }
      session.engine.clock.advance(TAKES_MS.containerStart);
      progress.event(eventName(container), 'done', 'Started');
    }
  }
  progress.end();
  return session.result(0);
}

/** The services that depend on `selected` (WithSelectedServices with IncludeDependents), with `selected` themselves. */
function withDependents(services: RawMap, selected: readonly string[]): Set<string> {
  const chosen = new Set(selected);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [name, service] of services) {
      const dependsOn = isRawMap(service) ? service.get('depends_on') : undefined;
      if (chosen.has(name) || !isRawMap(dependsOn)) continue;
      if ([...dependsOn.keys()].some((dependency) => chosen.has(dependency))) {
        chosen.add(name);
        grew = true;
      }
    }
  }
  return chosen;
}

/**
 * Restart: ContainerRestart for every container of the selected services and
 * of the services that depend on them, in dependency order; a stopped
 * container is started too, as the API's restart does.
 */
export function restartCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const target = targetOf(session, []);
  if ('exitCode' in target) return target;
  const selected =
    parsed.positionals.length > 0
      ? withDependents(target.services, parsed.positionals)
      : new Set(target.services.keys());
  const progress = session.progress('Restarting');
  for (const service of dependencyOrder(target.services)) {
    if (!selected.has(service)) continue;
    for (const container of target.containers.filter((c) => serviceOf(c) === service)) {
      progress.event(eventName(container), 'working', 'Restarting');
      try {
        session.engine.containers.stop(container.id);
        session.engine.containers.start(container.id);
        session.engine.clock.advance(TAKES_MS.containerStart);
      } catch (error) {
        if (error instanceof EngineError)
          return failed(
            session,
            progress,
            new EngineError(error.kind, `Cannot restart container ${container.id}: ${error.message}`),
          );
        throw error;
      }
      progress.event(eventName(container), 'done', 'Started');
    }
  }
  progress.end();
  return session.result(0);
}

/** SIGKILL under the names `kill -s` takes: the one signal this simulator's containers answer to. */
const KILL_SIGNALS = ['SIGKILL', 'KILL', '9'];

/**
 * Kill: the running containers of the project's services (of the selected
 * ones), each sent the signal; with none, Compose says so without a newline.
 */
export function killCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const signal = parsed.values.get('signal')?.at(-1) ?? 'SIGKILL';
  if (!KILL_SIGNALS.includes(signal.toUpperCase()))
    return session.fail(`netsim: docker compose kill --signal ${signal} is not simulated yet; only SIGKILL is`);
  const target = targetOf(session, parsed.positionals);
  if ('exitCode' in target) return target;
  const selected = parsed.positionals;
  const orphansToo = parsed.values.get('remove-orphans')?.at(-1) === 'true';
  const containers = newestFirst(target.containers).filter(
    (container) =>
      container.status === 'running' &&
      (selected.length === 0 || selected.includes(serviceOf(container))) &&
      (orphansToo || target.services.has(serviceOf(container))),
  );
  if (containers.length === 0) {
    session.err('no container to kill');
    return session.result(0);
  }
  const progress = session.progress('Killing');
  for (const container of containers) {
    progress.event(eventName(container), 'working', 'Killing');
    try {
      session.engine.containers.kill(container.id);
    } catch (error) {
      progress.event(eventName(container), 'error', 'Error while Killing');
      return failed(session, progress, error);
    }
    progress.event(eventName(container), 'done', 'Killed');
  }
  progress.end();
  return session.result(0);
}

/**
 * Rm: the project's stopped containers (with --stop, stopped first), named in
 * `Going to remove ...` on stdout with -f; without -f Compose asks on the
 * terminal, which this simulator does not answer.
 */
export function rmCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const flag = (name: string) => parsed.values.get(name)?.at(-1) === 'true';
  if (flag('volumes')) return session.fail('netsim: docker compose rm --volumes is not simulated yet');
  if (flag('stop')) {
    const stopped = stopCommand(session, parsed);
    if (stopped.exitCode !== 0) return stopped;
  }
  const target = targetOf(session, parsed.positionals);
  if ('exitCode' in target) return target;
  const selected = parsed.positionals;
  const stopped = newestFirst(target.containers).filter(
    (container) =>
      container.status !== 'running' &&
      (selected.length === 0 || selected.includes(serviceOf(container))) &&
      target.services.has(serviceOf(container)),
  );
  if (stopped.length === 0) {
    session.err('No stopped containers\n');
    return session.result(0);
  }
  const names = stopped.map((container) => container.name).join(', ');
  if (!flag('force'))
    return session.fail(
      `netsim: answering \`Going to remove ${names}\` is not simulated yet; add -f to remove without the question`,
    );
  session.out(`Going to remove ${names}\n`);
  const progress = session.progress('Removing');
  for (const container of stopped) {
    progress.event(eventName(container), 'working', 'Removing');
    session.engine.containers.remove(container.id, true);
    session.engine.clock.advance(TAKES_MS.containerRemove);
    progress.event(eventName(container), 'done', 'Removed');
  }
  progress.end();
  return session.result(0);
}

/**
 * Pause and unpause (v2.40.3 pkg/compose/pause.go): the project's running
 * containers (of the selected services, and of the compose file's services
 * when there is one), each in an errgroup: every one is tried, a `Paused` or
 * `Unpaused` event for each that worked, the first error at the end. Pause's
 * progress is titled `Pausing`; unpause's is progress.Run's `Running`.
 */
function pauseAll(session: Session, parsed: ParsedFlags, pause: boolean): CommandResult {
  const target = targetOf(session, parsed.positionals);
  if ('exitCode' in target) return target;
  const selected = parsed.positionals;
  const running = newestFirst(target.containers).filter(
    (container) =>
      container.status === 'running' &&
      (selected.length === 0 || selected.includes(serviceOf(container))) &&
      target.services.has(serviceOf(container)),
  );
  const progress = session.progress(pause ? 'Pausing' : 'Running');
  let firstError: unknown;
  for (const container of running) {
    try {
      if (pause) session.engine.containers.pause(container.id);
      else session.engine.containers.unpause(container.id);
      progress.event(eventName(container), 'done', pause ? 'Paused' : 'Unpaused');
    } catch (error) {
      firstError ??= error;
    }
  }
  return firstError === undefined ? (progress.end(), session.result(0)) : failed(session, progress, firstError);
}

export const pauseCommand = (session: Session, parsed: ParsedFlags): CommandResult => pauseAll(session, parsed, true);
export const unpauseCommand = (session: Session, parsed: ParsedFlags): CommandResult =>
  pauseAll(session, parsed, false);
