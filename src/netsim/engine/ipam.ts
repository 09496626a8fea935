import { cidr, overlaps, parseCidr, sizeOf, type Cidr } from '../wire/cidr';
import { ipv4FromNumber } from '../wire/ipv4';

/**
 * Docker's default local address pools (libnetwork/ipamutils): 172.17-172.31 as
 * /16s, then 192.168.0.0/16 in /20s. Each new network takes the first free one.
 */
const DEFAULT_POOLS: { base: Cidr; size: number }[] = [
  { base: parseCidr('172.17.0.0/12')!, size: 16 },
  { base: parseCidr('192.168.0.0/16')!, size: 20 },
];

export function* candidateSubnets(): Generator<Cidr> {
  for (const { base, size } of DEFAULT_POOLS) {
    const step = 2 ** (32 - size);
    for (let offset = 0; offset < sizeOf(base); offset += step) {
      const subnet = cidr(ipv4FromNumber(base.address + offset), size);
      // 172.16.0.0/16 is in the /12 but not in Docker's list, which starts at 172.17.
      if (subnet.address !== parseCidr('172.16.0.0/16')!.address) yield subnet;
    }
  }
}

/** The first default subnet that overlaps nothing already in use. */
export function nextFreeSubnet(inUse: readonly Cidr[]): Cidr | undefined {
  for (const subnet of candidateSubnets()) {
    if (!inUse.some((used) => overlaps(used, subnet))) return subnet;
  }
  return undefined;
}
