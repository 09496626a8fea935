import { goParseAddr } from './go-netip';
import type { Mac } from './mac';

/** An IPv6 address with its prefix, kept as text in RFC 5952 form (`fe80::5054:ff:fe6b:2e11`). */
export interface Ipv6Cidr {
  readonly address: string;
  readonly prefix: number;
}

export const IPV6_LOOPBACK: Ipv6Cidr = { address: '::1', prefix: 128 };

/**
 * The link-local address the kernel derives from a MAC (addr_gen_mode eui64,
 * RFC 4291 appendix A): the universal/local bit flipped and ff:fe in the middle.
 */
export function linkLocalFromMac(mac: Mac): Ipv6Cidr {
  // `ip a` asks for every link on every call; the answer depends on the MAC alone.
  const known = LINK_LOCAL_BY_MAC.get(mac);
  if (known) return known;
  if (LINK_LOCAL_BY_MAC.size >= 4096) LINK_LOCAL_BY_MAC.clear();
  const cidr = computeLinkLocal(mac);
  LINK_LOCAL_BY_MAC.set(mac, cidr);
  return cidr;
}

const LINK_LOCAL_BY_MAC = new Map<Mac, Ipv6Cidr>();

function computeLinkLocal(mac: Mac): Ipv6Cidr {
  const bytes = mac.split(':').map((part) => Number.parseInt(part, 16));
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = bytes;
  const interfaceId = [a ^ 0x02, b, c, 0xff, 0xfe, d, e, f];
  const parts = [0xfe80, 0, 0, 0];
  for (let i = 0; i < 8; i += 2) parts.push((interfaceId[i]! << 8) | interfaceId[i + 1]!);
  return { address: formatIpv6Groups(parts), prefix: 64 };
}

/**
 * The eight 16-bit groups of an IPv6 address written as Go's netip.parseIPv6 reads
 * it (net/netip/netip.go, Go 1.24): at most four hex digits a group, one `::` that
 * stands for at least one group, an IPv4 tail only in the last 32 bits; no zone.
 * Undefined for anything else.
 */
export function ipv6Groups(text: string): number[] | undefined {
  if (text.includes('%')) return undefined;
  const groups: number[] = [];
  let ellipsis = -1;
  let rest = text;
  if (rest.startsWith('::')) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === '') return [0, 0, 0, 0, 0, 0, 0, 0];
  }
  while (groups.length < 8) {
    const digits = /^[0-9a-fA-F]*/.exec(rest)![0];
    if (digits === '' || digits.length > 4) return undefined;
    if (rest[digits.length] === '.') {
      // An embedded IPv4 address: where the last two groups go, or anywhere before a `::`.
      if ((ellipsis < 0 && groups.length !== 6) || groups.length > 6) return undefined;
      const ipv4 = goParseAddr(rest);
      if (!ipv4.ok) return undefined;
      groups.push(ipv4.value >>> 16, ipv4.value & 0xffff);
      rest = '';
      break;
    }
    groups.push(Number.parseInt(digits, 16));
    rest = rest.slice(digits.length);
    if (rest === '') break;
    if (rest[0] !== ':' || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = groups.length;
      rest = rest.slice(1);
      if (rest === '') break;
    }
  }
  if (rest !== '') return undefined;
  if (groups.length === 8) return ellipsis < 0 ? groups : undefined;
  if (ellipsis < 0) return undefined;
  return [...groups.slice(0, ellipsis), ...Array<number>(8 - groups.length).fill(0), ...groups.slice(ellipsis)];
}

/**
 * RFC 5952 text of eight groups: lowercase hex without leading zeros, the longest
 * run of two or more zero groups (the first of equal runs) written `::`. An
 * IPv4-mapped address stays in hex (`::ffff:ac11:2`): callers that print Go's
 * dotted form ask for it (ipv4MappedText).
 */
export function formatIpv6Groups(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
    start += length;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** The IPv4 address inside an IPv4-mapped one (`::ffff:a.b.c.d`), as Go's Unmap gives it; undefined otherwise. */
export function ipv4MappedText(groups: readonly number[]): string | undefined {
  if (groups.slice(0, 5).some((group) => group !== 0) || groups[5] !== 0xffff) return undefined;
  const [high = 0, low = 0] = groups.slice(6);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** The 16 bytes of eight groups, network order. */
export function ipv6GroupBytes(groups: readonly number[]): number[] {
  return groups.flatMap((group) => [group >> 8, group & 255]);
}

/** Whether Go's net.ParseIP reads `text` as an IPv6 address (the simulator keeps none, but tools accept them). */
export function isIpv6Text(text: string): boolean {
  return text.includes(':') && ipv6Groups(text) !== undefined;
}

/** An IPv6 address as a 128-bit number, for arithmetic; records keep the text form. */
export type Ipv6 = bigint;

/** Go's netip.ParseAddr for IPv6 text (no zone); undefined for anything else. */
export function parseIpv6(text: string): Ipv6 | undefined {
  const groups = text.includes(':') ? ipv6Groups(text) : undefined;
  return groups?.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** RFC 5952 text, as Go's netip.Addr.String writes an IPv6 address. */
export function formatIpv6(address: Ipv6): string {
  const parts: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) parts.push(Number((address >> shift) & 0xffffn));
  return formatIpv6Groups(parts);
}

/** `2001:db8:1::/64`, as Go's netip.ParsePrefix accepts an IPv6 prefix; undefined for anything else. */
export function parseIpv6Cidr(text: string): Ipv6Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || !/^\d{1,3}$/.test(text.slice(slash + 1))) return undefined;
  const address = parseIpv6(text.slice(0, slash));
  const prefix = Number(text.slice(slash + 1));
  return address === undefined || prefix > 128 ? undefined : { address: formatIpv6(address), prefix };
}

export function formatIpv6Cidr({ address, prefix }: Ipv6Cidr): string {
  return `${address}/${prefix}`;
}

const mask6 = (prefix: number): bigint => (prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(128 - prefix));

/** The prefix with its host bits cleared (netip.Prefix.Masked). */
export function ipv6NetworkOf({ address, prefix }: Ipv6Cidr): Ipv6Cidr {
  return { address: formatIpv6(parseIpv6(address)! & mask6(prefix)), prefix };
}

export function ipv6Contains(range: Ipv6Cidr, address: string): boolean {
  const value = parseIpv6(address);
  return value !== undefined && (value & mask6(range.prefix)) === (parseIpv6(range.address)! & mask6(range.prefix));
}

export function ipv6Overlaps(a: Ipv6Cidr, b: Ipv6Cidr): boolean {
  const shorter = a.prefix <= b.prefix ? a : b;
  const longer = shorter === a ? b : a;
  return ipv6Contains(shorter, longer.address);
}

/** The address `offset` after `address`, in text. */
export function offsetIpv6(address: string, offset: number): string {
  return formatIpv6((parseIpv6(address)! + BigInt(offset)) & ((1n << 128n) - 1n));
}
