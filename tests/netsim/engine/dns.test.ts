import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/netsim/engine/engine';
import { Host } from '../../../src/netsim/index';
import { formatIpv4 } from '../../../src/netsim/wire/ipv4';

/**
 * Service discovery as Docker documents it (docs.docker.com, "Bridge network
 * driver": containers on a user-defined bridge resolve each other by name or
 * alias; on the default bridge they can only reach each other by IP address,
 * unless `--link` is used).
 */
function hostWith(...lines: string[]) {
  const host = Host.create({ seed: 3 });
  for (const line of lines) {
    const result = host.run(line);
    if (result.exitCode !== 0) throw new Error(`${line}: ${result.stderr}`);
  }
  // White-box: the userland resolver that will ask this server is not built yet.
  const engine = (host as unknown as { parts: { engine: Engine } }).parts.engine;
  const lookup = (from: string, name: string) => engine.dns.resolve(from, name).map(formatIpv4);
  return { host, lookup };
}

describe('the embedded DNS server', () => {
  it('answers container names and short IDs on a user-defined network', () => {
    const { host, lookup } = hostWith(
      'docker network create red1',
      'docker run -d --name web --network red1 nginx',
      'docker run -d --name db --network red1 nginx',
    );
    expect(lookup('web', 'db')).toEqual(['172.18.0.3']);
    expect(lookup('db', 'WEB')).toEqual(['172.18.0.2']);
    const shortId = host.run('docker ps -q --no-trunc').stdout.split('\n').find(Boolean)!.slice(0, 12);
    expect(lookup('web', shortId)).toHaveLength(1);
    expect(lookup('web', 'db.red1')).toEqual(['172.18.0.3']);
  });

  it('does not answer names on the default bridge', () => {
    const { lookup } = hostWith('docker run -d --name one nginx', 'docker run -d --name two nginx');
    expect(lookup('one', 'two')).toEqual([]);
  });

  it('answers only for networks the two containers share, and only while the target runs', () => {
    const { host, lookup } = hostWith(
      'docker network create red1',
      'docker network create red2',
      'docker run -d --name a --network red1 nginx',
      'docker run -d --name b --network red2 nginx',
    );
    expect(lookup('a', 'b')).toEqual([]);
    host.run('docker network connect red1 b');
    expect(lookup('a', 'b')).toEqual(['172.18.0.3']);
    host.run('docker stop b');
    expect(lookup('a', 'b')).toEqual([]);
  });
});

describe('the embedded DNS server inside a container', () => {
  it('listens on 127.0.0.11 and has the nat rules of libnetwork resolver_unix.go', () => {
    const { host } = hostWith('docker network create red1', 'docker run -d --name web --network red1 nginx');
    const pid = host.snapshot().engine.containers[0]!.pid;
    const nat = host.run(`sudo nsenter -t ${pid} -n iptables -t nat -S`).stdout;
    const ports = /--to-destination 127\.0\.0\.11:(\d+)\n[^]*--to-destination 127\.0\.0\.11:(\d+)/.exec(nat)!;
    const [tcpPort, udpPort] = [ports[1], ports[2]];
    expect(nat).toBe(
      [
        '-P PREROUTING ACCEPT',
        '-P INPUT ACCEPT',
        '-P OUTPUT ACCEPT',
        '-P POSTROUTING ACCEPT',
        '-N DOCKER_OUTPUT',
        '-N DOCKER_POSTROUTING',
        '-A OUTPUT -d 127.0.0.11/32 -j DOCKER_OUTPUT',
        '-A POSTROUTING -d 127.0.0.11/32 -j DOCKER_POSTROUTING',
        `-A DOCKER_OUTPUT -d 127.0.0.11/32 -p tcp -m tcp --dport 53 -j DNAT --to-destination 127.0.0.11:${tcpPort}`,
        `-A DOCKER_OUTPUT -d 127.0.0.11/32 -p udp -m udp --dport 53 -j DNAT --to-destination 127.0.0.11:${udpPort}`,
        `-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p tcp -m tcp --sport ${tcpPort} -j SNAT --to-source :53`,
        `-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport ${udpPort} -j SNAT --to-source :53`,
        '',
      ].join('\n'),
    );
  });

  it('is not there on the default bridge', () => {
    const { host } = hostWith('docker run -d --name web nginx');
    const pid = host.snapshot().engine.containers[0]!.pid;
    expect(host.run(`sudo nsenter -t ${pid} -n iptables -t nat -S`).stdout).not.toContain('DOCKER_OUTPUT');
  });
});

describe('the embedded DNS server over IPv6 (libnetwork resolver.go handleIPQuery)', () => {
  const v6 = () =>
    hostWith(
      'docker network create --ipv6 --subnet 2001:db8:1::/64 v6net',
      'docker network create v4net',
      'docker run -d --network v6net --name c1 alpine sleep 100000',
      'docker run -d --network v6net --name c2 alpine sleep 100000',
      'docker run -d --network v4net --name d1 alpine sleep 100000',
      'docker network connect v4net c1',
    );

  it('answers AAAA with the IPv6 address of a container on an IPv6 network', () => {
    const { host } = v6();
    expect(host.run('docker exec c1 nslookup -type=AAAA c2').stdout).toContain('Name:\tc2\nAddress: 2001:db8:1::3\n');
  });

  it("answers AAAA for a name with only IPv4 addresses with NOERROR and no record, and leaves unknown names to the host's servers", () => {
    const { host } = v6();
    expect(host.run('docker exec c1 nslookup -type=AAAA d1').stdout).toBe(
      'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\n\n',
    );
    expect(host.run('docker exec c1 nslookup -type=AAAA nosuch').stdout).toContain(
      "** server can't find nosuch: NXDOMAIN",
    );
  });
});

describe('the embedded DNS server answers dig over IPv6', () => {
  const withDig = () =>
    hostWith(
      'docker network create --ipv6 --subnet 2001:db8:1::/64 v6net',
      'docker run -d --network v6net --name c1 alpine sleep 100000',
      'docker run -d --network v6net --name c2 alpine sleep 100000',
      'docker exec c1 apk add -q bind-tools',
    ).host;

  it('answers dig AAAA with the record, and dig -x of an IPv6 address with name.network (handlePTRQuery takes ip6.arpa names)', () => {
    const host = withDig();
    expect(host.run('docker exec c1 dig +noall +answer AAAA c2').stdout).toBe(
      'c2.\t\t\t600\tIN\tAAAA\t2001:db8:1::3\n',
    );
    expect(host.run('docker exec c1 dig -x 2001:db8:1::3 +short').stdout).toBe('c2.v6net.\n');
  });
});
