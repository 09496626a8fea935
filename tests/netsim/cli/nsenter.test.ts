import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/** util-linux 2.41 sys-utils/nsenter.c: getopt_long "+ahVt:m::u::i::n::...", open_target_fd, setns through a pidfd. */
function withWeb() {
  const host = Host.create({ seed: 8 });
  host.run('docker run -d --name web nginx');
  const key = host.run("docker inspect -f '{{.NetworkSettings.SandboxKey}}' web").stdout.trim();
  const pid = host.run("docker inspect -f '{{.State.Pid}}' web").stdout.trim();
  return { host, key, pid };
}

describe('nsenter into a container network namespace', () => {
  it('joins it by its sandbox file (--net=FILE, -nFILE) or by its first process (-t PID -n, --target=PID --net)', () => {
    const { host, key, pid } = withWeb();
    const inside = host.run(`sudo nsenter -t ${pid} -n ip -br addr`).stdout;
    expect(inside).toContain('eth0@if');
    expect(inside).toContain('172.17.0.2/16');
    for (const line of [
      `sudo nsenter --net=${key} ip -br addr`,
      `sudo nsenter -n${key} ip -br addr`,
      `sudo nsenter --target=${pid} --net ip -br addr`,
      `sudo nsenter --net=${key.replace('/var/run/', '/run/')} ip -br addr`,
    ]) {
      expect(host.run(line)).toMatchObject({ stdout: inside, exitCode: 0 });
    }
  });

  it('an optional argument must be glued: `--net FILE` is -n without a file, and the file is taken for the command', () => {
    const { host, key } = withWeb();
    expect(host.run(`sudo nsenter --net ${key} ip a`)).toMatchObject({
      stderr: 'nsenter: no target PID specified\n',
      exitCode: 1,
    });
    expect(host.run('sudo nsenter -n ip a')).toMatchObject({
      stderr: 'nsenter: no target PID specified\n',
      exitCode: 1,
    });
  });

  it('reports a missing file or process, a bad PID, an unknown option', () => {
    const { host } = withWeb();
    expect(host.run('sudo nsenter --net=/var/run/docker/netns/abc ip addr')).toMatchObject({
      stderr: 'nsenter: cannot open /var/run/docker/netns/abc: No such file or directory\n',
      exitCode: 1,
    });
    expect(host.run('sudo nsenter -t 99999 -n ip a')).toMatchObject({
      stderr: 'nsenter: cannot open /proc/99999/ns/net: No such file or directory\n',
      exitCode: 1,
    });
    expect(host.run('sudo nsenter -t abc -n ip a')).toMatchObject({
      stderr: "nsenter: failed to parse pid: 'abc'\n",
      exitCode: 1,
    });
    expect(host.run('sudo nsenter -x')).toMatchObject({
      stderr: "nsenter: invalid option -- 'x'\nTry 'nsenter --help' for more information.\n",
      exitCode: 1,
    });
    expect(host.run('sudo nsenter --bogus')).toMatchObject({
      stderr: "nsenter: unrecognized option '--bogus'\nTry 'nsenter --help' for more information.\n",
      exitCode: 1,
    });
  });

  it('as a user: /run/docker is root-only, and setns through the pidfd is not permitted', () => {
    const { host, key, pid } = withWeb();
    expect(host.run(`nsenter --net=${key} ip a`)).toMatchObject({
      stderr: `nsenter: cannot open ${key}: Permission denied\n`,
      exitCode: 1,
    });
    expect(host.run(`nsenter -t ${pid} -n ip a`)).toMatchObject({
      stderr: 'nsenter: reassociate to namespaces failed: Operation not permitted\n',
      exitCode: 1,
    });
  });
});
