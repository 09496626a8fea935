import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * web (nginx, -p 8080:80), db (alpine on network back, label tier=db, volume
 * data), quick (exits 0 at once), idle (created only), sleepy (stopped: a shell
 * ignores SIGTERM, so it is killed, 137). Created in that order, two seconds apart.
 */
function fiveContainers() {
  const host = Host.create({ seed: 5 });
  host.run('docker run -d --name web -p 8080:80 nginx');
  host.run('docker network create back');
  host.run('docker run -dit --name db --network back --label tier=db -v data:/data alpine');
  host.run('docker run -d --name quick alpine');
  host.run('docker create --name idle busybox');
  host.run('docker run -dit --name sleepy alpine');
  host.run('docker stop sleepy');
  const names = (line: string) => host.run(line).stdout.split('\n').filter(Boolean);
  return { host, names };
}

// Expected behaviour: moby docker-v29.7.2 daemon/list.go (the walk, newest first, and
// includeContainerInList) and docker/cli v29.7.2 cli/command/container/list.go.
describe('docker ps: which containers, in which order', () => {
  it('lists running containers newest first; -a adds the others', () => {
    const { names } = fiveContainers();
    expect(names("docker ps --format '{{.Names}}'")).toEqual(['db', 'web']);
    expect(names("docker ps -a --format '{{.Names}}'")).toEqual(['sleepy', 'idle', 'quick', 'db', 'web']);
  });

  it('-l is the newest container in any state, -n N the N newest', () => {
    const { names } = fiveContainers();
    expect(names("docker ps -l --format '{{.Names}} {{.State}}'")).toEqual(['sleepy exited']);
    expect(names("docker ps -n 3 --format '{{.Names}}'")).toEqual(['sleepy', 'idle', 'quick']);
    // The limit counts listed containers only, so filters after it skip past the newest.
    expect(names("docker ps -n 1 -f status=running --format '{{.Names}}'")).toEqual(['db']);
  });

  it('filters by status (a regular expression; it implies -a) and by exit code', () => {
    const { names } = fiveContainers();
    expect(names("docker ps -f status=created --format '{{.Names}}'")).toEqual(['idle']);
    expect(names("docker ps -f status=exited --format '{{.Names}}'")).toEqual(['sleepy', 'quick']);
    expect(names("docker ps -a -f exited=0 --format '{{.Names}}'")).toEqual(['quick']);
    expect(names("docker ps -a -f exited=137 --format '{{.Names}}'")).toEqual(['sleepy']);
  });

  it('filters by name, ID prefix, label, network, image, volume and ports', () => {
    const { host, names } = fiveContainers();
    const webId = host.run("docker ps -l -f name=web --format '{{.ID}}' --no-trunc").stdout.trim();
    expect(names("docker ps -a -f 'name=^/?(db|web)$' --format '{{.Names}}'")).toEqual(['db', 'web']);
    expect(names(`docker ps -f id=${webId.slice(0, 5)} --format '{{.Names}}'`)).toEqual(['web']);
    expect(names("docker ps -f label=tier=db --format '{{.Names}}'")).toEqual(['db']);
    expect(names("docker ps -f network=back --format '{{.Names}}'")).toEqual(['db']);
    expect(names("docker ps -f ancestor=nginx --format '{{.Names}}'")).toEqual(['web']);
    expect(names("docker ps -f volume=/data --format '{{.Names}}'")).toEqual(['db']);
    expect(names("docker ps -f volume=data --format '{{.Names}}'")).toEqual(['db']);
    expect(names("docker ps -f publish=8080 --format '{{.Names}}'")).toEqual(['web']);
    expect(names("docker ps -f publish=80 --format '{{.Names}}'")).toEqual([]);
    expect(names("docker ps -f expose=79-81/tcp --format '{{.Names}}'")).toEqual(['web']);
  });

  it('lists the containers created before or since another one', () => {
    const { names } = fiveContainers();
    expect(names("docker ps -a -f since=quick --format '{{.Names}}'")).toEqual(['sleepy', 'idle']);
    expect(names("docker ps -a -f before=quick --format '{{.Names}}'")).toEqual(['db', 'web']);
  });
});

