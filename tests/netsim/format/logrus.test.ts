import { describe, expect, it } from 'vitest';
import { logrusLine } from '../../../src/netsim/format/logrus';

// sirupsen/logrus v1.9.3 text_formatter.go: printColored at a terminal, key=value pairs elsewhere.
describe('logrus text lines', () => {
  it('at a terminal: the level in colour, seconds since start, the message padded to 44 and a space', () => {
    expect(logrusLine('warning', 'short', { colored: true, nowMs: 5000, startedMs: 0 })).toBe(
      `\x1b[33mWARN\x1b[0m[0005] short${' '.repeat(39)} \n`,
    );
  });

  it('elsewhere: time, level and msg, quoted with %q when they need it', () => {
    expect(
      logrusLine('warning', 'The "X" variable is not set.', {
        colored: false,
        nowMs: Date.UTC(2026, 10, 16, 9, 30, 46),
      }),
    ).toBe('time="2026-11-16T09:30:46Z" level=warning msg="The \\"X\\" variable is not set."\n');
    expect(logrusLine('warning', 'plain', { colored: false, nowMs: 0 })).toBe(
      'time="1970-01-01T00:00:00Z" level=warning msg=plain\n',
    );
  });
});
