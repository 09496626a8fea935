import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { nginxAccessLine, nginxNotFoundLine } from '../../../src/netsim/engine/nginx-log';
import type { ServedHttp } from '../../../src/netsim/kernel/socket';

/**
 * The official nginx image's access log: nginx.org's nginx.conf, `log_format main
 * '$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent
 * "$http_referer" "$http_user_agent" "$http_x_forwarded_for"'`, on stdout
 * (docker-nginx links access.log to /dev/stdout; error.log to /dev/stderr).
 */
const served: ServedHttp = {
  timeMs: Date.UTC(2026, 11, 7, 16, 0, 0),
  server: 'nginx',
  remoteAddress: '172.17.0.1',
  requestLine: 'GET / HTTP/1.1',
  status: 200,
  bodyBytes: 615,
  referer: undefined,
  userAgent: 'curl/8.14.1',
  forwardedFor: undefined,
  host: 'localhost:8080',
};

describe('nginx access and error log lines', () => {
  it('writes the main format, an absent header as "-"', () => {
    expect(nginxAccessLine(served)).toBe(
      '172.17.0.1 - - [07/Dec/2026:16:00:00 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.14.1" "-"',
    );
  });

  it('says which file a 404 missed, as ngx_http_static_handler and ngx_http_index_handler do', () => {
    const missing = { ...served, requestLine: 'GET /nope?x=1 HTTP/1.1', status: 404 };
    expect(nginxNotFoundLine(missing, 29, 2, 'localhost:8080')).toBe(
      '2026/12/07 16:00:00 [error] 29#29: *2 open() "/usr/share/nginx/html/nope" failed (2: No such file or directory), client: 172.17.0.1, server: localhost, request: "GET /nope?x=1 HTTP/1.1", host: "localhost:8080"',
    );
    expect(nginxNotFoundLine({ ...missing, requestLine: 'GET /dir/ HTTP/1.1' }, 30, 1, undefined)).toBe(
      '2026/12/07 16:00:00 [error] 30#30: *1 "/usr/share/nginx/html/dir/index.html" is not found (2: No such file or directory), client: 172.17.0.1, server: localhost, request: "GET /dir/ HTTP/1.1"',
    );
  });
});

describe('docker logs of an nginx container after requests reach it', () => {
  it("shows one access line per request, from docker-proxy's address for a published port and from the client's for a direct one", () => {
    const host = Host.create();
    host.run('docker run -d --name web -p 8080:80 nginx');
    host.run('curl -s localhost:8080 -o /dev/null');
    host.run('docker run --rm busybox wget -q -O /dev/null http://172.17.0.2/');
    const lines = host.run('docker logs web').stdout.trimEnd().split('\n').slice(-2);
    expect(lines[0]).toMatch(
      /^172\.17\.0\.1 - - \[16\/Nov\/2026:09:30:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "curl\/8\.14\.1" "-"$/,
    );
    expect(lines[1]).toMatch(
      /^172\.17\.0\.3 - - \[16\/Nov\/2026:09:30:\d\d \+0000\] "GET \/ HTTP\/1\.1" 200 615 "-" "Wget" "-"$/,
    );
  });

  it('logs HEAD with no body bytes, and a 404 on stderr before its access line', () => {
    const host = Host.create();
    host.run('docker run -d --name web nginx');
    host.run('curl -sI http://172.17.0.2/missing');
    const result = host.run('docker logs web');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /"HEAD \/missing HTTP\/1\.1" 404 0 "-" "curl\/8\.14\.1" "-"$/,
    );
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(
      /\[error\] 29#29: \*1 open\(\) "\/usr\/share\/nginx\/html\/missing" failed \(2: No such file or directory\), client: 172\.17\.0\.1, server: localhost, request: "HEAD \/missing HTTP\/1\.1", host: "172\.17\.0\.2"$/,
    );
  });
});
