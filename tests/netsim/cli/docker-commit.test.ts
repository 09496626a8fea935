import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/host';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(71);

const WEB = ['docker run -d --name web nginx', "docker exec web sh -c 'echo hello > /usr/share/nginx/html/index.html'"];

// docker/cli v29.7.2 cli/command/container/commit.go (prints response.ID; RequiresRangeArgs(1, 2); --pause
// deprecated "and enabled by default. Use --no-pause to disable pausing during commit."; the conflict of
// --pause and --no-pause); moby docker-v29.7.2 daemon/commit.go (CreateImageFromContainer: id.String(),
// the `commit` event), daemon/containerd/image_commit.go (the history entry: the container's Cmd joined
// with spaces, the comment; the parent image's digest as its label) and image_history.go (rows named by
// walking that label), daemon/builder/dockerfile/builder.go (validCommitCommands, "%s is not a valid change
// command" with the instruction as typed).
describe('docker commit', () => {
  it("prints the new image's ID, which docker images lists under the name given", () => {
    const host = hostAfter(...WEB);
    const commit = host.run('docker commit web myweb:1');
    expect(commit).toMatchObject({ stderr: '', exitCode: 0 });
    expect(commit.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const images = host.run('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}"').stdout;
    expect(images).toContain(`myweb:1 ${commit.stdout.slice(7, 19)}\n`);
    const nginx = /^nginx:latest (\w+)$/m.exec(images)?.[1];
    expect(nginx).not.toBe(commit.stdout.slice(7, 19));
  });

  it("runs with the container's files and the image's config, and a new container of it has no changes", () => {
    const host = hostAfter(...WEB, 'docker commit web myweb:1');
    expect(host.run('docker run -d --name web2 myweb:1').exitCode).toBe(0);
    expect(host.run('docker exec web2 cat /usr/share/nginx/html/index.html').stdout).toBe('hello\n');
    expect(host.run('docker ps --format "{{.Image}} {{.Command}} {{.Ports}}" --filter name=web2').stdout).toBe(
      'myweb:1 "/docker-entrypoint.…" 80/tcp\n',
    );
    expect(host.run('docker diff web2').stdout).toBe('');
    expect(host.run('docker inspect -f "{{.Config.Cmd}}" web2').stdout).toBe('[nginx -g daemon off;]\n');
  });

  it('applies --change, and history shows the commit over its parent, named by its digest', () => {
    const host = hostAfter(...WEB);
    const id = host.run('docker commit -c \'CMD ["sh"]\' -m "new page" -a "Ana" web myweb:2').stdout.trim();
    const history = host.run('docker history --format "{{.ID}}|{{.CreatedBy}}|{{.Comment}}" myweb:2').stdout;
    const rows = history.split('\n');
    const nginx = host.run('docker images --no-trunc --format "{{.ID}}" nginx').stdout.trim();
    expect(rows[0]).toBe(`${id.slice(7, 19)}|nginx -g daemon off;|new page`);
    expect(rows[1]).toBe(`${nginx.slice(7, 19)}|CMD ["nginx" "-g" "daemon off;"]|buildkit.dockerfile.v0`);
    expect(rows[2]).toMatch(/^<missing>\|/);
    // daemon/containerd/image_inspect.go: Author from the config, Comment the last history entry's.
    expect(host.run("docker image inspect -f '{{.Author}}|{{.Comment}}|{{.Config.Cmd}}' myweb:2").stdout).toBe(
      'Ana|new page|[sh]\n',
    );
    host.run('docker run --name shell myweb:2');
    expect(host.run('docker inspect -f "{{.Config.Cmd}}" shell').stdout).toBe('[sh]\n');
  });

  it('refuses an instruction a commit does not take, an unknown container, and wrong arguments', () => {
    const host = hostAfter(...WEB);
    expect(host.run("docker commit -c 'RUN ls' web x")).toMatchObject({
      stderr: 'Error response from daemon: RUN is not a valid change command\n',
      exitCode: 1,
    });
    expect(host.run('docker commit nope')).toMatchObject({
      stderr: 'Error response from daemon: No such container: nope\n',
      exitCode: 1,
    });
    expect(host.run('docker commit').stderr).toBe(
      "docker: 'docker commit' requires at least 1 and at most 2 arguments\n\nUsage:  docker commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]\n\nRun 'docker commit --help' for more information\n",
    );
    expect(host.run('docker commit --pause --no-pause web x')).toMatchObject({
      stdout:
        'Flag --pause has been deprecated, and enabled by default. Use --no-pause to disable pausing during commit.\n',
      stderr: 'conflicting options: --no-pause and --pause cannot be used together\n',
      exitCode: 1,
    });
    expect(host.run('docker commit web Web').stderr).toBe(
      'invalid reference format: repository name (library/Web) must be lowercase\n',
    );
  });

  it('logs create and tag for the image and commit for the container; rmi deletes the image', () => {
    const host = hostAfter(...WEB, 'docker commit -m note web myweb:1');
    const events = host.run(
      'docker events --since 1h --until 0s --filter type=image --filter type=container --filter event=commit --filter event=create --filter event=tag --format "{{.Type}} {{.Action}} {{.Actor.Attributes.comment}}"',
    ).stdout;
    expect(events).toContain('image create <no value>\nimage tag <no value>\ncontainer commit note\n');
    expect(host.run('docker rmi myweb:1').stdout).toMatch(/^Untagged: myweb:1\nDeleted: sha256:[0-9a-f]{64}\n$/);
    expect(host.run('docker images --format "{{.Repository}}"').stdout).not.toContain('myweb');
  });

  // docker/cli v29.7.2 cli/command/image/prune.go (`Deleted Images:`, `untagged: `/`deleted: ` lines);
  // moby docker-v29.7.2 daemon/containerd/image_prune.go (a dangling image no container uses; its name is its
  // digest, image.go imageFamiliarName) and image.go createOrReplaceImage (a name taken leaves the old image dangling).
  it('leaves an image without a name, which docker image prune deletes; a named one stays', () => {
    const host = hostAfter(...WEB, 'docker commit web myweb:1');
    const first = host.run('docker images --no-trunc --format "{{.ID}}" myweb').stdout.trim();
    const unnamed = host.run('docker commit web').stdout.trim();
    host.run('docker commit web myweb:1');
    const pruned = host.run('docker image prune -f');
    expect(pruned.stdout).toMatch(
      new RegExp(
        `^Deleted Images:\\nuntagged: ${first}\\ndeleted: ${first}\\nuntagged: ${unnamed}\\ndeleted: ${unnamed}\\n\\nTotal reclaimed space: \\d+(\\.\\d+)?kB\\n$`,
      ),
    );
    expect(host.run('docker images --format "{{.Repository}}:{{.Tag}}"').stdout).toContain('myweb:1\n');
    expect(host.run('docker image prune -f').stdout).toBe('Total reclaimed space: 0B\n');
  });
});

// docker/cli v29.7.2 cli/command/image/save.go ("cowardly refusing to save to a terminal. Use the -o flag or
// redirect"; atomicwriter: "invalid output path", mode 0600, nothing written when the daemon refuses) and
// load.go; moby docker-v29.7.2 daemon/containerd/image_exporter.go (ExportImage: ErrImageDoesNotExist,
// "No such image: NAME:TAG"; LoadImage: "Loaded image: NAME").
describe('docker save and docker load', () => {
  it('writes the archive silently, and loads it back after the image is gone', () => {
    const host = hostAfter(...WEB, 'docker commit web myweb:1', 'cd /tmp');
    expect(host.run('docker save -o myweb.tar myweb:1')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    const listing = host.run('ls -l /tmp/myweb.tar').stdout;
    expect(listing).toMatch(/^-rw------- /);
    expect(Number(listing.split(/\s+/)[4])).toBeGreaterThan(50_000_000);
    host.run('docker rmi -f myweb:1');
    expect(host.run('docker load -i myweb.tar')).toMatchObject({ stdout: 'Loaded image: myweb:1\n', exitCode: 0 });
    host.run('docker run -d --name again myweb:1');
    expect(host.run('docker exec again cat /usr/share/nginx/html/index.html').stdout).toBe('hello\n');
    expect(host.run('docker save -o all.tar nginx alpine').exitCode).toBe(0);
    expect(host.run('docker load -i all.tar').stdout).toBe('Loaded image: nginx:latest\nLoaded image: alpine:latest\n');
  });

  it('fails as the client and the daemon fail', () => {
    const host = hostAfter();
    expect(host.run('docker save nginx')).toMatchObject({
      stderr: 'cowardly refusing to save to a terminal. Use the -o flag or redirect\n',
      exitCode: 1,
    });
    expect(host.run('docker save -o /tmp/x.tar nothere')).toMatchObject({
      stderr: 'Error response from daemon: No such image: nothere:latest\n',
      exitCode: 1,
    });
    expect(host.run('ls /tmp/x.tar').exitCode).not.toBe(0);
    expect(host.run('docker save -o /nope/x.tar nginx').stderr).toBe(
      'failed to save image: invalid output path: stat /nope: no such file or directory\n',
    );
    expect(host.run('docker load -i /tmp/missing.tar')).toMatchObject({
      stderr: 'open /tmp/missing.tar: no such file or directory\n',
      exitCode: 1,
    });
    expect(host.run('docker save')).toMatchObject({ exitCode: 1 });
    expect(host.run('docker save').stderr).toMatch(/^docker: 'docker save' requires at least 1 argument\n/);
  });
});

describe("a commit's image in a host's snapshot", () => {
  it('is still there, with its files, after a restore, and gone when the snapshot predates it', () => {
    const host = Host.create({ seed: 5 });
    const before = host.snapshot();
    for (const line of WEB) host.run(line);
    host.run('docker commit web myweb:1');
    const after = host.snapshot();
    host.restore(before);
    expect(host.run('docker run --rm myweb:1 true').stderr).toContain('myweb:1');
    host.restore(after);
    expect(host.run('docker run --rm myweb:1 cat /usr/share/nginx/html/index.html').stdout).toBe('hello\n');
  });
});
