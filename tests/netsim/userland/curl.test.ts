import { describe, expect, it } from 'vitest';
import { readGolden } from '../golden';
import { capturedLayout } from '../traffic-fixtures';

/**
 * curl's failures through the simulated datapath, against captures made with
 * curl 7.88.1. Debian 13's curl 8.14 words CURLE_COULDNT_CONNECT "Could not
 * connect to server" where 7.88 said "Couldn't": that is the only change made.
 */
const curl8 = (text: string) => text.replace("Couldn't connect to server", 'Could not connect to server');

describe('curl through the simulated datapath', () => {
  it.each([
    'host.curl-closed-port.full.txt',
    'host.curl-sS-closed-port.full.txt',
    'host.curl-sS-timeout.full.txt',
    'c3.curl-sS-c1-isolated.full.txt',
    'c1.curl-sS-lan-closed.full.txt',
  ])('%s', (file) => {
    const golden = readGolden(`linux/${file}`);
    const { host, inside } = capturedLayout();
    const [where] = file.split('.');
    const result = where === 'host' ? host.run(`sudo ${golden.command}`) : inside(where!, golden.command!);
    expect({ stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode }).toEqual({
      stdout: golden.stdout,
      stderr: curl8(golden.stderr ?? ''),
      exitCode: golden.exitCode,
    });
  });

  it('reaches a published port on the host address through DNAT and on localhost through docker-proxy', () => {
    const { host } = capturedLayout();
    const direct = host.run('curl -s http://172.17.0.2/').stdout;
    expect(direct).toContain('<h1>Welcome to nginx!</h1>');
    expect(host.run('curl -s http://192.168.1.10:8080/').stdout).toBe(direct);
    expect(host.run('curl -s http://localhost:8080/').stdout).toBe(direct);
    const dnat = host.run('sudo iptables -t nat -L DOCKER -n -v -x').stdout;
    // Only the connection to the host address met the DNAT rule: localhost is excluded from it.
    expect(dnat).toMatch(/^\s+1\s+60 DNAT/m);
  });

  it('is refused on a published port once the container has stopped', () => {
    const { host } = capturedLayout();
    host.run('docker stop c1');
    expect(host.run('curl http://localhost:8080/')).toMatchObject({
      stderr: 'curl: (7) Failed to connect to localhost port 8080 after 0 ms: Could not connect to server\n',
      exitCode: 7,
    });
  });
});
