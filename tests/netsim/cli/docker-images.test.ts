import { describe, expect, it } from 'vitest';
import { formatImageTree, humanSize } from '../../../src/netsim/format/docker-images';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(53);

describe('the image tree view printer', () => {
  // docker/cli v29.7.2 cli/command/image/testdata/tree-command-success.width-calculation-untagged.golden,
  // printed by TestPrintImageTreeGolden with stdout not a terminal.
  it("matches docker/cli's golden for tagged and untagged images", () => {
    const rows = [
      {
        name: 'a:1',
        id: 'sha256:1111111111111111111111111111111111111111111111111111111111111111',
        diskUsage: '5.5 MB',
        contentSize: '2.5 MB',
        inUse: false,
      },
      {
        name: undefined,
        id: 'sha256:2222222222222222222222222222222222222222222222222222222222222222',
        diskUsage: '3.2 MB',
        contentSize: '1.6 MB',
        inUse: false,
      },
      {
        name: 'short:v1',
        id: 'sha256:3333333333333333333333333333333333333333333333333333333333333333',
        diskUsage: '7.1 MB',
        contentSize: '3.5 MB',
        inUse: true,
      },
    ];
    expect(formatImageTree(rows)).toBe(
      'IMAGE        ID             DISK USAGE   CONTENT SIZE   EXTRA\n' +
        'a:1          111111111111       5.5 MB         2.5 MB        \n' +
        '<untagged>   222222222222       3.2 MB         1.6 MB        \n' +
        'short:v1     333333333333       7.1 MB         3.5 MB   U    \n',
    );
  });

  // go-units HumanSizeWithPrecision(size, 3): fmt's %.3g and decimal units.
  it.each([
    [999, '999B'],
    [3_861_738, '3.86MB'],
    [232_289_256, '232MB'],
    [8_400_000, '8.4MB'],
    [999_900, '1e+03kB'],
    [1_500_000_000, '1.5GB'],
  ])('humanSize(%d) is %s', (bytes, text) => {
    expect(humanSize(bytes)).toBe(text);
  });
});

// Expected behaviour: docker/cli v29.7.2 cli/command/image/list.go (tree unless
// -q, --no-trunc, --digests or --format; printAmbiguousHint; RequiresMaxArgs),
// formatter/image.go (the classic table) and the containerd image store's IDs
// (image index digests) in moby docker-v29.7.2 daemon/containerd/image_list.go.
describe('docker images', () => {
  it('lists the store as the tree view, marking images a container uses', () => {
    const lines = hostAfter('docker run -d --name web nginx').run('docker images').stdout.split('\n');
    expect(lines[0]).toBe('IMAGE                      ID             DISK USAGE   CONTENT SIZE   EXTRA');
    expect(lines).toContain('nginx:latest               5a88c9c45479        232MB         63.1MB   U    ');
    expect(lines).toContain('alpine:latest              5b02b42e375f       12.3MB         3.86MB        ');
  });

  it('is the same command as docker image ls and docker image list, filtered by name', () => {
    const host = hostAfter();
    expect(host.run('docker image ls alpine').stdout).toBe(
      'IMAGE           ID             DISK USAGE   CONTENT SIZE   EXTRA\nalpine:latest   5b02b42e375f       12.3MB         3.86MB        \n',
    );
    expect(host.run('docker image list alpine').stdout).toBe(host.run('docker images alpine').stdout);
  });

  it('prints the classic table, newest image first, when the output is customised', () => {
    const lines = hostAfter().run('docker images --digests').stdout.split('\n');
    expect(lines[0]).toMatch(/^REPOSITORY {10}TAG {7}DIGEST {68}IMAGE ID {7}CREATED {8,}SIZE$/);
    expect(lines[1]).toMatch(
      /^httpd {15}latest {4}sha256:454942557d44332cd7e4ae415e7ec9b4dbbf01b4a042491f423fcaf10a32ce9f {3}454942557d44 {3}\S.* ago {3,}163MB$/,
    );
    expect(hostAfter().run('docker images -q busybox').stdout).toBe('dc2d74b28e4c\n');
    expect(hostAfter().run('docker images --format "{{.Repository}}:{{.Tag}} {{.ID}}" alpine').stdout).toBe(
      'alpine:latest 5b02b42e375f\n',
    );
    expect(hostAfter().run('docker images --format "table {{.Repository}}\\t{{.Size}}" debian').stdout).toBe(
      'REPOSITORY   SIZE\ndebian       170MB\n',
    );
  });

  // formatter/image.go: `json` is {{json .}} over imageContext's methods (MarshalJSON: a map, keys sorted);
  // the digest only when asked for (needDigest), SharedSize -1 from the list (N/A), and the
  // containerd store's container count (moby daemon/containerd/image_list.go image.Containers).
  it('prints each image as JSON with --format json, as {{json .}} does', () => {
    const host = hostAfter('docker run -d --name web nginx');
    const line = host.run('docker images --format json nginx').stdout;
    expect(line).toMatch(
      /^\{"Containers":"1","CreatedAt":"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC","CreatedSince":"[^"]+ ago","Digest":"\\u003cnone\\u003e","ID":"5a88c9c45479","Repository":"nginx","SharedSize":"N\/A","Size":"232MB","Tag":"latest","UniqueSize":"N\/A"\}\n$/,
    );
    expect(host.run("docker image ls --format '{{json .}}' nginx").stdout).toBe(line);
    expect(host.run('docker images --format json alpine').stdout).toContain('"Containers":"0"');
    expect(host.run("docker images --format '{{.Digest}}' nginx").stdout).toBe(
      'sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942\n',
    );
  });

  it('adds the DIGEST column to a custom table with --digests, and names the context in a template error', () => {
    const host = hostAfter();
    expect(host.run("docker images --digests --format 'table {{.Repository}}' busybox").stdout).toBe(
      'REPOSITORY   DIGEST\nbusybox      sha256:dc2d74b28e4cf8984fa52af1f39bc7c3d9c73760b41a74d629f5d11b1ab28616\n',
    );
    expect(host.run("docker images --format '{{.Nope}}'")).toMatchObject({
      stderr:
        'template parsing error: template: :1:2: executing "" at <.Nope>: can\'t evaluate field Nope in type *formatter.imageContext\n',
      exitCode: 1,
    });
  });

  it('hints at docker image ls when the name looked for is a subcommand', () => {
    expect(hostAfter().run('docker images ls')).toMatchObject({
      stderr: 'No images found matching "ls": did you mean "docker image ls"?\n',
      exitCode: 0,
    });
  });

  it('takes at most one name', () => {
    expect(hostAfter().run('docker images a b')).toMatchObject({
      stderr:
        "docker: 'docker images' requires at most 1 argument\n\nUsage:  docker images [OPTIONS] [REPOSITORY[:TAG]]\n\nRun 'docker images --help' for more information\n",
      exitCode: 1,
    });
  });
});

