import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(29);
const idOf = (host: ReturnType<typeof hostAfter>, name: string) =>
  host.run(`docker inspect -f '{{.Id}}' ${name}`).stdout.trim();

// moby docker-v29.7.2: daemon/container_operations_unix.go addLegacyLinks (the
// /etc/hosts line is `IP<TAB>alias hostname`, then the name when the alias is not
// it) and setupLinkedContainers (since d2e0895b9b, in v29.0.0, the WEB_PORT... variables
// of daemon/links/links.go are only set when dockerd runs with
// DOCKER_KEEP_DEPRECATED_LEGACY_LINKS_ENV_VARS=1, which a stock Debian host does not);
// daemon/create.go containerCreate (the deprecation warning of 29.6);
// libnetwork sandbox.go ResolveName (a --link on a user-defined network is an alias
// for the linking container only).
describe('--link', () => {
  it('on the default bridge writes alias and hostname, and the name when the alias differs', () => {
    const host = hostAfter(
      'docker run -d --name web nginx',
      'docker run -dit --name client --link web alpine',
      'docker run -dit --name other --link web:site --hostname box alpine',
    );
    const web = idOf(host, 'web').slice(0, 12);
    expect(host.run('docker exec client cat /etc/hosts').stdout.split('\n').at(-3)).toBe(`172.17.0.2\tweb ${web}`);
    expect(host.run('docker exec other cat /etc/hosts').stdout.split('\n').slice(-3, -1)).toEqual([
      `172.17.0.2\tsite ${web} web`,
      '172.17.0.4\tbox',
    ]);
    expect(host.run('docker exec client ping -c1 web').stdout).toContain('PING web (172.17.0.2)');
  });

  it('warns that links on the default bridge are deprecated', () => {
    const result = hostAfter('docker run -d --name web nginx').run('docker run -dit --name client --link web alpine');
    expect(result.stderr).toBe(
      'WARNING: Links on the default bridge network are deprecated and will be removed in a future release. Use a custom network instead.\n',
    );
  });

  it('sets no WEB_* environment variables in Docker 29, and inspect lists the link', () => {
    const host = hostAfter(
      'docker run -d --name web -e SECRET=x nginx',
      'docker run -dit --name client --link web alpine',
    );
    expect(host.run('docker exec client env').stdout).not.toMatch(/^WEB_/m);
    expect(host.run("docker inspect -f '{{json .HostConfig.Links}}' client").stdout).toBe('["/web:/client/web"]\n');
  });

  it('on a user-defined network is an alias that only the linking container resolves', () => {
    const host = hostAfter(
      'docker network create red',
      'docker run -d --name web --network red nginx',
      'docker run -dit --name client --network red --link web:db alpine',
      'docker run -dit --name other --network red alpine',
    );
    expect(host.run('docker run --rm --network red --link web:db alpine true').stderr).toBe('');
    expect(host.run('docker exec client ping -c1 db').stdout).toContain('PING db (172.18.0.2)');
    expect(host.run('docker exec other ping -c1 db')).toMatchObject({
      stderr: "ping: bad address 'db'\n",
      exitCode: 1,
    });
    expect(
      host.run("docker inspect -f '{{json .NetworkSettings.Networks.red.Links}} {{json .HostConfig.Links}}' client")
        .stdout,
    ).toBe('["web:db"] null\n');
  });
});
