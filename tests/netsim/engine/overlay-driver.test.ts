import { describe, expect, it } from 'vitest';
import { macFromIpv4, swarmId } from '../../../src/netsim/engine/overlay-driver';
import { SeededRandom } from '../../../src/netsim/random';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(1);
const ON_OVERLAY = ['docker swarm init', 'docker network create -d overlay --attachable ov'];

describe('the overlay driver on one node (moby daemon/libnetwork/drivers/overlay)', () => {
  it('makes the MAC from the address (netutils.GenerateMACFromIP) and IDs as swarmkit identity.NewID does', () => {
    expect(macFromIpv4(parseIpv4('10.0.1.2')!)).toBe('02:42:0a:00:01:02');
    const id = swarmId(SeededRandom.fromSeed(7));
    expect(id).toMatch(/^[0-9a-z]{25}$/);
    expect(swarmId(SeededRandom.fromSeed(7))).toBe(id);
  });

  it('gives a container eth0 on the overlay (MTU 1450, no gateway) and eth1 on docker_gwbridge, its way out', () => {
    const host = hostAfter(...ON_OVERLAY, 'docker run -d --name a --network ov alpine sleep 1000');
    const addr = host.run('docker exec a ip addr').stdout;
    expect(addr).toMatch(/eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1450 /);
    expect(addr).toContain(
      'link/ether 02:42:0a:00:01:02 brd ff:ff:ff:ff:ff:ff\n    inet 10.0.1.2/24 brd 10.0.1.255 scope global eth0\n',
    );
    // 172.18.0.2 is the ingress sandbox's.
    expect(addr).toMatch(
      /eth1@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 [^\n]*\n[^\n]*\n {4}inet 172\.18\.0\.3\/16 /,
    );
    expect(host.run('docker exec a ip route').stdout).toBe(
      'default via 172.18.0.1 dev eth1 \n10.0.1.0/24 dev eth0 scope link  src 10.0.1.2 \n172.18.0.0/16 dev eth1 scope link  src 172.18.0.3 \n',
    );
    // The overlay endpoint has no gateway in inspect; the docker_gwbridge one is not among the container's networks.
    expect(JSON.parse(host.run("docker inspect -f '{{json .NetworkSettings.Networks}}' a").stdout)).toEqual({
      ov: expect.objectContaining({ Gateway: '', IPAddress: '10.0.1.2', MacAddress: '02:42:0a:00:01:02' }),
    });
    // getEtcHostsAddrs: nothing from docker_gwbridge.
    expect(host.run('docker exec a cat /etc/hosts').stdout).not.toContain('172.18.');
  });

  it('lists the container on docker_gwbridge as gateway_ and 12 hex, and on the overlay with this node as its peer', () => {
    const host = hostAfter(...ON_OVERLAY, 'docker run -d --name a --network ov nginx');
    const gw = JSON.parse(host.run('docker network inspect docker_gwbridge').stdout)[0];
    expect(
      Object.values(gw.Containers)
        .map((c) => (c as { Name: string }).Name)
        .sort(),
    ).toEqual([expect.stringMatching(/^gateway_[0-9a-f]{12}$/), 'gateway_ingress-sbox']);
    const ov = JSON.parse(host.run('docker network inspect ov').stdout)[0];
    expect(ov.Peers).toEqual([{ Name: expect.stringMatching(/^[0-9a-f]{12}$/), IP: '192.168.1.10' }]);
    expect(Object.values(ov.Containers)).toEqual([expect.objectContaining({ Name: 'a', IPv4Address: '10.0.1.2/24' })]);
    expect(ov.Labels).toEqual({});
  });

  it('publishes ports through docker_gwbridge (setupDefaultGW passes the port map)', () => {
    const host = hostAfter(...ON_OVERLAY, 'docker run -d --name web -p 8080:80 --network ov nginx');
    expect(host.run('curl -sI localhost:8080').stdout).toMatch(/^HTTP\/1\.1 200 OK/);
  });

  it('drops docker_gwbridge once another network gives a gateway, and takes it back when that one goes (clearDefaultGW)', () => {
    const host = hostAfter(
      ...ON_OVERLAY,
      'docker run -d --name a --network ov alpine sleep 1000',
      'docker network connect bridge a',
    );
    expect(host.run('docker exec a ip route').stdout).toMatch(/^default via 172\.17\.0\.1 dev eth2 /);
    expect(host.run('docker exec a ip -br link').stdout).not.toMatch(/^eth1/m);
    host.run('docker network disconnect bridge a');
    expect(host.run('docker exec a ip route').stdout).toMatch(/^default via 172\.18\.0\.1 dev eth1 /);
  });

  it("forgets the node's copy when the last container leaves: inspect shows the manager's again, and the host keeps no veth for it", () => {
    const host = hostAfter(...ON_OVERLAY);
    const before = host.run('ip -br link').stdout;
    host.run('docker run --rm --network ov alpine true');
    expect(host.run('ip -br link').stdout).toBe(before);
    const ov = JSON.parse(host.run('docker network inspect ov').stdout)[0];
    expect(ov).not.toHaveProperty('Peers');
    expect(ov.Containers).toEqual({});
  });
});
