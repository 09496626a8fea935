import { describe, expect, it } from 'vitest';
import { parseInetPrefix, prefixContains } from '../../../src/netsim/cli/iproute2-prefix';

// iproute2 v6.15 lib/utils.c: get_prefix_1, __get_addr_1, get_addr_ipv4 (strtoul base 0 per part), get_netmask.
describe('iproute2 address prefixes', () => {
  it.each([
    ['172.17.0.2', { family: 'inet', bytes: [172, 17, 0, 2], bitlen: 32 }],
    ['10.0.0.0/8', { family: 'inet', bytes: [10, 0, 0, 0], bitlen: 8 }],
    // "legacy choice to parse 10.8 as 10.8.0.0 not 10.0.0.8"
    ['10.8', { family: 'inet', bytes: [10, 8, 0, 0], bitlen: 32 }],
    ['0x0a.010', { family: 'inet', bytes: [10, 8, 0, 0], bitlen: 32 }],
    ['192.168.0.0/255.255.0.0', { family: 'inet', bytes: [192, 168, 0, 0], bitlen: 16 }],
    ['any', { family: undefined, bytes: [], bitlen: 0 }],
    ['::1', { family: 'inet6', bytes: [...new Array(15).fill(0), 1], bitlen: 128 }],
  ])('%s', (text, prefix) => {
    expect(parseInetPrefix(text)).toEqual(prefix);
  });

  it.each(['256.1.1.1', '1.2.3.4.5', '1.2.3.4/33', '1.2.3.4/255.0.255.0', 'default/8', 'fe80::1%eth0', 'foo', '::1::'])(
    'refuses %s',
    (text) => {
      expect(parseInetPrefix(text)).toBeUndefined();
    },
  );

  it('compares the first bitlen bits', () => {
    const net = parseInetPrefix('172.16.0.0/12')!;
    expect(prefixContains(net, [172, 31, 255, 1])).toBe(true);
    expect(prefixContains(net, [172, 32, 0, 1])).toBe(false);
    expect(prefixContains(parseInetPrefix('0.0.0.0/0')!, [8, 8, 8, 8])).toBe(true);
  });
});
