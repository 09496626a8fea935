import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(11);

// Expected texts: moby docker-v29.7.2 (daemon/errors.go, daemon/delete.go,
// daemon/network.go, libnetwork/error.go) and docker/cli v29.7.2 (run.go withHelp,
// formatter/container.go, go-units HumanDuration).
describe('docker run -d on the default bridge', () => {
  it('plugs a veth into docker0 whose container end is eth0, ifindex 2 in its namespace', () => {
    const host = hostAfter('docker run -dit --name c1 alpine');
    const hostSide = host
      .run('ip -br link')
      .stdout.split('\n')
      .find((line) => line.startsWith('veth'))!;
    expect(hostSide).toMatch(/^veth[0-9a-f]{7}@if2 +UP +[0-9a-f:]{17} <BROADCAST,MULTICAST,UP,LOWER_UP> $/);
    expect(host.run('ip link show docker0').stdout).toContain(
      '<BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \n',
    );
    expect(host.run('ip route').stdout).toContain(
      '172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 \n',
    );
  });

  it('shows the host side of the veth with master docker0 and the container namespace as link-netnsid 0', () => {
    const host = hostAfter('docker run -dit --name c1 alpine');
    expect(host.run('ip addr').stdout).toMatch(
      /\n4: veth[0-9a-f]{7}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master docker0 state UP group default \n {4}link\/ether [0-9a-f:]{17} brd ff:ff:ff:ff:ff:ff link-netnsid 0\n {4}inet6 fe80::[0-9a-f:]+\/64 scope link proto kernel_ll \n {7}valid_lft forever preferred_lft forever\n$/,
    );
  });

  it('exits a shell image at once without -i or -t, as sh does with an empty stdin', () => {
    const host = hostAfter('docker run -d --name quick alpine');
    expect(host.run('docker ps -a').stdout).toMatch(/"\/bin\/sh" +2 seconds ago +Exited \(0\) 2 seconds ago +quick\n$/);
    expect(host.run('ip -br link').stdout).not.toContain('veth');
  });

  it('lists running containers newest first, the command quoted and cut to 20 characters', () => {
    const host = hostAfter('docker run -dit --name c1 alpine', 'docker run -d --name web nginx');
    const lines = host.run('docker ps').stdout.split('\n');
    expect(lines[0]).toBe(
      'CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS         PORTS     NAMES',
    );
    expect(lines[1]).toMatch(
      /^[0-9a-f]{12} {3}nginx {5}"\/docker-entrypoint\.…" {3}2 seconds ago {3}Up 2 seconds {3}80\/tcp {4}web$/,
    );
    expect(lines[2]).toMatch(/^[0-9a-f]{12} {3}alpine {4}"\/bin\/sh" {16}4 seconds ago {3}Up 4 seconds {13}c1$/);
  });

  it('gives each container the next free address of the network', () => {
    const host = hostAfter(
      'docker network create red1',
      'docker run -dit --name a --network red1 alpine',
      'docker run -dit --name b --network red1 alpine',
      'docker rm -f a',
      'docker run -dit --name c --network red1 alpine',
    );
    const snapshot = host.snapshot();
    const addresses = Object.fromEntries(
      snapshot.engine.containers.map((c) => [c.name, c.endpoints.map((e) => e.address?.address)]),
    );
    expect(addresses).toEqual({ b: [0xac120003], c: [0xac120002] });
  });
});

describe('docker errors', () => {
  it("refuses a container name that is taken, with the holder's full ID and status 125", () => {
    const host = hostAfter('docker run -dit --name web alpine');
    const id = host.snapshot().engine.containers[0]!.id;
    expect(host.run('docker run -dit --name web alpine')).toMatchObject({
      stderr: `docker: Error response from daemon: Conflict. The container name "/web" is already in use by container "${id}". You have to remove (or rename) that container to be able to reuse that name.\n\nRun 'docker run --help' for more information\n`,
      exitCode: 125,
    });
  });

  it('refuses to remove a running container without -f', () => {
    expect(hostAfter('docker run -d --name web nginx').run('docker rm web')).toMatchObject({
      stdout: '',
      stderr:
        'Error response from daemon: cannot remove container "web": container is running: stop the container before removing or force remove\n',
      exitCode: 1,
    });
  });

  it('refuses to remove a network with endpoints, naming each by container and endpoint ID', () => {
    const host = hostAfter('docker network create red1', 'docker run -d --name web --network red1 nginx');
    const endpoint = host.snapshot().engine.containers[0]!.endpoints[0]!.endpointId.slice(0, 12);
    expect(host.run('docker network rm red1').stderr).toBe(
      `Error response from daemon: error while removing network: network red1 has active endpoints (name:"web" id:"${endpoint}")\nexit status 1\n`,
    );
  });

  it('removes the network once its container is gone', () => {
    const host = hostAfter(
      'docker network create red1',
      'docker run -d --name web --network red1 nginx',
      'docker rm -f web',
    );
    expect(host.run('docker network rm red1')).toMatchObject({ stdout: 'red1\n', exitCode: 0 });
    expect(host.run('ip -br link').stdout).not.toMatch(/br-|veth/);
  });

  it('stops nginx at once and a shell only after the 10-second grace period', () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker run -dit --name sh alpine', 'docker stop web sh');
    expect(host.run('docker ps -a').stdout).toMatch(
      /Exited \(137\) 2 seconds ago +sh\n[\s\S]*Exited \(0\) 12 seconds ago +web\n$/,
    );
  });
});

