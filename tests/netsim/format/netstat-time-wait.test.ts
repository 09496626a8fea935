import { describe, expect, it } from 'vitest';
import { formatNetstat, type NetstatSocketRow } from '../../../src/netsim/format/netstat';
import { readGolden } from '../golden';

// The records of golden/tools/capture-time-wait.sh: a server on 0.0.0.0:8080 and the connection curl
// closed, TIME_WAIT from 127.0.0.1:49150, its timer as /proc/net/tcp had it (5848 ticks of USER_HZ).
const listener: NetstatSocketRow = {
  protocol: 'tcp',
  ipv6: false,
  recvQ: 0,
  sendQ: 0,
  localHost: '0.0.0.0',
  localPort: '8080',
  foreignHost: '0.0.0.0',
  foreignPort: '*',
  state: 'LISTEN',
  program: '-',
  timer: 'off (0.00/0/0)',
};
const closed: NetstatSocketRow = {
  protocol: 'tcp',
  ipv6: false,
  recvQ: 0,
  sendQ: 0,
  localHost: '127.0.0.1',
  localPort: '49150',
  foreignHost: '127.0.0.1',
  foreignPort: '8080',
  state: 'TIME_WAIT',
  program: '-',
  timer: 'timewait (58.48/0/0)',
};

describe('TIME_WAIT in netstat', () => {
  it('prints -tan with the closed connection after the listener', () => {
    expect(formatNetstat('net-tools', { scope: 'all', programs: false, rows: [listener, closed], unix: false })).toBe(
      readGolden('tools/netstat-tan-time-wait.txt').stdout,
    );
  });

  it('prints -tano with the Timer column', () => {
    expect(
      formatNetstat('net-tools', {
        scope: 'all',
        programs: false,
        rows: [listener, closed],
        unix: false,
        timers: true,
      }),
    ).toBe(readGolden('tools/netstat-tano-time-wait.txt').stdout);
  });

  it('prints -tn, connections only', () => {
    expect(formatNetstat('net-tools', { scope: 'connected', programs: false, rows: [closed], unix: false })).toBe(
      readGolden('tools/netstat-tn-time-wait.txt').stdout,
    );
  });
});
