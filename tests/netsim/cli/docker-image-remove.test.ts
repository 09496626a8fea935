import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(17);

// moby docker-v29.7.2 daemon/containerd/image_delete.go (ImageDelete,
// imageDeleteConflict.Error, checkImageDeleteConflict) and docker/cli v29.7.2
// cli/command/image/remove.go runRemove (`Untagged:`/`Deleted:` lines, errors joined).
describe('docker rmi / docker image rm', () => {
  it('untags and deletes an image no container uses', () => {
    const host = hostAfter();
    const id = host.run(`docker image inspect -f '{{.Id}}' alpine`).stdout.trim();
    expect(host.run('docker rmi alpine')).toMatchObject({
      stdout: `Untagged: alpine:latest\nDeleted: ${id}\n`,
      exitCode: 0,
    });
    expect(host.run('docker image rm alpine')).toMatchObject({
      stderr: 'Error response from daemon: No such image: alpine:latest\n',
      exitCode: 1,
    });
  });

  it('refuses an image a container uses, naming the container and the image by short IDs', () => {
    const host = hostAfter('docker run -d --name web nginx');
    const container = host.run(`docker inspect -f '{{.Id}}' web`).stdout.slice(0, 12);
    const image = host.run(`docker image inspect -f '{{.Id}}' nginx`).stdout.slice(7, 19);
    expect(host.run('docker rmi nginx')).toMatchObject({
      stderr: `Error response from daemon: conflict: unable to delete nginx:latest (must be forced) - container ${container} is using its referenced image ${image}\n`,
      exitCode: 1,
    });
    expect(host.run(`docker rmi ${image}`).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${image} (cannot be forced) - image is being used by running container ${container}\n`,
    );
    host.run('docker stop web');
    expect(host.run(`docker image rm ${image}`).stderr).toBe(
      `Error response from daemon: conflict: unable to delete ${image} (must be forced) - image is being used by stopped container ${container}\n`,
    );
    // Forced by name: only the name goes, the image stays for the container.
    expect(host.run('docker rmi -f nginx').stdout).toBe('Untagged: nginx:latest\n');
  });

  it('with -f, a missing image is reported but is not a failure', () => {
    expect(hostAfter().run('docker rmi -f nope')).toMatchObject({
      stderr: 'Error response from daemon: No such image: nope:latest\n',
      exitCode: 0,
    });
  });
});

// docker/cli v29.7.2 cli/command/container/prune.go and image/prune.go, moby daemon/prune.go (newest first).
describe('docker container prune / docker image prune', () => {
  it('removes stopped containers, newest first, and leaves running ones', () => {
    const host = hostAfter(
      'docker run --name one alpine true',
      'docker run --name two alpine true',
      'docker run -d --name web nginx',
    );
    const id = (name: string) => host.run(`docker inspect -f '{{.Id}}' ${name}`).stdout;
    const expected = `Deleted Containers:\n${id('two')}${id('one')}\nTotal reclaimed space: 0B\n`;
    expect(host.run('docker container prune -f').stdout).toBe(expected);
    expect(host.run(`docker ps -a --format '{{.Names}}'`).stdout).toBe('web\n');
  });

  it('asks first, and a store of pulled images has nothing dangling', () => {
    const host = hostAfter('docker run --name one alpine true');
    expect(host.run('docker container prune').stdout).toBe(
      'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] ',
    );
    expect(host.run('docker image prune -f').stdout).toBe('Total reclaimed space: 0B\n');
  });
});
