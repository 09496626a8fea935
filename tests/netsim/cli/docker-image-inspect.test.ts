import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(17);

// moby docker-v29.7.2 api/types/image/image_inspect.go (InspectResponse field order),
// daemon/containerd/image_inspect.go (Id is the target's digest, RepoDigests
// name@digest, Size the packed content), daemon/server/router/image/image_routes.go
// (API >= 1.52: no GraphDriver, omitempty fields left out), opencontainers
// image-spec ImageConfig for the Config fields' order; nginx's config from
// docker-library/repo-info (EXPOSE 80, STOPSIGNAL SIGQUIT).
describe('docker image inspect', () => {
  it('prints the image object in InspectResponse order', () => {
    const [image] = JSON.parse(hostAfter().run('docker image inspect nginx').stdout);
    expect(Object.keys(image)).toEqual([
      'Id',
      'RepoTags',
      'RepoDigests',
      'Created',
      'Config',
      'Architecture',
      'Os',
      'Size',
      'RootFS',
      'Metadata',
      'Identity',
    ]);
    expect(Object.keys(image.Config)).toEqual(['ExposedPorts', 'Env', 'Entrypoint', 'Cmd', 'Labels', 'StopSignal']);
    expect(image.Id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(image.RepoTags).toEqual(['nginx:latest']);
    expect(image.RepoDigests).toEqual([`nginx@${image.Id}`]);
    expect(image.Identity).toEqual({ Pull: [{ Repository: 'docker.io/library/nginx' }] });
  });

  it('reads EXPOSE without a container, and null for an image that declares none', () => {
    const host = hostAfter();
    expect(host.run(`docker image inspect -f '{{json .Config.ExposedPorts}}' nginx`).stdout).toBe('{"80/tcp":{}}\n');
    expect(host.run(`docker image inspect -f '{{json .Config.ExposedPorts}}' alpine`).stdout).toBe('null\n');
    expect(host.run(`docker inspect -f '{{.Os}}/{{.Architecture}}' nginx`).stdout).toBe('linux/amd64\n');
  });

  it('finds an image by short ID, and fails with the tag added for an unknown name', () => {
    const host = hostAfter();
    const id = host.run(`docker image inspect -f '{{.Id}}' alpine`).stdout.trim();
    expect(host.run(`docker image inspect -f '{{index .RepoTags 0}}' ${id.slice(7, 19)}`).stdout).toBe(
      'alpine:latest\n',
    );
    expect(host.run('docker image inspect nope')).toMatchObject({
      stdout: '[]\n',
      stderr: 'Error response from daemon: No such image: nope:latest\n',
      exitCode: 1,
    });
    expect(host.run('docker inspect nope').stderr).toBe('error: no such object: nope\n');
  });

  it('stamps LastTagTime when a pull tags the image', () => {
    const host = hostAfter('sleep 30', 'docker pull mariadb');
    const tagged = host.run(`docker image inspect -f '{{.Metadata.LastTagTime}}' mariadb`).stdout;
    expect(tagged).toMatch(/^2026-11-16 09:30:/);
  });
});
