import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(23);

/**
 * What Docker 29 reports for networks of other drivers and options. Sources,
 * moby docker-v29.7.2: api/types/network (IPAMConfig: Subnet, IPRange, Gateway
 * omitzero, AuxiliaryAddresses omitempty), daemon/network.go (EnableIPv4 true
 * unless asked otherwise; driver options kept as given), libnetwork/network.go
 * IPAMStatus (every driver but host and null) and defaultipam allocationStatus
 * (IPsInUse counts the whole pool, DynamicIPsAvailable what the ip-range has
 * left); docker/cli sends IPAM.Options {} and the labels of --label.
 */
describe('docker network inspect of macvlan, ipvlan and optioned bridge networks', () => {
  it("shows a macvlan network's driver, options, IP range, labels and status", () => {
    const host = hostAfter(
      'docker network create -d macvlan --subnet 192.168.1.0/24 --ip-range 192.168.1.192/27 --gateway 192.168.1.1 -o parent=eth0 -o macvlan_mode=bridge --label site=home --attachable lan',
      'docker run -d --network lan --name m1 nginx',
    );
    const [network] = JSON.parse(host.run('docker network inspect lan').stdout);
    expect(network).toMatchObject({
      Name: 'lan',
      Scope: 'local',
      Driver: 'macvlan',
      EnableIPv4: true,
      EnableIPv6: false,
      IPAM: {
        Driver: 'default',
        Options: {},
        Config: [{ Subnet: '192.168.1.0/24', IPRange: '192.168.1.192/27', Gateway: '192.168.1.1' }],
      },
      Internal: false,
      Attachable: true,
      Options: { macvlan_mode: 'bridge', parent: 'eth0' },
      Labels: { site: 'home' },
      // The network and broadcast addresses, the gateway, m1; the /27 has 32 addresses.
      Status: { IPAM: { Subnets: { '192.168.1.0/24': { IPsInUse: 4, DynamicIPsAvailable: 31 } } } },
    });
    expect(Object.values(network.Containers)).toMatchObject([{ Name: 'm1', IPv4Address: '192.168.1.192/24' }]);
    expect(Object.keys(network.Options)).toEqual(['macvlan_mode', 'parent']);
  });

  it('leaves Gateway out of a macvlan or ipvlan network created without one (omitzero)', () => {
    const host = hostAfter('docker network create -d ipvlan --subnet 10.20.0.0/24 -o parent=eth0 -o ipvlan_mode=l3 l3');
    expect(host.run("docker network inspect -f '{{json .IPAM.Config}} {{json .Options}}' l3").stdout).toBe(
      '[{"Subnet":"10.20.0.0/24"}] {"ipvlan_mode":"l3","parent":"eth0"}\n',
    );
    expect(
      host.run("docker network inspect -f '{{range .IPAM.Config}}{{.Gateway}}|{{.IPRange}}{{end}}' l3").stdout,
    ).toBe('invalid IP|invalid Prefix\n');
  });

  it('shows -o options of a bridge network as given, and a --ipv4 flag wins over the option it replaces', () => {
    const host = hostAfter(
      'docker network create -o com.docker.network.bridge.name=br-lab -o com.docker.network.enable_ipv4=false --ipv4 lab',
    );
    const [network] = JSON.parse(host.run('docker network inspect lab').stdout);
    expect({ EnableIPv4: network.EnableIPv4, Options: network.Options }).toEqual({
      EnableIPv4: true,
      Options: { 'com.docker.network.bridge.name': 'br-lab' },
    });
  });
});
