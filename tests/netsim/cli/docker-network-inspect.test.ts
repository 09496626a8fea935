import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(31);

// Field order: moby docker-v29.7.2 api/types/network (Network, Inspect, IPAM,
// EndpointResource, Status); counts: defaultipam reserves the network and broadcast
// addresses and the bridge driver takes the gateway. Output: docker/cli's indented
// inspector (four spaces) and its template inspector.
describe('docker network inspect', () => {
  it("prints Docker 29's fields in order, with four-space indentation", () => {
    const [network] = JSON.parse(hostAfter().run('docker network inspect bridge').stdout);
    expect(Object.keys(network)).toEqual([
      'Name',
      'Id',
      'Created',
      'Scope',
      'Driver',
      'EnableIPv4',
      'EnableIPv6',
      'IPAM',
      'Internal',
      'Attachable',
      'Ingress',
      'ConfigFrom',
      'ConfigOnly',
      'Options',
      'Labels',
      'Containers',
      'Status',
    ]);
    expect(network.Created).toMatch(/^2026-11-16T09:30:00(\.\d{1,9})?Z$/);
    expect(hostAfter().run('docker network inspect bridge').stdout).toMatch(/^\[\n {4}\{\n {8}"Name": "bridge",\n/);
  });

  it("describes the default bridge with docker0's options and its IPAM status", () => {
    const [bridge] = JSON.parse(
      hostAfter('docker run -dit --name c1 alpine').run('docker network inspect bridge').stdout,
    );
    expect(bridge.IPAM).toEqual({
      Driver: 'default',
      Options: null,
      Config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }],
    });
    expect(bridge.Options['com.docker.network.bridge.name']).toBe('docker0');
    expect(bridge.Status).toEqual({
      IPAM: { Subnets: { '172.17.0.0/16': { IPsInUse: 4, DynamicIPsAvailable: 65532 } } },
    });
    expect(Object.values(bridge.Containers)).toEqual([
      {
        Name: 'c1',
        EndpointID: expect.stringMatching(/^[0-9a-f]{64}$/),
        MacAddress: expect.stringMatching(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/),
        IPv4Address: '172.17.0.2/16',
        IPv6Address: '',
      },
    ]);
  });

  it('runs a --format template on each network, one line each', () => {
    const host = hostAfter('docker network create --subnet 172.28.0.0/16 --gateway 172.28.0.1 red2');
    expect(
      host.run("docker network inspect -f '{{.Name}}: {{range .IPAM.Config}}{{.Subnet}}{{end}}' bridge red2").stdout,
    ).toBe('bridge: 172.17.0.0/16\nred2: 172.28.0.0/16\n');
  });

  it('reports unknown networks after the others, with status 1', () => {
    expect(hostAfter().run('docker network inspect -f {{.Name}} host nosuch')).toMatchObject({
      stdout: 'host\n',
      stderr: 'Error response from daemon: network nosuch not found\n',
      exitCode: 1,
    });
    expect(hostAfter().run('docker network inspect nosuch').stdout).toBe('[]\n');
  });

  it('reports a template error with status 64', () => {
    expect(hostAfter().run("docker network inspect -f '{{nosuch}}' bridge")).toMatchObject({
      stderr: 'template parsing error: template: :1: function "nosuch" not defined\n',
      exitCode: 64,
    });
  });
});
