import { describe, expect, it } from 'vitest';
import { address6OfReverseName, reverseName6 } from '../../../src/netsim/wire/dns';
import {
  formatIpv6,
  ipv6Contains,
  ipv6NetworkOf,
  offsetIpv6,
  parseIpv6,
  parseIpv6Cidr,
} from '../../../src/netsim/wire/ipv6';

describe('IPv6 addresses as values', () => {
  it("reads and writes RFC 5952 text, as Go's netip does", () => {
    expect(formatIpv6(parseIpv6('2001:0DB8:0001:0000:0000:0000:0000:0002')!)).toBe('2001:db8:1::2');
    expect(parseIpv6('172.18.0.1')).toBeUndefined();
    expect(parseIpv6('fe80::1%eth0')).toBeUndefined();
  });

  it('masks a prefix and finds addresses in it', () => {
    expect(ipv6NetworkOf(parseIpv6Cidr('2001:db8:1::5/64')!)).toEqual({ address: '2001:db8:1::', prefix: 64 });
    expect(ipv6Contains({ address: '2001:db8:1::', prefix: 64 }, '2001:db8:1::ffff')).toBe(true);
    expect(ipv6Contains({ address: '2001:db8:1::', prefix: 64 }, '2001:db8:2::1')).toBe(false);
    expect(parseIpv6Cidr('2001:db8::/129')).toBeUndefined();
  });

  it('counts up from an address', () => {
    expect(offsetIpv6('fd9c:1a00:66dd::', 1)).toBe('fd9c:1a00:66dd::1');
    expect(offsetIpv6('2001:db8:1::ffff', 1)).toBe('2001:db8:1::1:0');
  });
});

describe('ip6.arpa names (RFC 3596 2.5)', () => {
  // What DiG 9.18.49 asks for `dig -x 2001:db8:1::3` (its question section, captured).
  const NAME = '3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa';

  it('spells the address nibble by nibble, last first, and reads it back', () => {
    expect(reverseName6('2001:db8:1::3')).toBe(NAME);
    expect(address6OfReverseName(`${NAME}.`)).toBe('2001:db8:1::3');
    expect(address6OfReverseName('3.0.18.172.in-addr.arpa.')).toBeUndefined();
  });
});
