import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(23);

// moby docker-v29.7.2 daemon/rename.go ContainerRename (its checks and their
// order; the sandbox renamed so the embedded DNS answers the new name) and
// names.go reserveName (validContainerNamePattern, nameConflictError);
// docker/cli v29.7.2 cli/command/container/rename.go ("failed to rename container: %w").
describe('docker rename', () => {
  const named = () =>
    hostAfter(
      'docker network create red',
      'docker run -d --name web --network red nginx',
      'docker run -d --name other --network red alpine sleep 999',
    );

  it('renames silently, and the embedded DNS answers the new name only', () => {
    const host = named();
    expect(host.run('docker rename web site')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(host.run('docker exec other ping -c1 site').stdout).toContain('PING site (172.18.0.2): 56 data bytes\n');
    expect(host.run('docker exec other ping -c1 web')).toMatchObject({
      stderr: "ping: bad address 'web'\n",
      exitCode: 1,
    });
    expect(host.run("docker ps --format '{{.Names}}'").stdout).toBe('other\nsite\n');
    expect(host.run('docker container rename site web').exitCode).toBe(0);
  });

  it('refuses a name in use, the same name, and a name with invalid characters', () => {
    const host = named();
    const otherId = host.run("docker inspect -f '{{.Id}}' other").stdout.trim();
    expect(host.run('docker rename web other')).toMatchObject({
      stderr: `failed to rename container: Error response from daemon: Error when allocating new name: Conflict. The container name "/other" is already in use by container "${otherId}". You have to remove (or rename) that container to be able to reuse that name.\n`,
      exitCode: 1,
    });
    expect(host.run('docker rename web web').stderr).toBe(
      'failed to rename container: Error response from daemon: Renaming a container with the same name as its current name\n',
    );
    expect(host.run('docker rename web "a b"').stderr).toBe(
      'failed to rename container: Error response from daemon: Error when allocating new name: Invalid container name (/a b), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed\n',
    );
    expect(host.run('docker rename nope x').stderr).toBe(
      'failed to rename container: Error response from daemon: No such container: nope\n',
    );
  });

  it('needs exactly two arguments', () => {
    expect(hostAfter().run('docker rename web').stderr).toBe(
      "docker: 'docker rename' requires 2 arguments\n\nUsage:  docker rename CONTAINER NEW_NAME\n\nRun 'docker rename --help' for more information\n",
    );
  });
});
