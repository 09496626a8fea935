import { describe, expect, it } from 'vitest';
import { plainProgress, ttyProgress, type ProgressEvent } from '../../../src/netsim/format/compose-progress';

const event = (
  id: string,
  status: ProgressEvent['status'],
  statusText: string,
  atMs = 0,
  text = '',
): ProgressEvent => ({ id, status, statusText, text, atMs });

describe('the plain progress writer (pkg/progress/plain.go)', () => {
  // docker/compose v2.40.3 pkg/e2e/networks_test.go TestNetworkRecreate, `--progress=plain up -d`.
  it('prints one line per event, as the e2e test expects', () => {
    const events = [
      event('Network network_recreate_test', 'working', 'Creating'),
      event('Network network_recreate_test', 'done', 'Created'),
      event('Container network_recreate-web-1', 'working', 'Starting'),
      event('Container network_recreate-web-1', 'done', 'Started'),
    ];
    expect(plainProgress(events)).toBe(
      ' Network network_recreate_test  Creating\n Network network_recreate_test  Created\n Container network_recreate-web-1  Starting\n Container network_recreate-web-1  Started\n',
    );
  });

  it('keeps the separating spaces of empty operands (fmt.Fprintln), as a pull prints its service', () => {
    expect(plainProgress([event('web', 'working', '', 0, 'Pulling')])).toBe(' web Pulling \n');
  });
});

// pkg/progress/tty_test.go TestLineText and TestLineTextSingleEvent: a 50-column terminal, ID `id`, Text `Text`.
describe('the TTY progress writer (pkg/progress/tty.go)', () => {
  const frame = { title: 'Running', width: 50, height: 24, nowMs: 0, redrawn: false };

  it.each([
    ['done', ' \x1b[32m✔\x1b[0m id Text \x1b[32mStatus\x1b[0m                            \x1b[34m0.0s \x1b[0m\n'],
    [
      'error',
      ' \x1b[31m\x1b[1m✘\x1b[0m id Text \x1b[31m\x1b[1mStatus\x1b[0m                            \x1b[34m0.0s \x1b[0m\n',
    ],
  ] as const)('a %s line', (status, line) => {
    expect(ttyProgress([event('id', status, 'Status', 0, 'Text')], frame)).toBe(`[+] Running 1/1\n${line}`);
  });

  it('times each task from its first event to the one that ended it, and turns the count blue once redrawn', () => {
    const events = [
      event('Network p_default', 'working', 'Creating', 0),
      event('Network p_default', 'done', 'Created', 100),
      event('Container p-web-1', 'working', 'Creating', 100),
      event('Container p-web-1', 'done', 'Created', 160),
      event('Container p-web-1', 'working', 'Starting', 160),
      event('Container p-web-1', 'done', 'Started', 440),
    ];
    const shown = ttyProgress(events, { ...frame, width: 80, nowMs: 440, redrawn: true });
    expect(shown).toBe(
      '\x1b[34m[+] Running 2/2\x1b[0m\n' +
        // align(): 80 columns less the 29 of the text and the 5 of the timer.
        ` \x1b[32m✔\x1b[0m Network p_default  \x1b[32mCreated\x1b[0m${' '.repeat(46)}\x1b[34m0.1s \x1b[0m\n` +
        ` \x1b[32m✔\x1b[0m Container p-web-1  \x1b[32mStarted\x1b[0m${' '.repeat(46)}\x1b[34m0.3s \x1b[0m\n`,
    );
  });

  it("rounds the timer as Go's %.1f does, an exact half to even", () => {
    const line = (ms: number) => ttyProgress([event('x', 'working', 'W', 0), event('x', 'done', 'D', ms)], frame);
    expect(line(250)).toContain('0.2s ');
    expect(line(350)).toContain('0.4s ');
    expect(line(10_049)).toContain('10.0s ');
  });
});
