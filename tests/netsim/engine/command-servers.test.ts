import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * BusyBox servers started as a container's command listen in its namespace:
 * httpd -f (networking/httpd.c openServer: create_and_bind_stream_or_die on
 * `::` for a numeric -p, xlisten(fd, 9)) and nc -l/-lk -p (nc_bloaty.c:
 * xsocket_type(AF_UNSPEC) binds `::`, netfd 3, xlisten(netfd, 1)); libbb's
 * xsocket_type tries AF_INET6 first, so the socket is dual-stack. httpd's
 * answer for `/` in the busybox image (no index.html, no cgi-bin/index.cgi)
 * is send_headers(HTTP_NOT_FOUND): Date, Connection: close, Content-type:
 * text/html, no Server, then the canned page.
 */
const NOT_FOUND_PAGE =
  '<HTML><HEAD><TITLE>404 Not Found</TITLE></HEAD>\n<BODY><H1>404 Not Found</H1>\nThe requested URL was not found\n</BODY></HTML>\n';

describe('BusyBox httpd as the container command', () => {
  it('listens on every address at -p, backlog 9, fd 3', () => {
    const host = Host.create({ seed: 8 });
    host.run('docker run -d --name x busybox httpd -f -p 8000');
    expect(host.run('docker exec x netstat -ltn').stdout).toContain(
      'tcp        0      0 :::8000                 :::*                    LISTEN      \n',
    );
    const pid = host.run("docker inspect -f '{{.State.Pid}}' x").stdout.trim();
    expect(host.run(`sudo nsenter -t ${pid} -n ss -ltnp`).stdout).toMatch(
      /\nLISTEN\s+0\s+9\s+\*:8000\s+\*:\*\s+users:\(\("httpd",pid=\d+,fd=3\)\)\s*\n$/,
    );
  });

  it('answers from the host with its 404 page', () => {
    const host = Host.create({ seed: 8 });
    host.run('docker run -d --name x busybox httpd -f -p 8000');
    const result = host.run('curl -s -i http://172.17.0.2:8000/ | cat');
    expect(result.stdout).toMatch(
      /^HTTP\/1\.1 404 Not Found\r\nDate: [A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT\r\nConnection: close\r\nContent-type: text\/html\r\n\r\n/,
    );
    expect(result.stdout.endsWith(NOT_FOUND_PAGE)).toBe(true);
  });

  it('-p IP:PORT binds that address; without -f it does not stay to listen', () => {
    const host = Host.create({ seed: 8 });
    host.run('docker run -d --name x busybox httpd -f -p 127.0.0.1:8080');
    expect(host.run('docker exec x netstat -ltn').stdout).toContain(' 127.0.0.1:8080 ');
    host.run('docker run -d --name y busybox httpd -p 8000');
    expect(host.run('docker exec y netstat -ltn').stdout).not.toContain(':8000');
  });
});

describe('BusyBox nc -l as the container command', () => {
  it.each([
    ['busybox', 'nc -lk -p 7000', 7000],
    ['alpine', 'nc -l -p 7001', 7001],
  ])('%s %s listens, and a connection is accepted', (image, command, port) => {
    const host = Host.create({ seed: 8 });
    host.run(`docker run -d --name n ${image} ${command}`);
    expect(host.run('docker exec n netstat -ltnp').stdout).toContain(
      `tcp        0      0 :::${port}                 :::*                    LISTEN      1/nc\n`,
    );
    expect(host.run(`docker run --rm busybox nc -zv 172.17.0.2 ${port}`).stderr).toBe(
      `172.17.0.2 (172.17.0.2:${port}) open\n`,
    );
  });
});
