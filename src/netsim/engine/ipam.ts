import {
  broadcastOf,
  cidr,
  contains,
  formatCidr,
  networkOf,
  overlaps,
  parseCidr,
  sizeOf,
  type Cidr,
} from '../wire/cidr';
import { formatIpv4, ipv4FromNumber, offsetIpv4, type Ipv4 } from '../wire/ipv4';
import type { IpamConfig } from './network';

/**
 * Docker's default local address pools (libnetwork/ipamutils): 172.17-172.31 as
 * /16s, then 192.168.0.0/16 in /20s. Each new network takes the first free one.
 */
const DEFAULT_POOLS: { base: Cidr; size: number }[] = [
  { base: parseCidr('172.17.0.0/12')!, size: 16 },
  { base: parseCidr('192.168.0.0/16')!, size: 20 },
];

export function* candidateSubnets(pools?: readonly { base: Cidr; size: number }[]): Generator<Cidr> {
  for (const { base, size } of pools ?? DEFAULT_POOLS) {
    const step = 2 ** (32 - size);
    for (let offset = 0; offset < sizeOf(base); offset += step) {
      const subnet = cidr(ipv4FromNumber(base.address + offset), size);
      // 172.16.0.0/16 is in the /12 but not in Docker's list, which starts at 172.17.
      if (pools !== undefined || subnet.address !== parseCidr('172.16.0.0/16')!.address) yield subnet;
    }
  }
}

/** The first subnet of the pools (daemon.json's default-address-pools, else Docker's) that overlaps nothing already in use. */
export function nextFreeSubnet(
  inUse: readonly Cidr[],
  pools?: readonly { base: Cidr; size: number }[],
): Cidr | undefined {
  for (const subnet of candidateSubnets(pools)) {
    if (!inUse.some((used) => overlaps(used, subnet))) return subnet;
  }
  return undefined;
}

/** One entry of a create request's IPAM.Config: --subnet, and the --ip-range, --gateway and --aux-address that go with it. */
export interface IpamRequest {
  readonly subnet: Cidr;
  readonly ipRange: Cidr | undefined;
  readonly gateway: Ipv4 | undefined;
  readonly auxAddresses: Readonly<Record<string, Ipv4>>;
}

const sameCidr = (a: Cidr | undefined, b: Cidr | undefined) =>
  a === b || (a !== undefined && b !== undefined && a.address === b.address && a.prefix === b.prefix);
const masked = (prefix: Cidr) => networkOf(prefix);

/**
 * The daemon's checks of IPAM.Config (daemon/network.go validateIpamConfig), as
 * the texts it joins under `invalid network config:`.
 */
export function ipamConfigProblems(configs: readonly IpamRequest[]): string[] {
  return configs.flatMap(({ subnet, ipRange, gateway, auxAddresses }) => {
    const problems: string[] = [];
    if (!sameCidr(subnet, masked(subnet)))
      problems.push(`invalid subnet ${formatCidr(subnet)}: it should be ${formatCidr(masked(subnet))}`);
    if (ipRange) {
      const range = formatCidr(ipRange);
      if (ipRange.prefix < subnet.prefix)
        problems.push(`invalid ip-range ${range}: CIDR block is bigger than its parent subnet ${formatCidr(subnet)}`);
      if (!sameCidr(ipRange, masked(ipRange)))
        problems.push(`invalid ip-range ${range}: it should be ${formatCidr(masked(ipRange))}`);
      if (!overlaps(subnet, ipRange))
        problems.push(`invalid ip-range ${range}: parent subnet ${formatCidr(subnet)} doesn't contain ip-range`);
    }
    if (gateway !== undefined && !contains(subnet, gateway))
      problems.push(
        `invalid gateway ${formatIpv4(gateway)}: parent subnet ${formatCidr(subnet)} doesn't contain this address`,
      );
    for (const [name, address] of Object.entries(auxAddresses)) {
      if (!contains(subnet, address))
        problems.push(
          `invalid auxiliary address ${name}: parent subnet ${formatCidr(subnet)} doesn't contain this address`,
        );
    }
    return problems;
  });
}

