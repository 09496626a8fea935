import { describe, expect, it } from 'vitest';
import { composeHost, WEB_AND_DB } from './fixtures';

// compose v2.40.3 cmd/formatter/container.go defaultContainerTableFormat, through docker/cli's
// formatter (tabwriter: min width 10, padding 3); cmd/compose/ps.go sorts by name, running ones only unless -a.
describe('docker compose ps', () => {
  const host = composeHost(WEB_AND_DB);
  host.run('docker compose up -d');

  it('lists the running containers in its own table', () => {
    expect(host.run('docker compose ps').stdout).toBe(
      'NAME           IMAGE     COMMAND                  SERVICE   CREATED         STATUS         PORTS\n' +
        'tienda-db-1    alpine    "sleep 1000"             db        2 seconds ago   Up 2 seconds   \n' +
        'tienda-web-1   nginx     "/docker-entrypoint.…"   web       2 seconds ago   Up 2 seconds   0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n',
    );
  });

  it('selects services, prints IDs with -q and service names with --services', () => {
    expect(host.run("docker compose ps --format '{{.Name}} {{.Service}} {{.State}}' web").stdout).toBe(
      'tienda-web-1 web running\n',
    );
    expect(host.run('docker compose ps -q').stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(host.run('docker compose ps --services').stdout).toBe('db\nweb\n');
    expect(host.run('docker compose ps nope')).toMatchObject({ stderr: 'no such service: nope\n', exitCode: 1 });
  });

  it('shows stopped containers with -a or a status filter', () => {
    host.run('docker stop tienda-db-1');
    expect(host.run("docker compose ps --format '{{.Name}}'").stdout).toBe('tienda-web-1\n');
    expect(host.run("docker compose ps -a --format '{{.Name}} {{.Status}}'").stdout).toMatch(
      /^tienda-db-1 Exited \(137\) .* ago\ntienda-web-1 Up /,
    );
    expect(host.run("docker compose ps --status exited --format '{{.Name}}'").stdout).toBe('tienda-db-1\n');
    expect(host.run('docker compose ps --filter nope')).toMatchObject({
      stderr: 'arguments to --filter should be in form KEY=VAL\n',
      exitCode: 1,
    });
  });
});
