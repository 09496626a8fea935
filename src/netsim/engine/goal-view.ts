import type { VirtualClock } from '../clock';
import { Datapath, type World } from '../kernel/datapath';
import type { Kernel } from '../kernel/kernel';
import type { Namespace } from '../kernel/namespace';
import type { SeededRandom } from '../random';
import { connect } from '../userland/tcp';
import type { Engine } from './engine';
import type { GoalView } from './goals';

/** How long a goal's connection attempt waits, as `curl --max-time 5` would. */
const GOAL_CONNECT_TIMEOUT_MS = 5000;

/** A copy of a host as goals read it: its parts, and what only the host does (run a line, resolve a name as a container does). */
export interface GoalHost extends Pick<GoalView, 'resolveName' | 'run' | 'runOnLan'> {
  readonly engine: Engine;
  readonly kernel: Kernel;
  /** The LAN machine's namespace, if the host has one. */
  readonly lan: Namespace | undefined;
  readonly world: World;
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
}

/** The view goals check (goals.ts): here, in the goals' own module, as only an exercise's page checks goals. */
export function goalView(host: GoalHost): GoalView {
  const { engine, kernel, lan, world, clock, random } = host;
  return {
    containers: () => engine.containers.list(),
    networks: () => engine.networks.list(),
    resolveName: host.resolveName,
    run: host.run,
    runOnLan: host.runOnLan,
    connect: (from, address, port) => {
      const namespace =
        from === 'lan'
          ? lan
          : from === 'host' || from.namespaceId === undefined
            ? kernel.root
            : kernel.namespace(from.namespaceId);
      if (!namespace) return 'unreachable';
      const datapath = new Datapath(kernel, world, clock.now());
      const result = connect(datapath, namespace, address, port, random, GOAL_CONNECT_TIMEOUT_MS);
      if (result.kind === 'connected' || result.kind === 'refused' || result.kind === 'timed-out') return result.kind;
      return 'unreachable';
    },
  };
}
