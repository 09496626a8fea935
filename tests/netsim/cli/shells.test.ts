import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * Root shells on the host. Prompts and messages captured on Debian 12 (bash
 * 5.2, sudo 1.9.13, util-linux su 2.38) as a user with passwordless sudo and
 * a root without password (`*` in /etc/shadow): `sudo -i` then `exit` prints
 * `logout`, `sudo bash` then `exit` prints `exit`, `su -` with an empty
 * password prints `Password: ` and `su: Authentication failure`, status 1.
 */
function session(...lines: string[]) {
  const host = Host.create({ seed: 7 });
  const results = lines.map((line) => host.run(line));
  return { host, results, last: results.at(-1)! };
}

describe('root shells', () => {
  it.each([
    ["sudo -i: root's login shell, in /root", ['sudo -i'], 'root@docker-host:~# '],
    ['sudo su -: the same', ['sudo su -'], 'root@docker-host:~# '],
    ['sudo -s: where the user was', ['sudo -s'], 'root@docker-host:/home/usuario# '],
    ['sudo bash', ['sudo bash'], 'root@docker-host:/home/usuario# '],
    ['sudo su', ['sudo su'], 'root@docker-host:/home/usuario# '],
    ['sudo sh: dash, whose root prompt is bare', ['sudo sh'], '# '],
  ])('%s', (_name, lines, prompt) => {
    expect(session(...lines).host.prompt()).toBe(prompt);
  });

  it("runs what needs root without sudo, with root's PATH", () => {
    const { last } = session('sudo -i', 'iptables -S FORWARD | head -1');
    expect(last.output).toBe('-P FORWARD DROP\n');
  });

  it.each([
    ['a login shell says logout', 'sudo -i', 'logout\n'],
    ['another shell says exit', 'sudo bash', 'exit\n'],
  ])('%s as it ends', (_name, line, output) => {
    const { host, last } = session(line, 'exit');
    expect(last.output).toBe(output);
    expect(host.prompt()).toBe('$ ');
  });

  it('refuses su - as the user: root has no password', () => {
    const { host, last } = session('su -');
    expect(last.output).toBe('Password: \nsu: Authentication failure\n');
    expect(last.exitCode).toBe(1);
    expect(last.elapsedMs).toBeGreaterThanOrEqual(2000);
    expect(host.prompt()).toBe('$ ');
  });

  it("runs sudo -i with a command in root's home", () => {
    expect(session('sudo -i pwd').last.output).toBe('/root\n');
  });

  it('keeps a root shell in a snapshot', () => {
    const { host } = session('sudo -i');
    expect(Host.fromSnapshot(host.snapshot()).prompt()).toBe('root@docker-host:~# ');
  });
});
