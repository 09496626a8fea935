import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { broadcastOf, contains, formatCidr, networkOf, overlaps, parseCidr } from '../../../src/netsim/wire/cidr';
import { formatIpv4, parseIpv4 } from '../../../src/netsim/wire/ipv4';

describe('CIDR values', () => {
  it('derives docker0 network and broadcast as `ip a` shows them (172.17.0.1/16 brd 172.17.255.255)', () => {
    const docker0 = parseCidr('172.17.0.1/16')!;
    expect(formatCidr(networkOf(docker0))).toBe('172.17.0.0/16');
    expect(formatIpv4(broadcastOf(docker0))).toBe('172.17.255.255');
  });

  it('knows what a range contains and what overlaps', () => {
    const pool = parseCidr('172.16.0.0/12')!;
    expect(contains(pool, parseIpv4('172.31.255.255')!)).toBe(true);
    expect(contains(pool, parseIpv4('172.32.0.0')!)).toBe(false);
    expect(overlaps(parseCidr('192.168.1.0/24')!, parseCidr('192.168.0.0/20')!)).toBe(true);
    expect(overlaps(parseCidr('192.168.16.0/20')!, parseCidr('192.168.1.0/24')!)).toBe(false);
  });

  it('rejects what Go rejects', () => {
    for (const bad of ['172.24.0.0./16', '1.2.3.4', '1.2.3.4/33', '01.2.3.4/8', '1.2.3/8'])
      expect(parseCidr(bad), bad).toBeUndefined();
  });

  it('formats every address and prefix back to the text it was parsed from', () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        const text = `${address}/${prefix}`;
        expect(formatCidr(parseCidr(text)!)).toBe(text);
      }),
    );
  });
});
