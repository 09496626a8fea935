import type { Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';

/** Where dockerd reads its configuration (daemon/config: the default --config-file on Linux). */
export const DAEMON_CONFIG_FILE = '/etc/docker/daemon.json';

/** A pool networks take their subnets from (`default-address-pools`: ipamutils.NetworkToSplit). */
export interface AddressPool {
  readonly base: Cidr;
  readonly size: number;
}

/**
 * The daemon.json keys the simulator acts on; every other key dockerd knows is
 * accepted and ignored. ipv6 and fixed-cidr-v6 make the default bridge dual-stack.
 */
export interface DaemonConfig {
  /** `userland-proxy`: docker-proxy for each published port; false puts hairpin NAT in its place. */
  readonly userlandProxy: boolean;
  /** `iptables`: false and the daemon writes no rule at all. */
  readonly iptables: boolean;
  /** `bip`: docker0's address and the default bridge's subnet, as `172.26.0.1/16`. */
  readonly bip: Cidr | undefined;
  /** `default-address-pools`: where networks without --subnet (and docker0 without bip) get theirs. */
  readonly defaultAddressPools: readonly AddressPool[] | undefined;
  /** `ip`: the host address -p binds when it names none. */
  readonly ip: Ipv4 | undefined;
  /** `dns`: the nameservers containers get instead of the host's. */
  readonly dns: readonly Ipv4[];
  readonly ipv6: boolean;
  readonly fixedCidrV6: string | undefined;
}

export const DEFAULT_DAEMON_CONFIG: DaemonConfig = {
  userlandProxy: true,
  iptables: true,
  bip: undefined,
  defaultAddressPools: undefined,
  ip: undefined,
  dns: [],
  ipv6: false,
  fixedCidrV6: undefined,
};

export type DaemonConfigResult = { readonly config: DaemonConfig } | { readonly error: string };

/** daemon.json's text, undefined when there is no such file, or why it could not be read. */
export type DaemonConfigSource = string | undefined | { readonly readError: string };