describe('docker network connect and disconnect', () => {
  it('adds eth1 in the container and a second veth on the other bridge, then takes them away', () => {
    const host = hostAfter(
      'docker network create red2',
      'docker run -d --name web nginx',
      'docker network connect red2 web',
    );
    expect(host.run('ip -br link').stdout.match(/^veth/gm)).toHaveLength(2);
    const web = host.snapshot().engine.containers[0]!;
    expect(web.endpoints.map((e) => e.interfaceName)).toEqual(['eth0', 'eth1']);
    host.run('docker network disconnect red2 web');
    expect(host.run('ip -br link').stdout.match(/^veth/gm)).toHaveLength(1);
  });
});

describe('network attachments over time', () => {
  it('reuses the lowest free ethN after a disconnect', () => {
    const host = hostAfter(
      'docker network create red1',
      'docker network create red2',
      'docker run -d --name web nginx',
      'docker network connect red1 web',
      'docker network disconnect bridge web',
      'docker network connect red2 web',
    );
    expect(host.snapshot().engine.containers[0]!.endpoints.map((e) => e.interfaceName)).toEqual(['eth1', 'eth0']);
  });

  it("refuses to connect a container that shares the host's network namespace", () => {
    expect(
      hostAfter('docker run -d --name web --network host nginx').run('docker network connect bridge web'),
    ).toMatchObject({
      stderr:
        'Error response from daemon: container sharing network namespace with another container or host cannot be connected to any other network\n',
      exitCode: 1,
    });
  });

  it('plugs a network connected while stopped in at the next start', () => {
    const host = hostAfter(
      'docker network create red1',
      'docker run -d --name web nginx',
      'docker stop web',
      'docker network connect red1 web',
      'docker start web',
    );
    expect(host.snapshot().engine.containers[0]!.endpoints.map((e) => e.interfaceName)).toEqual(['eth0', 'eth1']);
  });
});

// Expected texts: docker/cli v29.7.2 (network/prune.go, internal/prompt Confirm,
// container/kill.go) and moby docker-v29.7.2 (daemon/prune.go, container routes).
describe('more lifecycle commands', () => {
  it('creates without starting, then starts on demand', () => {
    const host = hostAfter('docker create --name later nginx');
    expect(host.run('docker ps -a').stdout).toMatch(/Created {2,}later\n$/);
    expect(host.run('docker start later')).toMatchObject({ stdout: 'later\n', exitCode: 0 });
    expect(host.run('docker ps').stdout).toContain('80/tcp    later\n');
  });

  it('kills at once with status 137, and refuses a container that is not running', () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker kill web');
    expect(host.run('docker ps -a').stdout).toMatch(/Exited \(137\) 2 seconds ago {13}web\n$/);
    const id = host.snapshot().engine.containers[0]!.id;
    expect(host.run('docker kill web')).toMatchObject({
      stderr: `Error response from daemon: cannot kill container: web: container ${id} is not running\n`,
      exitCode: 1,
    });
  });

  it('restarts with a new start time and the same address', () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker restart web');
    expect(host.run('docker ps').stdout).toMatch(/Up 2 seconds {3}80\/tcp {4}web\n$/);
    expect(host.snapshot().engine.containers[0]!.endpoints[0]!.address?.address).toBe(0xac110002);
  });
});

describe('docker network prune', () => {
  it('asks first, and does nothing unless the answer is y', () => {
    const host = hostAfter('docker network create red1');
    const prompt =
      'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';
    expect(host.run('docker network prune')).toMatchObject({ stdout: prompt, exitCode: 0 });
    expect(host.run('docker network ls').stdout).toContain('red1');
    expect(host.run('docker network prune', { stdin: 'y\n' })).toMatchObject({
      stdout: `${prompt}Deleted Networks:\nred1\n\n`,
      exitCode: 0,
    });
  });

  it('with -f removes only the custom networks no container uses', () => {
    const host = hostAfter(
      'docker network create red1',
      'docker network create red2',
      'docker run -d --name web --network red2 nginx',
    );
    expect(host.run('docker network prune -f').stdout).toBe('Deleted Networks:\nred1\n\n');
    expect(host.run('docker network prune -f').stdout).toBe('');
  });
});

describe('docker run in the foreground', () => {
  it('returns at once with the status of a shell that read an empty stdin, and --rm removes it', () => {
    const host = hostAfter();
    expect(host.run('docker run alpine')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(host.run('docker ps -a -q').stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(host.run('docker run --rm busybox')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(host.run('docker ps -a -q').stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('runs a foreground server until Ctrl-C, which stops it with the status it exits with', () => {
    const host = hostAfter();
    const run = host.run('docker run --name web nginx');
    expect(run.output).toContain('^C');
    expect(run.exitCode).toBe(0);
    expect(host.run("docker ps -a --format '{{.Names}} {{.Status}}'").stdout).toMatch(/^web Exited \(0\)/);
  });
});
