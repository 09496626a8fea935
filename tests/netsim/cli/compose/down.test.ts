import { describe, expect, it } from 'vitest';
import { composeHost, plain, WEB_AND_DB } from './fixtures';

// compose v2.40.3 pkg/compose/down.go: containers in reverse dependency order (stopContainer:
// Stopping/Stopped, then Removing/Removed), then ensureNetworksDown (Removing/Removed).
describe('docker compose down', () => {
  it('stops and removes the containers, dependents first, then the network', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    expect(host.run('docker compose down 2>&1 | cat').stdout).toBe(
      [
        ' Container tienda-web-1  Stopping',
        ' Container tienda-web-1  Stopped',
        ' Container tienda-web-1  Removing',
        ' Container tienda-web-1  Removed',
        ' Container tienda-db-1  Stopping',
        ' Container tienda-db-1  Stopped',
        ' Container tienda-db-1  Removing',
        ' Container tienda-db-1  Removed',
        ' Network tienda_default  Removing',
        ' Network tienda_default  Removed',
        '',
      ].join('\n'),
    );
    expect(host.run('docker ps -aq').stdout).toBe('');
    expect(host.run('docker network ls -q --filter name=tienda').stdout).toBe('');
  });

  it('takes the 10-second grace period for a process that ignores SIGTERM (sleep as PID 1)', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    expect(plain(host.run('docker compose down').stderr)).toMatch(/ ✔ Container tienda-db-1   Removed +10\.0s \n/);
  });

  it('leaves a network a container outside the project still uses, with a warning (Resource is still in use)', () => {
    const host = composeHost('services:\n  web:\n    image: nginx\n');
    host.run('docker compose up -d');
    host.run('docker run -d --name guest --network tienda_default alpine sleep 1000');
    expect(host.run('docker compose down 2>&1 | cat').stdout).toContain(
      ' Network tienda_default  Removing\n Network tienda_default  Resource is still in use\n',
    );
  });

  it('with nothing of the project left and no file, warns as logrus does at a terminal', () => {
    const host = composeHost('services:\n  web:\n    image: nginx\n');
    expect(host.run('docker compose -p gone down')).toMatchObject({
      stderr: `\x1b[33mWARN\x1b[0m[0000] Warning: No resource found to remove for project "gone". \n`,
      exitCode: 0,
    });
  });

  it('with the file, a second down has nothing to say', () => {
    const host = composeHost('services:\n  web:\n    image: nginx\n');
    host.run('docker compose up -d');
    host.run('docker compose down');
    expect(host.run('docker compose down')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
  });

  it('finds the project by its labels when -p names it and no file is read', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    host.run('cd /tmp');
    expect(host.run('docker compose -p tienda down 2>&1 | cat').stdout).toContain(' Container tienda-web-1  Removed\n');
    expect(host.run('docker ps -aq').stdout).toBe('');
  });
});
