import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(15);

/**
 * Public names through the resolvers where programs run: the host asks the
 * router (its resolv.conf), a default-bridge container asks the host's servers
 * directly (Docker copies them), and a container on a user-defined network asks
 * 127.0.0.11, which forwards what it does not know to its ExtServers
 * (libnetwork resolver.go forwardExtDNS). Expected lines follow Docker's
 * bridge-network tutorial (`docker exec -it alpine1 ping -c 2 google.com`),
 * BusyBox's and BIND's sources, and iputils ping.c.
 */
describe('public names', () => {
  it('ping -c 2 google.com on the host names the reply by its PTR record (pr_addr) with the reply TTL of Google', () => {
    const result = hostAfter().run('ping -c 2 google.com');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^PING google\.com \(142\.250\.185\.14\) 56\(84\) bytes of data\.\n64 bytes from mad41s11-in-f14\.1e100\.net \(142\.250\.185\.14\): icmp_seq=1 ttl=117 time=1\d\.\d ms\n/,
    );
    expect(result.stdout).toContain(
      '\n--- google.com ping statistics ---\n2 packets transmitted, 2 received, 0% packet loss',
    );
  });

  it('ping names a CNAME target in its header and statistics (AI_CANONNAME)', () => {
    const result = hostAfter().run('ping -c 1 deb.debian.org');
    expect(result.stdout).toMatch(
      /^PING debian\.map\.fastlydns\.net \(151\.101\.134\.132\) 56\(84\) bytes of data\.\n64 bytes from 151\.101\.134\.132: icmp_seq=1 ttl=59 /,
    );
    expect(result.stdout).toContain('--- debian.map.fastlydns.net ping statistics ---');
  });

  it("gets no echo reply from Docker Hub's AWS addresses", () => {
    const result = hostAfter().run('ping -c 1 registry-1.docker.io');
    expect(result).toMatchObject({ exitCode: 1 });
    expect(result.stdout).toContain('1 packets transmitted, 0 received, 100% packet loss');
  });

  it('BusyBox ping in a container on a user-defined network resolves through 127.0.0.11; the reply is one hop older', () => {
    const host = hostAfter('docker network create app-net', 'docker run -dit --name alpine1 --network app-net alpine');
    const result = host.run('docker exec alpine1 ping -c 2 google.com');
    expect(result.stdout).toMatch(
      /^PING google\.com \(142\.250\.185\.14\): 56 data bytes\n64 bytes from 142\.250\.185\.14: seq=0 ttl=116 time=1\d\.\d{3} ms\n/,
    );
  });

  it('docker exec client nslookup google.com answers via 127.0.0.11 with A and AAAA blocks', () => {
    const host = hostAfter('docker network create app-net', 'docker run -dit --name client --network app-net alpine');
    expect(host.run('docker exec client nslookup google.com')).toMatchObject({
      stdout:
        'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\nName:\tgoogle.com\nAddress: 142.250.185.14\n\nNon-authoritative answer:\nName:\tgoogle.com\nAddress: 2a00:1450:4003:80f::200e\n\n',
      exitCode: 0,
    });
  });

  it('a default-bridge container asks the router directly', () => {
    const host = hostAfter('docker run -dit --name plain alpine');
    expect(host.run('docker exec plain nslookup example.com').stdout).toMatch(
      /^Server:\t\t192\.168\.1\.1\nAddress:\t192\.168\.1\.1:53\n\nNon-authoritative answer:\nName:\texample\.com\nAddress: 23\.192\.228\.80\n/,
    );
  });

  it('an --internal network has no route to the router: 127.0.0.11 answers SERVFAIL', () => {
    const host = hostAfter(
      'docker network create --internal secret',
      'docker run -dit --name inside --network secret alpine',
    );
    expect(host.run('docker exec inside nslookup google.com')).toMatchObject({
      exitCode: 1,
      stdout: expect.stringContaining("** server can't find google.com: SERVFAIL\n"),
    });
    expect(host.run('docker exec inside ping -c 1 google.com')).toMatchObject({
      exitCode: 1,
      stderr: "ping: bad address 'google.com'\n",
    });
  });

  it('forwarded answers keep the upstream OPT record and come back compressed', () => {
    const host = hostAfter(
      'docker network create app-net',
      'docker run -dit --name tools --network app-net nicolaka/netshoot sleep 1d',
    );
    const text = host.run('docker exec tools dig google.com').stdout;
    expect(text).toContain(';; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n');
    expect(text).toContain(';; SERVER: 127.0.0.11#53(127.0.0.11) (UDP)\n');
    expect(text).toContain(';; MSG SIZE  rcvd: 55\n');
  });

  it('a name nobody knows is NXDOMAIN from the router, and nslookup fails', () => {
    expect(hostAfter().run('nslookup nosuch.example')).toMatchObject({
      exitCode: 1,
      stdout: "Server:\t\t192.168.1.1\nAddress:\t192.168.1.1#53\n\n** server can't find nosuch.example: NXDOMAIN\n\n",
    });
  });
});

