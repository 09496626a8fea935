import { contains, parseCidr, type Cidr } from '../wire/cidr';
import { type DnsQuestion, type DnsRecord, type DnsType } from '../wire/dns';
import { parseIpv4, type Ipv4 } from '../wire/ipv4';

/**
 * The public DNS as a recursive resolver saw it: a fixed snapshot, not live
 * data, so that lessons print the same bytes on every run and offline. Records
 * were taken from published captures where one exists (dig and nslookup output
 * quoted in public repositories and articles, 2023-2025): example.com's six A
 * and six AAAA records, deb.debian.org's CNAME to Fastly with 151.101.134.132
 * and 2a04:4e42:1f::644, dl-cdn.alpinelinux.org's CNAME to
 * dualstack.d.sni.global.fastly.net, registry-1.docker.io's short-lived A
 * records with no AAAA, google.com's single MX (smtp.google.com) and the
 * 1e100.net name of 142.250.185.14 (mad41s11-in-f14, seen in tcpdump captures).
 * security.debian.org's four Fastly addresses are plausible values of that operator.
 * The rest are plausible values of the same operators (Google's 1e100.net
 * naming, where -fNN is the address's last octet modulo 16, and its AAAA ending
 * in 0x2000 + NN; Canonical's archive mirrors in 91.189.91.0/24 and
 * 185.125.190.0/24). TTLs are the zones' own, as a resolver's first answer gives
 * them. A name not listed here gets NXDOMAIN.
 */
const ZONE = `
google.com.                     300     A       142.250.185.14
google.com.                     300     AAAA    2a00:1450:4003:80f::200e
google.com.                     300     MX      10 smtp.google.com.
google.com.                     345600  NS      ns1.google.com.
google.com.                     345600  NS      ns2.google.com.
google.com.                     345600  NS      ns3.google.com.
google.com.                     345600  NS      ns4.google.com.
www.google.com.                 300     A       142.250.185.4
www.google.com.                 300     AAAA    2a00:1450:4003:80f::2004
smtp.google.com.                300     A       142.250.153.27
smtp.google.com.                300     A       142.250.153.26
ns1.google.com.                 345600  A       216.239.32.10
ns2.google.com.                 345600  A       216.239.34.10
ns3.google.com.                 345600  A       216.239.36.10
ns4.google.com.                 345600  A       216.239.38.10
14.185.250.142.in-addr.arpa.    86400   PTR     mad41s11-in-f14.1e100.net.
4.185.250.142.in-addr.arpa.     86400   PTR     mad41s11-in-f4.1e100.net.
mad41s11-in-f14.1e100.net.      86400   A       142.250.185.14
mad41s11-in-f4.1e100.net.       86400   A       142.250.185.4
dns.google.                     900     A       8.8.8.8
dns.google.                     900     A       8.8.4.4
dns.google.                     900     AAAA    2001:4860:4860::8888
dns.google.                     900     AAAA    2001:4860:4860::8844
8.8.8.8.in-addr.arpa.           86400   PTR     dns.google.
4.4.8.8.in-addr.arpa.           86400   PTR     dns.google.
one.one.one.one.                300     A       1.1.1.1
one.one.one.one.                300     A       1.0.0.1
one.one.one.one.                300     AAAA    2606:4700:4700::1111
one.one.one.one.                300     AAAA    2606:4700:4700::1001
1.1.1.1.in-addr.arpa.           1800    PTR     one.one.one.one.
1.0.0.1.in-addr.arpa.           1800    PTR     one.one.one.one.
example.com.                    300     A       23.192.228.80
example.com.                    300     A       23.192.228.84
example.com.                    300     A       23.215.0.136
example.com.                    300     A       23.215.0.138
example.com.                    300     A       96.7.128.175
example.com.                    300     A       96.7.128.198
example.com.                    300     AAAA    2600:1406:3a00:21::173e:2e65
example.com.                    300     AAAA    2600:1406:3a00:21::173e:2e66
example.com.                    300     AAAA    2600:1406:bc00:53::b81e:94c8
example.com.                    300     AAAA    2600:1406:bc00:53::b81e:94ce
example.com.                    300     AAAA    2600:1408:ec00:36::1736:7f24
example.com.                    300     AAAA    2600:1408:ec00:36::1736:7f31
example.com.                    86400   MX      0 .
www.example.com.                300     CNAME   www.example.com-v4.edgesuite.net.
www.example.com-v4.edgesuite.net. 21600 CNAME   a1422.dscr.akamai.net.
a1422.dscr.akamai.net.          20      A       23.215.0.136
a1422.dscr.akamai.net.          20      A       23.215.0.138
docker.com.                     300     A       141.193.213.20
docker.com.                     300     A       141.193.213.21
registry-1.docker.io.           60      A       18.215.138.58
registry-1.docker.io.           60      A       52.1.184.176
registry-1.docker.io.           60      A       34.194.164.123
deb.debian.org.                 300     CNAME   debian.map.fastlydns.net.
debian.map.fastlydns.net.       30      A       151.101.134.132
debian.map.fastlydns.net.       30      AAAA    2a04:4e42:1f::644
security.debian.org.            300     A       151.101.2.132
security.debian.org.            300     A       151.101.66.132
security.debian.org.            300     A       151.101.130.132
security.debian.org.            300     A       151.101.194.132
archive.ubuntu.com.             60      A       91.189.91.81
archive.ubuntu.com.             60      A       91.189.91.82
archive.ubuntu.com.             60      A       185.125.190.81
archive.ubuntu.com.             60      A       185.125.190.82
security.ubuntu.com.            60      A       91.189.91.83
security.ubuntu.com.            60      A       185.125.190.83
dl-cdn.alpinelinux.org.         300     CNAME   dualstack.d.sni.global.fastly.net.
dualstack.d.sni.global.fastly.net. 30   A       151.101.2.133
dualstack.d.sni.global.fastly.net. 30   A       151.101.66.133
dualstack.d.sni.global.fastly.net. 30   A       151.101.130.133
dualstack.d.sni.global.fastly.net. 30   A       151.101.194.133
dualstack.d.sni.global.fastly.net. 30   AAAA    2a04:4e42::645
dualstack.d.sni.global.fastly.net. 30   AAAA    2a04:4e42:200::645
dualstack.d.sni.global.fastly.net. 30   AAAA    2a04:4e42:400::645
dualstack.d.sni.global.fastly.net. 30   AAAA    2a04:4e42:600::645
`;

