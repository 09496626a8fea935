import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

describe('ip on a fresh host', () => {
  it('shows docker0 with no ports as NO-CARRIER and state DOWN, and its route as linkdown', () => {
    const host = Host.create();
    expect(host.run('ip link show docker0').stdout).toMatch(
      /^3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN mode DEFAULT group default \n {4}link\/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff\n$/,
    );
    expect(host.run('ip route').stdout).toBe(
      'default via 192.168.1.1 dev eth0 \n172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown \n192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 \n',
    );
  });

  it.each([
    ['ip a', 'address'],
    ['ip addr', 'address'],
    ['ip l', 'link'],
    ['ip r', 'route'],
  ])('reads %s as iproute2 resolves the prefix (%s)', (line, object) => {
    const host = Host.create();
    expect(host.run(line).stdout).toBe(host.run(`ip ${object}`).stdout);
  });

  it.each([
    ['ip foo', 'Object "foo" is unknown, try "ip help".\n', 1],
    ['ip addr show nosuchdev', 'Device "nosuchdev" does not exist.\n', 1],
    ['ip link show dev', 'Command line is not complete. Try option "help"\n', 255],
  ])("%s fails with iproute2's message", (line, stderr, exitCode) => {
    expect(Host.create().run(line)).toMatchObject({ stdout: '', stderr, exitCode });
  });

  it('prints unknown commands as bash does', () => {
    expect(Host.create().run('ipconfig')).toMatchObject({
      stderr: 'bash: ipconfig: command not found\n',
      exitCode: 127,
    });
  });
});
