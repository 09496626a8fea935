import { describe, expect, it } from 'vitest';
import type { Container } from '../../../src/netsim/engine/container';
import { dueProbe, probeCommand, recordProbe, startHealth, type Healthcheck } from '../../../src/netsim/engine/health';

// moby docker-v29.7.2 daemon/health.go: defaults (interval 30s, start interval 5s,
// retries 3, five log entries), monitor's getInterval (the start interval while
// starting inside the start period) with the timer reset after each probe, and
// handleProbeResult (a success is healthy; failures inside the start period while
// starting do not count; `retries` in a row is unhealthy).
const check = (overrides: Partial<Healthcheck> = {}): Healthcheck => ({
  test: ['CMD-SHELL', 'true'],
  intervalMs: 0,
  timeoutMs: 0,
  startPeriodMs: 0,
  startIntervalMs: 0,
  retries: 0,
  ...overrides,
});
const running = (healthcheck: Healthcheck): Container => {
  const container = { status: 'running', startedMs: 1_000, config: { healthcheck } } as unknown as Container;
  startHealth(container, 1_000);
  return container;
};
const probe = (container: Container, exitCode: number) => {
  const start = container.health!.nextProbeMs;
  recordProbe(container, { startMs: start, endMs: start + 10, exitCode, output: '' });
};

describe('health checks', () => {
  it('starts, probes after the interval, and becomes healthy on the first success', () => {
    const container = running(check());
    expect(container.health).toMatchObject({ status: 'starting', failingStreak: 0, nextProbeMs: 31_000 });
    expect(dueProbe(container, 30_999)).toBeUndefined();
    expect(dueProbe(container, 31_000)).toBe(31_000);
    probe(container, 0);
    expect(container.health).toMatchObject({ status: 'healthy', nextProbeMs: 61_010 });
  });

  it('becomes unhealthy after the retries fail in a row, and a success resets the streak', () => {
    const container = running(check({ intervalMs: 1_000, retries: 2 }));
    probe(container, 1);
    expect(container.health).toMatchObject({ status: 'starting', failingStreak: 1 });
    probe(container, 1);
    expect(container.health).toMatchObject({ status: 'unhealthy', failingStreak: 2 });
    probe(container, 0);
    expect(container.health).toMatchObject({ status: 'healthy', failingStreak: 0 });
  });

  it('does not count failures in the start period, probing at the start interval meanwhile', () => {
    const container = running(check({ intervalMs: 10_000, startPeriodMs: 20_000, startIntervalMs: 2_000 }));
    expect(container.health!.nextProbeMs).toBe(3_000);
    for (let i = 0; i < 5; i++) probe(container, 1);
    expect(container.health).toMatchObject({ status: 'starting', failingStreak: 0 });
    probe(container, 0);
    expect(container.health!.status).toBe('healthy');
    // Healthy: the regular interval from the probe's end.
    expect(container.health!.nextProbeMs - container.health!.log.at(-1)!.endMs).toBe(10_000);
  });

  it('keeps the last five results, and runs CMD-SHELL through /bin/sh -c', () => {
    const container = running(check({ intervalMs: 1_000 }));
    for (let i = 0; i < 7; i++) probe(container, 0);
    expect(container.health!.log).toHaveLength(5);
    expect(probeCommand(check({ test: ['CMD-SHELL', 'curl -f localhost'] }))).toEqual([
      '/bin/sh',
      '-c',
      'curl -f localhost',
    ]);
    expect(probeCommand(check({ test: ['CMD', 'pg_isready', '-U', 'app'] }))).toEqual(['pg_isready', '-U', 'app']);
  });

  it('does not probe with --no-healthcheck (Test NONE)', () => {
    const container = running(check({ test: ['NONE'] }));
    expect(container.health).toBeUndefined();
  });
});