// Expected output: moby docker-v29.7.2 daemon/containerd/image_pull.go (Pulling
// from, Digest, Status: Image is up to date, no layer lines when all content is
// present) and docker/cli v29.7.2 cli/command/image/pull.go (Using default tag,
// the full reference at the end, -q).
describe('docker pull of an image the host has', () => {
  it('says it is up to date', () => {
    expect(hostAfter().run('docker pull nginx')).toMatchObject({
      stdout:
        'Using default tag: latest\nlatest: Pulling from library/nginx\nDigest: sha256:5a88c9c45479443d7be2eadc894b4ed0a9801bae03d97a5760ae13b5c2005942\nStatus: Image is up to date for nginx:latest\ndocker.io/library/nginx:latest\n',
      exitCode: 0,
    });
    expect(hostAfter().run('docker image pull nicolaka/netshoot:latest').stdout).toBe(
      'latest: Pulling from nicolaka/netshoot\nDigest: sha256:7f08c4aff13ff61a35d30e30c5c1ea8396eac6ab4ce19fd02d5a4b3b5d0d09a2\nStatus: Image is up to date for nicolaka/netshoot:latest\ndocker.io/nicolaka/netshoot:latest\n',
    );
    expect(hostAfter().run('docker pull -q alpine').stdout).toBe('docker.io/library/alpine:latest\n');
  });

  // The registry's answers are in tests/netsim/cli/docker-pull.test.ts.
  it('pulls an image of the registry that the host lacks', () => {
    expect(hostAfter().run('docker pull mariadb').stdout).toMatch(
      /^Using default tag: latest\nlatest: Pulling from library\/mariadb\n/,
    );
  });
});

describe('docker logs', () => {
  // moby docker-v29.7.2: containers that log nothing have empty logs; unknown containers are the daemon's error.
  it("prints nothing for a container that wrote nothing, and the daemon's error for an unknown one", () => {
    const host = hostAfter('docker run -dit --name c1 alpine');
    expect(host.run('docker logs c1')).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(host.run('docker container logs nosuch')).toMatchObject({
      stdout: '',
      stderr: 'Error response from daemon: No such container: nosuch\n',
      exitCode: 1,
    });
  });
});
