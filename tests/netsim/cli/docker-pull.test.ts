import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(7);

/** The lines of a stream, for checking their order without repeating every layer. */
const lines = (text: string) => text.split('\n').filter((line) => line !== '');

// Expected output, from the sources of Docker 29.7.2 with the containerd image store:
// - moby docker-v29.7.2 daemon/containerd/image_pull.go pullTag: `<tag>: Pulling from <path>`
//   once the manifest is resolved, `<layer>: Pulling fs layer` for each layer of the manifest,
//   `Digest: <index digest>` and writeStatus's `Status: Downloaded newer image for <ref>` after
//   the progress; an unknown repository is `pull access denied for X, repository does not exist
//   or may require 'docker login'`.
// - moby daemon/containerd/progress.go: per layer `Download complete` (HideCounts) and, once
//   unpacked, `Pull complete`; `Downloading` and `Extracting` carry counts.
// - docker/cli v29.7.2 vendor/github.com/moby/moby/client/pkg/jsonmessage/jsonmessage.go Display:
//   off a terminal, messages with counts are dropped and `ID: status` is printed per line;
//   displayJSONMessages at a terminal gives each layer one line, rewritten in place, so the screen
//   keeps its last status followed by a space (`%s %s` with RenderTUIProgress's empty bar).
// - docker/cli cli/command/container/create.go: `Unable to find image '<familiar ref>' locally`
//   on stderr, the pull progress on stderr, then the create again; run.go toStatusError: 125.
// - Layer IDs: the first 12 digits of the linux/amd64 manifest's layers in docker-library/repo-info.
describe('docker pull of an image the host does not have', () => {
  it('prints every layer of the manifest, then each download and unpack, the digest and the status, into a pipe', () => {
    const result = hostAfter().run('docker pull mariadb | cat');
    const out = lines(result.stdout);
    expect(out.slice(0, 2)).toEqual(['Using default tag: latest', 'latest: Pulling from library/mariadb']);
    const layers = [
      '0926a8eb0e60',
      '71fc539b309a',
      '0823aa11c04c',
      'ef4e113f30b9',
      '0b9fa11a3618',
      '4373608fb269',
      'f4b83b8f70d2',
      '6d1c2cce3f0a',
    ];
    expect(out.slice(2, 10)).toEqual(layers.map((id) => `${id}: Pulling fs layer`));
    for (const id of layers) {
      expect(out.indexOf(`${id}: Download complete`)).toBeGreaterThan(9);
      expect(out.indexOf(`${id}: Pull complete`)).toBeGreaterThan(out.indexOf(`${id}: Download complete`));
    }
    // Layers are unpacked in order, each on the one beneath.
    expect(layers.map((id) => out.indexOf(`${id}: Pull complete`))).toEqual(
      [...layers.map((id) => out.indexOf(`${id}: Pull complete`))].sort((a, b) => a - b),
    );
    expect(out.slice(-3)).toEqual([
      'Digest: sha256:c237fd50cc48d6f2b87c4ca66d52f3b5eef7271b3bea7aee586c0be19d5b460d',
      'Status: Downloaded newer image for mariadb:latest',
      'docker.io/library/mariadb:latest',
    ]);
    expect(result).toMatchObject({ stderr: '', exitCode: 0 });
  });

  it('keeps one line per layer at a terminal, with its last status', () => {
    const layers = [
      '0926a8eb0e60',
      '71fc539b309a',
      '0823aa11c04c',
      'ef4e113f30b9',
      '0b9fa11a3618',
      '4373608fb269',
      'f4b83b8f70d2',
      '6d1c2cce3f0a',
    ];
    expect(hostAfter().run('docker pull mariadb').stdout).toBe(
      [
        'Using default tag: latest',
        'latest: Pulling from library/mariadb',
        ...layers.map((id) => `${id}: Pull complete `),
        'Digest: sha256:c237fd50cc48d6f2b87c4ca66d52f3b5eef7271b3bea7aee586c0be19d5b460d',
        'Status: Downloaded newer image for mariadb:latest',
        'docker.io/library/mariadb:latest',
        '',
      ].join('\n'),
    );
  });

  it('shows no layers for a new name of an image whose content is stored, yet says it downloaded a newer image', () => {
    expect(hostAfter().run('docker pull httpd:2.4').stdout).toBe(
      '2.4: Pulling from library/httpd\nDigest: sha256:454942557d44332cd7e4ae415e7ec9b4dbbf01b4a042491f423fcaf10a32ce9f\nStatus: Downloaded newer image for httpd:2.4\ndocker.io/library/httpd:2.4\n',
    );
  });

  it('is up to date the second time', () => {
    expect(hostAfter('docker pull mariadb').run('docker pull mariadb:latest').stdout).toBe(
      'latest: Pulling from library/mariadb\nDigest: sha256:c237fd50cc48d6f2b87c4ca66d52f3b5eef7271b3bea7aee586c0be19d5b460d\nStatus: Image is up to date for mariadb:latest\ndocker.io/library/mariadb:latest\n',
    );
  });

  it('lists the pulled image and its second name in docker images', () => {
    const listing = hostAfter('docker pull mariadb', 'docker pull httpd:2.4').run('docker images').stdout;
    expect(listing).toMatch(/\nmariadb:latest +c237fd50cc48 /);
    expect(listing).toMatch(/\nhttpd:2\.4 +454942557d44 /);
    expect(listing).toMatch(/\nhttpd:latest +454942557d44 /);
  });

  it('refuses a repository the registry does not have, and an unknown tag', () => {
    expect(hostAfter().run('docker pull nosuchimage')).toMatchObject({
      stdout: 'Using default tag: latest\n',
      stderr:
        "Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login'\n",
      exitCode: 1,
    });
    expect(hostAfter().run('docker pull nginx:0.0.1')).toMatchObject({
      stdout: '',
      stderr:
        'Error response from daemon: failed to resolve reference "docker.io/library/nginx:0.0.1": docker.io/library/nginx:0.0.1: not found\n',
      exitCode: 1,
    });
  });

  it('prints only the reference with -q', () => {
    expect(hostAfter().run('docker pull -q wordpress').stdout).toBe('docker.io/library/wordpress:latest\n');
  });
});

