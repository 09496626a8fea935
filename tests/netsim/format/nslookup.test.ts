import { describe, expect, it } from 'vitest';
import { formatBindNslookup, formatBusyboxNslookup } from '../../../src/netsim/format/nslookup';
import type { DnsExchange } from '../../../src/netsim/userland/dns-query';
import type { DnsRecord, DnsReply, DnsType } from '../../../src/netsim/wire/dns';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';

const reply = (answers: DnsRecord[], status: DnsReply['status'] = 'NOERROR'): DnsReply => ({
  status,
  answers,
  compressed: true,
  recursionAvailable: true,
  elapsedMs: 5,
});
const exchange = (name: string, type: DnsType, answered: DnsReply, server = '192.168.1.1'): DnsExchange => ({
  server,
  question: { name, type },
  id: 1,
  reply: answered,
  size: 0,
  options: { tcp: false, edns: false },
});

const cname: DnsRecord = { type: 'CNAME', name: 'deb.debian.org.', ttl: 300, target: 'debian.map.fastlydns.net.' };
const a: DnsRecord = { type: 'A', name: 'debian.map.fastlydns.net.', ttl: 30, address: parseIpv4('151.101.134.132')! };
const aaaa: DnsRecord = { type: 'AAAA', name: 'debian.map.fastlydns.net.', ttl: 30, address: '2a04:4e42:1f::644' };

describe("BIND's nslookup (nslookup.c printmessage, printsection)", () => {
  it('prints the CNAME line once, then the A and the AAAA of the name it leads to', () => {
    // The capture `nslookup deb.debian.org 172.22.0.1` (a course report) shows these lines; its tabs were lost in Markdown.
    const text = formatBindNslookup([
      { exchange: exchange('deb.debian.org', 'A', reply([cname, a])), defaultLookups: true },
      { exchange: exchange('debian.map.fastlydns.net', 'AAAA', reply([aaaa])), defaultLookups: true },
    ]);
    expect(text).toBe(
      'Server:\t\t192.168.1.1\nAddress:\t192.168.1.1#53\n\nNon-authoritative answer:\ndeb.debian.org\tcanonical name = debian.map.fastlydns.net.\nName:\tdebian.map.fastlydns.net\nAddress: 151.101.134.132\nName:\tdebian.map.fastlydns.net\nAddress: 2a04:4e42:1f::644\n\n',
    );
  });

  it('prints a reverse lookup without the server block and with the empty authoritative section (default lookups, rdtype PTR)', () => {
    const ptr: DnsRecord = { type: 'PTR', name: '8.8.8.8.in-addr.arpa.', ttl: 86400, target: 'dns.google.' };
    expect(
      formatBindNslookup([{ exchange: exchange('8.8.8.8.in-addr.arpa', 'PTR', reply([ptr])), defaultLookups: true }]),
    ).toBe('8.8.8.8.in-addr.arpa\tname = dns.google.\n\nAuthoritative answers can be found from:\n\n');
  });

  it('prints -type=mx with rtypetext "mail exchanger = "', () => {
    const mx: DnsRecord = { type: 'MX', name: 'google.com.', ttl: 300, preference: 10, target: 'smtp.google.com.' };
    expect(formatBindNslookup([{ exchange: exchange('google.com', 'MX', reply([mx])), defaultLookups: false }])).toBe(
      'Server:\t\t192.168.1.1\nAddress:\t192.168.1.1#53\n\nNon-authoritative answer:\ngoogle.com\tmail exchanger = 10 smtp.google.com.\n\nAuthoritative answers can be found from:\n\n',
    );
  });

  it('says No answer only when both default lookups came back empty (a_noanswer), and for an empty explicit type', () => {
    const both = formatBindNslookup([
      { exchange: exchange('only.example', 'A', reply([])), defaultLookups: true },
      { exchange: exchange('only.example', 'AAAA', reply([])), defaultLookups: true },
    ]);
    expect(both).toBe(
      "Server:\t\t192.168.1.1\nAddress:\t192.168.1.1#53\n\nNon-authoritative answer:\n*** Can't find only.example: No answer\n\n",
    );
    const explicit = formatBindNslookup([
      { exchange: exchange('registry-1.docker.io', 'AAAA', reply([])), defaultLookups: false },
    ]);
    expect(explicit).toBe(
      "Server:\t\t192.168.1.1\nAddress:\t192.168.1.1#53\n\nNon-authoritative answer:\n*** Can't find registry-1.docker.io: No answer\n\n",
    );
  });
});

describe("BusyBox's nslookup (networking/nslookup.c parse_reply)", () => {
  it('repeats the CNAME in each reply and writes names without the final dot (dn_expand)', () => {
    const text = formatBusyboxNslookup([
      exchange('deb.debian.org', 'A', reply([cname, a]), '127.0.0.11'),
      exchange('deb.debian.org', 'AAAA', reply([cname, aaaa]), '127.0.0.11'),
    ]);
    expect(text).toBe(
      'Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\nNon-authoritative answer:\ndeb.debian.org\tcanonical name = debian.map.fastlydns.net\nName:\tdebian.map.fastlydns.net\nAddress: 151.101.134.132\n\nNon-authoritative answer:\ndeb.debian.org\tcanonical name = debian.map.fastlydns.net\nName:\tdebian.map.fastlydns.net\nAddress: 2a04:4e42:1f::644\n\n',
    );
  });

  it('reports a SERVFAIL per query', () => {
    const failed = reply([], 'SERVFAIL');
    expect(
      formatBusyboxNslookup([
        exchange('google.com', 'A', failed, '127.0.0.11'),
        exchange('google.com', 'AAAA', failed, '127.0.0.11'),
      ]),
    ).toBe(
      "Server:\t\t127.0.0.11\nAddress:\t127.0.0.11:53\n\n** server can't find google.com: SERVFAIL\n\n** server can't find google.com: SERVFAIL\n\n",
    );
  });
});
