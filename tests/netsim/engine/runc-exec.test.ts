import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(31);

// Expected texts: docker/cli v29.7.2 cli/command/container/run.go (toStatusError: 127
// for "executable file not found", withHelp; the ID printed while the start is asked
// for), moby docker-v29.7.2 daemon/internal/libcontainerd/remote/client.go ("failed to
// create task for container"), daemon/start.go (State.Error and exit code kept, the
// container reset and left created; AutoRemove removes it), runc's init error as
// Docker 29 users report it (e.g. github.com/UNITRONIX/BetterDesk/issues/12:
// "... error during container init: exec: \"sh\": executable file not found in $PATH").
const RUNC =
  'Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "no-such-cmd": executable file not found in $PATH: unknown';

describe("a first process that is not on the image's PATH", () => {
  it('fails docker run -d after printing the ID, with status 127, and leaves the container created', () => {
    const host = hostAfter();
    const result = host.run('docker run -d --name bad alpine no-such-cmd');
    expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(result.stderr).toBe(`docker: ${RUNC}\n\nRun 'docker run --help' for more information\n`);
    expect(result.exitCode).toBe(127);
    expect(host.run('docker ps -a').stdout).toMatch(/"no-such-cmd" +\d+ seconds? ago +Created +bad\n$/);
    expect(host.run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' bad").stdout).toBe('created 127\n');
  });

  it('fails docker run in the foreground the same way, without the ID', () => {
    const host = hostAfter();
    const result = host.run('docker run --name bad alpine no-such-cmd');
    expect(result).toMatchObject({
      stdout: '',
      stderr: `docker: ${RUNC}\n\nRun 'docker run --help' for more information\n`,
      exitCode: 127,
    });
    expect(host.run('docker ps -a --format "{{.Names}} {{.Status}}"').stdout).toBe('bad Created\n');
  });

  it('removes a --rm container whose start failed', () => {
    const host = hostAfter('docker run --rm alpine no-such-cmd');
    expect(host.run('docker ps -aq').stdout).toBe('');
  });

  it("fails docker start with the daemon's words and the name of the container", () => {
    const host = hostAfter('docker create --name bad alpine no-such-cmd');
    expect(host.run('docker start bad')).toMatchObject({
      stderr: `${RUNC}\nfailed to start containers: bad\n`,
      exitCode: 1,
    });
  });

  it('still runs a program the image has', () => {
    expect(hostAfter().run('docker run alpine echo hi').stdout).toBe('hi\n');
  });
});

// Go's exec.LookPath stats a name that holds a slash (os/exec lp_unix.go findExecutable):
// the *PathError "stat /bin/bash: no such file or directory", as alpine users meet it
// (e.g. github.com/docker-archive-public/docker.doodle/issues/10: `exec: "/bin/bash": stat /bin/bash: no such file or directory`).
describe('a first program named by a path that the image lacks', () => {
  it("fails with stat's error, status 127", () => {
    const result = hostAfter().run('docker run -it alpine /bin/bash');
    expect(result.stderr).toBe(
      'docker: Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown\n\nRun \'docker run --help\' for more information\n',
    );
    expect(result.exitCode).toBe(127);
  });

  it('runs a path the image has, through its symbolic links', () => {
    const host = hostAfter();
    expect(host.run('docker run alpine /bin/echo hi').stdout).toBe('hi\n');
    expect(host.run('docker run debian /bin/bash -c "echo deb"').stdout).toBe('deb\n');
  });
});

// runc's setns init looks the program up the same way for `docker exec`; the CLI
// prints the daemon's "OCI runtime exec failed: exec failed: ..." and exits with the
// exec's code, 127 (moby docker-v29.7.2 daemon/exec.go, errors.go setExitCodeFromError).
describe('docker exec of a program the container lacks', () => {
  it('fails before any shell starts, by name or by path', () => {
    const host = hostAfter('docker run -dit --name a alpine');
    expect(host.run('docker exec -it a bash')).toMatchObject({
      stderr:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown\n',
      exitCode: 127,
    });
    expect(host.run('docker exec -it a /bin/bash').stderr).toBe(
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown\n',
    );
    expect(host.run('docker exec a sh -c "echo in"').stdout).toBe('in\n');
  });
});
