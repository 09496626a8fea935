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

/** 2026-01-15T09:30:00Z: a fixed, plausible start for every simulated host. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 15, 9, 30, 0);