describe('docker ps output', () => {
  it('adds a SIZE column with -s, and asks for sizes when the template uses .Size', () => {
    const { host } = fiveContainers();
    expect(host.run('docker ps -s').stdout.split('\n')[0]).toMatch(/NAMES {5}SIZE$/);
    expect(host.run("docker ps -f name=web --format '{{.Size}}'").stdout).toMatch(/^0B \(virtual \d+(\.\d+)?MB\)\n$/);
    expect(host.run("docker ps -f name=web --size=false --format '{{.Size}}'").stdout).toBe('0B\n');
  });

  it('prints the networks, mounts, labels and ports of each container', () => {
    const { host } = fiveContainers();
    expect(
      host.run("docker ps --format '{{.Names}}|{{.Networks}}|{{.Mounts}}|{{.Labels}}|{{.Ports}}' -f name=db").stdout,
    ).toBe('db|back|data|tier=db|\n');
    expect(host.run("docker ps --format '{{.Ports}}' -f name=web").stdout).toBe(
      '0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n',
    );
  });

  it('warns that -q wins over --format, on stderr', () => {
    const { host } = fiveContainers();
    const result = host.run("docker ps -q --format '{{.Names}}'");
    expect(result.stderr).toBe('WARNING: Ignoring custom format, because both --format and --quiet are set.\n');
    expect(result.stdout).toMatch(/^([0-9a-f]{12}\n){2}$/);
  });
});

// Errors: daemon/list.go foldFilter and api/types (the daemon's), docker/cli list.go
// buildContainerListOptions and opts.FilterOpt (the client's), pflag for -n.
describe('docker ps errors', () => {
  it.each([
    ['docker ps -f foo=bar', "Error response from daemon: invalid filter 'foo'\n", 1],
    [
      'docker ps -f status=bogus',
      "Error response from daemon: invalid filter 'status=bogus': invalid value for state (bogus): must be one of created, running, paused, restarting, removing, exited, dead\n",
      1,
    ],
    [
      'docker ps -f exited=abc',
      'Error response from daemon: invalid filter \'exited=abc\': strconv.Atoi: parsing "abc": invalid syntax\n',
      1,
    ],
    [
      'docker ps -f health=sick',
      "Error response from daemon: invalid filter 'health=sick': invalid value for health (sick): must be one of none, starting, healthy, unhealthy\n",
      1,
    ],
    [
      'docker ps -f publish=80:80',
      "Error response from daemon: filter for 'publish' should not contain ':': 80:80\n",
      1,
    ],
    [
      'docker ps -f expose=abc',
      "Error response from daemon: error while looking up for expose abc: invalid start port 'abc': invalid syntax\n",
      1,
    ],
    ['docker ps -f before=nosuch', 'Error response from daemon: No such container: nosuch\n', 1],
    ["docker ps --format '{{.ID'", 'failed to parse template: template: :1: unclosed action\n', 1],
    [
      "docker ps --format '{{.Foo}}'",
      'failed to execute template: template: :1:2: executing "" at <.Foo>: can\'t evaluate field Foo in type *formatter.ContainerContext\n',
      1,
    ],
    [
      'docker ps -f foo',
      'invalid argument "foo" for "-f, --filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker ps [OPTIONS]\n\nRun \'docker ps --help\' for more information\n',
      125,
    ],
    [
      'docker ps -n x',
      'invalid argument "x" for "-n, --last" flag: strconv.ParseInt: parsing "x": invalid syntax\n\nUsage:  docker ps [OPTIONS]\n\nRun \'docker ps --help\' for more information\n',
      125,
    ],
  ])('%s', (line, stderr, exitCode) => {
    expect(fiveContainers().host.run(line)).toMatchObject({ stdout: '', stderr, exitCode });
  });
});
