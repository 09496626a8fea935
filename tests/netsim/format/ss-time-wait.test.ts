import { describe, expect, it } from 'vitest';
import { formatSs, msTimer, type SsRow } from '../../../src/netsim/format/ss';
import { readGolden } from '../golden';

// The records of golden/tools/capture-time-wait.sh: an HTTP/1.1 server (python3, backlog 5) on
// 0.0.0.0:8080 and the connection curl closed, TIME-WAIT from 127.0.0.1:49150.
const listener: SsRow = {
  netid: 'tcp',
  state: 'LISTEN',
  recvQ: 0,
  sendQ: 5,
  local: '0.0.0.0',
  localPort: '8080',
  peer: '0.0.0.0',
  peerPort: '*',
  users: [],
};
const closed: SsRow = {
  netid: 'tcp',
  state: 'TIME-WAIT',
  recvQ: 0,
  sendQ: 0,
  local: '127.0.0.1',
  localPort: '49150',
  peer: '127.0.0.1',
  peerPort: '8080',
  users: [],
};

// iproute2 6.1 (the capture) prints an empty Process column without -p; 6.8 and later, Debian 13's 6.15
// among them, leave it out (commit 84c45b8a): the expected text drops the header and its 7 columns of padding.
const without61Column = (text: string) =>
  text
    .replace('PortProcess\n', 'Port\n')
    .replace('Port    Process\n', 'Port    \n')
    .replace(/ {7}\n/g, '\n');

describe('TIME-WAIT in ss', () => {
  it('lists a closed connection after the listeners (ss -tan)', () => {
    expect(formatSs([listener, closed], { netid: false, state: true, process: false })).toBe(
      without61Column(readGolden('tools/ss-tan-time-wait.txt').stdout),
    );
  });

  // tcp_timer_print: " timer:(timewait,%s,0)". With the Process column gone (6.15) the timer is the
  // ext field, which only the last line has; that line's last field is never flushed, so it widens
  // no column and the other lines keep their width (6.1 put it in Process, with the same effect).
  it('adds the timer with -o (ss -tano)', () => {
    const golden = readGolden('tools/ss-tano-time-wait.txt').stdout;
    expect(
      formatSs([listener, { ...closed, ext: ' timer:(timewait,58sec,0)' }], {
        netid: false,
        state: true,
        process: false,
      }),
    ).toBe(without61Column(golden));
  });

  it('leaves out the State column for `state time-wait`, and names the ports without -n', () => {
    const golden = readGolden('tools/ss-t-state-time-wait.txt').stdout;
    expect(formatSs([{ ...closed, peerPort: 'http-alt' }], { netid: false, state: false, process: false })).toBe(
      without61Column(golden),
    );
  });

  // The ext field of every line but the last does count: a longer timer widens the lines before it.
  it('pads the lines before a timer that is not on the last line', () => {
    const first = { ...closed, ext: ' timer:(timewait,58sec,0)' };
    const text = formatSs([listener, first, { ...first, localPort: '49152' }], {
      netid: false,
      state: true,
      process: false,
    });
    const [, listening] = text.split('\n');
    expect(listening).toMatch(/:\* {3} {25}$/);
  });
});

// print_ms_timer (misc/ss.c): minutes, seconds, milliseconds, each when not zero; past 9 s the
// milliseconds go, with minutes too, and past 9 minutes the seconds.
describe("ss's timer text", () => {
  it.each([
    [59_360, '59sec'],
    [60_000, '1min'],
    [5_200, '5.200ms'],
    [9_000, '9sec'],
    [450, '450ms'],
    [72_500, '1min12sec'],
    [660_000, '11min'],
  ])('%d ms is %s', (ms, text) => expect(msTimer(ms)).toBe(text));
});
