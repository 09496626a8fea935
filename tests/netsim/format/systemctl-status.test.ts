import { describe, expect, it } from 'vitest';
import { formatRelative, formatTimespan, formatTimestamp } from '../../../src/netsim/format/systemctl-status';

// systemd src/basic/time-util.c: format_timestamp (`%a %Y-%m-%d %H:%M:%S %Z`), format_timestamp_relative, format_timespan.
describe("systemd's time formats", () => {
  it.each([
    [0, 'now'],
    [450, '450ms ago'],
    [5_000, '5s ago'],
    [116_575, '1min 56s ago'],
    [7 * 60_000, '7min ago'],
    [2 * 3_600_000 + 5 * 60_000, '2h 5min ago'],
    [7 * 3_600_000, '7h ago'],
    [26 * 3_600_000, '1 day 2h ago'],
    [3 * 86_400_000, '3 days ago'],
  ])('%d ms ago is %s', (ms, text) => {
    expect(formatRelative(ms)).toBe(text);
  });

  it.each([
    [52, '52ms'],
    [1_234, '1.234s'],
    [128_575, '2min 8.575s'],
    [60_000, '1min'],
    [3_661_500, '1h 1min 1.5s'],
  ])('a span of %d ms is %s', (ms, text) => {
    expect(formatTimespan(ms)).toBe(text);
  });

  it('prints a timestamp with its weekday and zone', () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 16, 9, 28, 5, 425))).toBe('Mon 2026-11-16 09:28:05 UTC');
  });
});
