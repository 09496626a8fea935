import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden, stepsOf } from '../golden';

/**
 * The classic way to show a container's namespace to `ip netns`: a symbolic
 * link in /run/netns (reached through Debian's /var/run -> /run) to
 * /proc/PID/ns/net. golden/linux/session.ip-link.txt captured it with a
 * sleeping process for the PID: the link is listed (newest first, before the
 * names ip made), `ip netns exec` and `identify` follow it, and `rm` takes it
 * away. ln's messages are coreutils 9's (ln.c, quoteaf), as Debian 12 printed them.
 */
const steps = stepsOf(readGolden('linux/session.ip-link.txt').stdout);
const step = (command: string) => steps.find((candidate) => candidate.command === command)!;

function hostWithWeb(): { host: Host; pid: string } {
  const host = Host.create({ seed: 1 });
  host.run('sudo ip netns add red');
  host.run('docker run -d --name web nginx');
  const pid = host.run("docker inspect -f '{{.State.Pid}}' web").stdout.trim();
  return { host, pid };
}

describe('ln -s /proc/PID/ns/net /var/run/netns/NAME', () => {
  it("names the container's namespace for ip netns list, exec, -n and identify", () => {
    const { host, pid } = hostWithWeb();
    host.run('sudo mkdir -p /var/run/netns');
    const linked = host.run(`sudo ln -s /proc/${pid}/ns/net /var/run/netns/c1`);
    expect({ output: linked.stdout + linked.stderr, exitCode: linked.exitCode }).toEqual({
      output: step('ln -s /proc/$OTHER/ns/net /run/netns/c1').output,
      exitCode: 0,
    });
    // The capture lists the link first, then the names ip made, newest first.
    const afterLink = steps[steps.findIndex((candidate) => candidate.command.startsWith('ln -s')) + 1]!;
    expect(afterLink.command).toBe('ip netns list');
    expect(afterLink.output.split('\n')[0]).toBe('c1');
    expect(host.run('ip netns list').stdout).toBe('c1 (id: 0)\nred\n');
    // The container's own address: the command ran in its namespace.
    expect(host.run('sudo ip netns exec c1 ip -br addr').stdout).toContain(' 172.17.0.2/16 ');
    expect(host.run('sudo ip -n c1 route').stdout).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2 \n',
    );
    expect(host.run(`ip netns identify ${pid}`).stdout).toBe(step('ip netns identify $OTHER').output);
    expect(host.run('sudo rm /run/netns/c1').exitCode).toBe(0);
    expect(host.run('ip netns list').stdout).toBe('red\n');
  });

  it("/var/run is Debian's link to /run, and ln says what stops it", () => {
    const { host } = hostWithWeb();
    host.run('sudo mkdir -p /var/run/netns');
    expect(host.run('\\ls -ld /var/run').stdout).toMatch(/^lrwxrwxrwx 1 root root 4 .* \/var\/run -> \/run\n$/);
    expect(host.run('ln -s /proc/1/ns/net /var/run/netns/x').stderr).toBe(
      "ln: failed to create symbolic link '/var/run/netns/x': Permission denied\n",
    );
    host.run('ln -s /x /tmp/a');
    expect(host.run('ln -s /x /tmp/a').stderr).toBe("ln: failed to create symbolic link '/tmp/a': File exists\n");
    expect(host.run('ln -s /x /nodir/b').stderr).toBe(
      "ln: failed to create symbolic link '/nodir/b': No such file or directory\n",
    );
    expect(host.run('ln').stderr).toBe("ln: missing file operand\nTry 'ln --help' for more information.\n");
  });
});
