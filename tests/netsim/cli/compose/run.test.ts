import { describe, expect, it } from 'vitest';
import { composeHost, WEB_AND_DB } from './fixtures';

// compose v2.40.3 cmd/compose/run.go and pkg/compose/run.go: startDependencies (Create, then
// Start), then prepareRun's one-off container: `<project>-<service>-run-<TruncateID(slug)>`,
// labels com.docker.compose.oneoff=True and com.docker.compose.slug, no ports unless
// --service-ports or -p (options.apply), aliases only its name unless --use-aliases (getAliases).
describe('docker compose run', () => {
  it('starts the dependencies, then runs the command in a one-off container and gives its status', () => {
    const host = composeHost(WEB_AND_DB);
    const ran = host.run("docker compose run --rm -T db sh -c 'echo from $HOSTNAME; exit 3' 2>/dev/null");
    expect(ran.exitCode).toBe(3);
    expect(ran.stdout).toMatch(/^from [0-9a-f]{12}\n$/);
    // --rm: the one-off container is gone; nothing else of the project was started (db has no dependency).
    expect(host.run("docker ps -a --format '{{.Names}}'").stdout).toBe('');
    expect(host.run('docker network ls --format "{{.Name}}" --filter name=tienda').stdout).toBe('tienda_default\n');
  });

  it('creates and starts what the service depends on, with Compose progress on stderr', () => {
    const host = composeHost(WEB_AND_DB);
    const ran = host.run('docker compose run -d web 2>&1 | cat');
    expect(ran.stdout).toMatch(
      /^ Network tienda_default  Creating\n Network tienda_default  Created\n Container tienda-db-1  Creating\n Container tienda-db-1  Created\n Container tienda-db-1  Starting\n Container tienda-db-1  Started\n[0-9a-f]{64}\n$/,
    );
    const names = host.run("docker ps --format '{{.Names}}'").stdout.split('\n');
    expect(names[0]).toMatch(/^tienda-web-run-[0-9a-f]{12}$/);
    expect(names[1]).toBe('tienda-db-1');
  });

  it('labels the container as a one-off, with its slug, and publishes none of the service ports by default', () => {
    const host = composeHost(WEB_AND_DB);
    const id = host.run('docker compose run -d web 2>/dev/null').stdout.trim();
    const labels = JSON.parse(host.run(`docker inspect -f '{{json .Config.Labels}}' ${id}`).stdout);
    expect(labels['com.docker.compose.oneoff']).toBe('True');
    expect(labels['com.docker.compose.slug']).toMatch(/^[0-9a-f]{64}$/);
    expect(host.run(`docker inspect -f '{{.Name}}' ${id}`).stdout).toBe(
      `/tienda-web-run-${labels['com.docker.compose.slug'].slice(0, 12)}\n`,
    );
    expect(host.run(`docker port ${id}`).stdout).toBe('');
    // ps and ls leave one-off containers out (oneOffFilter(false)).
    expect(host.run("docker compose ps --format '{{.Name}}'").stdout).toBe('tienda-db-1\n');
  });

  it('publishes the service ports with --service-ports, or the ones given with -p', () => {
    const host = composeHost(WEB_AND_DB);
    const servicePorts = host.run('docker compose run -d --service-ports web 2>/dev/null').stdout.trim();
    expect(host.run(`docker port ${servicePorts}`).stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    const published = host.run('docker compose run -d -p 9090:80 web 2>/dev/null').stdout.trim();
    expect(host.run(`docker port ${published}`).stdout).toBe('80/tcp -> 0.0.0.0:9090\n80/tcp -> [::]:9090\n');
    expect(host.run('docker compose run -P -p 1:2 web')).toMatchObject({
      stderr: '--service-ports and --publish are incompatible\n',
      exitCode: 1,
    });
  });

  it("answers to the service's name on the network only with --use-aliases", () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose run -d --name plain db 2>/dev/null');
    host.run('docker compose run -d --name aliased --use-aliases db 2>/dev/null');
    expect(host.run("docker inspect -f '{{json .NetworkSettings.Networks.tienda_default.Aliases}}' plain").stdout).toBe(
      '["plain"]\n',
    );
    expect(
      host.run("docker inspect -f '{{json .NetworkSettings.Networks.tienda_default.Aliases}}' aliased").stdout,
    ).toBe('["aliased","db"]\n');
  });

  it('refuses what run.go refuses', () => {
    const host = composeHost(WEB_AND_DB);
    expect(host.run('docker compose run')).toMatchObject({
      stderr: 'requires at least 1 arg(s), only received 0\n',
      exitCode: 1,
    });
    expect(host.run('docker compose run -t -T db')).toMatchObject({
      stderr: "--tty and --no-TTY can't be used together\n",
      exitCode: 1,
    });
    expect(host.run('docker compose run -l nolabel db')).toMatchObject({
      stderr: 'label must be set as KEY=VALUE\n',
      exitCode: 1,
    });
    expect(host.run('docker compose run cache')).toMatchObject({ stderr: 'no such service: cache\n', exitCode: 1 });
  });
});
