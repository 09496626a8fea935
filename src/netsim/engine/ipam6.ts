import {
  formatIpv6,
  formatIpv6Cidr,
  ipv6Contains,
  ipv6NetworkOf,
  ipv6Overlaps,
  offsetIpv6,
  parseIpv6,
  type Ipv6Cidr,
} from '../wire/ipv6';
import type { Daemon } from './daemon';
import { EngineError } from './errors';
import type { Ipam6Config, Network } from './network';

/** An IPv6 entry of a create request's IPAM.Config: --subnet and the --gateway inside it. */
export interface Ipam6Request {
  /** As given: validateIpamConfig compares it with its masked form. */
  readonly subnet: Ipv6Cidr;
  readonly gateway: string | undefined;
}

/** daemon/network.go validateIpamConfig for the IPv6 entries, in the words it joins under `invalid network config:`. */
export function ipam6ConfigProblems(requests: readonly Ipam6Request[]): string[] {
  return requests.flatMap(({ subnet, gateway }) => {
    const problems: string[] = [];
    const masked = ipv6NetworkOf(subnet);
    if (masked.address !== subnet.address)
      problems.push(`invalid subnet ${formatIpv6Cidr(subnet)}: it should be ${formatIpv6Cidr(masked)}`);
    if (gateway !== undefined && !ipv6Contains(masked, gateway))
      problems.push(`invalid gateway ${gateway}: parent subnet ${formatIpv6Cidr(subnet)} doesn't contain this address`);
    return problems;
  });
}

/**
 * The daemon's default IPv6 pool (daemon.go deriveULABaseNetwork): fd00::/8 with
 * a 40-bit Global ID taken from a SHA-256 of the daemon's host ID, split into /64s.
 * A real host's ID is a random UUID; the simulator draws the Global ID from its
 * seed the first time a network needs it and keeps it, so it is as stable as the
 * host ID is, and the same seed gives the same prefix.
 */
function ulaBase(daemon: Daemon): bigint {
  daemon.state.ipv6GlobalId ??= daemon.random.hex(10);
  return (0xfdn << 120n) | (BigInt(`0x${daemon.state.ipv6GlobalId}`) << 80n);
}

/** The first /64 of the ULA /48 that no network's IPv6 pool overlaps (the default pools are handed out in order). */
function nextFreeSubnet6(daemon: Daemon, inUse: readonly Ipv6Cidr[]): Ipv6Cidr | undefined {
  const base = ulaBase(daemon);
  for (let index = 0n; index < 1n << 16n; index++) {
    const candidate = { address: formatIpv6(base + (index << 64n)), prefix: 64 };
    if (!inUse.some((used) => ipv6Overlaps(used, candidate))) return candidate;
  }
  return undefined;
}

function pools6(daemon: Daemon): Ipam6Config[] {
  return daemon.state.networks.flatMap((network) => network.ipam6 ?? []);
}

/**
 * ipamAllocateVersion for IPv6: the requested subnet unless another network's
 * pool overlaps it, or the next default /64; the gateway asked for, or the
 * first address after the subnet-router anycast address that newPoolData holds.
 */
export function allocatePools6(daemon: Daemon, requests: readonly Ipam6Request[]): Ipam6Config[] {
  const existing = pools6(daemon).map((config) => config.subnet);
  if (requests.length === 0) {
    const subnet = nextFreeSubnet6(daemon, existing);
    if (!subnet) throw new EngineError('forbidden', 'all predefined address pools have been fully subnetted');
    return [{ subnet, gateway: offsetIpv6(subnet.address, 1) }];
  }
  const configs: Ipam6Config[] = [];
  for (const request of requests) {
    const subnet = ipv6NetworkOf(request.subnet);
    if ([...existing, ...configs.map((config) => config.subnet)].some((used) => ipv6Overlaps(used, subnet))) {
      throw new EngineError('forbidden', 'invalid pool request: Pool overlaps with other one on this address space');
    }
    configs.push({
      subnet,
      gateway: request.gateway === undefined ? offsetIpv6(subnet.address, 1) : formatIpv6(parseIpv6(request.gateway)!),
    });
  }
  return configs;
}

/** What an IPv6 pool holds: the subnet-router anycast address (newPoolData), the gateway, and the endpoints' addresses. */
export function takenInPool6(
  config: Ipam6Config,
  network: Network,
  endpoints: readonly { readonly networkId: string; readonly address6?: Ipv6Cidr | undefined }[],
): Set<string> {
  const addresses = endpoints
    .filter((endpoint) => endpoint.networkId === network.id && endpoint.address6)
    .map((endpoint) => endpoint.address6!.address);
  return new Set([config.subnet.address, ...(config.gateway === undefined ? [] : [config.gateway]), ...addresses]);
}

/** The lowest free address of the pool (addrset AddAny), as text. */
export function firstFree6(config: Ipam6Config, taken: ReadonlySet<string>): string | undefined {
  for (let offset = 0; offset < 65_536; offset++) {
    const address = offsetIpv6(config.subnet.address, offset);
    if (!ipv6Contains(config.subnet, address)) return undefined;
    if (!taken.has(address)) return address;
  }
  return undefined;
}
