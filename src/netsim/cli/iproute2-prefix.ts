import { ipv6GroupBytes, ipv6Groups } from '../wire/ipv6';

/**
 * iproute2's inet_prefix as get_prefix_1 (lib/utils.c, v6.15) reads an address
 * typed on the command line: `family` is unset for `any`, `all` and `default`,
 * which then match every address (bitlen 0).
 */
export interface InetPrefix {
  readonly family: 'inet' | 'inet6' | undefined;
  /** 4 or 16 bytes in network order; empty when family is unset. */
  readonly bytes: readonly number[];
  readonly bitlen: number;
}

/** strtoul(3) with base 0 from the start of `text`: 0x for hex, a leading 0 for octal; undefined when no digit. */
export function strtoulBase0(text: string): { value: number; rest: string } | undefined {
  const match = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(text);
  if (!match) return undefined;
  const digits = match[1]!;
  const value = /^0[xX]/.test(digits)
    ? Number.parseInt(digits.slice(2), 16)
    : digits.length > 1 && digits.startsWith('0')
      ? Number.parseInt(digits, 8)
      : Number(digits);
  return { value, rest: text.slice(digits.length) };
}

/** get_addr_ipv4: up to four parts, each strtoul base 0, so `10.8` is 10.8.0.0 and `0x0a.1` is 10.1.0.0. */
function ipv4Bytes(text: string): number[] | undefined {
  const bytes = [0, 0, 0, 0];
  let rest = text;
  for (let i = 0; i < 4; i++) {
    const part = strtoulBase0(rest);
    if (!part || part.value > 255) return undefined;
    bytes[i] = part.value;
    if (part.rest === '') return bytes;
    if (i === 3 || !part.rest.startsWith('.')) return undefined;
    rest = part.rest.slice(1);
  }
  return bytes;
}

/** __get_addr_1 with AF_UNSPEC: a `:` makes it IPv6 (inet_pton), anything else IPv4. */
function address(text: string): { family: InetPrefix['family']; bytes: number[]; keyword: boolean } | undefined {
  if (text === 'default' || text === 'all' || text === 'any') return { family: undefined, bytes: [], keyword: true };
  if (text.includes(':')) {
    // inet_pton takes no zone index and no brackets.
    const groups = ipv6Groups(text);
    return groups && { family: 'inet6', bytes: ipv6GroupBytes(groups), keyword: false };
  }
  const bytes = ipv4Bytes(text);
  return bytes && { family: 'inet', bytes, keyword: false };
}

/** get_netmask: a number, or a dotted netmask that mask2bits accepts (2^n - 1 host part). */
function netmaskBits(text: string): number | undefined {
  const number = strtoulBase0(text);
  if (number && number.rest === '') return number.value;
  const mask = ipv4Bytes(text);
  if (!mask) return undefined;
  const value = ((mask[0]! << 24) | (mask[1]! << 16) | (mask[2]! << 8) | mask[3]!) >>> 0;
  const host = ~value >>> 0;
  if ((host & (host + 1)) >>> 0 !== 0) return undefined;
  return 32 - Math.log2(host + 1);
}

/** get_prefix_1(dst, arg, AF_UNSPEC): `ADDR[/LEN]`; no length means the whole address. */
export function parseInetPrefix(text: string): InetPrefix | undefined {
  const slash = text.indexOf('/');
  const parsed = address(slash < 0 ? text : text.slice(0, slash));
  if (!parsed) return undefined;
  const maximum = parsed.family === 'inet' ? 32 : parsed.family === 'inet6' ? 128 : 0;
  if (slash < 0) return { family: parsed.family, bytes: parsed.bytes, bitlen: maximum };
  if (parsed.keyword) return undefined;
  const bits = netmaskBits(text.slice(slash + 1));
  if (bits === undefined || bits > maximum) return undefined;
  return { family: parsed.family, bytes: parsed.bytes, bitlen: bits };
}

/** inet_addr_match / the kernel's bitstring_match: the first `bitlen` bits are equal. */
export function prefixContains(prefix: InetPrefix, bytes: readonly number[]): boolean {
  for (let bit = 0; bit < prefix.bitlen; bit += 8) {
    const width = Math.min(8, prefix.bitlen - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    if (((prefix.bytes[bit / 8]! ^ (bytes[bit / 8] ?? 0)) & mask) !== 0) return false;
  }
  return true;
}

/** The bytes of an address netsim keeps as text (`0.0.0.0`, `::`, `172.17.0.2`). */
export function addressBytes(text: string): { family: 'inet' | 'inet6'; bytes: number[] } {
  if (text.includes(':')) return { family: 'inet6', bytes: ipv6GroupBytes(ipv6Groups(text)!) };
  return { family: 'inet', bytes: text.split('.').map(Number) };
}
