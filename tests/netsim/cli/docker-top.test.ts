import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(37);

// docker/cli v29.7.2 cli/command/container/top.go (tabwriter minwidth 20,
// padding 3; titles then processes joined by tabs); moby docker-v29.7.2
// daemon/top_unix.go (ps -ef by default, parsePSOutput keeping the container's
// PIDs with CMD as the rest of the line; GetRunningTask's conflict
// "container ID is not running", container/container.go).
const HEADER = `${['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME'].map((title) => title.padEnd(20)).join('')}CMD`;

describe('docker top', () => {
  it("lists the container's processes by their host PIDs, as ps -ef prints them", () => {
    const host = hostAfter('docker run -d --name web nginx');
    const lines = host.run('docker top web').stdout.split('\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toMatch(
      /^root {16}(\d+) +\d+ +0 {19}\d\d:\d\d {15}\? {19}00:00:00 {12}nginx: master process nginx -g daemon off;$/,
    );
    expect(lines[2]).toMatch(/^101 {17}\d+ +\d+ +0 +\d\d:\d\d +\? +00:00:00 +nginx: worker process$/);
    const pid = Number(/^root +(\d+)/.exec(lines[1]!)![1]);
    expect(host.run("docker inspect -f '{{.State.Pid}}' web").stdout).toBe(`${pid}\n`);
  });

  it('answers docker container top the same way', () => {
    const host = hostAfter('docker run -d --name s alpine sleep 1000');
    expect(host.run('docker container top s').stdout).toMatch(
      /\n?root +\d+ +\d+ +0 +\d\d:\d\d +\? +00:00:00 +sleep 1000\n$/,
    );
  });

  it("refuses a container that is not running with the daemon's conflict", () => {
    const host = hostAfter('docker create --name c alpine');
    const id = host.run("docker inspect -f '{{.Id}}' c").stdout.trim();
    expect(host.run('docker top c')).toMatchObject({
      stderr: `Error response from daemon: container ${id} is not running\n`,
      exitCode: 1,
    });
  });
});
