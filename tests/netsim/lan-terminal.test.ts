import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';

/**
 * A second terminal open on the LAN machine, as a second window on the desk
 * next to the host: its own login shell there, on the same simulated network.
 * The prompt is Debian's default bash PS1 (`\u@\h:\w\$ `, /etc/skel/.bashrc),
 * as a shell on lan-pc shows it after `ssh lan-pc` too.
 */
describe('a terminal open on the LAN machine', () => {
  it('types into a login shell on lan-pc, with its prompt, while the host terminal stays where it was', () => {
    const host = Host.create({ seed: 11 });
    expect(host.terminals()).toEqual([
      { name: 'host', hostname: 'docker-host' },
      { name: 'lan', hostname: 'lan-pc' },
    ]);
    expect(host.prompt({ terminal: 'lan' })).toBe('usuario@lan-pc:~$ ');
    expect(host.run('hostname', { terminal: 'lan' }).output).toBe('lan-pc\n');
    host.run('cd /tmp', { terminal: 'lan' });
    expect(host.prompt({ terminal: 'lan' })).toBe('usuario@lan-pc:/tmp$ ');
    expect(host.prompt()).toBe('$ ');
    expect(host.run('pwd').output).toBe('/home/usuario\n');
    expect(host.run('hostname').output).toBe('docker-host\n');
  });

  it('sees what the host publishes, from outside', () => {
    const host = Host.create({ seed: 11 });
    host.run('docker run -d --name web -p 8080:80 nginx');
    const reply = host.run('curl -sI http://192.168.1.10:8080/ | head -n 1', { terminal: 'lan' });
    expect(reply.output).toBe('HTTP/1.1 200 OK\r\n');
  });

  it("has the LAN machine's programs, not the host's", () => {
    const host = Host.create({ seed: 11 });
    const docker = host.run('docker ps', { terminal: 'lan' });
    expect(docker.output).toBe('bash: docker: command not found\n');
    expect(docker.exitCode).toBe(127);
    expect(host.names({ terminal: 'lan' }).commands).not.toContain('docker');
    expect(host.names({ terminal: 'lan' }).commands).toContain('curl');
  });

  // bash's exit_builtin in a login shell prints `logout`; the window would close, and a new login takes its place.
  it('logs out on exit and opens a fresh login there', () => {
    const host = Host.create({ seed: 11 });
    host.run('cd /tmp', { terminal: 'lan' });
    expect(host.run('exit', { terminal: 'lan' }).output).toBe('logout\n');
    expect(host.prompt({ terminal: 'lan' })).toBe('usuario@lan-pc:~$ ');
  });

  it('comes back from a snapshot as it was, and a snapshot without it does not open one', () => {
    const host = Host.create({ seed: 11 });
    expect(host.snapshot().lanTerminal).toBeUndefined();
    host.run('cd /etc', { terminal: 'lan' });
    host.run('ssh lan-pc', { terminal: 'lan' });
    const restored = Host.fromSnapshot(host.snapshot());
    expect(restored.prompt({ terminal: 'lan' })).toBe('usuario@lan-pc:~$ ');
    restored.run('exit', { terminal: 'lan' });
    expect(restored.prompt({ terminal: 'lan' })).toBe('usuario@lan-pc:/etc$ ');
    expect(restored.prompt()).toBe('$ ');
  });
});
