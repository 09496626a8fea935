import type { VirtualClock } from '../../clock';

/** The daemon's clock, which `docker ps` compares creation and start times with. */
export interface EngineClock {
  now(): number;
  /** Time passes while a client waits on a container (a foreground server until Ctrl-C). */
  advance(ms: number): void;
}

export function engineClock(clock: VirtualClock): EngineClock {
  return { now: () => clock.now(), advance: (ms) => clock.advance(ms) };
}
