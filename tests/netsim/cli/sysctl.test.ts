import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * dockerd turned net.ipv4.ip_forward on at its first start (moby
 * libnetwork/drivers/bridge/setup_ip_forwarding.go setupIPv4Forwarding writes
 * '1' to /proc/sys/net/ipv4/ip_forward); a container's new namespace has 0.
 * procps' sysctl prints `key = value` (src/sysctl.c ReadSetting).
 */
describe('net.ipv4.ip_forward', () => {
  it('reads 1 on the host, 0 in a container', () => {
    const host = Host.create({ seed: 7 });
    expect(host.run('cat /proc/sys/net/ipv4/ip_forward')).toMatchObject({ stdout: '1\n', exitCode: 0 });
    host.run('docker run -d --name box alpine sleep 1d');
    expect(host.run('docker exec box cat /proc/sys/net/ipv4/ip_forward').stdout).toBe('0\n');
  });

  it('sysctl lives in /usr/sbin: a user types its path, sudo and root find it', () => {
    const host = Host.create({ seed: 7 });
    expect(host.run('sysctl net.ipv4.ip_forward')).toMatchObject({
      stderr: 'bash: sysctl: command not found\n',
      exitCode: 127,
    });
    expect(host.run('/usr/sbin/sysctl net.ipv4.ip_forward').stdout).toBe('net.ipv4.ip_forward = 1\n');
    expect(host.run('sudo sysctl net.ipv4.ip_forward')).toMatchObject({
      stdout: 'net.ipv4.ip_forward = 1\n',
      stderr: '',
      exitCode: 0,
    });
    expect(host.run('sysctl net.ipv4.ip_forward', { asRoot: true }).stdout).toBe('net.ipv4.ip_forward = 1\n');
  });

  it('-n prints the value alone; a slash path is named with dots; an unknown key is stat failing', () => {
    const host = Host.create({ seed: 7 });
    expect(host.run('sudo sysctl -n net.ipv4.ip_forward').stdout).toBe('1\n');
    expect(host.run('sudo sysctl net/ipv4/ip_forward').stdout).toBe('net.ipv4.ip_forward = 1\n');
    expect(host.run('sudo sysctl net.ipv4.nope')).toMatchObject({
      stdout: '',
      stderr: 'sysctl: cannot stat /proc/sys/net/ipv4/nope: No such file or directory\n',
      exitCode: 1,
    });
    expect(host.run('sudo sysctl -e net.ipv4.nope')).toMatchObject({ stderr: '', exitCode: 0 });
    expect(host.run('sudo sysctl')).toMatchObject({
      stderr: "sysctl: no variables specified\nTry `sysctl --help' for more information.\n",
      exitCode: 1,
    });
  });

  it("reads the namespace it runs in: nsenter into a container's shows 0", () => {
    const host = Host.create({ seed: 7 });
    host.run('docker run -d --name web nginx');
    const pid = host.run("docker inspect -f '{{.State.Pid}}' web").stdout.trim();
    expect(host.run(`sudo nsenter -t ${pid} -n sysctl net.ipv4.ip_forward`).stdout).toBe('net.ipv4.ip_forward = 0\n');
    expect(host.run(`sudo nsenter -t ${pid} -n cat /proc/sys/net/ipv4/ip_forward`).stdout).toBe('0\n');
  });
});

/**
 * net.ipv4.ip_local_port_range is per namespace and starts at 32768-60999 in
 * each (Linux net/ipv4/af_inet.c inet_init_net); /proc prints the pair with a
 * tab between (kernel/sysctl.c __do_proc_dointvec), and procps' sysctl prints
 * the file's text after `key = `.
 */
describe('net.ipv4.ip_local_port_range', () => {
  it('reads 32768<TAB>60999 by cat and sysctl on the host, by cat in a container', () => {
    const host = Host.create({ seed: 7 });
    expect(host.run('cat /proc/sys/net/ipv4/ip_local_port_range').stdout).toBe('32768\t60999\n');
    expect(host.run('sudo sysctl net.ipv4.ip_local_port_range').stdout).toBe(
      'net.ipv4.ip_local_port_range = 32768\t60999\n',
    );
    host.run('docker run -d --name box alpine sleep 1d');
    expect(host.run('docker exec box cat /proc/sys/net/ipv4/ip_local_port_range').stdout).toBe('32768\t60999\n');
  });
});
