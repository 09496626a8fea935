import { describe, expect, it } from 'vitest';
import { createWarnings } from '../../../src/netsim/engine/create-warnings';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(31);
const PORTS = 'Published ports are discarded when using host network mode';
const LINKS =
  'Links on the default bridge network are deprecated and will be removed in a future release. Use a custom network instead.';
const port = { hostIp: '', hostPort: 9090, containerPort: 80, protocol: 'tcp' as const };

// Expected texts: moby docker-v29.7.2 daemon/daemon_unix.go verifyPlatformContainerSettings
// ("Published ports are discarded...", only for NetworkMode.IsHost() with PortBindings) and
// daemon/create.go containerCreate (the links warning, for IsDefault() or IsBridge());
// docker/cli v29.7.2 cli/command/container/create.go prints each as "WARNING:", w on stderr.
describe('the warnings of a container create', () => {
  it.each([
    ['host with -p', { networkMode: 'host', publish: [port], links: [] }, [PORTS]],
    ['host without -p (-P sets no PortBindings)', { networkMode: 'host', publish: [], links: [] }, []],
    ['none with -p: kept, nothing said', { networkMode: 'none', publish: [port], links: [] }, []],
    ['bridge with --link', { networkMode: 'bridge', publish: [], links: ['web'] }, [LINKS]],
    ['default with --link', { networkMode: 'default', publish: [], links: ['web:w'] }, [LINKS]],
    ['a user-defined network with --link', { networkMode: 'red1', publish: [], links: ['web'] }, []],
  ])('%s', (_, inputs, expected) => {
    expect(createWarnings(inputs)).toEqual(expected);
  });
});

describe('docker run and docker create print them on stderr', () => {
  it('run -d: the warning on stderr, the ID alone on stdout, and no port published', () => {
    const host = hostAfter();
    const result = host.run('docker run -d --name edge --network host -p 9090:80 nginx');
    expect(result.stderr).toBe(`WARNING: ${PORTS}\n`);
    expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(result.exitCode).toBe(0);
    expect(host.run('docker port edge').stdout).toBe('');
  });

  it('create with -p PORT alone: a binding without a host port is still a binding', () => {
    const result = hostAfter().run('docker create --network host -p 80 nginx');
    expect(result.stderr).toBe(`WARNING: ${PORTS}\n`);
  });

  it('after the pull progress when the image had to be pulled', () => {
    const result = hostAfter().run('docker run -d --network host -p 3306:3306 mariadb');
    expect(result.stderr).toMatch(
      new RegExp(
        `^Unable to find image 'mariadb:latest' locally\\n[^]*Status: Downloaded newer image for mariadb:latest\\nWARNING: ${PORTS}\\n$`,
      ),
    );
  });

  it('--link on the default bridge', () => {
    const result = hostAfter('docker run -d --name web nginx').run(
      'docker run -d --name c2 --link web alpine sleep 100',
    );
    expect(result.stderr).toBe(`WARNING: ${LINKS}\n`);
  });

  it('refuses --link with the host network before anything else (runconfig validateNetMode)', () => {
    const result = hostAfter().run('docker run -d --network host --link nosuch alpine');
    expect(result.stderr).toBe(
      "docker: Error response from daemon: conflicting options: host type networking can't be used with links. This would result in undefined behavior\n\nRun 'docker run --help' for more information\n",
    );
    expect(result.exitCode).toBe(125);
  });
});

// docker/cli v29.7.2 cli/command/container/run.go runContainer calls createContainer
// (create.go), which prints the response's warnings, before it attaches and starts:
// a reader sees them above what the container writes.
describe('docker run in the foreground prints the warnings before the container output', () => {
  it.each([
    ['--network host -p 8080:80', PORTS],
    ['--link web:w', LINKS],
  ])('docker run --rm %s alpine echo hi', (options, warning) => {
    const host = hostAfter('docker run -d --name web nginx');
    const result = host.run(`docker run --rm ${options} alpine echo hi`);
    expect(result).toMatchObject({
      stdout: 'hi\n',
      stderr: `WARNING: ${warning}\n`,
      output: `WARNING: ${warning}\nhi\n`,
      exitCode: 0,
    });
  });
});
