import { describe, expect, it } from 'vitest';
import { formatCidr } from '../../../src/netsim/wire/cidr';
import { goParseAddr, goParsePrefix } from '../../../src/netsim/wire/go-netip';

// Expected texts are those of Go's net/netip (netip_test.go's ParseAddr cases).
describe('Go net/netip error texts', () => {
  it.each([
    ['1.2.3.4.5', 'ParseAddr("1.2.3.4.5"): IPv4 address too long'],
    ['1.2.3', 'ParseAddr("1.2.3"): IPv4 address too short'],
    ['10.0.0.256', 'ParseAddr("10.0.0.256"): IPv4 field has value >255'],
    ['192.168.1.01', 'ParseAddr("192.168.1.01"): IPv4 field has octet with leading zero'],
    ['1.2.3.4.', 'ParseAddr("1.2.3.4."): IPv4 field must have at least one digit (at ".")'],
    ['0x7f.0.0.1', 'ParseAddr("0x7f.0.0.1"): unexpected character (at "x7f.0.0.1")'],
  ])('ParseAddr(%j)', (input, expected) => {
    expect(goParseAddr(input)).toEqual({ ok: false, error: expected });
  });

  it('explains the subnet typo of seed 004 the way docker network create prints it', () => {
    expect(goParsePrefix('172.24.0.0./16')).toEqual({
      ok: false,
      error:
        'netip.ParsePrefix("172.24.0.0./16"): ParseAddr("172.24.0.0."): IPv4 field must have at least one digit (at ".")',
    });
  });

  it.each([
    ['172.28.0.0', `netip.ParsePrefix("172.28.0.0"): no '/'`],
    ['172.28.0.0/33', 'netip.ParsePrefix("172.28.0.0/33"): prefix length out of range'],
    ['172.28.0.0/016', 'netip.ParsePrefix("172.28.0.0/016"): bad bits after slash: "016"'],
  ])('ParsePrefix(%j)', (input, expected) => {
    expect(goParsePrefix(input)).toEqual({ ok: false, error: expected });
  });

  it('parses what Docker accepts', () => {
    const parsed = goParsePrefix('172.28.0.0/16');
    expect(parsed.ok && formatCidr(parsed.value)).toBe('172.28.0.0/16');
  });
});
