import { describe, expect, it } from 'vitest';
import { composeHost, plain, WEB_AND_DB } from './fixtures';

// compose v2.40.3 pkg/compose/{stop,start,restart,kill,remove}.go; the events' words are
// pkg/progress/event.go's (StoppingEvent "Stopping", StoppedEvent "Stopped", ...), one plain
// line each away from a terminal (`2>&1 | cat`).
describe('docker compose stop, start and restart', () => {
  it('stops the services dependents first (InReverseDependencyOrder), running or not', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    const lines = [
      ' Container tienda-web-1  Stopping',
      ' Container tienda-web-1  Stopped',
      ' Container tienda-db-1  Stopping',
      ' Container tienda-db-1  Stopped',
      '',
    ].join('\n');
    expect(host.run('docker compose stop 2>&1 | cat').stdout).toBe(lines);
    expect(host.run("docker ps -a --format '{{.Names}} {{.State}}'").stdout).toBe(
      'tienda-web-1 exited\ntienda-db-1 exited\n',
    );
    // ContainerStop on a stopped container changes nothing, and Compose still reports it.
    expect(host.run('docker compose stop 2>&1 | cat').stdout).toBe(lines);
  });

  it('stops only the services named', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    expect(host.run('docker compose stop db 2>&1 | cat').stdout).toBe(
      ' Container tienda-db-1  Stopping\n Container tienda-db-1  Stopped\n',
    );
    expect(host.run("docker ps --format '{{.Names}}'").stdout).toBe('tienda-web-1\n');
  });

  it('starts what is stopped in dependency order and leaves what runs (startService)', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    host.run('docker compose stop web');
    expect(host.run('docker compose start 2>&1 | cat').stdout).toBe(
      ' Container tienda-web-1  Starting\n Container tienda-web-1  Started\n',
    );
    host.run('docker compose stop');
    expect(host.run('docker compose start 2>&1 | cat').stdout).toBe(
      [
        ' Container tienda-db-1  Starting',
        ' Container tienda-db-1  Started',
        ' Container tienda-web-1  Starting',
        ' Container tienda-web-1  Started',
        '',
      ].join('\n'),
    );
  });

  it('cannot start a project that has no container (`has no container to start`)', () => {
    const host = composeHost(WEB_AND_DB);
    expect(host.run('docker compose start')).toMatchObject({
      stderr: 'service "db" has no container to start\n',
      exitCode: 1,
    });
  });

  it('restarts a service and the services that depend on it, Restarting then Started', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    expect(host.run('docker compose restart db 2>&1 | cat').stdout).toBe(
      [
        ' Container tienda-db-1  Restarting',
        ' Container tienda-db-1  Started',
        ' Container tienda-web-1  Restarting',
        ' Container tienda-web-1  Started',
        '',
      ].join('\n'),
    );
    expect(host.run('docker compose restart web 2>&1 | cat').stdout).toBe(
      ' Container tienda-web-1  Restarting\n Container tienda-web-1  Started\n',
    );
  });

  it('keeps addresses and names on the project network across a stop and start', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    host.run('docker compose stop');
    host.run('docker compose start');
    expect(host.run('docker compose exec db ping -c 1 web').stdout).toMatch(
      /^PING web \(172\.18\.0\.\d+\): 56 data bytes\n64 bytes from 172\.18\.0\.\d+/,
    );
  });
});

describe('docker compose kill and rm', () => {
  it('kills the running containers, and says when there is none, without a newline', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    // Each container is killed in a goroutine of its own, in the order ContainerList gives (newest first).
    expect(host.run('docker compose kill 2>&1 | cat').stdout).toBe(
      [
        ' Container tienda-web-1  Killing',
        ' Container tienda-web-1  Killed',
        ' Container tienda-db-1  Killing',
        ' Container tienda-db-1  Killed',
        '',
      ].join('\n'),
    );
    // SIGKILL: exit status 128 + 9.
    expect(host.run("docker ps -a --format '{{.Names}} {{.Status}}'").stdout).toMatch(
      /^tienda-web-1 Exited \(137\) .+\ntienda-db-1 Exited \(137\) .+\n$/,
    );
    expect(host.run('docker compose kill')).toMatchObject({ stdout: '', stderr: 'no container to kill', exitCode: 0 });
  });

  it('removes stopped containers with -f, naming them first on stdout', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    expect(host.run('docker compose rm -f')).toMatchObject({
      stdout: '',
      stderr: 'No stopped containers\n',
      exitCode: 0,
    });
    host.run('docker compose stop');
    const removed = host.run('docker compose rm -f 2>/dev/null');
    expect(removed).toMatchObject({ stdout: 'Going to remove tienda-web-1, tienda-db-1\n', exitCode: 0 });
    expect(host.run('docker ps -aq').stdout).toBe('');
  });

  it('stops first with --stop', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    expect(plain(host.run('docker compose rm -fs 2>&1 | cat').stdout)).toBe(
      [
        ' Container tienda-web-1  Stopping',
        ' Container tienda-web-1  Stopped',
        ' Container tienda-db-1  Stopping',
        ' Container tienda-db-1  Stopped',
        'Going to remove tienda-web-1, tienda-db-1',
        ' Container tienda-web-1  Removing',
        ' Container tienda-web-1  Removed',
        ' Container tienda-db-1  Removing',
        ' Container tienda-db-1  Removed',
        '',
      ].join('\n'),
    );
  });
});

