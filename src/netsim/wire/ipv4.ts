/** An IPv4 address as an unsigned 32-bit number: cheap to compare, add and mask. */
export type Ipv4 = number & { readonly __ipv4: unique symbol };

/** Strict dotted-quad parsing, as Go's net.ParseIP: no octal, hex or short forms. */
export function parseIpv4(text: string): Ipv4 | undefined {
  if (!/^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(text)) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = text.split('.').map(Number);
  if (a > 255 || b > 255 || c > 255 || d > 255) return undefined;
  return ipv4FromNumber(((a << 24) | (b << 16) | (c << 8) | d) >>> 0);
}

export function ipv4FromNumber(value: number): Ipv4 {
  return (value >>> 0) as Ipv4;
}

export function formatIpv4(address: Ipv4): string {
  return `${address >>> 24}.${(address >>> 16) & 255}.${(address >>> 8) & 255}.${address & 255}`;
}

export function offsetIpv4(address: Ipv4, by: number): Ipv4 {
  return ipv4FromNumber(address + by);
}

/** The netmask of a prefix length: /16 is 255.255.0.0. */
export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}
