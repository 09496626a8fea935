import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * The lesson of issue 15: two namespaces, a bridge and two veth pairs built by
 * hand with ip, a ping across them, and Docker's own namespace registered in
 * /run/netns to compare. Messages as in golden/linux/session.ip-link.txt.
 */
describe('a namespace lab built by hand with ip on the Docker host', () => {
  const lab = [
    'sudo ip netns add red',
    'sudo ip netns add blue',
    'sudo ip link add br0 type bridge',
    'sudo ip link add veth-red type veth peer name veth-red-br',
    'sudo ip link add veth-blue type veth peer name veth-blue-br',
    'sudo ip link set veth-red netns red',
    'sudo ip link set veth-blue netns blue',
    'sudo ip link set veth-red-br master br0',
    'sudo ip link set veth-blue-br master br0',
    'sudo ip netns exec red ip addr add 10.0.0.2/24 dev veth-red',
    'sudo ip -n blue addr add 10.0.0.3/24 dev veth-blue',
    'sudo ip link set br0 up',
    'sudo ip link set veth-red-br up',
    'sudo ip link set veth-blue-br up',
    'sudo ip -n red link set veth-red up',
    'sudo ip -n blue link set veth-blue up',
  ];

  it('runs every step silently, then pings from red to blue across br0', () => {
    const host = Host.create();
    for (const line of lab) expect(host.run(line), line).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    const ping = host.run('sudo ip netns exec red ping -c 2 10.0.0.3');
    expect(ping.exitCode).toBe(0);
    expect(ping.stdout).toMatch(
      /^PING 10\.0\.0\.3 \(10\.0\.0\.3\) 56\(84\) bytes of data\.\n64 bytes from 10\.0\.0\.3: icmp_seq=1 ttl=64 time=/,
    );
    expect(ping.stdout).toContain('2 packets transmitted, 2 received, 0% packet loss');
    expect(host.run('ip netns list').stdout).toBe('blue (id: 1)\nred (id: 0)\n');
    expect(host.run('sudo bridge link').stdout).toMatch(
      /veth-red-br@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 master br0 state forwarding priority 32 cost 2 \n.*veth-blue-br@if\d+: .* master br0 state forwarding/,
    );
    expect(host.run('sudo ip -n red route').stdout).toBe(
      '10.0.0.0/24 dev veth-red proto kernel scope link src 10.0.0.2 \n',
    );
  });

  it("refuses a normal user with the kernel's and iproute2's messages", () => {
    const host = Host.create();
    expect(host.run('ip link add br0 type bridge')).toMatchObject({
      stderr: 'RTNETLINK answers: Operation not permitted\n',
      exitCode: 2,
    });
    expect(host.run('ip link set nosuch up')).toMatchObject({ stderr: 'Cannot find device "nosuch"\n', exitCode: 1 });
    expect(host.run('ip addr add 10.9.9.9/24 dev eth0')).toMatchObject({
      stderr: 'RTNETLINK answers: Operation not permitted\n',
      exitCode: 2,
    });
    host.run('sudo ip netns add red');
    expect(host.run('ip netns exec red ip link')).toMatchObject({
      stderr: 'setting the network namespace "red" failed: Operation not permitted\n',
      exitCode: 255,
    });
    expect(host.run('sudo ip netns add red')).toMatchObject({
      stderr: 'Cannot create namespace file "/run/netns/red": File exists\n',
      exitCode: 1,
    });
    expect(host.run('sudo ip link add eth0 type bridge')).toMatchObject({
      stderr: 'RTNETLINK answers: File exists\n',
      exitCode: 2,
    });
    expect(host.run('sudo ip addr add 172.17.0.1/16 dev docker0')).toMatchObject({
      stderr: 'Error: ipv4: Address already assigned.\n',
      exitCode: 2,
    });
  });

  it("lists a container's namespace once attached by its PID, and shows its eth0 from there", () => {
    const host = Host.create();
    host.run('docker run -dit --name c1 alpine');
    const pid = host.run("docker inspect -f '{{.State.Pid}}' c1").stdout.trim();
    expect(host.run(`sudo ip netns attach c1 ${pid}`)).toMatchObject({ stderr: '', exitCode: 0 });
    expect(host.run('ip netns list').stdout).toBe('c1 (id: 0)\n');
    expect(host.run(`ip netns identify ${pid}`).stdout).toBe('c1\n');
    expect(host.run('sudo ip netns exec c1 ip -br addr').stdout).toMatch(
      /^lo +UNKNOWN +127\.0\.0\.1\/8 ::1\/128 \neth0@if\d+ +UP +172\.17\.0\.2\/16 \n$/,
    );
    expect(host.run('sudo ip netns del c1').exitCode).toBe(0);
    expect(host.run('docker exec c1 ping -c 1 172.17.0.1').exitCode).toBe(0);
  });
});
