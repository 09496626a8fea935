import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(23);
const lastContainer = (host: ReturnType<typeof hostAfter>) => host.snapshot().engine.containers.at(-1)!;

// Expected texts: docker/cli v29.7.2 (cli/command/container/opts.go parse and
// parseNetworkAttachmentOpt, opts/opts.go, opts/hosts.go, opts/env.go, opts/parse.go
// ParseRestartPolicy, cli/cobra.go FlagErrorFunc, run.go withHelp; pflag's
// `invalid argument %q for %q flag: %v`) and moby docker-v29.7.2 (daemon/commit.go
// merge, daemon/daemon_unix.go registerLinks, daemon/container_operations_unix.go
// setupLinkedContainers, api/types/container ValidateRestartPolicy).
describe('docker run options kept in the container', () => {
  it("merges the request with the image config: user env first, labels over the image's", () => {
    const config = lastContainer(
      hostAfter('docker run -d --name web -e NGINX_VERSION=x -e MODE=lab -e UNSET -l tier=front -w /srv nginx'),
    ).config;
    expect(config.env).toEqual([
      'NGINX_VERSION=x',
      'MODE=lab',
      'UNSET',
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'NJS_VERSION=1.0.0',
      'NJS_RELEASE=1~trixie',
      'ACME_VERSION=0.4.1',
      'PKG_RELEASE=1~trixie',
      'DYNPKG_RELEASE=1~trixie',
    ]);
    expect(config.labels).toEqual({ maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>', tier: 'front' });
    expect(config).toMatchObject({
      workingDir: '/srv',
      entrypoint: ['/docker-entrypoint.sh'],
      cmd: ['nginx', '-g', 'daemon off;'],
      stopSignal: 'SIGQUIT',
    });
  });

  it('drops the image command with --entrypoint, and keeps running what it starts', () => {
    const host = hostAfter('docker run -d --name s --entrypoint sleep alpine 300');
    expect(lastContainer(host).config).toMatchObject({ entrypoint: ['sleep'], cmd: ['300'] });
    expect(host.run('docker ps').stdout).toMatch(/"sleep 300" +2 seconds ago +Up 2 seconds +s\n$/);
  });

  it('records DNS, extra hosts (host=ip rewritten as host:ip), volumes and the restart policy', () => {
    const config = lastContainer(
      hostAfter(
        'docker run -dit --dns 1.1.1.1 --dns-search lab.example --dns-option ndots:2 --add-host db=10.0.0.5 --add-host api:10.0.0.6 -v /srv/data:/data --restart on-failure:3 alpine',
      ),
    ).config;
    expect(config).toMatchObject({
      dns: ['1.1.1.1'],
      dnsSearch: ['lab.example'],
      dnsOptions: ['ndots:2'],
      extraHosts: ['db:10.0.0.5', 'api:10.0.0.6'],
      volumes: ['/srv/data:/data'],
      restartPolicy: { name: 'on-failure', maximumRetryCount: 3 },
    });
  });

  it('exposes --expose ranges and published ports, and -P publishes them all', () => {
    const host = hostAfter('docker run -d --name web --expose 7000-7001 --expose 53/udp -P nginx');
    expect(lastContainer(host).exposed).toEqual([
      { port: 80, protocol: 'tcp' },
      { port: 7000, protocol: 'tcp' },
      { port: 7001, protocol: 'tcp' },
      { port: 53, protocol: 'udp' },
    ]);
    expect(host.run('docker port web').stdout.split('\n').filter(Boolean)).toHaveLength(8);
  });

  it('gives the endpoint the MAC address and the aliases asked for', () => {
    const host = hostAfter(
      'docker network create red1',
      'docker run -dit --name a --network red1 --network-alias db --net-alias cache --mac-address 92:D0:C6:0A:29:33 alpine',
    );
    expect(lastContainer(host).endpoints[0]).toMatchObject({ mac: '92:d0:c6:0a:29:33', aliases: ['db', 'cache'] });
  });
});

describe('docker run option errors', () => {
  const usage =
    "Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun 'docker run --help' for more information\n";
  it.each([
    [
      '--dns 1.1.1',
      'invalid argument "1.1.1" for "--dns" flag: IP address is not correctly formatted: 1.1.1\n\n' + usage,
    ],
    ['--add-host db', 'invalid argument "db" for "--add-host" flag: bad format for add-host: "db"\n\n' + usage],
    [
      '--add-host db:10.0.0',
      'invalid argument "db:10.0.0" for "--add-host" flag: invalid IP address in add-host: "10.0.0"\n\n' + usage,
    ],
    ['-e =x', 'invalid argument "=x" for "-e, --env" flag: invalid environment variable: =x\n\n' + usage],
    ['-l "a b=c"', 'invalid argument "a b=c" for "-l, --label" flag: label \'a b\' contains whitespaces\n\n' + usage],
    ['--link a:b:c', 'invalid argument "a:b:c" for "--link" flag: bad format for links: a:b:c\n\n' + usage],
    ['--dns-search -bad-', 'invalid argument "-bad-" for "--dns-search" flag: -bad- is not a valid domain\n\n' + usage],
    [
      '--mac-address 92:d0',
      "docker: 92:d0 is not a valid mac address\n\nRun 'docker run --help' for more information\n",
    ],
    [
      '--expose abc',
      "docker: invalid range format for --expose: invalid start port 'abc': invalid syntax\n\nRun 'docker run --help' for more information\n",
    ],
    [
      '--restart always --rm',
      "docker: conflicting options: cannot specify both --restart and --rm\n\nRun 'docker run --help' for more information\n",
    ],
    [
      '--restart :3',
      "docker: invalid restart policy format: no policy provided before colon\n\nRun 'docker run --help' for more information\n",
    ],
    [
      '--network-alias db',
      "docker: network-scoped aliases are only supported for user-defined networks\n\nRun 'docker run --help' for more information\n",
    ],
    [
      '--restart sometimes',
      "docker: Error response from daemon: invalid restart policy: unknown policy 'sometimes'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n\nRun 'docker run --help' for more information\n",
    ],
    [
      '--restart always:2',
      "docker: Error response from daemon: invalid restart policy: maximum retry count can only be used with 'on-failure'\n\nRun 'docker run --help' for more information\n",
    ],
  ])('docker run -d %s alpine', (options, stderr) => {
    expect(hostAfter().run(`docker run -d ${options} alpine`)).toMatchObject({ stdout: '', stderr, exitCode: 125 });
  });
});

describe('--link on the default bridge', () => {
  it('needs the linked container to exist when the container is created', () => {
    const host = hostAfter();
    expect(host.run('docker run -d --link nosuch:db alpine')).toMatchObject({
      stderr:
        "docker: Error response from daemon: could not get container for nosuch: No such container: nosuch\n\nRun 'docker run --help' for more information\n",
      exitCode: 125,
    });
    expect(host.snapshot().engine.containers).toEqual([]);
  });

  it('needs it running when the container starts', () => {
    const host = hostAfter('docker create --name db alpine', 'docker create --name web --link db:database alpine');
    expect(host.run('docker start web')).toMatchObject({
      stdout: '',
      stderr:
        'Error response from daemon: Cannot link to a non running container: /db AS /web/database\nfailed to start containers: web\n',
      exitCode: 1,
    });
  });

  it('starts once the linked container runs', () => {
    const host = hostAfter('docker run -dit --name db alpine', 'docker run -dit --name web --link db alpine');
    expect(lastContainer(host)).toMatchObject({ name: 'web', status: 'running' });
  });
});
