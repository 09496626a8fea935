import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(9);

/** Writes daemon.json as a reader would, then restarts the daemon to read it. */
const withDaemonJson = (json: string, ...lines: string[]) =>
  hostAfter(
    `cat <<'EOF' | sudo tee /etc/docker/daemon.json > /dev/null\n${json}\nEOF`,
    'sudo systemctl restart docker',
    ...lines,
  );

/**
 * The daemon.json keys moby docker-v29.7.2 applies at start: userland-proxy
 * (firewaller Config.Hairpin, port_mapping_linux.go), bip and
 * default-address-pools (initBridgeDriver, ipamutils), ip (the default
 * binding address), dns (container DNS when --dns is absent), iptables (a stub
 * firewaller). Rule texts are those of iptabler's TestIptabler goldens.
 */
describe('daemon.json applied at a restart', () => {
  it('without the userland proxy: no docker-proxy, dockerd holds the port, hairpin NAT, no [::] binding', () => {
    const host = withDaemonJson('{"userland-proxy": false}', 'docker run -d --name web -p 8080:80 nginx');
    expect(host.run('docker port web').stdout).toBe('80/tcp -> 0.0.0.0:8080\n');
    expect(host.run('ps -e -o comm').stdout).not.toContain('docker-proxy');
    expect(host.run('sudo ss -tlnpH').stdout).toMatch(/0\.0\.0\.0:8080 .*users:\(\("dockerd",pid=\d+,fd=\d+\)\)/);
    const nat = host.run('sudo iptables -t nat -S').stdout;
    expect(nat).toContain('-A OUTPUT -m addrtype --dst-type LOCAL -j DOCKER\n');
    expect(nat).toContain(
      '-A POSTROUTING -o docker0 -m addrtype --src-type LOCAL -j MASQUERADE\n-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE\n',
    );
    expect(nat).toContain('-A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80\n');
    expect(host.run('curl -s -o /dev/null -w "%{http_code}" 127.0.0.1:8080').stdout).toBe('200');
  });

  // sortAndNormPBs (port_mapping_linux.go): without the proxy, [::] is bound for a container with an IPv6 address, to that address.
  it('without the userland proxy still binds [::] for a container with an IPv6 address', () => {
    const host = withDaemonJson(
      '{"userland-proxy": false}',
      'docker network create --ipv6 --subnet 2001:db8:5::/64 dual',
      'docker run -d --name web --network dual -p 8080:80 nginx',
    );
    expect(host.run('docker port web').stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect(host.run('sudo ip6tables -t nat -S DOCKER').stdout).toContain(
      '-j DNAT --to-destination [2001:db8:5::2]:80\n',
    );
  });

  // docs.docker.com "Use IPv6 for the default bridge network": {"ipv6": true, "fixed-cidr-v6": "2001:db8:1::/64"};
  // initBridgeDriver gives docker0 the subnet's first address and containers the next ones.
  it('makes the default bridge dual-stack with ipv6 and fixed-cidr-v6', () => {
    const host = withDaemonJson(
      '{"ipv6": true, "fixed-cidr-v6": "2001:db8:1::/64"}',
      'docker run -d --name c1 alpine sleep 1000',
    );
    expect(
      host.run(
        "docker network inspect -f '{{.EnableIPv6}} {{range .IPAM.Config}}{{.Subnet}} {{.Gateway}} {{end}}' bridge",
      ).stdout,
    ).toBe('true 172.17.0.0/16 172.17.0.1 2001:db8:1::/64 2001:db8:1::1 \n');
    expect(host.run("docker inspect -f '{{.NetworkSettings.Networks.bridge.GlobalIPv6Address}}' c1").stdout).toBe(
      '2001:db8:1::2\n',
    );
    expect(host.run('ip -6 addr show docker0').stdout).toContain('    inet6 2001:db8:1::1/64 scope global nodad \n');
    expect(host.run('docker exec c1 ping -6 -c 1 2001:db8:1::1').exitCode).toBe(0);
    expect(host.run('sudo ip6tables -t nat -S POSTROUTING').stdout).toContain(
      '-A POSTROUTING -s 2001:db8:1::/64 ! -o docker0 -j MASQUERADE\n',
    );
  });

  it('takes a /64 of the default IPv6 pool for the default bridge when ipv6 comes without fixed-cidr-v6', () => {
    const host = withDaemonJson('{"ipv6": true}');
    expect(
      host.run("docker network inspect -f '{{.EnableIPv6}} {{range .IPAM.Config}}{{.Subnet}} {{end}}' bridge").stdout,
    ).toMatch(/^true 172\.17\.0\.0\/16 fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::\/64 \n$/);
  });

  it('refuses a fixed-cidr-v6 without a prefix length, as ValidateFixedCIDRV6 does', () => {
    const host = withDaemonJson('{"ipv6": true, "fixed-cidr-v6": "2001:db8:1::"}');
    expect(host.run('sudo journalctl -u docker').stdout).toContain(
      `invalid fixed-cidr-v6: invalid fixed-cidr-v6: netip.ParsePrefix("2001:db8:1::"): no '/'\n`,
    );
  });

  it('puts docker0 at bip, and takes new networks from default-address-pools', () => {
    const host = withDaemonJson(
      '{"bip": "10.55.0.1/24", "default-address-pools": [{"base": "10.200.0.0/16", "size": 24}]}',
      'docker network create n1',
    );
    expect(host.run('ip -4 -br addr show docker0').stdout).toBe('docker0          DOWN           10.55.0.1/24 \n');
    expect(host.run("docker network inspect -f '{{json .IPAM.Config}}' bridge n1").stdout).toBe(
      '[{"Subnet":"10.55.0.0/24","Gateway":"10.55.0.1"}]\n[{"Subnet":"10.200.0.0/24","Gateway":"10.200.0.1"}]\n',
    );
  });

  it('gives the default bridge a new ID at each start, and its containers follow it', () => {
    const host = hostAfter('docker run -d --name web --restart always nginx');
    const before = host.run("docker network inspect -f '{{.Id}}' bridge").stdout;
    host.run('sudo systemctl restart docker');
    const after = host.run("docker network inspect -f '{{.Id}}' bridge").stdout;
    expect(after).not.toBe(before);
    expect(host.run("docker inspect -f '{{.NetworkSettings.Networks.bridge.NetworkID}}' web").stdout).toBe(after);
  });

  it('sets up the stored networks before it makes the default bridge again (populateNetworks, then initBridgeDriver)', () => {
    const host = hostAfter('docker network create red', 'sudo systemctl restart docker');
    const bridge = `br-${host.run("docker network inspect -f '{{.Id}}' red").stdout.slice(0, 12)}`;
    expect(host.run('sudo iptables -S DOCKER').stdout).toBe(
      `-N DOCKER\n-A DOCKER ! -i ${bridge} -o ${bridge} -j DROP\n-A DOCKER ! -i docker0 -o docker0 -j DROP\n`,
    );
    // MASQUERADE is inserted at the top, so docker0's, made last, comes first.
    expect(host.run('sudo iptables -t nat -S POSTROUTING').stdout).toBe(
      `-P POSTROUTING ACCEPT\n-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE\n-A POSTROUTING -s 172.18.0.0/16 ! -o ${bridge} -j MASQUERADE\n`,
    );
  });

  it('binds -p to `ip` when the mapping names no address, and then drops its port in raw from off the host', () => {
    const host = withDaemonJson('{"ip": "127.0.0.1"}', 'docker run -d --name web -p 9090:80 nginx');
    expect(host.run('docker port web').stdout).toBe('80/tcp -> 127.0.0.1:9090\n');
    expect(host.run('sudo iptables -t raw -S PREROUTING').stdout).toContain(
      '-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 9090 -j DROP\n',
    );
  });

  it("gives containers the daemon's dns servers unless --dns says otherwise", () => {
    const host = withDaemonJson(
      '{"dns": ["9.9.9.9"]}',
      'docker run -d --name a alpine sleep 100',
      'docker run -d --name b --dns 1.1.1.1 alpine sleep 100',
    );
    expect(host.run('docker exec a cat /etc/resolv.conf').stdout).toContain('\nnameserver 9.9.9.9\n');
    expect(host.run('docker exec b cat /etc/resolv.conf').stdout).toContain('\nnameserver 1.1.1.1\n');
  });

  it("leaves an earlier run's rules with iptables false, until a run with iptables cleans them (NewIptabler only runs with it)", () => {
    const host = hostAfter('docker network create red');
    const before = host.run('sudo iptables-save').stdout.replace(/^#.*\n/gm, '');
    host.run(`echo '{"iptables": false}' | sudo tee /etc/docker/daemon.json`);
    host.run('sudo systemctl restart docker');
    expect(
      host
        .run('sudo iptables-save')
        .stdout.replace(/^#.*\n/gm, '')
        .replace(/\[\d+:\d+\]/g, ''),
    ).toBe(before.replace(/\[\d+:\d+\]/g, ''));
    host.run('docker network create blue');
    expect(host.run('sudo iptables -S').stdout).not.toContain(
      'br-' + host.run("docker network inspect -f '{{.Id}}' blue").stdout.slice(0, 12),
    );
    host.run('echo {} | sudo tee /etc/docker/daemon.json');
    host.run('sudo systemctl restart docker');
    const blue = `br-${host.run("docker network inspect -f '{{.Id}}' blue").stdout.slice(0, 12)}`;
    expect(host.run('sudo iptables -S DOCKER').stdout).toContain(`-A DOCKER ! -i ${blue} -o ${blue} -j DROP\n`);
    expect(host.run('sudo iptables -S DOCKER').stdout.match(/-j DROP/g)).toHaveLength(3);
  });

  it('adds no rule of its own with iptables false (the firewaller is a stub)', () => {
    const host = withDaemonJson(
      '{"iptables": false}',
      'sudo iptables -t nat -F',
      'sudo iptables -F',
      'sudo iptables -X',
      'sudo iptables -t nat -X',
      'sudo iptables -P FORWARD ACCEPT',
      'docker network create n1',
      'docker run -d --name web --network n1 -p 8080:80 -p 127.0.0.1:8081:80 nginx',
    );
    expect(host.run('sudo iptables-save').stdout).not.toMatch(/^-A /m);
  });
});

describe('a published port on 127.0.0.1', () => {
  it('drops what reaches it from off the host in raw PREROUTING, until the container goes (filterPortMappedOnLoopback)', () => {
    const host = hostAfter('docker run -d --name web -p 127.0.0.1:8080:80 nginx');
    expect(host.run('sudo iptables -t raw -S PREROUTING').stdout).toBe(
      '-P PREROUTING ACCEPT\n-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP\n-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8080 -j DROP\n',
    );
    host.run('docker rm -f web');
    expect(host.run('sudo iptables -t raw -S PREROUTING').stdout).toBe('-P PREROUTING ACCEPT\n');
  });
});

describe('gateway_mode_ipv4', () => {
  it('routed: no MASQUERADE, ICMP and the published port let in, no direct-access DROP, no host port', () => {
    const host = hostAfter(
      'docker network create -o com.docker.network.bridge.gateway_mode_ipv4=routed r1',
      'docker run -d --name web --network r1 -p 8080:80 nginx',
    );
    const bridge = host.run("docker network inspect -f '{{.Id}}' r1").stdout.slice(0, 12);
    expect(host.run('sudo iptables -S DOCKER').stdout).toBe(
      `-N DOCKER\n-A DOCKER -d 172.18.0.2/32 ! -i br-${bridge} -o br-${bridge} -p tcp -m tcp --dport 80 -j ACCEPT\n-A DOCKER ! -i docker0 -o docker0 -j DROP\n-A DOCKER -o br-${bridge} -p icmp -j ACCEPT\n-A DOCKER ! -i br-${bridge} -o br-${bridge} -j DROP\n`,
    );
    expect(host.run('sudo iptables -t nat -S').stdout).not.toContain('172.18.0.0/16');
    expect(host.run('sudo iptables -t raw -S').stdout).not.toContain('172.18.0.2');
    expect(host.run("docker ps --format '{{.Ports}}'").stdout).toBe('\n');
  });

  it('nat-unprotected: MASQUERADE and DNAT, an ACCEPT where nat has its DROP, no per-port ACCEPT', () => {
    const host = hostAfter(
      'docker network create -o com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected u1',
      'docker run -d --name web --network u1 -p 8080:80 nginx',
    );
    const bridge = `br-${host.run("docker network inspect -f '{{.Id}}' u1").stdout.slice(0, 12)}`;
    expect(host.run('sudo iptables -S DOCKER').stdout).toBe(
      `-N DOCKER\n-A DOCKER ! -i docker0 -o docker0 -j DROP\n-A DOCKER ! -i ${bridge} -o ${bridge} -j ACCEPT\n`,
    );
    expect(host.run('sudo iptables -t nat -S').stdout).toContain(
      `-A POSTROUTING -s 172.18.0.0/16 ! -o ${bridge} -j MASQUERADE\n`,
    );
    expect(host.run('sudo iptables -t raw -S').stdout).not.toContain('172.18.0.2');
  });

  it("refuses a mode newGwMode does not know, with parseErr's words", () => {
    expect(hostAfter().run('docker network create -o com.docker.network.bridge.gateway_mode_ipv4=bogus x').stderr).toBe(
      'Error response from daemon: failed to parse com.docker.network.bridge.gateway_mode_ipv4 value: bogus (unknown gateway mode bogus)\n',
    );
  });
});
