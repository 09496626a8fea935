import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(53);

/** The `docker events` lines of one container, as `ACTION signal/exitCode`. */
function actions(host: ReturnType<typeof hostAfter>, name: string): string[] {
  return host
    .run(
      `docker events --since 1h --until 0s --filter container=${name} --format '{{.Action}} {{index .Actor.Attributes \"signal\"}}{{index .Actor.Attributes \"exitCode\"}}'`,
    )
    .stdout.trim()
    .split('\n');
}

// docker/cli v29.7.2 cli/command/container/stop.go (-s, -t/--timeout, the deprecated --time and
// their conflict) and kill.go (-s); moby docker-v29.7.2 daemon/stop.go (the signal, the wait, then
// SIGKILL), daemon/kill.go (ParseSignal before the lookup, ValidSignalForPlatform),
// daemon/server/router/container/container_routes.go (`cannot kill container: NAME: ...`);
// moby/sys/signal signal_linux.go (names and numbers).
describe('docker stop -t and -s', () => {
  it('waits -t seconds for a process that ignores SIGTERM, then kills it: 137', () => {
    const host = hostAfter('docker run -d --name s alpine sleep 1000');
    expect(host.run('docker stop -t 3 s')).toMatchObject({ stdout: 's\n', exitCode: 0 });
    // The two kills' times, in seconds: three apart.
    const kills = host
      .run('docker events --since 1h --until 0s --filter event=kill --format "{{.Time}}"')
      .stdout.trim()
      .split('\n')
      .map(Number);
    expect(kills[1]! - kills[0]!).toBe(3);
    expect(host.run('docker ps -a --format "{{.Status}}"').stdout).toMatch(/^Exited \(137\) /);
    expect(actions(host, 's').slice(-4)).toEqual(['kill 15', 'kill 9', 'die 137', 'stop']);
  });

  it("sends -s instead of the image's stop signal: nginx logs SIGTERM's fast shutdown and exits 0", () => {
    const host = hostAfter('docker run -d --name web nginx');
    expect(host.run('docker stop -s SIGTERM --timeout 5 web').stdout).toBe('web\n');
    expect(host.run('docker logs web').stderr).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n');
    expect(host.run('docker ps -a --format "{{.Status}}"').stdout).toMatch(/^Exited \(0\) /);
    expect(actions(host, 'web').slice(-3)).toEqual(['kill 15', 'die 0', 'stop']);
  });

  it('refuses an unknown signal for a running container, and both --time and --timeout', () => {
    const host = hostAfter('docker run -d --name web nginx');
    expect(host.run('docker stop -s SIGFOO web')).toMatchObject({
      stderr: 'Error response from daemon: cannot stop container: web: invalid signal: SIGFOO\n',
      exitCode: 1,
    });
    expect(host.run('docker stop --time 1 --timeout 2 web')).toMatchObject({
      stderr: 'conflicting options: cannot specify both --timeout and --time\n',
      exitCode: 1,
    });
    expect(host.run('docker stop -t soon web')).toMatchObject({
      stderr: expect.stringMatching(
        /^invalid argument "soon" for "-t, --timeout" flag: strconv\.ParseInt: parsing "soon": invalid syntax\n/,
      ),
      exitCode: 125,
    });
  });
});

// docker/cli v29.7.2 cli/command/container/restart.go (the same -s, -t and --time as stop), moby
// docker-v29.7.2 daemon/restart.go (containerStop, containerStart, then `restart`; `Cannot restart container`).
describe('docker restart -t and -s', () => {
  it('stops as stop does, starts again and logs restart', () => {
    const host = hostAfter('docker run -d --name s alpine sleep 1d');
    expect(host.run('docker restart -t 2 s')).toMatchObject({ stdout: 's\n', exitCode: 0 });
    expect(actions(host, 's').slice(-6)).toEqual(['kill 15', 'kill 9', 'die 137', 'stop ', 'start ', 'restart']);
    expect(host.run('docker ps --format "{{.Names}} {{.Status}}"').stdout).toMatch(/^s Up /);
  });

  it('words a bad signal as the restart that failed', () => {
    expect(hostAfter('docker run -d --name web nginx').run('docker restart -s SIGNOPE web')).toMatchObject({
      stderr: 'Error response from daemon: Cannot restart container web: invalid signal: SIGNOPE\n',
      exitCode: 1,
    });
  });
});

describe('docker kill -s', () => {
  it('reloads nginx on HUP, by name or number, and the container keeps running', () => {
    const host = hostAfter('docker run -d --name web nginx');
    expect(host.run('docker kill -s HUP web').stdout).toBe('web\n');
    expect(host.run('docker kill --signal=1 web').stdout).toBe('web\n');
    const log = host.run('docker logs web').stderr;
    expect(log.match(/\[notice\] 1#1: signal 1 \(SIGHUP\) received, reconfiguring\n/g)).toHaveLength(2);
    expect(host.run('docker ps --format "{{.Names}} {{.Status}}"').stdout).toMatch(/^web Up /);
  });

  it('leaves a PID 1 without handlers running, and SIGKILL ends it with 137', () => {
    const host = hostAfter('docker run -d --name s alpine sleep 1000');
    host.run('docker kill -s TERM s');
    expect(host.run('docker ps --format "{{.Names}}"').stdout).toBe('s\n');
    host.run('docker kill -s sigkill s');
    expect(host.run('docker ps -a --format "{{.Status}}"').stdout).toMatch(/^Exited \(137\) /);
    expect(actions(host, 's').slice(-3)).toEqual(['kill 15', 'kill 9', 'die 137']);
  });

  it('stops Apache gracefully on WINCH', () => {
    const host = hostAfter('docker run -d --name h httpd');
    host.run('docker kill -s WINCH h');
    expect(host.run('docker logs h').stderr).toMatch(/AH00492: caught SIGWINCH, shutting down gracefully\n$/);
    expect(host.run('docker ps -a --format "{{.Status}}"').stdout).toMatch(/^Exited \(0\) /);
  });

  it('checks the signal before the container, and every error names the container', () => {
    const host = hostAfter();
    expect(host.run('docker kill -s FOO nope').stderr).toBe(
      'Error response from daemon: cannot kill container: nope: invalid signal: FOO\n',
    );
    expect(host.run('docker kill -s 99 nope').stderr).toBe(
      'Error response from daemon: cannot kill container: nope: the linux daemon does not support signal 99\n',
    );
    expect(host.run('docker kill -s 0 nope').stderr).toBe(
      'Error response from daemon: cannot kill container: nope: invalid signal: 0\n',
    );
    expect(host.run('docker kill nope').stderr).toBe(
      'Error response from daemon: cannot kill container: nope: No such container: nope\n',
    );
  });
});
