import { describe, expect, it } from 'vitest';
import type { Host } from '../../../src/netsim/index';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(5);

function inside(host: Host, container: string, command: string) {
  const pid = host.run(`docker inspect -f '{{.State.Pid}}' ${container}`).stdout.trim();
  return host.run(`sudo nsenter -t ${pid} -n ${command}`);
}

const V6ONLY = [
  'docker network create --ipv4=false --ipv6 --subnet 2001:db8:1::/64 v6only',
  'docker run -d --network v6only --name c1 nginx',
];

describe('IPv6-only bridge networks (Engine 28+: --ipv4=false --ipv6)', () => {
  it('needs one family at least (drivers/bridge bridge_linux.go CreateNetwork)', () => {
    expect(hostAfter().run('docker network create --ipv4=false v4none')).toMatchObject({
      stderr: 'Error response from daemon: IPv4 or IPv6 must be enabled\n',
      exitCode: 1,
    });
  });

  it('cannot be a swarm network (libnetwork controller.go NewNetwork)', () => {
    expect(hostAfter('docker swarm init').run('docker network create -d overlay --ipv4=false --ipv6 ov').stderr).toBe(
      'Error response from daemon: IPv4 cannot be disabled in a Swarm scoped network\n',
    );
  });

  it('inspects with EnableIPv4 false and the IPv6 pool alone, and lists IPV4 false', () => {
    const host = hostAfter(...V6ONLY);
    const network = JSON.parse(host.run('docker network inspect v6only').stdout)[0];
    expect(network).toMatchObject({
      EnableIPv4: false,
      EnableIPv6: true,
      IPAM: { Config: [{ Subnet: '2001:db8:1::/64', Gateway: '2001:db8:1::1' }] },
    });
    expect(Object.values(network.Containers)).toEqual([
      expect.objectContaining({ Name: 'c1', IPv4Address: '', IPv6Address: '2001:db8:1::2/64' }),
    ]);
    expect(host.run("docker network ls --filter name=v6only --format '{{.IPv4}} {{.IPv6}}'").stdout).toBe(
      'false true\n',
    );
    expect(
      JSON.parse(host.run("docker inspect -f '{{json .NetworkSettings.Networks.v6only}}' c1").stdout),
    ).toMatchObject({
      Gateway: '',
      IPAddress: '',
      IPPrefixLen: 0,
      IPv6Gateway: '2001:db8:1::1',
      GlobalIPv6Address: '2001:db8:1::2',
      GlobalIPv6PrefixLen: 64,
    });
  });

  it('gives the bridge and the container no IPv4 address, the IPv6 default route, and ip6tables rules alone', () => {
    const host = hostAfter(...V6ONLY);
    const bridge = host
      .run('ip -br addr')
      .stdout.split('\n')
      .find((line) => line.startsWith('br-'))!;
    expect(bridge).toMatch(/^br-[0-9a-f]{12} +UP +2001:db8:1::1\/64 fe80::/);
    expect(inside(host, 'c1', 'ip -4 addr show dev eth0').stdout).toBe('');
    expect(inside(host, 'c1', 'ip -6 route').stdout).toContain(
      'default via 2001:db8:1::1 dev eth0 metric 1024 pref medium\n',
    );
    expect(inside(host, 'c1', 'ip route').stdout).toBe('');
    expect(host.run('sudo iptables -S').stdout).not.toMatch(/br-/);
    expect(host.run('sudo ip6tables -S').stdout).toMatch(/-A DOCKER-FORWARD -i br-[0-9a-f]{12} -j ACCEPT/);
  });

  it('reaches the container over IPv6', () => {
    const host = hostAfter(...V6ONLY);
    expect(host.run("curl -s -o /dev/null -w '%{http_code}' 'http://[2001:db8:1::2]/'").stdout).toBe('200');
  });
});

// moby docker-v29.7.2 drivers/bridge/port_mapping_linux.go sortAndNormPBs: with no IPv4
// address, configurePortBindingIPv4 makes no binding and configurePortBindingIPv6 binds
// [::] to the container's IPv6 address; the IPv6 rules are iptabler/port.go's for ip6tables,
// and docker-proxy's argv is portmapper/proxy_linux.go's.
describe('publishing ports on an IPv6-only network', () => {
  const published = [...V6ONLY.slice(0, 1), 'docker run -d --network v6only --name web -p 8080:80 nginx'];

  it("binds [::] only, forwarded by ip6tables and docker-proxy to the container's IPv6 address", () => {
    const host = hostAfter(...published);
    expect(host.run('docker port web').stdout).toBe('80/tcp -> [::]:8080\n');
    expect(host.run("docker ps --format '{{.Ports}}'").stdout).toBe('[::]:8080->80/tcp\n');
    expect(host.run("docker inspect -f '{{json .NetworkSettings.Ports}}' web").stdout).toBe(
      '{"80/tcp":[{"HostIp":"::","HostPort":"8080"}]}\n',
    );
    expect(host.run('sudo ip6tables -t nat -S DOCKER').stdout).toMatch(
      /^-N DOCKER\n-A DOCKER ! -s fe80::\/10 ! -i br-[0-9a-f]{12} -p tcp -m tcp --dport 8080 -j DNAT --to-destination \[2001:db8:1::2\]:80\n$/,
    );
    expect(host.run('sudo ip6tables -S DOCKER').stdout).toMatch(
      /-A DOCKER -d 2001:db8:1::2\/128 ! -i br-[0-9a-f]{12} -o br-[0-9a-f]{12} -p tcp -m tcp --dport 80 -j ACCEPT\n/,
    );
    expect(host.run('sudo iptables -t nat -S DOCKER').stdout).toBe('-N DOCKER\n');
    expect(host.run('ps -ef | grep [d]ocker-proxy').stdout).toMatch(
      / \/usr\/bin\/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 2001:db8:1::2 -container-port 80 -use-listen-fd\n$/,
    );
  });

  it("answers on the host's IPv6 addresses, not on IPv4", () => {
    const host = hostAfter(...published);
    expect(host.run("curl -s -o /dev/null -w '%{http_code}' 'http://[::1]:8080/'").stdout).toBe('200');
    expect(host.run('curl -sS http://127.0.0.1:8080/')).toMatchObject({ exitCode: 7 });
  });

  it('makes no binding for an IPv4 host address, and removes everything with the container', () => {
    const host = hostAfter(...published, 'docker run -d --network v6only --name local -p 127.0.0.1:8081:80 nginx');
    expect(host.run('docker port local')).toMatchObject({ stdout: '', exitCode: 0 });
    host.run('docker rm -f web local');
    expect(host.run('sudo ip6tables -t nat -S DOCKER').stdout).toBe('-N DOCKER\n');
    expect(host.run('ps -ef | grep -c [d]ocker-proxy').stdout).toBe('0\n');
  });
});
