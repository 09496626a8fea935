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
