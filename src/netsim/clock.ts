/**
 * Virtual time in milliseconds since the Unix epoch. Commands advance it by what
 * they would take on a real machine; nothing reads the wall clock.
 */
export class VirtualClock {
  constructor(private nowMs: number) {}

  now(): number {
    return this.nowMs;
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }
}

/** 2026-11-16T09:30:00Z: a fixed start for every simulated host, after the simulated Docker 29.7.2 and its images were built. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 10, 16, 9, 30, 0);
