import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';

/**
 * The httpd image's `docker logs`. Expected text: real `docker run httpd` logs
 * (docker-library/httpd issue #96: AH00489 from mpm_event, AH00094 `Command line:
 * 'httpd -D FOREGROUND'`; evertramos/nginx-proxy-automation issue #31: AH00558 twice
 * with the container's address), the `[pid N:tid N]` of a real Apache/2.4.66 log
 * (nextcloud-snap PR #3428), and server/util.c ap_get_local_host for AH00557/AH00558
 * (an unresolvable hostname falls back to 127.0.0.1; a dotted one is silent).
 */
const host = () => Host.create({ seed: 3, profile: { ...DEBIAN_DOCKER_HOST, internet: false }, secondsPerCommand: 0 });
const serverName = (address: string) =>
  `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${address}. Set the 'ServerName' directive globally to suppress this message`;
const stamp = /^\[\w{3} \w{3} \d\d \d\d:\d\d:\d\d\.\d{6} \d{4}\] /;

describe('httpd start-up log', () => {
  it('names the container address twice, then mpm_event and the command line', () => {
    const h = host();
    h.run('docker run -d --name web httpd');
    const result = h.run('docker logs web');
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines.slice(0, 2)).toEqual([serverName('172.17.0.2'), serverName('172.17.0.2')]);
    expect(lines.slice(2).map((line) => line.replace(stamp, ''))).toEqual([
      '[mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.68 (Unix) configured -- resuming normal operations',
      "[core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'",
      '',
    ]);
  });

  it('with --network none the hostname does not resolve: AH00557, then 127.0.0.1', () => {
    const h = host();
    h.run('docker run -d --name web --hostname box --network none httpd');
    expect(h.run('docker logs web').stderr.split('\n').slice(0, 4)).toEqual([
      'AH00557: httpd: apr_sockaddr_info_get() failed for box',
      serverName('127.0.0.1'),
      'AH00557: httpd: apr_sockaddr_info_get() failed for box',
      serverName('127.0.0.1'),
    ]);
  });

  it('a hostname with a dot is a fully qualified name: no warning', () => {
    const h = host();
    h.run('docker run -d --name web --hostname www.example.com httpd');
    expect(h.run('docker logs web').stderr).not.toContain('AH0055');
  });
});
