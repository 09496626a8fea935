import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(41);

// docker/cli v29.7.2 cli/command/container/stats.go (--no-stream prints one
// sample, nothing at all when no container is chosen; the API's errors joined)
// and formatter_stats.go (defaultStatsTableFormat, the titles, formatPercentage,
// units.BytesSize for memory and HumanSizeWithPrecision for I/O).
describe('docker stats --no-stream', () => {
  it('prints one sample of the running containers, newest first', () => {
    const host = hostAfter(
      'docker run -d --name web nginx',
      'docker run -d --name s alpine sleep 1000',
      'docker create --name c alpine',
    );
    const lines = host.run('docker stats --no-stream').stdout.split('\n');
    expect(lines[0]).toBe(
      'CONTAINER ID   NAME      CPU %     MEM USAGE / LIMIT     MEM %     NET I/O   BLOCK I/O   PIDS',
    );
    expect(lines[1]).toMatch(
      /^[0-9a-f]{12} {3}s {9}0\.00% {5}[\d.]+[KM]iB \/ 3\.833GiB +\d\.\d\d% +0B \/ 0B {3}0B \/ 0B {5}1$/,
    );
    expect(lines[2]).toMatch(/^[0-9a-f]{12} {3}web {7}0\.00% .* 3$/);
    expect(lines).toHaveLength(4);
  });

  it('shows a stopped container with zeros under -a', () => {
    const host = hostAfter('docker create --name c alpine');
    expect(host.run('docker stats --no-stream -a').stdout).toMatch(
      /\n[0-9a-f]{12} {3}c {9}0\.00% {5}0B \/ 0B {13}0\.00% {5}0B \/ 0B {3}0B \/ 0B {5}0\n$/,
    );
  });

  it("prints nothing when no container runs, and the daemon's error for an unknown one", () => {
    const host = hostAfter();
    expect(host.run('docker stats --no-stream')).toMatchObject({ stdout: '', exitCode: 0 });
    expect(host.run('docker stats --no-stream nope')).toMatchObject({
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    });
  });

  it('renders --format templates with the StatsEntry fields', () => {
    const host = hostAfter('docker run -d --name s alpine sleep 1000');
    expect(host.run("docker stats --no-stream --format '{{.Name}} {{.CPUPerc}} {{.PIDs}} {{.NetIO}}'").stdout).toBe(
      's 0.00% 1 0B / 0B\n',
    );
  });
});
