import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';
import { whoamiResponse, responseHead } from '../../../src/netsim/userland/web-servers';

/**
 * Images Docker's tutorials run: nginx:alpine (docker-library/repo-info
 * fbaba011 repos/nginx/remote/1.31.3-alpine.md: its index digest, env, entrypoint
 * and command), traefik/whoami (traefik/whoami app.go whoamiHandler and getIPs;
 * Go's net/http extraHeader.Write for Date, Content-Length, Content-Type; Go's
 * Request.Write for the echoed request; `log.Printf("Starting up on port %s")`
 * with the standard flags) and curlimages/curl (curl/curl-container
 * etc/entrypoint.sh: an option or a word that is no command becomes `curl ...`;
 * its VERSION, 8.21.0, in curl's User-Agent).
 */
const host = () => Host.create({ seed: 3, profile: { ...DEBIAN_DOCKER_HOST, internet: false }, secondsPerCommand: 0 });

describe('nginx:alpine', () => {
  it("is repo-info's 1.31.3-alpine: its digest, NGINX_VERSION, Alpine 3.24.1 inside", () => {
    const h = host();
    expect(h.run('docker pull nginx:alpine').stdout).toContain(
      'Digest: sha256:2776cd5b70d8983e27e9f5c90abee3d24c690014ae8ecbb529572d954a459096\n',
    );
    expect(h.run("docker image inspect -f '{{json .Config.Env}}' nginx:alpine").stdout).toBe(
      '["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NGINX_VERSION=1.31.3","PKG_RELEASE=1","DYNPKG_RELEASE=1","NJS_VERSION=1.0.0","NJS_RELEASE=1","ACME_VERSION=0.4.1"]\n',
    );
    expect(h.run('docker run --rm nginx:alpine cat /etc/os-release').stdout).toContain('VERSION_ID=3.24.1\n');
  });

  it('serves and has its nginx binary', () => {
    const h = host();
    h.run('docker run -d --name web -p 8080:80 nginx:alpine');
    expect(h.run("curl -s -o /dev/null -w '%{http_code}' localhost:8080").stdout).toBe('200');
    expect(h.run('docker exec web nginx -v').stderr).toBe('nginx version: nginx/1.31.3\n');
  });
});

describe('traefik/whoami', () => {
  it('answers with its hostname, its addresses, the client as it sees it, and the request echoed with CRLF', () => {
    const h = host();
    h.run('docker network create n');
    h.run('docker run -d --name who --hostname who --network n traefik/whoami');
    const body = h.run('docker run --rm --network n curlimages/curl -s http://who/').stdout;
    expect(body).toMatch(
      /^Hostname: who\nIP: 127\.0\.0\.1\nIP: ::1\nIP: 172\.18\.0\.2\nRemoteAddr: 172\.18\.0\.3:\d+\nGET \/ HTTP\/1\.1\r\nHost: who\r\nUser-Agent: curl\/8\.21\.0\r\nAccept: \*\/\*\r\n\r\n$/,
    );
  });

  // getIPs lists net.Interfaces' Addrs: per link its IPv4 addresses, then its IPv6 ones in the kernel's
  // order (global before link-local, as `ip -6 addr` lists them); the link-local one is eth0's EUI-64.
  it('lists its IPv6 addresses too on an IPv6 network', () => {
    const h = host();
    h.run('docker network create --ipv6 --subnet 2001:db8:7::/64 n6');
    h.run('docker run -d --name who --hostname who --network n6 traefik/whoami');
    const linkLocal = h.run("docker inspect -f '{{.NetworkSettings.Networks.n6.MacAddress}}' who").stdout.trim();
    const body = h.run('docker run --rm --network n6 curlimages/curl -s http://who/').stdout;
    expect(body).toMatch(
      /^Hostname: who\nIP: 127\.0\.0\.1\nIP: ::1\nIP: 172\.18\.0\.2\nIP: 2001:db8:7::2\nIP: fe80::[0-9a-f:]+\nRemoteAddr: /,
    );
    // EUI-64: the MAC's first byte with its U/L bit flipped, ff:fe in the middle.
    const [a, b, c, d, e, f] = linkLocal.split(':').map((byte) => parseInt(byte, 16));
    const eui = [((a! ^ 2) << 8) | b!, (c! << 8) | 0xff, 0xfe00 | d!, (e! << 8) | f!]
      .map((word) => word.toString(16))
      .join(':');
    expect(body).toContain(`IP: fe80::${eui}\n`);
  });

  it('logs its start as log.Printf does', () => {
    const h = host();
    h.run('docker run -d --name who traefik/whoami');
    expect(h.run('docker logs who').stderr).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d Starting up on port 80\n$/);
  });

  it("writes Go's headers (Date, Content-Length, Content-Type, no Server) and the other request headers sorted, canonical", () => {
    const response = whoamiResponse('h', ['127.0.0.1'], {
      method: 'GET',
      path: '/',
      host: 'x',
      headers: ['Host: x', 'x-b: 2', 'User-Agent: ua', 'Accept: */*'],
      remote: '10.0.0.1:5',
    });
    if (response === 'unsimulated') throw new Error('unsimulated');
    expect(response.body).toBe(
      'Hostname: h\nIP: 127.0.0.1\nRemoteAddr: 10.0.0.1:5\nGET / HTTP/1.1\r\nHost: x\r\nUser-Agent: ua\r\nAccept: */*\r\nX-B: 2\r\n\r\n',
    );
    expect(responseHead(response, 'Thu, 01 Jan 1970 00:00:00 GMT')).toEqual([
      'HTTP/1.1 200 OK',
      'Date: Thu, 01 Jan 1970 00:00:00 GMT',
      `Content-Length: ${response.body.length}`,
      'Content-Type: text/plain; charset=utf-8',
    ]);
  });
});

describe('curlimages/curl', () => {
  it('takes a URL or an option as curl arguments, and runs a command the image has', () => {
    const h = host();
    h.run('docker run -d --name web -p 8080:80 nginx');
    expect(h.run("docker run --rm curlimages/curl -s -o /dev/null -w '%{http_code}' http://172.17.0.2").stdout).toBe(
      '200',
    );
    expect(h.run('docker run --rm curlimages/curl http://172.17.0.2').stdout).toContain(
      '<title>Welcome to nginx!</title>',
    );
    expect(h.run('docker run --rm curlimages/curl echo hi').stdout).toBe('hi\n');
  });
});
