import { describe, expect, it } from 'vitest';
import { formatSs, type SsRow } from '../../../src/netsim/format/ss';
import { readGolden } from '../golden';

const proxy4: SsRow = {
  netid: 'tcp',
  state: 'LISTEN',
  recvQ: 0,
  sendQ: 4096,
  local: '0.0.0.0',
  localPort: '8080',
  peer: '0.0.0.0',
  peerPort: '*',
  users: [{ name: 'docker-proxy', pid: 19, fd: 5 }],
};
const httpd: SsRow = {
  netid: 'tcp',
  state: 'LISTEN',
  recvQ: 0,
  sendQ: 511,
  local: '*',
  localPort: '80',
  peer: '*',
  peerPort: '*',
  users: [{ name: 'httpd', pid: 21, fd: 5 }],
};
const proxy6: SsRow = { ...proxy4, local: '[::]', peer: '[::]', users: [{ name: 'docker-proxy', pid: 20, fd: 5 }] };
const dns: SsRow = {
  netid: 'udp',
  state: 'UNCONN',
  recvQ: 0,
  sendQ: 0,
  local: '127.0.0.11',
  localPort: '53',
  peer: '0.0.0.0',
  peerPort: '*',
  users: [{ name: 'python3', pid: 22, fd: 3 }],
};

// The records are those of the capture (golden/tools/capture.sh: pids and fds as captured there).
describe('the ss printer', () => {
  it('prints ss -tlnp as iproute2 does', () => {
    expect(formatSs([proxy4, httpd, proxy6], { netid: false, state: true, process: true })).toBe(
      readGolden('tools/ss-tlnp.txt').stdout,
    );
  });

  it('prints ss -tulpn with the Netid column, UDP first', () => {
    expect(formatSs([dns, proxy4, httpd, proxy6], { netid: true, state: true, process: true })).toBe(
      readGolden('tools/ss-tulpn.txt').stdout,
    );
  });

  it('prints the docker host capture of ../linux with its own pids', () => {
    const rows = [
      { ...proxy4, sendQ: 5, users: [{ name: 'docker-proxy', pid: 9638, fd: 5 }] },
      { ...proxy6, sendQ: 5, users: [{ name: 'docker-proxy', pid: 9640, fd: 5 }] },
    ];
    expect(formatSs(rows, { netid: false, state: true, process: true })).toBe(
      readGolden('linux/host.ss-tlnp.full.txt').stdout,
    );
    expect(formatSs(rows, { netid: true, state: true, process: true })).toBe(
      readGolden('linux/host.ss-tulpn.full.txt').stdout,
    );
  });

  // iproute2 6.1 (the capture) prints an empty Process column without -p; 6.8 and later, Debian 13's
  // 6.15 among them, leave it out (commit 84c45b8a): the expected text drops that column.
  it('leaves out the Process column without -p, as iproute2 >= 6.8 does', () => {
    const without61Column = (text: string) => text.replace('PortProcess\n', 'Port\n').replace(/ {7}\n/g, '\n');
    expect(formatSs([proxy4, httpd, proxy6], { netid: false, state: true, process: false })).toBe(
      without61Column(readGolden('tools/ss-tln.txt').stdout),
    );
    const named = [proxy4, httpd, proxy6].map((row) => ({
      ...row,
      localPort: row.localPort === '80' ? 'http' : 'http-alt',
    }));
    expect(formatSs(named, { netid: false, state: true, process: false })).toBe(
      without61Column(readGolden('tools/ss-tl.txt').stdout),
    );
  });

  // ss.c main(): with one state asked for (`state listening`) the State column is disabled, and
  // render() starts each line at the next column without its delimiter: the capture minus its
  // first seven characters (State's width, LISTEN, and Recv-Q's delimiter).
  it('leaves out the State column when the filter asks for one state', () => {
    const withoutState = (text: string) => text.replace(/^.{7}/gm, '');
    expect(formatSs([proxy4, httpd, proxy6], { netid: false, state: false, process: true })).toBe(
      withoutState(readGolden('tools/ss-tlnp.txt').stdout),
    );
  });
});
