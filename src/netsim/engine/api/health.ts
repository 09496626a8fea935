import * as containers from '../containers';
import type { Daemon } from '../daemon';
import * as health from '../health';

/** The daemon's health monitor: when a container's HEALTHCHECK runs, and what its result does. */
export interface HealthApi {
  /** When the container's next health probe starts, if it is due by now. */
  dueProbe(reference: string): number | undefined;
  /** A probe's result, as the daemon's health monitor handles it. */
  recordProbe(reference: string, result: health.ProbeResult): void;
}

export function healthApi(daemon: Daemon): HealthApi {
  return {
    dueProbe: (reference) => health.dueProbe(containers.findContainer(daemon, reference), daemon.clock.now()),
    recordProbe: (reference, result) => health.recordProbe(containers.findContainer(daemon, reference), result),
  };
}
