import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';

/**
 * BIND 9.20's host (bin/dig/host.c, v9.20.15): say_message writes
 * `OWNER WORDS DATA` with the owner as dns_name_format gives it (no final
 * dot) and the data as dns_rdata_totext (names with their dot), the words
 * from rtypes[]; default lookups add AAAA and MX of the CNAME-chased name
 * after the A answer; a failure is `Host NAME not found: 3(NXDOMAIN)`.
 * The records are netsim's offline snapshot of the public names (internet.ts).
 */
describe('host NAME', () => {
  const run = (line: string) => Host.create({ seed: 1 }).run(line);

  it('asks A, then AAAA and MX of the name the CNAMEs lead to', () => {
    expect(run('host deb.debian.org')).toMatchObject({
      stdout:
        'deb.debian.org is an alias for debian.map.fastlydns.net.\ndebian.map.fastlydns.net has address 151.101.134.132\ndebian.map.fastlydns.net has IPv6 address 2a04:4e42:1f::644\n',
      exitCode: 0,
    });
    expect(run('host google.com').stdout).toBe(
      'google.com has address 142.250.185.14\ngoogle.com has IPv6 address 2a00:1450:4003:80f::200e\ngoogle.com mail is handled by 10 smtp.google.com.\n',
    );
  });

  it('an address asks for its PTR; -t asks one type and says when there is none', () => {
    expect(run('host 8.8.8.8').stdout).toBe('8.8.8.8.in-addr.arpa domain name pointer dns.google.\n');
    expect(run('host -t MX google.com').stdout).toBe('google.com mail is handled by 10 smtp.google.com.\n');
    expect(run('host -t NS example.com').stdout).toBe('example.com has no NS record\n');
  });

  it('NXDOMAIN names the word as typed, status 1', () => {
    expect(run('host nosuch.invalid')).toMatchObject({
      stdout: 'Host nosuch.invalid not found: 3(NXDOMAIN)\n',
      exitCode: 1,
    });
  });

  it('a server on the command line is announced first; -V prints the version', () => {
    expect(run('host -t A google.com 8.8.8.8').stdout).toBe(
      'Using domain server:\nName: 8.8.8.8\nAddress: 8.8.8.8#53\nAliases: \n\ngoogle.com has address 142.250.185.14\n',
    );
    expect(run('host -V')).toMatchObject({ stdout: 'host 9.20.15-1~deb13u1-Debian\n', exitCode: 0 });
    expect(run('dig -v')).toMatchObject({ stdout: 'DiG 9.20.15-1~deb13u1-Debian\n', exitCode: 0 });
  });
});
