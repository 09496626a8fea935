import ipaddr from 'ipaddr.js';
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
  return { address: new ipaddr.IPv6(parts).toRFC5952String(), prefix: 64 };
}

/** Whether Go's net.ParseIP reads `text` as an IPv6 address (the simulator keeps none, but tools accept them). */
export function isIpv6Text(text: string): boolean {
  return text.includes(':') && ipaddr.IPv6.isValid(text) && !text.includes('%');
}

/** An IPv6 address as a 128-bit number, for arithmetic; records keep the text form. */
export type Ipv6 = bigint;

/** Go's netip.ParseAddr for IPv6 text (no zone); undefined for anything else. */
export function parseIpv6(text: string): Ipv6 | undefined {
  if (!isIpv6Text(text)) return undefined;
  return ipaddr.IPv6.parse(text).parts.reduce((value, part) => (value << 16n) | BigInt(part), 0n);
}

/** RFC 5952 text, as Go's netip.Addr.String writes an IPv6 address. */
export function formatIpv6(address: Ipv6): string {
  const parts: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) parts.push(Number((address >> shift) & 0xffffn));
  return new ipaddr.IPv6(parts).toRFC5952String();
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