describe('dig options', () => {
  it.each([
    ['dig +short deb.debian.org', 'debian.map.fastlydns.net.\n151.101.134.132\n'],
    ['dig -x 8.8.8.8 +short', 'dns.google.\n'],
    ['dig +short google.com MX', '10 smtp.google.com.\n'],
    ['dig +short -t aaaa google.com', '2a00:1450:4003:80f::200e\n'],
    ['dig +noall +answer www.google.com', 'www.google.com.\t\t300\tIN\tA\t142.250.185.4\n'],
  ])('%s', (line, stdout) => {
    expect(hostAfter().run(line)).toMatchObject({ stdout, exitCode: 0 });
  });

  it('+tcp says so in the SERVER line; @server names it and counts it in the banner', () => {
    expect(hostAfter().run('dig +tcp google.com').stdout).toContain(';; SERVER: 192.168.1.1#53(192.168.1.1) (TCP)\n');
    const named = hostAfter().run('dig @8.8.8.8 google.com').stdout;
    expect(named).toContain('<<>> @8.8.8.8 google.com\n; (1 server found)\n;; global options: +cmd\n');
    expect(named).toContain('; EDNS: version: 0, flags:; udp: 512\n');
  });

  it('says a record type it does not serve is not simulated, rather than invent an answer', () => {
    expect(hostAfter().run('dig google.com TXT')).toMatchObject({
      exitCode: 1,
      stderr: 'dig: TXT queries are not available in this simulator yet.\n',
    });
  });
});

describe('curl with names', () => {
  it('resolves a public name and says how with -v (hostip.c)', () => {
    const result = hostAfter().run('curl -sv -o /dev/null http://example.com/');
    expect(result.stderr).toContain(
      '* Host example.com:80 was resolved.\n* IPv6: 2600:1406:3a00:21::173e:2e65, 2600:1406:3a00:21::173e:2e66',
    );
    expect(result.stderr).toContain(
      '* IPv4: 23.192.228.80, 23.192.228.84, 23.215.0.136, 23.215.0.138, 96.7.128.175, 96.7.128.198\n*   Trying 23.192.228.80:80...\n',
    );
  });

  it('cannot resolve a name nobody knows (exit 6)', () => {
    expect(hostAfter().run('curl -sS http://nosuch.example/')).toMatchObject({
      exitCode: 6,
      stderr: 'curl: (6) Could not resolve host: nosuch.example\n',
    });
  });

  it('reaches a container by name through 127.0.0.11', () => {
    const host = hostAfter(
      'docker network create app-net',
      'docker run -d --name web --network app-net nginx',
      'docker run -dit --name tools --network app-net nicolaka/netshoot sleep 1d',
    );
    expect(host.run('docker exec tools curl -sI http://web/').stdout).toMatch(/^HTTP\/1\.1 200 OK\r\nServer: nginx/);
  });

  it("says an internet host's TLS is not simulated, once connected", () => {
    expect(hostAfter().run('curl -sI https://example.com')).toMatchObject({
      exitCode: 1,
      stderr: expect.stringContaining('over TLS is not simulated'),
    });
  });
});