function parseRecord(line: string): DnsRecord {
  const [name, ttlText, type, ...data] = line.trim().split(/\s+/) as [string, string, DnsType, ...string[]];
  const ttl = Number(ttlText);
  switch (type) {
    case 'A':
      return { type, name, ttl, address: parseIpv4(data[0]!)! };
    case 'AAAA':
      return { type, name, ttl, address: data[0]! };
    case 'MX':
      return { type, name, ttl, preference: Number(data[0]), target: data[1]! };
    default:
      return { type, name, ttl, target: data[0]! };
  }
}

const RECORDS: readonly DnsRecord[] = ZONE.split('\n')
  .filter((line) => line.trim() !== '')
  .map(parseRecord);

const recordsOf = (name: string) => {
  const wanted = `${name.toLowerCase().replace(/\.$/, '')}.`;
  return RECORDS.filter((record) => record.name === wanted);
};

/** What a recursive resolver finds for a question: RCODE and answer section. */
export interface ZoneAnswer {
  readonly status: 'NOERROR' | 'NXDOMAIN';
  readonly answers: readonly DnsRecord[];
}

/**
 * A recursive resolver's answer from the snapshot: the records of the type
 * asked, after the CNAME chain that leads to them (RFC 1034 4.3.2), which is
 * the whole answer when the last name has none of that type (NODATA). A name
 * the snapshot lacks, or a CNAME pointing at one, is NXDOMAIN (RFC 2308 2.1).
 */
export function resolvePublicName(question: DnsQuestion): ZoneAnswer {
  const chain: DnsRecord[] = [];
  let name = question.name;
  for (let hops = 0; hops < 8; hops++) {
    const records = recordsOf(name);
    if (records.length === 0) return { status: 'NXDOMAIN', answers: chain };
    const matching = records.filter((record) => record.type === question.type);
    if (matching.length > 0) return { status: 'NOERROR', answers: [...chain, ...matching] };
    const alias = records.find((record) => record.type === 'CNAME');
    if (!alias || alias.type !== 'CNAME') return { status: 'NOERROR', answers: chain };
    chain.push(alias);
    name = alias.target;
  }
  return { status: 'NOERROR', answers: chain };
}

/** How a public host answers: ping, its web ports, the TTL its replies reach the host's NIC with, its one-way latency. */
export interface PublicHostBehaviour {
  readonly answersPing: boolean;
  readonly openTcpPorts: readonly number[];
  readonly replyTtl: number;
  readonly latencyMs: number;
}

/**
 * The operators' networks the snapshot's names live in, and how their hosts
 * answer from a home line in Spain (Google's front ends in Madrid, CDN edges
 * nearby, Docker Hub in AWS us-east-1). Google's replies start at TTL 128, the
 * others' at 64; AWS load balancers drop ICMP echo (Docker Hub's addresses
 * answer no ping, as users report), and registry-1.docker.io serves HTTPS only.
 */
const OPERATORS: readonly { readonly ranges: readonly Cidr[]; readonly behaviour: PublicHostBehaviour }[] = [
  {
    ranges: ['142.250.0.0/15', '216.239.32.0/19', '8.8.8.0/24', '8.8.4.0/24'],
    behaviour: { answersPing: true, openTcpPorts: [80, 443], replyTtl: 117, latencyMs: 6 },
  },
  {
    ranges: ['1.1.1.0/24', '1.0.0.0/24', '141.193.213.0/24'],
    behaviour: { answersPing: true, openTcpPorts: [80, 443], replyTtl: 57, latencyMs: 4 },
  },
  { ranges: ['151.101.0.0/16'], behaviour: { answersPing: true, openTcpPorts: [80, 443], replyTtl: 59, latencyMs: 5 } },
  {
    ranges: ['23.192.0.0/11', '96.7.128.0/17'],
    behaviour: { answersPing: true, openTcpPorts: [80, 443], replyTtl: 56, latencyMs: 8 },
  },
  {
    ranges: ['91.189.91.0/24', '185.125.190.0/24'],
    behaviour: { answersPing: true, openTcpPorts: [80, 443], replyTtl: 50, latencyMs: 20 },
  },
  {
    ranges: ['18.215.138.58/32', '52.1.184.176/32', '34.194.164.123/32'],
    behaviour: { answersPing: false, openTcpPorts: [443], replyTtl: 40, latencyMs: 45 },
  },
].map(({ ranges, behaviour }) => ({ ranges: ranges.map((range) => parseCidr(range)!), behaviour }));

/** Any other public address: a Linux server about ten routers away. */
const ELSEWHERE: PublicHostBehaviour = { answersPing: true, openTcpPorts: [80, 443], replyTtl: 54, latencyMs: 6 };

export function publicHostBehaviour(address: Ipv4): PublicHostBehaviour {
  return OPERATORS.find(({ ranges }) => ranges.some((range) => contains(range, address)))?.behaviour ?? ELSEWHERE;
}
