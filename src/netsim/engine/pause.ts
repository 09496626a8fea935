import type { Container } from './container';
import type { Daemon } from './daemon';
import { EngineError } from './errors';
import { logContainerEvent } from './events';
import { findContainer } from './containers';

/** The container's processes, which its cgroup holds: the first process and the services its init scripts started. */
export function cgroupPids(container: Container): number[] {
  return container.pid === undefined ? [] : [container.pid, ...Object.values(container.services ?? {})];
}

/**
 * POST /containers/{name}/pause (moby docker-v29.7.2 daemon/pause.go): a
 * running container that is not paused yet has its cgroup frozen.
 */
export function pauseContainer(daemon: Daemon, reference: string): Container {
  const container = findContainer(daemon, reference);
  // GetRunningTask, then the Paused check, both conflicts.
  if (container.status !== 'running') throw new EngineError('conflict', `container ${container.id} is not running`);
  if (container.paused) throw new EngineError('conflict', `container ${container.id} is already paused`);
  container.paused = true;
  daemon.kernel.setFrozen(cgroupPids(container), true);
  logContainerEvent(daemon, container, 'pause');
  return container;
}

/** POST /containers/{name}/unpause (daemon/unpause.go): the Paused check comes first, a plain error (500). */
export function unpauseContainer(daemon: Daemon, reference: string): Container {
  const container = findContainer(daemon, reference);
  if (!container.paused) throw new EngineError('system', `Container ${container.id} is not paused`);
  container.paused = false;
  daemon.kernel.setFrozen(cgroupPids(container), false);
  logContainerEvent(daemon, container, 'unpause');
  return container;
}
