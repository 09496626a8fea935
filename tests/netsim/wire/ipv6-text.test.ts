import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { formatIpv6Groups, ipv4MappedText, ipv6GroupBytes, ipv6Groups } from '../../../src/netsim/wire/ipv6';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';

/**
 * netsim reads IPv6 text as Go's netip.parseIPv6 does (net/netip/netip.go) and
 * writes RFC 5952. ipaddr.js, a well-used parser, is the oracle where it and Go
 * agree; the cases where they differ are Go's, each named below.
 */

const group = fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
const groups = fc.array(group, { minLength: 8, maxLength: 8 });

/** The ways a person writes an address: full, zero-padded, RFC 5952, any run of zeros as `::`, uppercase, with an IPv4 tail. */
function spellings(parts: number[]): string[] {
  const address = new ipaddr.IPv6(parts);
  const forms = [address.toNormalizedString(), address.toFixedLengthString(), address.toRFC5952String()];
  forms.push(address.toFixedLengthString().toUpperCase());
  for (let start = 0; start < 8; start++)
    for (let end = start + 1; end <= 8; end++)
      if (parts.slice(start, end).every((part) => part === 0))
        forms.push(
          `${parts
            .slice(0, start)
            .map((p) => p.toString(16))
            .join(':')}::${parts
            .slice(end)
            .map((p) => p.toString(16))
            .join(':')}`,
        );
  const [high = 0, low = 0] = parts.slice(6);
  // Go and ipaddr.js read `::a.b.c.d` differently (see below): the tail goes after six groups.
  forms.push(
    `${parts
      .slice(0, 6)
      .map((p) => p.toString(16))
      .join(':')}:${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`,
  );
  return forms;
}

describe('IPv6 text', () => {
  it('reads every spelling of an address as ipaddr.js does, and writes RFC 5952 as it does', () => {
    fc.assert(
      fc.property(groups, (parts) => {
        const expected = new ipaddr.IPv6(parts).toRFC5952String();
        expect(formatIpv6Groups(parts)).toBe(expected);
        for (const text of spellings(parts)) {
          expect(ipv6Groups(text)).toEqual(parts);
          expect(ipaddr.IPv6.isValid(text)).toBe(true);
        }
        expect(ipv6GroupBytes(parts)).toEqual(new ipaddr.IPv6(parts).toByteArray());
      }),
      { numRuns: 500 },
    );
  });

  it('refuses what both refuse', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789abcdefF:.'), maxLength: 24 }), (text) => {
        if (!ipaddr.IPv6.isValid(text)) expect(ipv6Groups(text)).toBeUndefined();
      }),
      { numRuns: 5000 },
    );
    for (const text of [
      '1:2:3:4:5:6:7:8:9',
      '1::2::3',
      '::1:2:3:4:5:6:7:8',
      '12345::',
      'fe80::1:',
      ':1::',
      '1.2.3.4::',
    ])
      expect(ipv6Groups(text)).toBeUndefined();
  });

  it('follows Go where ipaddr.js does not: a leading zero in the IPv4 tail, `::a.b.c.d`, and zones', () => {
    // parseIPv4Fields: "IPv4 field has octet with leading zero".
    expect(ipaddr.IPv6.isValid('::1.02.3.4')).toBe(true);
    expect(ipv6Groups('::1.02.3.4')).toBeUndefined();
    // The tail is the last 32 bits: ::1.2.3.4 is ::102:304 (ipaddr.js reads it as IPv4-mapped).
    expect(formatIpv6Groups(ipv6Groups('::1.2.3.4')!)).toBe('::102:304');
    // netip keeps a zone apart; the addresses netsim reads never carry one.
    expect(ipv6Groups('fe80::1%eth0')).toBeUndefined();
  });

  it('finds the IPv4 address in an IPv4-mapped one', () => {
    expect(ipv4MappedText(ipv6Groups('::ffff:172.17.0.2')!)).toBe('172.17.0.2');
    expect(ipv4MappedText(ipv6Groups('::ffff:ac11:2')!)).toBe('172.17.0.2');
    expect(ipv4MappedText(ipv6Groups('::1:ffff:ac11:2')!)).toBeUndefined();
  });
});

describe('IPv4 text', () => {
  it("reads a dotted quad as Go's net.ParseIP does and ipaddr.js's four-part decimal check agrees", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789.x'), maxLength: 16 }), (text) => {
        expect(parseIpv4(text) !== undefined).toBe(ipaddr.IPv4.isValidFourPartDecimal(text));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 }), (octets) => {
        expect(parseIpv4(octets.join('.'))).toBe(
          ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0,
        );
      }),
    );
  });
});
