import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/** A host with nginx published on 8080 (docker-proxy on 0.0.0.0 and [::]), after `lines`. */
function published(...lines: string[]) {
  const host = Host.create({ seed: 3 });
  host.run('docker run -d --name web -p 8080:80 nginx');
  return lines.map((line) => host.run(line));
}

const timeWaitLines = (text: string) =>
  text.split('\n').filter((line) => line.startsWith('TIME-WAIT') || line.includes('TIME_WAIT'));

describe('TIME_WAIT after a connection closes', () => {
  // curl to localhost tries ::1 first (docker-proxy's [::]:8080); the proxy relays with its own
  // connection from docker0's address to the container, and closes it first when curl's FIN comes.
  it("keeps curl's side and docker-proxy's relay in the host for ss -tan", () => {
    const [, ss] = published('curl -s -o /dev/null http://localhost:8080', 'ss -tan');
    const lines = timeWaitLines(ss!.stdout);
    expect(lines).toHaveLength(2);
    expect(lines.some((line) => /172\.17\.0\.1:\d{5} +172\.17\.0\.2:80 *$/.test(line))).toBe(true);
    expect(lines.some((line) => /\[::1\]:\d{5} +\[::1\]:8080 *$/.test(line))).toBe(true);
  });

  it('keeps the client side of a connection made straight to the container', () => {
    const [, ss] = published('curl -s -o /dev/null http://172.17.0.2', 'ss -tn state time-wait');
    expect(ss!.stdout).toMatch(
      /^Recv-Q +Send-Q +Local Address:Port +Peer Address:Port *\n0 +0 +172\.17\.0\.1:\d{5} +172\.17\.0\.2:80 *\n$/,
    );
  });

  it('is not shown by -l, nor by -t alone (SS_CONN leaves TIME-WAIT out)', () => {
    const [, listening, connected] = published('curl -s http://172.17.0.2 >/dev/null', 'ss -tln', 'ss -tn');
    expect(listening!.stdout).not.toContain('TIME-WAIT');
    expect(connected!.stdout).toMatch(/^State +Recv-Q +Send-Q +Local Address:Port +Peer Address:Port *\n$/);
  });

  it("counts down 60 seconds of the clock in -o's timer, then is gone", () => {
    const [, first, , later] = published('curl -s http://172.17.0.2 >/dev/null', 'ss -tano', 'sleep 30', 'ss -tano');
    const seconds = (text: string) => Number(/timer:\(timewait,(\d+)sec,0\)/.exec(text)![1]);
    expect(seconds(first!.stdout)).toBeGreaterThan(50);
    expect(seconds(first!.stdout) - seconds(later!.stdout)).toBeGreaterThanOrEqual(30);
    const [, , gone] = published('curl -s http://172.17.0.2 >/dev/null', 'sleep 60', 'ss -tan');
    expect(gone!.stdout).not.toContain('TIME-WAIT');
  });

  it("is in netstat -tan as TIME_WAIT, with -o's timewait timer", () => {
    const [, tan, tano] = published('curl -s http://172.17.0.2 >/dev/null', 'netstat -tan', 'netstat -tano');
    expect(timeWaitLines(tan!.stdout)).toEqual([
      expect.stringMatching(/^tcp +0 +0 172\.17\.0\.1:\d{5} +172\.17\.0\.2:80 +TIME_WAIT  $/),
    ]);
    expect(tano!.stdout).toMatch(/TIME_WAIT   timewait \(5\d\.\d\d\/0\/0\)\n/);
    expect(tano!.stdout).toMatch(/LISTEN      off \(0\.00\/0\/0\)\n/);
  });

  it('stays in the namespace of the client: a container that ran curl', () => {
    const host = Host.create({ seed: 3 });
    host.run('docker run -d --name web nginx');
    host.run('docker run -d --name client nicolaka/netshoot sleep 1000');
    host.run('docker exec client curl -s -o /dev/null http://172.17.0.2');
    expect(timeWaitLines(host.run('docker exec client ss -tan').stdout)).toHaveLength(1);
    expect(timeWaitLines(host.run('ss -tan').stdout)).toHaveLength(0);
  });

  // The capture of golden/tools/tcpdump-curl-close.txt: with an HTTP/1.1 server curl sends the first FIN.
  it('closes from the client first, as a capture of curl shows', () => {
    const host = Host.create({ seed: 3 });
    host.run('docker run -d --name web nginx');
    const flags = host
      .run('sudo tcpdump -nn -i docker0 -c 10 tcp & curl -s -o /dev/null http://172.17.0.2')
      .output.match(/Flags \[[^\]]+\]/g);
    expect(flags).toEqual([
      'Flags [S]',
      'Flags [S.]',
      'Flags [.]',
      'Flags [P.]',
      'Flags [P.]',
      'Flags [.]',
      'Flags [F.]',
      'Flags [F.]',
      'Flags [.]',
    ]);
  });
});
