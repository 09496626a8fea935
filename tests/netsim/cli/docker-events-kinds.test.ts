import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(53);
const PAST = '--since 1h --until 0s';

/** The events' lines without their timestamps. */
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => line.replace(/^\S+ /, ''));

// moby docker-v29.7.2: daemon/volume/service/store.go (create, destroy: driver), daemon/volumes_unix.go
// (mount: container, destination, driver, propagation, read/write), daemon/container/container.go
// UnmountVolumes (unmount: container, driver), daemon/containerd/image_pull.go and image_events.go
// (pull: the reference, the image's labels and name), daemon/exec.go and monitor.go (exec_create: and
// exec_start: with the command line, exec_die with the exit code); the pretty format of docker/cli
// v29.7.2 cli/command/system/events.go, as in the reference page's examples
// (`image pull alpine:latest (name=alpine)`).
describe('docker events for volumes, images and execs', () => {
  it('logs a volume created, mounted at start, unmounted at exit and destroyed', () => {
    const host = hostAfter(
      'docker volume create data',
      'docker run -d --name v -v data:/data alpine sleep 1d',
      'docker kill v',
      'docker rm v',
      'docker volume rm data',
    );
    const id = host.run('docker ps -aq --no-trunc').stdout.trim() || undefined;
    expect(id).toBeUndefined();
    const text = lines(host.run(`docker events ${PAST} --filter type=volume`).stdout);
    expect(text[0]).toBe('volume create data (driver=local)');
    expect(text[1]).toMatch(
      /^volume mount data \(container=[0-9a-f]{64}, destination=\/data, driver=local, propagation=, read\/write=true\)$/,
    );
    expect(text[2]).toMatch(/^volume unmount data \(container=[0-9a-f]{64}, driver=local\)$/);
    expect(text[3]).toBe('volume destroy data (driver=local)');
    expect(text).toHaveLength(4);
  });

  it('orders the mount after the network connect and before the start, the unmount after the disconnect', () => {
    const host = hostAfter('docker run -d --name v -v data:/data alpine sleep 1d', 'docker kill v');
    const text = host.run(`docker events ${PAST} --format '{{.Type}} {{.Action}}'`).stdout.trim().split('\n');
    expect(text).toEqual([
      'volume create',
      'container create',
      'network connect',
      'volume mount',
      'container start',
      'container kill',
      'network disconnect',
      'volume unmount',
      'container die',
    ]);
  });

  it('logs a pull with the reference, the labels and the familiar name', () => {
    const host = hostAfter('docker pull httpd:latest', 'docker pull nginx');
    expect(lines(host.run(`docker events ${PAST} --filter type=image`).stdout)).toEqual([
      'image pull httpd:latest (name=httpd)',
      'image pull nginx:latest (maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>, name=nginx)',
    ]);
  });

  it("logs an exec's create and start with its command, and its death with the exit code", () => {
    const host = hostAfter('docker run -d --name web nginx', 'docker exec web cat /nope');
    const text = host.run(
      `docker events ${PAST} --filter event=exec_create --filter event=exec_start --filter event=exec_die --format '{{.Action}} {{index .Actor.Attributes "exitCode"}}|{{index .Actor.Attributes "execID"}}'`,
    ).stdout;
    const [create, start, die] = text
      .trim()
      .split('\n')
      .map((line) => line.split('|'));
    expect([create![0], start![0], die![0]]).toEqual([
      'exec_create: cat /nope ',
      'exec_start: cat /nope ',
      'exec_die 1',
    ]);
    expect(create![1]).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([create![1], start![1], die![1]]).size).toBe(1);
  });
});
