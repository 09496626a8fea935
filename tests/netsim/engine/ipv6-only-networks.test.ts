import { describe, expect, it } from 'vitest';
import type { Host } from '../../../src/netsim/index';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(5);

function inside(host: Host, container: string, command: string) {
  const pid = host.run(`docker inspect -f '{{.State.Pid}}' ${container}`).stdout.trim();
  return host.run(`sudo nsenter -t ${pid} -n ${command}`);
}

const V6ONLY = ['docker network create --ipv4=false --ipv6 --subnet 2001:db8:1::/64 v6only', 'docker run -d --network v6only --name c1 nginx'];

describe('IPv6-only bridge networks (Engine 28+: --ipv4=false --ipv6)', () => {
  it('needs one family at least (drivers/bridge bridge_linux.go CreateNetwork)', () => {
    expect(hostAfter().run('docker network create --ipv4=false v4none')).toMatchObject({ stderr: 'Error response from daemon: IPv4 or IPv6 must be enabled\n', exitCode: 1 });
  });

  it('cannot be a swarm network (libnetwork controller.go NewNetwork)', () => {
    expect(hostAfter('docker swarm init').run('docker network create -d overlay --ipv4=false --ipv6 ov').stderr).toBe('Error response from daemon: IPv4 cannot be disabled in a Swarm scoped network\n');
  });

  it('inspects with EnableIPv4 false and the IPv6 pool alone, and lists IPV4 false', () => {
    const host = hostAfter(...V6ONLY);
    const network = JSON.parse(host.run('docker network inspect v6only').stdout)[0];
    expect(network).toMatchObject({ EnableIPv4: false, EnableIPv6: true, IPAM: { Config: [{ Subnet: '2001:db8:1::/64', Gateway: '2001:db8:1::1' }] } });
    expect(Object.values(network.Containers)).toEqual([expect.objectContaining({ Name: 'c1', IPv4Address: '', IPv6Address: '2001:db8:1::2/64' })]);
    expect(host.run("docker network ls --filter name=v6only --format '{{.IPv4}} {{.IPv6}}'").stdout).toBe('false true\n');
    expect(JSON.parse(host.run("docker inspect -f '{{json .NetworkSettings.Networks.v6only}}' c1").stdout)).toMatchObject({ Gateway: '', IPAddress: '', IPPrefixLen: 0, IPv6Gateway: '2001:db8:1::1', GlobalIPv6Address: '2001:db8:1::2', GlobalIPv6PrefixLen: 64 });
  });

  it('gives the bridge and the container no IPv4 address, the IPv6 default route, and ip6tables rules alone', () => {
    const host = hostAfter(...V6ONLY);
    const bridge = host.run('ip -br addr').stdout.split('\n').find((line) => line.startsWith('br-'))!;
    expect(bridge).toMatch(/^br-[0-9a-f]{12} +UP +2001:db8:1::1\/64 fe80::/);
    expect(inside(host, 'c1', 'ip -4 addr show dev eth0').stdout).toBe('');
    expect(inside(host, 'c1', 'ip -6 route').stdout).toContain('default via 2001:db8:1::1 dev eth0 metric 1024 pref medium\n');
    expect(inside(host, 'c1', 'ip route').stdout).toBe('');
    expect(host.run('sudo iptables -S').stdout).not.toMatch(/br-/);
    expect(host.run('sudo ip6tables -S').stdout).toMatch(/-A DOCKER-FORWARD -i br-[0-9a-f]{12} -j ACCEPT/);
  });

  it('reaches the container over IPv6, and says publishing its ports is not simulated', () => {
    const host = hostAfter(...V6ONLY);
    expect(host.run("curl -s -o /dev/null -w '%{http_code}' 'http://[2001:db8:1::2]/'").stdout).toBe('200');
    expect(host.run('docker run -d -p 8080:80 --network v6only nginx').stderr).toContain('netsim: publishing the ports of a container on an IPv6-only network is not simulated yet');
  });
});
