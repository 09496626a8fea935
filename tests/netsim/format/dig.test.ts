import { describe, expect, it } from 'vitest';
import { DIG_VERSION, digRecordLine, formatDig, formatDigShort } from '../../../src/netsim/format/dig';
import type { DnsExchange } from '../../../src/netsim/userland/dns-query';
import type { DnsRecord, DnsReply } from '../../../src/netsim/wire/dns';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';
import { replySize } from '../../../src/netsim/wire/dns';
import { readGolden } from '../golden';

const FULL = { cmd: true, comments: true, question: true, answer: true, stats: true };
const AT = Date.UTC(2026, 10, 23, 21, 23, 3);

function exchange(
  name: string,
  type: DnsExchange['question']['type'],
  reply: DnsReply,
  edns = true,
  server = '192.168.1.1',
): DnsExchange {
  const question = { name, type };
  return { server, question, id: 6112, reply, size: replySize(question, reply, edns), options: { tcp: false, edns } };
}

const a = (name: string, ttl: number, address: string): DnsRecord => ({
  type: 'A',
  name,
  ttl,
  address: parseIpv4(address)!,
});

describe('dig printer', () => {
  it('prints an NXDOMAIN without OPT record as the capture against a plain responder does', () => {
    // The capture asked a stand-in for 127.0.0.11 that answers without EDNS and without compression.
    const golden = readGolden('tools/dig-nxdomain.txt');
    const reply: DnsReply = {
      status: 'NXDOMAIN',
      answers: [],
      compressed: false,
      recursionAvailable: true,
      elapsedMs: 0,
    };
    const text = formatDig(
      { ...exchange('nosuchname', 'A', reply, true, '127.0.0.11'), id: 35031 },
      'nosuchname',
      AT,
      FULL,
      false,
    );
    expect(text).toBe(golden.stdout.replace('DiG 9.18.49-1~deb12u3-Debian', `DiG ${DIG_VERSION}`));
  });

  it("shows a resolver's OPT record with no blank line before the question (message.c pseudosectiontotext), counted in ADDITIONAL", () => {
    const reply: DnsReply = {
      status: 'NOERROR',
      answers: [a('google.com.', 300, '142.250.185.14')],
      ednsUdpSize: 1232,
      compressed: true,
      recursionAvailable: true,
      elapsedMs: 14,
    };
    const text = formatDig(exchange('google.com', 'A', reply), 'google.com', AT, FULL, false);
    expect(text).toContain(
      ';; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n;; QUESTION SECTION:\n;google.com.\t\t\tIN\tA\n',
    );
    expect(text).toContain(';; Query time: 14 msec\n');
    // 12 header + 16 question + 16 answer (owner as a pointer) + 11 OPT: the 55 bytes of every `dig google.com`.
    expect(text).toContain(';; MSG SIZE  rcvd: 55\n\n');
  });

  it('names a server given with @ in the banner (printgreeting: "; (1 server found)")', () => {
    const reply: DnsReply = {
      status: 'NOERROR',
      answers: [a('registry-1.docker.io.', 48, '52.87.94.70')],
      ednsUdpSize: 512,
      compressed: true,
      recursionAvailable: true,
      elapsedMs: 10,
    };
    const text = formatDig(
      exchange('registry-1.docker.io', 'A', reply, true, '8.8.8.8'),
      '@8.8.8.8 registry-1.docker.io',
      AT,
      FULL,
      true,
    );
    expect(
      text.startsWith(
        `\n; <<>> DiG ${DIG_VERSION} <<>> @8.8.8.8 registry-1.docker.io\n; (1 server found)\n;; global options: +cmd\n`,
      ),
    ).toBe(true);
  });

  it("warns when the server does not offer recursion, as Docker's SERVFAIL does not (miekg/dns SetRcode leaves RA unset)", () => {
    const reply: DnsReply = {
      status: 'SERVFAIL',
      answers: [],
      compressed: false,
      recursionAvailable: false,
      elapsedMs: 0,
    };
    const text = formatDig(exchange('google.com', 'A', reply, true, '127.0.0.11'), 'google.com', AT, FULL, false);
    expect(text).toContain(
      ';; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: 6112\n;; flags: qr rd; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 0\n;; WARNING: recursion requested but not available\n\n;; QUESTION SECTION:\n',
    );
  });

  it('+noall +answer keeps only the record lines; +short only their data, CNAMEs first', () => {
    const reply: DnsReply = {
      status: 'NOERROR',
      answers: [
        { type: 'CNAME', name: 'deb.debian.org.', ttl: 300, target: 'debian.map.fastlydns.net.' },
        a('debian.map.fastlydns.net.', 30, '151.101.134.132'),
      ],
      ednsUdpSize: 1232,
      compressed: true,
      recursionAvailable: true,
      elapsedMs: 12,
    };
    const quiet = { cmd: false, comments: false, question: false, answer: true, stats: false };
    expect(formatDig(exchange('deb.debian.org', 'A', reply), '+noall +answer deb.debian.org', AT, quiet, false)).toBe(
      'deb.debian.org.\t\t300\tIN\tCNAME\tdebian.map.fastlydns.net.\ndebian.map.fastlydns.net. 30\tIN\tA\t151.101.134.132\n',
    );
    expect(formatDigShort(exchange('deb.debian.org', 'A', reply))).toBe('debian.map.fastlydns.net.\n151.101.134.132\n');
  });

  it.each([
    // Lines of published dig captures (tab layout of masterdump.c: columns 24, 32, 40, 48).
    [a('registry-1.docker.io.', 48, '52.87.94.70'), 'registry-1.docker.io.\t48\tIN\tA\t52.87.94.70'],
    [
      { type: 'AAAA', name: 'google.com.', ttl: 300, address: '2a00:1450:4003:80f::200e' } as DnsRecord,
      'google.com.\t\t300\tIN\tAAAA\t2a00:1450:4003:80f::200e',
    ],
    [
      { type: 'MX', name: 'google.com.', ttl: 300, preference: 10, target: 'smtp.google.com.' } as DnsRecord,
      'google.com.\t\t300\tIN\tMX\t10 smtp.google.com.',
    ],
    [
      { type: 'PTR', name: '8.8.8.8.in-addr.arpa.', ttl: 86400, target: 'dns.google.' } as DnsRecord,
      '8.8.8.8.in-addr.arpa.\t86400\tIN\tPTR\tdns.google.',
    ],
  ])('writes %o as a master-file line', (record, line) => {
    expect(digRecordLine(record)).toBe(line);
  });
});
