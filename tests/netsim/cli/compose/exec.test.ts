import { describe, expect, it } from 'vitest';
import { composeHost, WEB_AND_DB } from './fixtures';

// compose v2.40.3 cmd/compose/exec.go and pkg/compose/exec.go getSpecifiedContainer.
describe('docker compose exec', () => {
  const host = composeHost(WEB_AND_DB);
  host.run('docker compose up -d');

  it("runs the command in the service's container, which finds the others by service name", () => {
    expect(host.run('docker compose exec web getent hosts db').stdout).toMatch(/^172\.18\.0\.\d+\s+db\n$/);
    expect(host.run('docker compose exec web hostname').stdout).toBe(
      `${host.run("docker inspect -f '{{.Config.Hostname}}' tienda-web-1").stdout}`,
    );
  });

  it("exits with the command's status, printing nothing of its own", () => {
    expect(host.run('docker compose exec db false')).toMatchObject({ stdout: '', stderr: '', exitCode: 1 });
  });

  it('refuses a service that is not running, and needs a command', () => {
    expect(host.run('docker compose exec nope ls')).toMatchObject({
      stderr: 'service "nope" is not running\n',
      exitCode: 1,
    });
    expect(host.run('docker compose exec db')).toMatchObject({
      stderr: 'requires at least 2 arg(s), only received 1\n',
      exitCode: 1,
    });
  });

  it('enters a shell with a terminal', () => {
    host.run('docker compose exec db sh');
    expect(host.prompt()).toBe('/ # ');
    host.run('exit');
  });
});
