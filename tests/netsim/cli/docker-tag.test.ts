import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(53);

// docker/cli v29.7.2 cli/command/image/tag.go; moby client v0.5.1 image_tag.go (both names parsed by
// distribution/reference first, `refusing to create a tag with a digest reference`); moby
// docker-v29.7.2 daemon/containerd/image_tag.go (the `tag` event: digest, labels, the new name) and
// image_delete.go (untag by name while another name remains; `untag` and `delete` events).
describe('docker tag', () => {
  it('adds a name for the same image, which docker images lists and docker run uses', () => {
    const host = hostAfter('docker tag nginx web:v1');
    const images = host.run('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}"').stdout;
    const id = /^nginx:latest (\w+)$/m.exec(images)?.[1];
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(images).toContain(`web:v1 ${id}\n`);
    host.run('docker run -d --name w web:v1');
    expect(host.run('docker ps --format "{{.Image}} {{.Names}}"').stdout).toBe('web:v1 w\n');
    expect(host.run('docker exec w head -1 /etc/nginx/nginx.conf').exitCode).toBe(0);
    expect(host.run('docker inspect -f "{{.Config.Image}}" w').stdout).toBe('web:v1\n');
  });

  it('untags one name with docker rmi while the image keeps another, and logs tag and untag', () => {
    const host = hostAfter('docker tag alpine:latest tools', 'docker image tag tools tools:2');
    expect(host.run('docker rmi tools')).toMatchObject({ stdout: 'Untagged: tools:latest\n', exitCode: 0 });
    expect(host.run('docker image rm tools:2').stdout).toBe('Untagged: tools:2\n');
    const events = host.run(
      'docker events --since 1h --until 0s --filter type=image --format "{{.Action}} {{.Actor.Attributes.name}}"',
    );
    expect(events.stdout).toBe('tag tools:latest\ntag tools:2\nuntag tools:latest\nuntag tools:2\n');
    expect(host.run('docker images --format "{{.Repository}}"').stdout).not.toContain('tools');
  });

  it('refuses names the client cannot parse, a digest target, and a source the daemon does not have', () => {
    const host = hostAfter();
    expect(host.run('docker tag nginx Web')).toMatchObject({
      stderr:
        'error parsing reference: "Web" is not a valid repository/tag: invalid reference format: repository name (library/Web) must be lowercase\n',
      exitCode: 1,
    });
    expect(host.run('docker tag nginx web:-x').stderr).toBe(
      'error parsing reference: "web:-x" is not a valid repository/tag: invalid reference format\n',
    );
    expect(host.run(`docker tag nginx web@sha256:${'0'.repeat(64)}`).stderr).toBe(
      'refusing to create a tag with a digest reference\n',
    );
    expect(host.run('docker tag nope web')).toMatchObject({
      stderr: 'Error response from daemon: No such image: nope:latest\n',
      exitCode: 1,
    });
  });
});
