import { describe, expect, it } from 'vitest';
import { DEBIAN_JESSIE_APACHE2_INDEX } from '../../../src/netsim/userland/debian-apache2-index';
import { locationOf, responseHead, webServer, type HttpResponse } from '../../../src/netsim/userland/web-servers';

const get = (server: string, path = '/', host = '172.17.0.2', method = 'GET'): HttpResponse => {
  const response = webServer(server)!({ method, path, host });
  if (response === 'unsimulated') throw new Error(`${server} does not answer ${method}`);
  return response;
};

describe("Debian's Apache servers", () => {
  it("jessie's default page is the 11104 bytes its ETag names (2b60), titled as in a jessie server's w3af capture", () => {
    // owtf/ptp tests/tools/w3af/w3af_http_reports_1_6_51.py: Apache/2.4.10 (Debian), etag "2b60-51cd7f8b96800-gzip".
    expect(DEBIAN_JESSIE_APACHE2_INDEX).toHaveLength(0x2b60);
    expect(DEBIAN_JESSIE_APACHE2_INDEX).toContain('<title>Apache2 Debian Default Page: It works</title>');
    const response = get('apache2-debian');
    expect(response.body).toBe(DEBIAN_JESSIE_APACHE2_INDEX);
    expect(responseHead(response, 'Wed, 13 Apr 2016 11:59:01 GMT')).toEqual([
      'HTTP/1.1 200 OK',
      'Date: Wed, 13 Apr 2016 11:59:01 GMT',
      'Server: Apache/2.4.10 (Debian)',
      'Last-Modified: Sun, 09 Aug 2015 02:53:20 GMT',
      'ETag: "2b60-51cd7f8b96800"',
      'Accept-Ranges: bytes',
      'Content-Length: 11104',
      'Vary: Accept-Encoding',
      'Content-Type: text/html',
    ]);
  });

  it('a missing file: the pre-2.4.39 404 that echoes the path, with the signature Debian turns on, naming the Host header', () => {
    const response = get('apache2-debian', '/nada', '192.168.1.10:8080');
    expect(response.status).toBe('404 Not Found');
    expect(response.body).toContain(
      '<p>The requested URL /nada was not found on this server.</p>\n<hr>\n<address>Apache/2.4.10 (Debian) Server at 192.168.1.10 Port 8080</address>\n</body></html>\n',
    );
    expect(response.headers).toContain(`Content-Length: ${response.body.length}`);
  });

  it("aplicacionweb: Debian 10's Apache, a stand-in page whose Content-Length and ETag agree", () => {
    const response = get('aplicacionweb');
    expect(response.server).toBe('Apache/2.4.38 (Debian)');
    expect(response.headers).toContain(`Content-Length: ${response.body.length}`);
    expect(response.headers).toContain(`ETag: "${response.body.length.toString(16)}-5b17bc80de1c0"`);
  });

  it("wordpress without wp-config.php: wp-load.php's 302 to setup-config.php on the Host asked for, no body", () => {
    const response = get('wordpress', '/', 'localhost:8080');
    expect(response.status).toBe('302 Found');
    expect(locationOf(response)).toBe('http://localhost:8080/wp-admin/setup-config.php');
    expect(response.headers).toEqual([
      'X-Powered-By: PHP/8.3.33',
      'Location: http://localhost:8080/wp-admin/setup-config.php',
      'Content-Length: 0',
      'Content-Type: text/html; charset=UTF-8',
    ]);
    expect(response.body).toBe('');
  });

  it('wordpress answers its set-up wizard itself, so following the redirect ends there', () => {
    const response = get('wordpress', '/wp-admin/setup-config.php', 'localhost:8080');
    expect(response.status).toBe('200 OK');
    expect(locationOf(response)).toBeUndefined();
    expect(response.body).toContain('<title>WordPress &rsaquo; Setup Configuration File</title>');
  });
});
