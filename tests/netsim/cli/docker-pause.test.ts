import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(71);
const webOnRed1 = ['docker network create red1', 'docker run -d --name web --network red1 nginx'];

// Expected behaviour: moby docker-v29.7.2 daemon/pause.go and unpause.go (their errors),
// daemon/container/state.go (State.String "Up ... (Paused)", StateString "paused"),
// daemon/exec.go errExecPaused (the name as the request gave it), daemon/delete.go
// cleanupContainer, docker/cli v29.7.2 cli/command/container/pause.go, unpause.go,
// attach.go; the cgroup freezer stops the processes, not the kernel's network stack.
describe('docker pause and unpause', () => {
  it('print each name, and show the container as paused in ps and inspect', () => {
    const host = hostAfter(...webOnRed1);
    expect(host.run('docker pause web')).toMatchObject({ stdout: 'web\n', stderr: '', exitCode: 0 });
    expect(host.run('docker ps --format "{{.State}} {{.Status}}"').stdout).toMatch(
      /^paused Up \d+ seconds \(Paused\)\n$/,
    );
    expect(host.run("docker inspect -f '{{.State.Status}} {{.State.Running}} {{.State.Paused}}' web").stdout).toBe(
      'paused true true\n',
    );
    expect(host.run('docker ps -q --filter status=running').stdout).toBe('');
    expect(host.run('docker unpause web')).toMatchObject({ stdout: 'web\n', exitCode: 0 });
    expect(host.run('docker ps --format "{{.State}}"').stdout).toBe('running\n');
  });

  it('refuse what the daemon refuses, with its words', () => {
    const host = hostAfter(...webOnRed1, 'docker create --name idle alpine', 'docker pause web');
    const id = (name: string) => host.run(`docker inspect -f '{{.Id}}' ${name}`).stdout.trim();
    expect(host.run('docker pause web')).toMatchObject({
      stderr: `Error response from daemon: container ${id('web')} is already paused\n`,
      exitCode: 1,
    });
    expect(host.run('docker pause idle nope')).toMatchObject({
      stderr: `Error response from daemon: container ${id('idle')} is not running\nError response from daemon: No such container: nope\n`,
      exitCode: 1,
    });
    expect(host.run('docker unpause idle')).toMatchObject({
      stderr: `Error response from daemon: Container ${id('idle')} is not paused\n`,
      exitCode: 1,
    });
    expect(host.run('docker exec web ls')).toMatchObject({
      stderr: 'Error response from daemon: Container web is paused, unpause the container before exec\n',
      exitCode: 1,
    });
    expect(host.run('docker attach web')).toMatchObject({
      stderr: 'cannot attach to a paused container, unpause it first\n',
      exitCode: 1,
    });
    expect(host.run('docker rm web')).toMatchObject({
      stderr:
        'Error response from daemon: cannot remove container "web": container is paused and must be unpaused first\n',
      exitCode: 1,
    });
  });

  it('leave the network answering pings while the server answers nothing', () => {
    const host = hostAfter(...webOnRed1, 'docker pause web');
    expect(host.run('docker run --rm --network red1 alpine ping -c 1 -W 1 web').stdout).toContain(
      '1 packets transmitted, 1 packets received, 0% packet loss',
    );
    expect(host.run('docker run --rm --network red1 alpine wget -T 2 -qO- web')).toMatchObject({
      stderr: 'wget: download timed out\n',
      exitCode: 1,
    });
    expect(host.run('docker run --rm --network red1 nicolaka/netshoot curl -sS -m 3 http://web')).toMatchObject({
      stderr: 'curl: (28) Operation timed out after 3000 milliseconds with 0 bytes received\n',
      exitCode: 28,
    });
    // curl with no -m waits until the reader gives up.
    const address = host
      .run("docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web")
      .stdout.trim();
    expect(host.run(`curl -s http://${address}/`)).toMatchObject({ stdout: '', exitCode: 130, output: '^C' });
    host.run('docker unpause web');
    expect(host.run('docker run --rm --network red1 alpine wget -qO- web').stdout).toContain(
      '<title>Welcome to nginx!</title>',
    );
  });

  it('lets stop and rm -f end a paused container', () => {
    const host = hostAfter(...webOnRed1, 'docker pause web');
    expect(host.run('docker stop web')).toMatchObject({ stdout: 'web\n', exitCode: 0 });
    expect(host.run("docker inspect -f '{{.State.Status}} {{.State.Paused}}' web").stdout).toBe('exited false\n');
    host.run('docker start web');
    host.run('docker pause web');
    expect(host.run('docker rm -f web')).toMatchObject({ stdout: 'web\n', exitCode: 0 });
  });
});

// docker/cli v29.7.2 cli/command/container/wait.go: each exit code in turn; the daemon's
// default condition is not-running, so a created container answers at once.
describe('docker wait', () => {
  it('prints the exit codes of stopped containers, and errors at the end', () => {
    const host = hostAfter(
      'docker run --name ok alpine true',
      'docker run --name bad alpine false',
      'docker create --name fresh alpine',
    );
    expect(host.run('docker wait ok bad nope fresh')).toMatchObject({
      stdout: '0\n1\n0\n',
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    });
    expect(host.run('docker container wait ok').stdout).toBe('0\n');
  });

  it('blocks on a running container until Ctrl-C', () => {
    const result = hostAfter('docker run -d --name web nginx', 'docker run --name ok alpine true').run(
      'docker wait ok web',
    );
    expect(result).toMatchObject({ stdout: '0\n', exitCode: 130 });
    expect(result.output).toBe('0\n^C');
  });
});
