import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';
import { BUILTINS } from '../../src/netsim/shell/builtins';

/**
 * One list of a machine's programs: what its shell runs, what its disk holds
 * (`which`, `command -v`) and what its terminal completes agree. Where Debian
 * puts them is each package's file list, as `dpkg -S` and `ls -l` show them on a
 * Debian host: /usr/bin/sudo (sudo), /usr/sbin/brctl (bridge-utils),
 * /usr/sbin/service (init-system-helpers), /usr/sbin/ip6tables-save (iptables).
 */
describe("a machine's programs", () => {
  it('are each a file on PATH that `which` finds, for every command the host terminal completes', () => {
    const host = Host.create({ seed: 3 });
    const programs = host.names().commands.filter((name) => !BUILTINS.has(name));
    const found = host
      .run(`PATH=/usr/sbin:/usr/bin which ${programs.join(' ')}`)
      .stdout.trim()
      .split('\n');
    expect(found.map((path) => path.slice(path.lastIndexOf('/') + 1))).toEqual(programs);
  });

  it("put sudo in /usr/bin and the administrator's tools in /usr/sbin, where the shell looks for them", () => {
    const host = Host.create({ seed: 3 });
    expect(host.run('which sudo').output).toBe('/usr/bin/sudo\n');
    expect(host.run('PATH=/usr/sbin:/usr/bin which brctl service ip6tables-save').output).toBe(
      '/usr/sbin/brctl\n/usr/sbin/service\n/usr/sbin/ip6tables-save\n',
    );
  });

  it("are not found by a normal user's PATH when they are in sbin, by `which` as by the shell", () => {
    const host = Host.create({ seed: 3 });
    for (const name of ['brctl', 'service', 'ip6tables-save']) {
      expect(host.run(`which ${name}`).exitCode).toBe(1);
      const ran = host.run(`${name} --version`);
      expect(ran.output).toBe(`bash: ${name}: command not found\n`);
      expect(ran.exitCode).toBe(127);
    }
  });

  // Debian's /etc/sudoers: `Defaults secure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"`.
  it("are found under sudo on its secure_path, sbin included, whatever the user's PATH", () => {
    const host = Host.create({ seed: 3 });
    expect(host.run('sudo which iptables brctl').output).toBe('/usr/sbin/iptables\n/usr/sbin/brctl\n');
    expect(host.run('sudo printenv PATH').output).toBe(
      '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n',
    );
    expect(host.run('sudo brctl show').exitCode).toBe(0);
  });

  it('on the LAN machine, complete only what its shell runs: no sudo there', () => {
    const host = Host.create({ seed: 3 });
    expect(host.names({ terminal: 'lan' }).commands).not.toContain('sudo');
    expect(host.run('sudo ls', { terminal: 'lan' }).exitCode).toBe(127);
    expect(host.names().commands).toContain('sudo');
  });
});