/** internal/multierror.Join: one error as it is, several as a bulleted list. */
export function joinProblems(problems: readonly string[]): string {
  return problems.length === 1 ? problems[0]! : `* ${problems.join('\n* ')}`;
}

/**
 * Whether defaultipam lets a network have this pool (addrSpace.allocateSubnet):
 * a subnet already allocated is shared by a request for another --ip-range in
 * it, and refused otherwise; a new subnet is checked for overlaps only when it
 * comes without an --ip-range (moby#46756).
 */
export function poolClash(existing: readonly IpamConfig[], subnet: Cidr, ipRange: Cidr | undefined): boolean {
  const same = existing.filter((config) => sameCidr(config.subnet, subnet));
  if (same.length > 0) return ipRange === undefined || same.some((config) => sameCidr(config.ipRange, ipRange));
  return ipRange === undefined && existing.some((config) => overlaps(config.subnet, subnet));
}

/** What a pool holds from the start: its network address and, for IPv4, its broadcast address; neither in a /31 or /32 (newPoolData). */
export function reservedAddresses(subnet: Cidr): Ipv4[] {
  return subnet.prefix < 31 ? [subnet.address, broadcastOf(subnet)] : [];
}

/**
 * The lowest free address of the --ip-range, or of the subnet: the allocator's
 * bitmap is not serial by default (addrset AddAny, AddAnyInRange). A range's own
 * first and last addresses are fair game; only the subnet's are reserved.
 */
export function firstFree(config: Pick<IpamConfig, 'subnet' | 'ipRange'>, taken: ReadonlySet<Ipv4>): Ipv4 | undefined {
  const range = config.ipRange ?? config.subnet;
  for (let address = range.address, left = sizeOf(range); left > 0; address = offsetIpv4(address, 1), left--) {
    if (!taken.has(address) && contains(config.subnet, address)) return address;
  }
  return undefined;
}

/** defaultipam's allocationStatus: every address the pool holds, and what its range has left. */
export function poolStatus(
  config: Pick<IpamConfig, 'subnet' | 'ipRange'>,
  taken: ReadonlySet<Ipv4>,
): { IPsInUse: number; DynamicIPsAvailable: number } {
  const range = config.ipRange ?? config.subnet;
  const inRange = [...taken].filter((address) => contains(range, address)).length;
  return { IPsInUse: taken.size, DynamicIPsAvailable: sizeOf(range) - inRange };
}

/**
 * The addresses a pool holds: the reserved ones, the gateway and auxiliary
 * addresses of every network on it (networks with other --ip-ranges in the same
 * subnet share one pool), and their endpoints' addresses.
 */
export function takenInPool(
  subnet: Cidr,
  networks: readonly { readonly id: string; readonly ipam: readonly IpamConfig[] }[],
  endpoints: readonly { readonly networkId: string; readonly address: Cidr | undefined }[],
): Set<Ipv4> {
  const sharing = networks.filter((network) => network.ipam.some((config) => sameCidr(config.subnet, subnet)));
  const configs = sharing.flatMap((network) => network.ipam.filter((config) => sameCidr(config.subnet, subnet)));
  const gateways = configs.flatMap((config) => (config.gateway === undefined ? [] : [config.gateway]));
  const auxiliary = configs.flatMap((config) => Object.values(config.auxAddresses));
  const ids = new Set(sharing.map((network) => network.id));
  const addresses = endpoints.flatMap((endpoint) =>
    endpoint.address && ids.has(endpoint.networkId) && contains(subnet, endpoint.address.address)
      ? [endpoint.address.address]
      : [],
  );
  return new Set([...reservedAddresses(subnet), ...gateways, ...auxiliary, ...addresses]);
}
