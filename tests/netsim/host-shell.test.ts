import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';

// Debian 13: /etc/profile gives a normal user PATH=/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games;
// iptables (iptables package), bridge (iproute2) and ifconfig (net-tools) are installed in /usr/sbin,
// ip, ss and netstat in /usr/bin; sudo's secure_path (Debian's /etc/sudoers) includes /usr/sbin.
describe('finding the host programs', () => {
  it.each(['iptables -L', 'bridge link', 'ifconfig', 'iptables-save'])(
    "does not find %s on a normal user's PATH",
    (line) => {
      const name = line.split(' ')[0];
      expect(Host.create().run(line)).toMatchObject({
        stdout: '',
        stderr: `bash: ${name}: command not found\n`,
        exitCode: 127,
      });
    },
  );

  it('finds them by their path, through sudo, and for root', () => {
    const host = Host.create();
    expect(host.run('/usr/sbin/iptables -L').stderr).toContain('Permission denied (you must be root)');
    expect(host.run('/sbin/iptables -S INPUT', { asRoot: true }).stdout).toBe('-P INPUT ACCEPT\n');
    expect(host.run('sudo iptables -S INPUT').stdout).toBe('-P INPUT ACCEPT\n');
    expect(host.run('iptables -S INPUT', { asRoot: true }).stdout).toBe('-P INPUT ACCEPT\n');
  });

  it('finds the user tools in /usr/bin, and nothing where it is not installed', () => {
    const host = Host.create();
    expect(host.run('ip -br link show lo').stdout).toMatch(/^lo +UNKNOWN/);
    expect(host.run('/bin/ip -br link show lo').stdout).toMatch(/^lo +UNKNOWN/);
    expect(host.run('/usr/bin/iptables -L')).toMatchObject({
      stderr: 'bash: /usr/bin/iptables: No such file or directory\n',
      exitCode: 127,
    });
  });

  it('follows PATH as the user sets it', () => {
    const host = Host.create();
    expect(host.run('PATH=$PATH:/usr/sbin; ifconfig lo').stdout).toMatch(/^lo: flags=73<UP,LOOPBACK,RUNNING>/);
  });
});
