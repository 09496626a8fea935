import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * OpenSSH's client against the LAN machine's sshd. Texts from OpenSSH 10.0p2's
 * source (ssh.c usage(), sshconnect.c ssh_connect_direct, sshconnect2.c,
 * clientloop.c) and a capture of `ssh` into a Debian 12 machine (OpenSSH 9.2p1:
 * the same messages, and bash's `logout` as the login shell ends).
 */
function session(...lines: string[]) {
  const host = Host.create({ seed: 7 });
  const results = lines.map((line) => host.run(line));
  return { host, results, last: results.at(-1)! };
}

const MOTD = `The programs included with the Debian GNU/Linux system are free software;
the exact distribution terms for each program are described in the
individual files in /usr/share/doc/*/copyright.

Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent
permitted by applicable law.
`;

describe('ssh to the LAN machine', () => {
  it("logs in by name (the host's /etc/hosts) with the motd, and the prompt becomes the machine's", () => {
    const { host, last } = session('ssh lan-pc');
    expect(last.output).toBe(
      `Linux lan-pc 6.12.57+deb13-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.12.57-1 (2025-11-05) x86_64\n\n${MOTD}`,
    );
    expect(last.exitCode).toBe(0);
    expect(host.prompt()).toBe('usuario@lan-pc:~$ ');
  });

  it("comes back to the host with logout and ssh's closing line, carrying the shell's status", () => {
    const { host, results } = session('ssh 192.168.1.20', 'false', 'exit', 'echo $?');
    expect(results[2]!.output).toBe('logout\nConnection to 192.168.1.20 closed.\n');
    expect(results[3]!.output).toBe('1\n');
    expect(host.prompt()).toBe('$ ');
  });

  it('leaves on Ctrl-D as on exit', () => {
    const { host, last } = session('ssh lan-pc', '^D');
    expect(last.output).toBe('logout\nConnection to lan-pc closed.\n');
    expect(host.prompt()).toBe('$ ');
  });

  it('runs a command there to its end, without a terminal or a closing line', () => {
    const { host, last } = session('ssh lan-pc hostname');
    expect(last.output).toBe('lan-pc\n');
    expect(host.prompt()).toBe('$ ');
  });

  it('is refused for a user the machine has no key for', () => {
    const { last } = session('ssh bob@lan-pc');
    expect(last.output).toBe('bob@lan-pc: Permission denied (publickey).\n');
    expect(last.exitCode).toBe(255);
  });

  it.each([
    ['a port nobody listens on', 'ssh -p 2222 lan-pc', 'ssh: connect to host lan-pc port 2222: Connection refused\n'],
    [
      'the router, which refuses TCP',
      'ssh 192.168.1.1',
      'ssh: connect to host 192.168.1.1 port 22: Connection refused\n',
    ],
    [
      'an address nobody has on the LAN',
      'ssh 192.168.1.77',
      'ssh: connect to host 192.168.1.77 port 22: No route to host\n',
    ],
    ['a name nobody knows', 'ssh nohost', 'ssh: Could not resolve hostname nohost: Name or service not known\n'],
  ])("fails with connect(2)'s error for %s", (_name, line, output) => {
    const { last } = session(line);
    expect(last.output).toBe(output);
    expect(last.exitCode).toBe(255);
  });

  it('prints its usage without a destination', () => {
    const { last } = session('ssh');
    expect(last.stderr).toMatch(/^usage: ssh \[-46AaCfGgKkMNnqsTtVvXxYy\] \[-B bind_interface\] \[-b bind_address\]\n/);
    expect(last.stderr).toMatch(/\n {7}ssh \[-Q query_option\]\n$/);
    expect(last.exitCode).toBe(255);
  });

  it('keeps the LAN shell in a snapshot', () => {
    const { host } = session('ssh lan-pc', 'cd /tmp');
    const restored = Host.fromSnapshot(host.snapshot());
    expect(restored.prompt()).toBe('usuario@lan-pc:/tmp$ ');
    expect(restored.run('hostname').output).toBe('lan-pc\n');
  });
});
