import { describe, expect, it } from 'vitest';
import { PROGRESS_HEADER } from '../../../src/netsim/format/curl-progress';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(5);
const web = () => hostAfter('docker run -d -p 8080:80 --name web nginx');

// curl 8.14.1 src/tool_operate.c: global->isatty is set when the body goes to stdout and
// stdout is a terminal; then the meter is off (noprogress), tool_cb_hdr.c bolds header
// names (BOLD "\x1b[1m", BOLDOFF "\x1b[0m") and tool_cb_dbg.c shows no `[N bytes data]`.
describe('curl at a terminal and into a pipe', () => {
  it('bolds header names at a terminal, not the status line, and not into a pipe', () => {
    const host = web();
    const shown = host.run('curl -sI http://localhost:8080/').stdout.split('\r\n');
    expect(shown[0]).toBe('HTTP/1.1 200 OK');
    expect(shown[1]).toBe('\x1b[1mServer\x1b[0m: nginx/1.31.3');
    expect(shown[3]).toBe('\x1b[1mContent-Type\x1b[0m: text/html');
    expect(host.run('curl -sI http://localhost:8080/ | head -n 2').stdout).toBe(
      'HTTP/1.1 200 OK\r\nServer: nginx/1.31.3\r\n',
    );
  });

  it('links a Location at a terminal with OSC 8, its end after the line (write_linked_location)', () => {
    const host = hostAfter('docker run -d -p 8080:80 --name wp wordpress');
    const location = host
      .run('curl -sI http://localhost:8080/')
      .stdout.split('\r\n')
      .find((line) => line.includes('Location'));
    expect(location).toBe(
      '\x1b[1mLocation\x1b[0m: \x1b]8;;http://localhost:8080/wp-admin/setup-config.php\x1b\\http://localhost:8080/wp-admin/setup-config.php',
    );
    expect(host.run('curl -sI http://localhost:8080/').stdout).toContain('setup-config.php\r\n\x1b]8;;\x1b\\');
  });

  it('draws the progress meter on stderr when stdout is a pipe', () => {
    const result = web().run('curl http://localhost:8080/ | head -n 1');
    expect(result.stdout).toBe('<!DOCTYPE html>\n');
    expect(
      result.stderr.startsWith(
        `${PROGRESS_HEADER}\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\r100   615  100   615    0     0 `,
      ),
    ).toBe(true);
    expect(web().run('curl http://localhost:8080/').stderr).toBe('');
  });

  it('notes the data with -v when stdout is not the terminal, and a pipe gets the body after the trailer', () => {
    const output = web().run('curl -sv http://127.0.0.1:8080/ 2>&1 | cat').stdout;
    expect(output).toContain(
      '< \r\n{ [615 bytes data]\n* Connection #0 to host 127.0.0.1 left intact\n<!DOCTYPE html>\n',
    );
    expect(web().run('curl -sv http://127.0.0.1:8080/').output).toContain('< \r\n<!DOCTYPE html>\n');
    expect(web().run('curl -sv http://127.0.0.1:8080/').output).not.toContain('bytes data');
  });
});

