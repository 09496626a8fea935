import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(17);
const idOf = (host: ReturnType<typeof hostAfter>, name: string) =>
  host.run(`docker inspect -f '{{.Id}}' ${name}`).stdout.trim();
const runError = (message: string) =>
  `docker: Error response from daemon: ${message}\n\nRun 'docker run --help' for more information\n`;

// `--network container:NAME` as moby docker-v29.7.2 does it: daemon/daemon_unix.go
// adaptSharedNamespaceContainer (NAME kept as its ID), daemon/container_operations.go
// updateContainerNetworkSettings (no Networks of its own), initializeNetworking and
// getNetworkedContainer (NAME's hostname and files; the start-time errors),
// initializeNetworkingPaths, oci_linux.go (the process enters /proc/PID/ns/net of NAME),
// connectToNetwork (no other network while it runs).
describe('docker run --network container:NAME', () => {
  it("sees NAME's interfaces, addresses and listening ports", () => {
    const host = hostAfter('docker run -d --name web nginx');
    const mac = host.run("docker inspect -f '{{.NetworkSettings.Networks.bridge.MacAddress}}' web").stdout.trim();
    const seen = host.run('docker run --rm --network container:web alpine ip addr show eth0').stdout;
    expect(seen).toContain(`link/ether ${mac} brd ff:ff:ff:ff:ff:ff`);
    expect(seen).toContain('inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0');
    expect(host.run('docker run --rm --network container:web nicolaka/netshoot curl -sI localhost').stdout).toMatch(
      /^HTTP\/1\.1 200 OK\r?\n/,
    );
  });

  it("takes NAME's hostname and /etc files, and inspect shows container:<id> with no network of its own", () => {
    const host = hostAfter(
      'docker run -d --name web nginx',
      'docker run -d --name side --network container:web alpine sleep 1000',
    );
    const web = idOf(host, 'web');
    expect(host.run('docker exec side hostname').stdout).toBe(`${web.slice(0, 12)}\n`);
    expect(host.run('docker exec side cat /etc/hosts').stdout).toBe(host.run('docker exec web cat /etc/hosts').stdout);
    const inspect =
      "docker inspect -f '{{.HostConfig.NetworkMode}}|{{json .NetworkSettings.Networks}}|{{.NetworkSettings.SandboxKey}}|{{.Config.Hostname}}|{{.HostsPath}}' side";
    expect(host.run(inspect).stdout).toBe(
      `container:${web}|{}||${web.slice(0, 12)}|/var/lib/docker/containers/${web}/hosts\n`,
    );
    expect(host.run("docker ps --format '{{.Names}}:{{.Networks}}'").stdout).toBe('side:\nweb:bridge\n');
  });

  it('cannot be connected to another network while it runs', () => {
    const host = hostAfter(
      'docker run -d --name web nginx',
      'docker run -d --name side --network container:web alpine sleep 1000',
    );
    expect(host.run('docker network connect bridge side')).toMatchObject({
      stderr:
        'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n',
      exitCode: 1,
    });
  });

  it.each([
    ['-p 8080:80', 'conflicting options: port publishing and the container type network mode'],
    ['-P', 'conflicting options: port publishing and the container type network mode'],
    ['--expose 80', 'conflicting options: port exposing and the container type network mode'],
    ['--hostname x', 'conflicting options: hostname and the network mode'],
    ['--dns 1.1.1.1', 'conflicting options: dns and the network mode'],
    ['--add-host db:10.0.0.5', 'conflicting options: custom host-to-IP mapping and the network mode'],
    [
      '--link web',
      "conflicting options: container type network can't be used with links. This would result in undefined behavior",
    ],
    [
      '--ip 172.17.0.50',
      'invalid config for network container:web: invalid endpoint settings:\nuser-specified IP address is supported on user-defined networks only',
    ],
  ])('refuses %s (runconfig validateNetContainerMode, validateEndpointSettings)', (option, message) => {
    const host = hostAfter('docker run -d --name web nginx');
    expect(host.run(`docker run ${option} --network container:web alpine true`)).toMatchObject({
      stdout: '',
      stderr: runError(message),
      exitCode: 125,
    });
  });

  it('refuses a network alias in the client, and ignores --mac-address (API 1.44+ sends it in an endpoint config the mode never reads)', () => {
    const host = hostAfter('docker run -d --name web nginx');
    expect(host.run('docker run --network container:web --network-alias a alpine true').stderr).toBe(
      "docker: network-scoped aliases are only supported for user-defined networks\n\nRun 'docker run --help' for more information\n",
    );
    expect(
      host.run('docker run --rm --network container:web --mac-address 02:42:ac:11:00:99 alpine echo ok'),
    ).toMatchObject({ stdout: 'ok\n', exitCode: 0 });
  });

  it.each([['container:'], ['container']])('refuses --network %s without a name', (mode) => {
    expect(hostAfter().run(`docker run --network ${mode} alpine true`).stderr).toBe(
      runError('invalid network mode: invalid container format container:<name|id>'),
    );
  });

  it('is created for a missing or stopped NAME, and fails to start', () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker stop web');
    expect(host.run('docker run --network container:nosuch alpine true').stderr).toBe(
      runError('joining network namespace of container: No such container: nosuch'),
    );
    expect(host.run('docker run --network container:web alpine true').stderr).toBe(
      runError('cannot join network namespace of a non running container: container web is exited'),
    );
    expect(host.run("docker ps -a --filter status=created --format '{{.Status}}'").stdout).toBe('Created\nCreated\n');
    expect(host.run('docker run --rm --network container:web alpine true').exitCode).toBe(125);
    expect(host.run('docker ps -aq').stdout.split('\n').filter(Boolean)).toHaveLength(3);
  });

  it("keeps only lo when NAME stops, and names NAME's ID once NAME is removed", () => {
    const host = hostAfter(
      'docker run -d --name web nginx',
      'docker run -d --name side --network container:web alpine sleep 1000',
    );
    const web = idOf(host, 'web');
    host.run('docker stop web');
    expect(host.run('docker exec side ip -4 addr').stdout).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000\n    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n',
    );
    host.run('docker rm web');
    expect(host.run('docker restart side')).toMatchObject({
      stderr: `Error response from daemon: Cannot restart container side: joining network namespace of container: No such container: ${web}\n`,
      exitCode: 1,
    });
  });

  it('joins the new namespace of a restarted NAME at its own next start', () => {
    const host = hostAfter(
      'docker run -d --name web nginx',
      'docker run -d --name side --network container:web alpine sleep 1000',
      'docker restart web',
    );
    expect(host.run('docker exec side ip -4 addr show eth0').exitCode).not.toBe(0);
    host.run('docker restart side');
    expect(host.run('docker exec side ip -4 addr show eth0').stdout).toContain('inet 172.17.0.2/16');
  });
});
