import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(29);

// docker/cli v29.7.2 cli/command/container/opts.go (the --health-* flags as a
// HealthConfig: Test ["CMD-SHELL", cmd], Durations; --no-healthcheck and its
// conflict); moby docker-v29.7.2 daemon/container/state.go State.String ("Up ...
// (healthy)", Health.String "health: starting") and api/types/container
// HealthConfig's JSON (durations in nanoseconds, omitempty); daemon/list.go's
// health filter.
describe('docker run --health-*', () => {
  it('shows health: starting until the first probe, then healthy', () => {
    const host = hostAfter('docker run -d --name web --health-cmd "true" --health-interval 1m alpine sleep 1000');
    expect(host.run("docker ps --format '{{.Status}}'").stdout).toMatch(/^Up \d+ seconds \(health: starting\)\n$/);
    host.run('sleep 60');
    expect(host.run("docker ps --format '{{.Status}} {{.HealthStatus}}'").stdout).toMatch(
      /^Up About a minute \(healthy\) healthy\n$/,
    );
    expect(
      host.run(
        "docker inspect -f '{{.State.Health.Status}} {{.State.Health.FailingStreak}} {{len .State.Health.Log}}' web",
      ).stdout,
    ).toBe('healthy 0 1\n');
  });

  it('runs the probe in the container: a failing command makes it unhealthy after the retries', () => {
    const host = hostAfter(
      'docker run -d --name bad --health-cmd "ls /nowhere" --health-interval 1s --health-retries 2 alpine sleep 1000',
      'sleep 5',
    );
    expect(host.run("docker ps -f health=unhealthy --format '{{.Names}} {{.Status}}'").stdout).toMatch(
      /^bad Up \d+ seconds \(unhealthy\)\n$/,
    );
    const log = JSON.parse(host.run("docker inspect -f '{{json .State.Health.Log}}' bad").stdout);
    expect(log.at(-1)).toMatchObject({ ExitCode: 1, Output: 'ls: /nowhere: No such file or directory\n' });
    expect(host.run("docker inspect -f '{{json .Config.Healthcheck}}' bad").stdout).toBe(
      '{"Test":["CMD-SHELL","ls /nowhere"],"Interval":1000000000,"Retries":2}\n',
    );
  });

  it('refuses what parse() refuses', () => {
    const host = hostAfter();
    expect(host.run('docker run --rm --no-healthcheck --health-cmd x alpine true').stderr).toBe(
      "docker: --no-healthcheck conflicts with --health-* options\n\nRun 'docker run --help' for more information\n",
    );
    expect(host.run('docker run --rm --health-interval 5x alpine true').stderr).toBe(
      'invalid argument "5x" for "--health-interval" flag: time: invalid duration "5x"\n\nUsage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun \'docker run --help\' for more information\n',
    );
    expect(host.run('docker run --rm --health-retries -1 alpine true').stderr).toBe(
      "docker: --health-retries cannot be negative\n\nRun 'docker run --help' for more information\n",
    );
  });
});
