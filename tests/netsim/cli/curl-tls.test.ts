import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { anyPort, captured } from './trixie-clients';

/** curl 8.14.1 with OpenSSL 3.5 to https:// URLs, against golden/linux/session.trixie-clients.txt (stdout and stderr to one file). */
const toFile = (host: Host, command: string) => {
  const result = host.run(`${command} > /tmp/out 2>&1; cat /tmp/out`);
  return anyPort(result.stdout);
};

function nginxOn8080(): Host {
  const host = Host.create();
  host.run('docker run -d --name web -p 8080:80 nginx');
  return host;
}

describe('curl to https:// URLs', () => {
  it('fails to connect where nothing listens, as for http://, -v trying ::1 then 127.0.0.1', () => {
    const host = Host.create();
    for (const command of [
      'curl -k https://localhost:8443',
      'curl -kv https://localhost:8443',
      'curl https://127.0.0.1:8443',
      "curl -sk -o /dev/null -w '%{url_effective} %{exitcode}\\n' https://127.0.0.1:8443",
    ]) {
      expect(toFile(host, command), command).toBe(anyPort(captured(command).output));
      expect(host.run(command).exitCode).toBe(7);
    }
  });

  it("meets a plain-HTTP server's 400 as OpenSSL's wrong version number, -v showing the ClientHello", () => {
    const host = nginxOn8080();
    for (const command of [
      'curl -k https://localhost:8080',
      'curl -kv https://localhost:8080',
      'curl -sSk https://127.0.0.1:8080',
      'curl -v https://127.0.0.1:8080',
    ]) {
      expect(toFile(host, command), command).toBe(anyPort(captured(command).output));
      expect(host.run(command).exitCode).toBe(35);
    }
  });

  it('does not note TLS data when stdout is the terminal (tool_cb_dbg.c, !config->isatty)', () => {
    expect(nginxOn8080().run('curl -kv https://localhost:8080').stderr).toBe(
      [
        '* Host localhost:8080 was resolved.',
        '* IPv6: ::1',
        '* IPv4: 127.0.0.1',
        '*   Trying [::1]:8080...',
        '* ALPN: curl offers h2,http/1.1',
        '* TLSv1.3 (OUT), TLS handshake, Client hello (1):',
        '* TLS connect error: error:0A00010B:SSL routines::wrong version number',
        '* closing connection #0',
        'curl: (35) TLS connect error: error:0A00010B:SSL routines::wrong version number',
        '',
      ].join('\n'),
    );
  });

  it('says a server that is no web server is not simulated over TLS', () => {
    const host = Host.create();
    host.run('docker run -d --name db -e MARIADB_ROOT_PASSWORD=x -p 3306:3306 mariadb');
    expect(host.run('curl -k https://127.0.0.1:3306')).toMatchObject({ exitCode: 1 });
  });
});
