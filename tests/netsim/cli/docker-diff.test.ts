import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(53);

// docker/cli v29.7.2 cli/command/container/diff.go and formatter_diff.go (`{{.Type}} {{.Path}}`);
// moby docker-v29.7.2 daemon/containerd/image_changes.go and go-archive changes.go ChangesDirs
// (added, changed, deleted; a directory with changes inside is changed); the kinds as the
// reference page docs/reference/commandline/container_diff.md lists them (A, D, C).
describe('docker diff', () => {
  it('lists what a container added, changed and deleted, each directory before what it holds', () => {
    const host = hostAfter(
      'docker run -d --name c alpine sleep 1d',
      'docker exec c touch /tmp/x',
      'docker exec c mkdir -p /srv/a',
      'docker exec c sh -c "echo hi > /srv/a/f"',
      'docker exec c rm /etc/os-release',
    );
    expect(host.run('docker diff c')).toMatchObject({
      stdout: 'C /etc\nD /etc/os-release\nC /srv\nA /srv/a\nA /srv/a/f\nC /tmp\nA /tmp/x\n',
      exitCode: 0,
    });
  });

  it("shows nginx's default.conf changed by its entrypoint, and nothing for a container that changed nothing", () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker create --name idle alpine');
    expect(host.run('docker container diff web').stdout).toBe(
      'C /etc\nC /etc/nginx\nC /etc/nginx/conf.d\nC /etc/nginx/conf.d/default.conf\n',
    );
    expect(host.run('docker diff idle')).toMatchObject({ stdout: '', exitCode: 0 });
  });

  it('fails for a container the daemon does not have, and without exactly one argument', () => {
    const host = hostAfter();
    expect(host.run('docker diff nope')).toMatchObject({
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    });
    expect(host.run('docker diff').stderr).toBe(
      "docker: 'docker diff' requires 1 argument\n\nUsage:  docker diff CONTAINER\n\nRun 'docker diff --help' for more information\n",
    );
  });
});
