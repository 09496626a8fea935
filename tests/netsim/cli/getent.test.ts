import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(15);

/** glibc nss/getent.c: print_hosts (`%-15s %s` and aliases), ahosts_keys_int (`%-15s %-6s %s`), exit 2 for a key not found. */
describe('getent (glibc)', () => {
  it('hosts asks for IPv6 first and names the CNAME target, the typed name as alias', () => {
    // As published: `getent hosts deb.debian.org` -> `2a04:4e42:1f::644 debian.map.fastlydns.net deb.debian.org`.
    expect(hostAfter().run('getent hosts deb.debian.org')).toMatchObject({
      stdout: '2a04:4e42:1f::644 debian.map.fastlydns.net deb.debian.org\n',
      exitCode: 0,
    });
  });

  it('falls back to IPv4 when a name has no AAAA, one line per address', () => {
    expect(hostAfter().run('getent hosts registry-1.docker.io').stdout).toBe(
      '18.215.138.58   registry-1.docker.io\n52.1.184.176    registry-1.docker.io\n34.194.164.123  registry-1.docker.io\n',
    );
  });

  it('reads /etc/hosts first: localhost is ::1 with its aliases', () => {
    expect(hostAfter().run('getent hosts localhost').stdout).toBe(
      '::1             localhost ip6-localhost ip6-loopback\n',
    );
  });

  it('looks an address up by its PTR record, and exits 2 for what nobody knows', () => {
    expect(hostAfter().run('getent hosts 8.8.8.8').stdout).toBe('8.8.8.8         dns.google\n');
    expect(hostAfter().run('getent hosts nosuch.example')).toMatchObject({ stdout: '', exitCode: 2 });
  });

  it('ahosts lists each address for STREAM, DGRAM and RAW, the canonical name once; IPv6 after IPv4 on the host, none in a container', () => {
    expect(hostAfter().run('getent ahosts google.com').stdout).toBe(
      '142.250.185.14  STREAM google.com\n142.250.185.14  DGRAM  \n142.250.185.14  RAW    \n2a00:1450:4003:80f::200e STREAM \n2a00:1450:4003:80f::200e DGRAM  \n2a00:1450:4003:80f::200e RAW    \n',
    );
    const host = hostAfter('docker network create app-net', 'docker run -dit --name deb --network app-net debian');
    expect(host.run('docker exec deb getent ahosts google.com').stdout).toBe(
      '142.250.185.14  STREAM google.com\n142.250.185.14  DGRAM  \n142.250.185.14  RAW    \n',
    );
  });

  it('finds a container by name through 127.0.0.11 in a Debian container', () => {
    const host = hostAfter(
      'docker network create app-net',
      'docker run -d --name web --network app-net nginx',
      'docker run -dit --name deb --network app-net debian',
    );
    expect(host.run('docker exec deb getent hosts web').stdout).toMatch(/^172\.18\.0\.2 {6}web\n$/);
  });
});
