import type { Container } from './container';

/**
 * Health checks as moby docker-v29.7.2 daemon/health.go runs them: the probe
 * (HealthConfig.Test) every interval after the last one ended, every
 * start interval while the container is starting within its start period; a
 * success makes it healthy, `retries` failures in a row outside the start
 * period unhealthy; the last five results kept. Time is the simulated clock, so
 * the probes that fell due are run when a client looks (the CLI runs them in
 * the container and hands the results back here).
 */

/** HealthConfig: Test as the API takes it (`["CMD-SHELL", "curl -f localhost"]`, `["CMD", ...]`, `["NONE"]`), durations in ms, 0 for the default. */
export interface Healthcheck {
  readonly test: readonly string[];
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly startPeriodMs: number;
  readonly startIntervalMs: number;
  readonly retries: number;
}

/** HealthcheckResult. */
export interface ProbeResult {
  readonly startMs: number;
  readonly endMs: number;
  readonly exitCode: number;
  readonly output: string;
}

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy';

export interface HealthState {
  status: HealthStatus;
  failingStreak: number;
  log: ProbeResult[];
  /** When the next probe starts (the interval timer's deadline). */
  nextProbeMs: number;
}

const DEFAULT_PROBE_INTERVAL_MS = 30_000;
const DEFAULT_START_INTERVAL_MS = 5_000;
const DEFAULT_RETRIES = 3;
const MAX_LOG_ENTRIES = 5;
/** maxOutputLen: longer probe output is cut. */
const MAX_OUTPUT_LEN = 4096;

/** A healthcheck that probes: `NONE` (--no-healthcheck) and an empty test disable it. */
export function probes(check: Healthcheck | undefined): check is Healthcheck {
  return check !== undefined && check.test.length > 0 && check.test[0] !== 'NONE';
}

/** The command the probe runs (cmdProbe): CMD's arguments, or CMD-SHELL's text through /bin/sh -c. */
export function probeCommand(check: Healthcheck): string[] {
  const [kind, ...rest] = check.test;
  return kind === 'CMD-SHELL' ? ['/bin/sh', '-c', rest.join(' ')] : rest;
}

/** getInterval: the start interval while starting within the start period, else the interval. */
function interval(check: Healthcheck, state: HealthState, startedMs: number, nowMs: number): number {
  if (nowMs - startedMs >= check.startPeriodMs || state.status !== 'starting')
    return check.intervalMs || DEFAULT_PROBE_INTERVAL_MS;
  return check.startIntervalMs || DEFAULT_START_INTERVAL_MS;
}

/** initHealthMonitor at each start: starting, no failures, the first probe one interval away. */
export function startHealth(container: Container, nowMs: number): void {
  const check = container.config.healthcheck;
  if (!probes(check)) {
    delete container.health;
    return;
  }
  const state: HealthState = { status: 'starting', failingStreak: 0, log: [], nextProbeMs: 0 };
  state.nextProbeMs = nowMs + interval(check, state, nowMs, nowMs);
  container.health = state;
}

/** The start of the next probe if it is due by `nowMs`. */
export function dueProbe(container: Container, nowMs: number): number | undefined {
  // A paused container's health monitor is stopped (updateHealthMonitor).
  if (container.status !== 'running' || container.paused || !container.health || !probes(container.config.healthcheck))
    return undefined;
  return container.health.nextProbeMs <= nowMs ? container.health.nextProbeMs : undefined;
}

/** handleProbeResult, then the timer reset from the probe's end. */
export function recordProbe(container: Container, result: ProbeResult): void {
  const check = container.config.healthcheck;
  const state = container.health;
  if (!state || !probes(check)) return;
  const entry = { ...result, output: result.output.slice(0, MAX_OUTPUT_LEN) };
  state.log = [...state.log, entry].slice(-MAX_LOG_ENTRIES);
  if (result.exitCode === 0) {
    state.failingStreak = 0;
    state.status = 'healthy';
  } else if (!(state.status === 'starting' && result.startMs - (container.startedMs ?? 0) < check.startPeriodMs)) {
    state.failingStreak += 1;
    if (state.failingStreak >= (check.retries > 0 ? check.retries : DEFAULT_RETRIES)) state.status = 'unhealthy';
  }
  state.nextProbeMs = result.endMs + interval(check, state, container.startedMs ?? 0, result.endMs);
}
