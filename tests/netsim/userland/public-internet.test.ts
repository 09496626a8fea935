import { describe, expect, it } from 'vitest';
import { publicHostBehaviour, resolvePublicName } from '../../../src/netsim/userland/public-internet';
import { recordData } from '../../../src/netsim/wire/dns';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';

const answer = (name: string, type: Parameters<typeof resolvePublicName>[0]['type']) => {
  const reply = resolvePublicName({ name, type });
  return {
    status: reply.status,
    answers: reply.answers.map((record) => `${record.name} ${record.ttl} ${record.type} ${recordData(record)}`),
  };
};

describe('the public DNS snapshot', () => {
  it('follows a CNAME to the records asked for (RFC 1034 4.3.2), as published captures of deb.debian.org show', () => {
    expect(answer('deb.debian.org', 'A')).toEqual({
      status: 'NOERROR',
      answers: [
        'deb.debian.org. 300 CNAME debian.map.fastlydns.net.',
        'debian.map.fastlydns.net. 30 A 151.101.134.132',
      ],
    });
    expect(answer('deb.debian.org', 'AAAA').answers.at(-1)).toBe('debian.map.fastlydns.net. 30 AAAA 2a04:4e42:1f::644');
  });

  it('answers a CNAME question with the CNAME alone', () => {
    expect(answer('dl-cdn.alpinelinux.org', 'CNAME')).toEqual({
      status: 'NOERROR',
      answers: ['dl-cdn.alpinelinux.org. 300 CNAME dualstack.d.sni.global.fastly.net.'],
    });
  });

  it('gives NODATA for a type a name lacks (registry-1.docker.io has no AAAA), NXDOMAIN for a name it lacks', () => {
    expect(answer('registry-1.docker.io', 'AAAA')).toEqual({ status: 'NOERROR', answers: [] });
    expect(answer('nosuchname', 'A')).toEqual({ status: 'NXDOMAIN', answers: [] });
    expect(answer('10.1.168.192.in-addr.arpa', 'PTR').status).toBe('NXDOMAIN');
  });

  it('matches names without regard to case or the final dot', () => {
    expect(answer('Google.COM.', 'A').answers).toEqual(['google.com. 300 A 142.250.185.14']);
  });

  it("knows the reverse names of Google's front end and public resolvers", () => {
    expect(answer('14.185.250.142.in-addr.arpa', 'PTR').answers).toEqual([
      '14.185.250.142.in-addr.arpa. 86400 PTR mad41s11-in-f14.1e100.net.',
    ]);
    expect(answer('8.8.8.8.in-addr.arpa', 'PTR').answers).toEqual(['8.8.8.8.in-addr.arpa. 86400 PTR dns.google.']);
  });

  it("says Docker Hub's AWS addresses drop ping, Google's reply from TTL 128", () => {
    expect(publicHostBehaviour(parseIpv4('18.215.138.58')!).answersPing).toBe(false);
    expect(publicHostBehaviour(parseIpv4('142.250.185.14')!)).toMatchObject({ answersPing: true, replyTtl: 117 });
  });
});