describe('curl options', () => {
  it('writes -w after the transfer on stdout, even with -o (tool_writeout.c)', () => {
    const host = web();
    expect(
      host.run(
        "curl -s -o /dev/null -w '%{http_code} %{remote_ip} %{remote_port} %{method} %{size_download}\\n' http://127.0.0.1:8080/",
      ).stdout,
    ).toBe('200 127.0.0.1 8080 GET 615\n');
    expect(
      host.run(
        "curl -s -o /dev/null -w '%{http_code}|%{url_effective}|%header{content-type}|%%|%{nope}' http://127.0.0.1:8080/",
      ),
    ).toMatchObject({
      stdout: '200|http://127.0.0.1:8080/|text/html|%|',
      stderr: "curl: unknown --write-out variable: 'nope'\n",
    });
    expect(host.run("curl -s -o /dev/null -w '%{time_total}' http://127.0.0.1:8080/").stdout).toMatch(/^0\.\d{6}$/);
    // writeLong: %03ld for the response code, 000 when nothing answered.
    expect(host.run("curl -s -w '%{http_code}\\n' http://127.0.0.1:9/")).toMatchObject({
      stdout: '000\n',
      exitCode: 7,
    });
  });

  it('sends -X and -H as http.c writes them; nginx refuses other methods on a static file', () => {
    const host = web();
    const sent = host.run(
      "curl -sv -o /dev/null -X POST -H 'Host: example.org' -H 'Accept:' -H 'X-Course: 1' http://127.0.0.1:8080/",
    ).stderr;
    expect(sent).toContain(
      '> POST / HTTP/1.1\r\n> Host: example.org\r\n> User-Agent: curl/8.14.1\r\n> X-Course: 1\r\n> \r\n',
    );
    expect(host.run("curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1:8080/").stdout).toBe('405');
    expect(host.run("curl -s -o /dev/null -w '%{http_code}' -X POST http://127.0.0.1:8080/missing").stdout).toBe('404');
    expect(host.run("curl -s -o /dev/null -w '%{http_code}' -X DELETE http://127.0.0.1:8080/missing").stdout).toBe(
      '405',
    );
  });

  it('keeps one family with -4 or -6, and connects to an IPv6 literal', () => {
    const host = web();
    expect(host.run("curl -s -o /dev/null -w '%{remote_ip}' http://localhost:8080/").stdout).toBe('::1');
    expect(host.run("curl -4 -s -o /dev/null -w '%{remote_ip}' http://localhost:8080/").stdout).toBe('127.0.0.1');
    expect(host.run("curl -s -o /dev/null -w '%{remote_ip}' 'http://[::1]:8080/'").stdout).toBe('::1');
    expect(host.run('curl -sv -o /dev/null http://[::1]:8080/').stderr).toContain('> Host: [::1]:8080\r\n');
    // cf_he_connect finds no address of the family asked for and calls no failf: curl_easy_strerror's text.
    expect(host.run('curl -6 http://127.0.0.1:8080/')).toMatchObject({
      stderr: 'curl: (7) Could not connect to server\n',
      exitCode: 7,
    });
  });

  it('takes --resolve entries as the DNS cache (Curl_loadhostpairs) and ignores -k on http', () => {
    const result = web().run('curl -skv -o /dev/null --resolve course.test:8080:127.0.0.1 http://course.test:8080/');
    expect(result.exitCode).toBe(0);
    expect(
      result.stderr.startsWith(
        '* Added course.test:8080:127.0.0.1 to DNS cache\n* Hostname course.test was found in DNS cache\n*   Trying 127.0.0.1:8080...\n* Connected to course.test (127.0.0.1) port 8080\n',
      ),
    ).toBe(true);
    expect(web().run('curl --resolve bad http://x/')).toMatchObject({
      stderr: "curl: (49) Couldn't parse CURLOPT_RESOLVE entry 'bad'\n",
      exitCode: 49,
    });
  });

  it("prints Debian 13's banner for --version", () => {
    const lines = web().run('curl --version').stdout.split('\n');
    expect(lines[0]).toMatch(
      /^curl 8\.14\.1 \(x86_64-pc-linux-gnu\) libcurl\/8\.14\.1 OpenSSL\/3\.5\.\d+ zlib\/1\.3\.1 /,
    );
    expect(lines[1]).toMatch(/^Release-Date: 2025-06-04, security patched: 8\.14\.1-2\+deb13u\d+$/);
    expect(lines[2]).toMatch(/^Protocols: dict file ftp ftps gopher gophers http https /);
    expect(lines[3]).toMatch(/^Features: alt-svc AsynchDNS brotli GSS-API HSTS HTTP2 HTTP3 HTTPS-proxy IDN IPv6 /);
  });
});