describe('docker run of an image the host does not have', () => {
  it('says it is unable to find it, pulls it on stderr, and runs it', () => {
    const result = hostAfter().run('docker run -d --name db mariadb');
    expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const err = lines(result.stderr);
    expect(err.slice(0, 3)).toEqual([
      "Unable to find image 'mariadb:latest' locally",
      'latest: Pulling from library/mariadb',
      '0926a8eb0e60: Pull complete ',
    ]);
    expect(lines(hostAfter().run('docker run -d --name db mariadb 2>&1 >/dev/null | cat').stdout)[2]).toBe(
      '0926a8eb0e60: Pulling fs layer',
    );
    expect(err.slice(-2)).toEqual([
      'Digest: sha256:c237fd50cc48d6f2b87c4ca66d52f3b5eef7271b3bea7aee586c0be19d5b460d',
      'Status: Downloaded newer image for mariadb:latest',
    ]);
    expect(result.exitCode).toBe(0);
    // The terminal shows the pull first: the CLI prints the new ID only once the container is created.
    expect(result.output).toBe(result.stderr + result.stdout);
  });

  it('shows the pull before the ID for docker create too', () => {
    const result = hostAfter().run('docker create --name db mariadb');
    expect(result.output.startsWith("Unable to find image 'mariadb:latest' locally\n")).toBe(true);
    expect(result.output.endsWith(`Status: Downloaded newer image for mariadb:latest\n${result.stdout}`)).toBe(true);
  });

  it('fails as docker does for an image no registry has', () => {
    expect(hostAfter().run('docker run -d nosuchimage')).toMatchObject({
      stdout: '',
      stderr:
        "Unable to find image 'nosuchimage:latest' locally\ndocker: Error response from daemon: pull access denied for nosuchimage, repository does not exist or may require 'docker login'\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
  });

  it('pulls the custom images of the source articles', () => {
    const result = hostAfter().run('docker run -d --name mi_servidor --network host josedom24/aplicacionweb:v1');
    expect(lines(result.stderr)).toEqual(
      expect.arrayContaining([
        "Unable to find image 'josedom24/aplicacionweb:v1' locally",
        'v1: Pulling from josedom24/aplicacionweb',
        'c5e155d5a1d1: Pull complete ',
        'Status: Downloaded newer image for josedom24/aplicacionweb:v1',
      ]),
    );
    expect(hostAfter().run('docker create linuxtips/apache:1.0').stderr).toMatch(
      /^Unable to find image 'linuxtips\/apache:1.0' locally\n1.0: Pulling from linuxtips\/apache\n/,
    );
  });

  it('uses the images a profile says are already pulled', () => {
    const bare = Host.create({ seed: 1, profile: { ...DEBIAN_DOCKER_HOST, pulledImages: [] } });
    expect(bare.run('docker images -q').stdout).toBe('');
    expect(bare.run('docker run -d nginx').stderr).toMatch(
      /^Unable to find image 'nginx:latest' locally\nlatest: Pulling from library\/nginx\n062e450697fa: Pull complete \n/,
    );
    const ready = Host.create({ seed: 1, profile: { ...DEBIAN_DOCKER_HOST, pulledImages: ['mariadb'] } });
    expect(ready.run('docker run -d mariadb').stderr).toBe('');
  });
});
