import type { Daemon } from '../daemon';
import type { SwarmState } from '../swarm-state';

/** The swarm this node manages, after `docker swarm init`. */
export interface SwarmApi {
  state(): Readonly<SwarmState> | undefined;
  /**
   * Runs one of the swarm's operations (engine/swarm.ts), which the `docker swarm`
   * tool module brings with it so that the core never loads them.
   */
  run<T>(operation: (daemon: Daemon) => T): T;
}

export function swarmApi(daemon: Daemon): SwarmApi {
  return { state: () => daemon.state.swarm, run: (operation) => operation(daemon) };
}
