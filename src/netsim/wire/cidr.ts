import { formatIpv4, ipv4FromNumber, parseIpv4, prefixMask, type Ipv4 } from './ipv4';

/** An address with its prefix length, like `172.17.0.1/16` on docker0. */
export interface Cidr {
  readonly address: Ipv4;
  readonly prefix: number;
}

export function cidr(address: Ipv4, prefix: number): Cidr {
  return { address, prefix };
}

/** `a.b.c.d/n`, as Go's net.ParseCIDR accepts it; undefined for anything else. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = parseIpv4(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,2}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= 32 ? { address, prefix } : undefined;
}

export function formatCidr({ address, prefix }: Cidr): string {
  return `${formatIpv4(address)}/${prefix}`;
}

export function networkOf({ address, prefix }: Cidr): Cidr {
  return { address: ipv4FromNumber(address & prefixMask(prefix)), prefix };
}

export function broadcastOf({ address, prefix }: Cidr): Ipv4 {
  return ipv4FromNumber((address | ~prefixMask(prefix)) >>> 0);
}

export function contains(range: Cidr, address: Ipv4): boolean {
  const mask = prefixMask(range.prefix);
  return (range.address & mask) >>> 0 === (address & mask) >>> 0;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
  const shorter = a.prefix <= b.prefix ? a : b;
  const longer = shorter === a ? b : a;
  return contains(shorter, longer.address);
}

/** Number of addresses in the range, network and broadcast included. */
export function sizeOf({ prefix }: Cidr): number {
  return 2 ** (32 - prefix);
}
