import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(37);
const json = (text: string) => JSON.parse(text) as Record<string, Record<string, string>>;

// Expected behaviour: moby docker-v29.7.2. daemon/container_operations.go
// allocateNetwork connects a host or none container to that network at each start
// (connectToNetwork -> Network.CreateEndpoint; the host and null drivers create
// nothing), and cleanOperationalData empties EndpointID at the stop but keeps
// NetworkID. daemon/network.go buildContainerAttachments lists every endpoint with a
// sandbox under its container's ID; buildEndpointResource leaves MacAddress and the
// addresses at their zero values, which marshal as "". daemon/list.go: the network
// filter matches a NetworkSettings.Networks key or a NetworkID prefix.
describe('containers on the host and none networks', () => {
  const setup = [
    'docker run -d --name edge --network host nginx',
    'docker run -dit --name batch --network none alpine',
  ];

  it.each([
    ['host', 'edge'],
    ['none', 'batch'],
  ])('docker network inspect %s lists %s with an endpoint and no addresses', (network, name) => {
    const host = hostAfter(...setup);
    const id = host.run(`docker inspect -f '{{.Id}}' ${name}`).stdout.trim();
    const containers = json(host.run(`docker network inspect -f '{{json .Containers}}' ${network}`).stdout);
    expect(Object.keys(containers)).toEqual([id]);
    expect(containers[id]).toEqual({
      Name: name,
      EndpointID: expect.stringMatching(/^[0-9a-f]{64}$/),
      MacAddress: '',
      IPv4Address: '',
      IPv6Address: '',
    });
    const settings = json(host.run(`docker inspect -f '{{json .NetworkSettings.Networks}}' ${name}`).stdout);
    expect(Object.keys(settings)).toEqual([network]);
    expect(settings[network]!.EndpointID).toBe(containers[id]!.EndpointID);
    expect(settings[network]!.NetworkID).toBe(host.run(`docker network inspect -f '{{.Id}}' ${network}`).stdout.trim());
  });

  it('prints the Containers block of the none network as docker does', () => {
    const host = hostAfter(...setup);
    const id = host.run("docker inspect -f '{{.Id}}' batch").stdout.trim();
    const endpoint = host.run("docker inspect -f '{{.NetworkSettings.Networks.none.EndpointID}}' batch").stdout.trim();
    expect(host.run('docker network inspect none').stdout).toContain(
      `        "Containers": {\n            "${id}": {\n                "Name": "batch",\n                "EndpointID": "${endpoint}",\n                "MacAddress": "",\n                "IPv4Address": "",\n                "IPv6Address": ""\n            }\n        },\n`,
    );
  });

  it('drops the endpoint at the stop, keeps NetworkID, and makes a new endpoint at the next start', () => {
    const host = hostAfter(...setup);
    const before = host.run("docker inspect -f '{{.NetworkSettings.Networks.host.EndpointID}}' edge").stdout;
    host.run('docker stop edge');
    expect(host.run("docker network inspect -f '{{json .Containers}}' host").stdout).toBe('{}\n');
    expect(
      host.run(
        "docker inspect -f '{{.NetworkSettings.Networks.host.EndpointID}}|{{.NetworkSettings.Networks.host.NetworkID}}' edge",
      ).stdout,
    ).toBe(`|${host.run("docker network inspect -f '{{.Id}}' host").stdout}`);
    host.run('docker start edge');
    const after = host.run("docker inspect -f '{{.NetworkSettings.Networks.host.EndpointID}}' edge").stdout;
    expect(after).toMatch(/^[0-9a-f]{64}\n$/);
    expect(after).not.toBe(before);
  });

  it('has no NetworkID before the first start', () => {
    const host = hostAfter('docker create --name later --network host nginx');
    expect(host.run("docker inspect -f '{{.NetworkSettings.Networks.host.NetworkID}}|' later").stdout).toBe('|\n');
  });

  it('shows the network in docker ps and filters on it, stopped containers included', () => {
    const host = hostAfter(
      ...setup,
      'docker run -dit --name c1 alpine',
      'docker create --name later --network host nginx',
    );
    expect(host.run("docker ps -a --format '{{.Names}} {{.Networks}}'").stdout).toBe(
      'later host\nc1 bridge\nbatch none\nedge host\n',
    );
    expect(host.run("docker ps -a --filter network=host --format '{{.Names}}'").stdout).toBe('later\nedge\n');
    expect(host.run("docker ps --filter network=none --format '{{.Names}}'").stdout).toBe('batch\n');
    // An ID prefix matches NetworkID, which a container never started lacks.
    const prefix = host.run("docker network inspect -f '{{.Id}}' host").stdout.slice(0, 6);
    expect(host.run(`docker ps -a --filter network=${prefix} --format '{{.Names}}'`).stdout).toBe('edge\n');
  });
});