describe('docker compose ls and port', () => {
  it('lists running projects with their states counted and config files (PrintPrettySection: tabwriter 20, 1, 3)', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    const path = '/home/usuario/tienda/compose.yaml';
    expect(host.run('docker compose ls').stdout).toBe(
      `NAME                STATUS              CONFIG FILES\ntienda              running(2)          ${path}\n`,
    );
    host.run('docker compose stop web');
    // A cell wider than the 20-column minimum widens its column to the cell plus the padding of 3.
    expect(host.run('docker compose ls -a').stdout).toBe(
      `NAME                STATUS                  CONFIG FILES\ntienda              exited(1), running(1)   ${path}\n`,
    );
    host.run('docker compose stop');
    expect(host.run('docker compose ls').stdout).toBe('NAME                STATUS              CONFIG FILES\n');
    expect(host.run('docker compose ls -a -q').stdout).toBe('tienda\n');
    expect(host.run('docker compose ls -a --format json').stdout).toBe(
      `[{"Name":"tienda","Status":"exited(2)","ConfigFiles":"${path}"}]\n`,
    );
    expect(host.run('docker compose ls -a --filter name=^shop').stdout).toBe(
      'NAME                STATUS              CONFIG FILES\n',
    );
  });

  it('refuses what list.go refuses', () => {
    const host = composeHost(WEB_AND_DB);
    expect(host.run('docker compose ls extra')).toMatchObject({
      stderr: 'unknown command "extra" for "docker compose ls"\n',
      exitCode: 1,
    });
    expect(host.run('docker compose ls --filter status=running')).toMatchObject({
      stderr: "invalid filter 'status'\n",
      exitCode: 1,
    });
    expect(host.run('docker compose ls --format yaml')).toMatchObject({
      stderr: 'format value "yaml" could not be parsed: parsing failed\n',
      exitCode: 1,
    });
  });

  it('prints the public side of a published port, and what port.go says otherwise', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    expect(host.run('docker compose port web 80')).toMatchObject({ stdout: '0.0.0.0:8080\n', exitCode: 0 });
    expect(host.run('docker compose port web 81').stderr).toBe(
      'no port 81/tcp for container tienda-web-1: 8080/tcp, 8080/tcp\n',
    );
    expect(host.run('docker compose port cache 80').stderr).toBe('service "cache" is not running\n');
    expect(host.run('docker compose port --index 2 web 80').stderr).toBe('service "web" is not running container #2\n');
    expect(host.run('docker compose port web')).toMatchObject({
      stderr: 'requires at least 2 arg(s), only received 1\n',
      exitCode: 1,
    });
    expect(host.run('docker compose port web http').stderr).toBe('strconv.ParseUint: parsing "http": invalid syntax\n');
  });
});

// compose v2.40.3 pkg/compose/pause.go: the running containers of the selected services, each
// in an errgroup (newest first, as ContainerList answers), `Paused` / `Unpaused` done events,
// the first daemon error at the end; moby daemon/pause.go and unpause.go word those errors.
describe('docker compose pause and unpause', () => {
  it("pauses and unpauses the project's containers, ps showing them paused", () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    expect(host.run('docker compose pause 2>&1 | cat').stdout).toBe(
      ' Container tienda-web-1  Paused\n Container tienda-db-1  Paused\n',
    );
    expect(host.run("docker compose ps --format '{{.Name}} {{.State}} {{.Status}}'").stdout).toMatch(
      /^tienda-db-1 paused Up \d+ seconds \(Paused\)\ntienda-web-1 paused Up \d+ seconds \(Paused\)\n$/,
    );
    expect(host.run('docker compose ps --status paused -q').stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(host.run('docker compose unpause db 2>&1 | cat').stdout).toBe(' Container tienda-db-1  Unpaused\n');
    expect(host.run("docker ps --format '{{.Names}} {{.State}}'").stdout).toBe(
      'tienda-web-1 paused\ntienda-db-1 running\n',
    );
  });

  it('tries every container and fails with the first error', () => {
    const host = composeHost(WEB_AND_DB);
    host.run('docker compose up -d');
    host.run('docker compose pause web');
    const web = host.run("docker inspect -f '{{.Id}}' tienda-web-1").stdout.trim();
    const result = host.run('docker compose unpause 2>&1 | cat');
    expect(result.stdout).toBe(
      ` Container tienda-web-1  Unpaused\nError response from daemon: Container ${host.run("docker inspect -f '{{.Id}}' tienda-db-1").stdout.trim()} is not paused\n`,
    );
    host.run('docker compose pause web');
    expect(host.run('docker compose pause')).toMatchObject({
      stderr: expect.stringContaining(`Error response from daemon: container ${web} is already paused\n`),
      exitCode: 1,
    });
  });
});
