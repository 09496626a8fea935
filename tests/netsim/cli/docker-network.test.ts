import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/** Runs lines on a fresh host and returns the last result. */
function lastOf(...lines: string[]) {
  const host = Host.create({ seed: 42 });
  return lines.map((line) => host.run(line)).at(-1)!;
}

// Expected texts: docker/cli v29.7.2 (cli/required.go, cli/cobra.go FlagErrorFunc,
// cli/command/network/*.go) and moby docker-v29.7.2 (libnetwork/error.go,
// daemon/network.go, drivers/host/host.go, daemon/cluster/cluster.go).
describe('docker network', () => {
  it('lists the predefined networks sorted by name, in columns of Go tabwriter (minwidth 10, padding 3)', () => {
    const { stdout, exitCode } = lastOf('docker network ls');
    expect(exitCode).toBe(0);
    expect(stdout.split('\n')[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE');
    expect(
      stdout
        .split('\n')
        .slice(1, 4)
        .map((line) => line.slice(15)),
    ).toEqual(['bridge    bridge    local', 'host      host      local', 'none      null      local']);
    expect(stdout).toMatch(/^NETWORK ID {5}NAME {6}DRIVER {4}SCOPE\n([0-9a-f]{12} {3}\w+ +\w+ +local\n){3}$/);
  });

  it('creates a network, prints its 64-hex ID, and shows it in ls with that ID', () => {
    const host = Host.create({ seed: 42 });
    const created = host.run('docker network create red1');
    expect(created.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(host.run('docker network ls').stdout).toContain(
      `${created.stdout.slice(0, 12)}   red1      bridge    local\n`,
    );
    expect(host.run('ip -br addr show br-' + created.stdout.slice(0, 12)).stdout).toBe(
      `br-${created.stdout.slice(0, 12)}  DOWN           172.18.0.1/16 \n`,
    );
  });

  it('refuses a second network with the same name', () => {
    expect(lastOf('docker network create red1', 'docker network create red1')).toEqual({
      prompt: '$ ',
      command: 'docker network create red1',
      stdout: '',
      stderr: 'Error response from daemon: network with name red1 already exists\n',
      exitCode: 1,
      output: 'Error response from daemon: network with name red1 already exists\n',
      elapsedMs: 0,
    });
  });

  it('rejects the two-argument create of seed 004 as docker/cli does', () => {
    const result = lastOf('docker network create bridge --subnet=172.30.0.0/16 mon-bridge');
    expect(result.stderr).toBe(
      "docker: 'docker network create' requires 1 argument\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nRun 'docker network create --help' for more information\n",
    );
    expect(result.exitCode).toBe(1);
  });

  it("prints Go's netip error for the malformed subnet of seed 004", () => {
    const result = lastOf('docker network create --subnet 172.24.0.0./16 mon-bridge');
    expect(result.stderr).toBe(
      'netip.ParsePrefix("172.24.0.0./16"): ParseAddr("172.24.0.0."): IPv4 field must have at least one digit (at ".")\n',
    );
    expect(result.exitCode).toBe(1);
  });

  it('reports an unknown flag with the usage line and status 125', () => {
    const result = lastOf('docker network ls --colour');
    expect(result.stderr).toBe(
      "unknown flag: --colour\n\nUsage:  docker network ls [OPTIONS]\n\nRun 'docker network ls --help' for more information\n",
    );
    expect(result.exitCode).toBe(125);
  });

  it.each([
    [
      'docker network create -d overlay red-overlay',
      'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n',
    ],
    [
      'docker network create -d host otra',
      'Error response from daemon: only one instance of "host" network is allowed\n',
    ],
    [
      'docker network create -d null otra',
      'Error response from daemon: only one instance of "null" network is allowed\n',
    ],
  ])('%s fails as the daemon does', (line, stderr) => {
    expect(lastOf(line)).toMatchObject({ stderr, exitCode: 1 });
  });

  it('removes networks one by one, reporting each failure and then the exit status', () => {
    const result = lastOf('docker network create red1', 'docker network rm red1 bridge nosuch');
    expect(result.stdout).toBe('red1\n');
    expect(result.stderr).toBe(
      'Error response from daemon: bridge is a pre-defined network and cannot be removed\nError response from daemon: network nosuch not found\nexit status 1\n',
    );
    expect(result.exitCode).toBe(1);
  });

  it('requires at least one network to remove', () => {
    expect(lastOf('docker network rm').stderr).toBe(
      "docker: 'docker network rm' requires at least 1 argument\n\nUsage:  docker network rm NETWORK [NETWORK...]\n\nSee 'docker network rm --help' for more information\n",
    );
  });

  it("refuses a --subnet that overlaps another network's pool", () => {
    expect(lastOf('docker network create red1', 'docker network create --subnet 172.18.0.0/16 red2')).toMatchObject({
      stderr: 'Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n',
      exitCode: 1,
    });
  });

  it("takes Docker's default pools in order and skips subnets in use", () => {
    const host = Host.create({ seed: 42 });
    host.run('docker network create --subnet 172.18.0.0/16 taken');
    const id = host.run('docker network create next').stdout.slice(0, 12);
    expect(host.run(`ip -4 addr show br-${id}`).stdout).toContain('inet 172.19.0.1/16 brd 172.19.255.255 scope global');
  });
});
