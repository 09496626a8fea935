import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(53);

// docker/cli v29.7.2 cli/command/container/logs.go (--since, --until), moby client v0.5.1
// container_logs.go and internal/timestamp (GetTimestamp, `invalid value for "since": ...`),
// moby docker-v29.7.2 daemon/logger/loggerutils/logfile.go (tail first, then the forwarder's since/until).
describe('docker logs --since and --until', () => {
  const served = ['docker run -d --name web -p 8080:80 nginx', 'sleep 120', 'curl -s localhost:8080 >/dev/null'];

  it('shows only what was written in the last minute with --since 1m', () => {
    const result = hostAfter(...served).run('docker logs --since 1m web');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(
      /^172\.17\.0\.1 - - \[[^\]]+\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/[\d.]+" "-"\n$/,
    );
  });

  it('shows the start-up lines only with --until 1m, and both with -t and an absolute --since', () => {
    const host = hostAfter(...served);
    const before = host.run('docker logs --until 1m web');
    expect(before.stdout).toContain('Configuration complete; ready for start up');
    expect(before.stdout).not.toContain('GET /');
    const stamped = host.run('docker logs -t --since 2026-01-01T00:00:00Z web').stdout.split('\n');
    expect(stamped[0]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z \/docker-entrypoint\.sh: /);
  });

  it('takes the last lines first, then the window, as the json-file reader does', () => {
    const host = hostAfter(...served);
    expect(host.run('docker logs -n 2 --until 1m web').stdout).toBe('');
    expect(host.run('docker logs -n 2 --since 1m web').stdout.split('\n')).toHaveLength(2);
  });

  it('refuses a value that is neither a time nor a duration, as the client does', () => {
    expect(hostAfter(...served).run('docker logs --since yesterday web')).toMatchObject({
      stdout: '',
      stderr: 'invalid value for "since": failed to parse value as time or duration: "yesterday"\n',
      exitCode: 1,
    });
    expect(hostAfter(...served).run('docker logs --until abc web').stderr).toBe(
      'invalid value for "until": failed to parse value as time or duration: "abc"\n',
    );
  });
});
