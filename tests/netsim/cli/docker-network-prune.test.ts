import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(29);

// moby docker-v29.7.2 daemon/network/filter.go (NewPruneFilter: label, label!
// and until only; Matches: labels, then Created after until), daemon/prune.go
// localNetworkPrune, internal/filters Validate ("invalid filter 'KEY'"),
// internal/timestamp Parse; docker/cli v29.7.2 cli/command/network/prune.go
// ("Deleted Networks:" and the names, a blank line) and opts.FilterOpt.
describe('docker network prune --filter', () => {
  const networks = () =>
    hostAfter(
      'docker network create --label env=dev old',
      'sleep 120',
      'docker network create --label env=prod new',
      'docker network create plain',
    );

  it('removes only the networks whose labels match', () => {
    const host = networks();
    expect(host.run('docker network prune -f --filter label=env=dev').stdout).toBe('Deleted Networks:\nold\n\n');
    expect(host.run('docker network prune -f --filter label!=env').stdout).toBe('Deleted Networks:\nplain\n\n');
    expect(host.run("docker network ls --format '{{.Name}}'").stdout).toBe('bridge\nhost\nnew\nnone\n');
  });

  it('removes only the networks created before until, given as a duration', () => {
    const host = networks();
    expect(host.run('docker network prune -f --filter until=1m').stdout).toBe('Deleted Networks:\nold\n\n');
  });

  it('takes until as Unix seconds too', () => {
    const host = networks();
    expect(host.run('docker network prune -f --filter until=1').stdout).toBe('');
  });

  it("refuses other filters, a bad time, and two untils with the daemon's words", () => {
    const host = networks();
    expect(host.run('docker network prune -f --filter driver=bridge')).toMatchObject({
      stderr: "Error response from daemon: invalid filter 'driver'\n",
      exitCode: 1,
    });
    expect(host.run('docker network prune -f --filter until=abc').stderr).toBe(
      'Error response from daemon: failed to parse value as time or duration: invalid seconds "abc": invalid syntax\n',
    );
    expect(host.run('docker network prune -f --filter until=1h --filter until=2h').stderr).toBe(
      'Error response from daemon: more than one until filter specified\n',
    );
    expect(host.run('docker network prune -f --filter nope')).toMatchObject({
      stderr:
        'invalid argument "nope" for "--filter" flag: bad format of filter (expected name=value)\n\nUsage:  docker network prune [OPTIONS]\n\nRun \'docker network prune --help\' for more information\n',
      exitCode: 125,
    });
  });
});
