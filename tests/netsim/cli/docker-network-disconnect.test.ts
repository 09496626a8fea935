import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(41);
const networksOf = (host: ReturnType<typeof hostAfter>, name: string) =>
  host.run(`docker inspect -f '{{json .NetworkSettings.Networks}}' ${name}`).stdout;
const idOf = (host: ReturnType<typeof hostAfter>, name: string) =>
  host.run(`docker inspect -f '{{.Id}}' ${name}`).stdout.trim();

// Expected behaviour and texts: moby docker-v29.7.2 daemon/network.go
// DisconnectContainerFromNetwork (a missing container with force: ForceEndpointDelete,
// FindNetwork then libnetwork Network.EndpointByName, "endpoint %s not found"),
// daemon/container_operations.go DisconnectFromNetwork (a container not running, or
// any with force when FindNetwork fails, loses the NetworkSettings.Networks entry of
// that name; "container %s is not connected to the network %s"), disconnectFromNetwork
// ("container %s is not connected to network %s") and updateNetworkSettings (the
// connect checks); NetworkSettings.Networks keeps a removed network under its name.
describe('docker network disconnect', () => {
  const removedWhileStopped = [
    'docker network create red',
    'docker run -dit --name c1 --network red alpine',
    'docker stop c1',
    'docker network rm red',
  ];

  it('keeps a network removed while the container was stopped in inspect and ps, under its name', () => {
    const host = hostAfter(...removedWhileStopped);
    expect(Object.keys(JSON.parse(networksOf(host, 'c1')))).toEqual(['red']);
    expect(host.run("docker ps -a --format '{{.Names}} {{.Networks}}'").stdout).toBe('c1 red\n');
  });

  it.each([[''], ['-f ']])('%stakes a removed network off a stopped container', (flag) => {
    const host = hostAfter(...removedWhileStopped);
    expect(host.run(`docker network disconnect ${flag}red c1`)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(networksOf(host, 'c1')).toBe('{}\n');
    expect(host.run(`docker network disconnect ${flag}red c1`)).toMatchObject({
      stderr: `Error response from daemon: container ${idOf(host, 'c1')} is not connected to the network red\n`,
      exitCode: 1,
    });
  });

  it('answers for a stopped container without looking for the network', () => {
    const host = hostAfter('docker run -dit --name c1 alpine', 'docker stop c1');
    expect(host.run('docker network disconnect nosuch c1').stderr).toBe(
      `Error response from daemon: container ${idOf(host, 'c1')} is not connected to the network nosuch\n`,
    );
  });

  it('looks for the network first for a running container, unless forced', () => {
    const host = hostAfter('docker run -dit --name c1 alpine');
    expect(host.run('docker network disconnect nosuch c1').stderr).toBe(
      'Error response from daemon: network nosuch not found\n',
    );
    expect(host.run('docker network disconnect -f nosuch c1').stderr).toBe(
      `Error response from daemon: container ${idOf(host, 'c1')} is not connected to the network nosuch\n`,
    );
  });

  it.each([
    ['docker network disconnect bridge gone', 'Error response from daemon: No such container: gone\n'],
    ['docker network disconnect -f bridge gone', 'Error response from daemon: endpoint gone not found\n'],
    ['docker network disconnect -f nosuch gone', 'Error response from daemon: network nosuch not found\n'],
  ])('%s, the container removed', (line, stderr) => {
    expect(hostAfter('docker run -d --name gone nginx', 'docker rm -f gone').run(line)).toMatchObject({
      stdout: '',
      stderr,
      exitCode: 1,
    });
  });

  it('moves a none container to the default bridge: off none first, then connect', () => {
    const host = hostAfter('docker run -dit --name n1 --network none alpine');
    expect(host.run('docker network connect bridge n1').stderr).toBe(
      'Error response from daemon: container cannot be connected to multiple networks with one of the networks in private (none) mode\n',
    );
    expect(host.run('docker network disconnect none n1').exitCode).toBe(0);
    expect(host.run("docker network inspect -f '{{json .Containers}}' none").stdout).toBe('{}\n');
    expect(host.run('docker network connect bridge n1').exitCode).toBe(0);
    expect(
      host.run("docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}{{end}}' n1")
        .stdout,
    ).toBe('bridge 172.17.0.2\n');
  });

  it('refuses the host network to a running host container and to any other container', () => {
    const host = hostAfter('docker run -d --name h1 --network host nginx', 'docker run -dit --name c1 alpine');
    expect(host.run('docker network disconnect host h1').stderr).toBe(
      'Error response from daemon: cannot disconnect container from host network - container was created in host network mode\n',
    );
    expect(host.run('docker network connect host c1').stderr).toBe(
      'Error response from daemon: cannot connect container to host network - container must be created in host network mode\n',
    );
    host.run('docker stop h1');
    expect(host.run('docker network disconnect host h1').exitCode).toBe(0);
    expect(networksOf(host, 'h1')).toBe('{}\n');
  });
});
