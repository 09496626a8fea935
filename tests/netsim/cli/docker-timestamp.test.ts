import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseTimestamp } from '../../../src/netsim/cli/docker/timestamp';

// Go's time.ParseDuration and moby docker-v29.7.2 daemon/internal/timestamp Parse.
describe("the daemon's timestamps", () => {
  const now = Date.UTC(2026, 11, 7, 12, 0, 0);

  it('reads Go durations', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('-2.5s')).toBe(-2500);
    expect(parseGoDuration('0')).toBe(0);
    expect(parseGoDuration('10')).toBeUndefined();
    expect(parseGoDuration('1d')).toBeUndefined();
  });

  it('counts a duration back from now, and reads dates and Unix seconds', () => {
    expect(parseTimestamp('24h', now)).toEqual({ ms: now - 86_400_000 });
    expect(parseTimestamp('2026-12-01', now)).toEqual({ ms: Date.UTC(2026, 11, 1) });
    expect(parseTimestamp('2026-12-01T10:30:00Z', now)).toEqual({ ms: Date.UTC(2026, 11, 1, 10, 30) });
    expect(parseTimestamp('1700000000.5', now)).toEqual({ ms: 1_700_000_000_500 });
  });

  it('fails as the daemon does', () => {
    expect(parseTimestamp('', now)).toEqual({ error: 'failed to parse value as time or duration: value is empty' });
    expect(parseTimestamp('abc', now)).toEqual({
      error: 'failed to parse value as time or duration: invalid seconds "abc": invalid syntax',
    });
    expect(parseTimestamp('12.3x', now)).toEqual({
      error: "failed to parse value as time or duration: invalid nanoseconds: invalid character 'x' at position 1",
    });
  });
});
