import type { Daemon, ServiceState } from '../daemon';
import type { DaemonConfigSource } from '../daemon-config';
import {
  resetFailed,
  restartDaemon,
  startDaemon,
  stopDaemon,
  stopSocket,
  type StartOutcome,
} from '../daemon-lifecycle';
import { DOCKERD_PID } from '../host-processes';

/** docker.service as systemd runs it: whether dockerd runs, since when, with which configuration, and its journal. */
export interface DockerService {
  /** The unit's state; undefined on a host whose dockerd was never stopped or started since boot. */
  state(): Readonly<ServiceState> | undefined;
  /** dockerd's process for ps: its PID and start, null while it is down; undefined for the one the host booted with. */
  process(): { pid: number; startMs: number } | null | undefined;
  /** `systemctl stop docker`: every container stops, dockerd exits. */
  stop(): void;
  /** `systemctl start docker` with daemon.json's text (undefined when there is no file): 'failed' when dockerd refused it. */
  start(config: DaemonConfigSource): StartOutcome;
  /** `systemctl restart docker`: a stop and a start under one job. */
  restart(config: DaemonConfigSource): StartOutcome;
  /** `systemctl stop docker.socket`: the service stops with it, and the socket closes. */
  stopSocket(): void;
  /** `systemctl reset-failed docker`. */
  resetFailed(): void;
}

export function dockerService(daemon: Daemon): DockerService {
  return {
    state: () => daemon.state.service,
    process() {
      const service = daemon.state.service;
      if (!service || service.pid === DOCKERD_PID) return service?.active === 'active' || !service ? undefined : null;
      return service.active === 'active' ? { pid: service.pid, startMs: service.activeEnterMs } : null;
    },
    stop: () => stopDaemon(daemon),
    start: (config) => startDaemon(daemon, config),
    restart: (config) => restartDaemon(daemon, config),
    stopSocket: () => stopSocket(daemon),
    resetFailed: () => resetFailed(daemon),
  };
}
