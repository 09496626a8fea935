import type { Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';

export type NetworkDriver = 'bridge' | 'host' | 'null' | 'macvlan' | 'ipvlan';

export interface IpamConfig {
  subnet: Cidr;
  gateway: Ipv4;
  ipRange: Cidr | undefined;
}

/** A Docker network as the daemon keeps it; `docker network inspect` prints a view of it. */
export interface Network {
  readonly id: string;
  readonly name: string;
  readonly driver: NetworkDriver;
  readonly createdMs: number;
  /** Nanoseconds within the second, for RFC 3339 timestamps as Go prints them. */
  readonly createdNanos: number;
  readonly internal: boolean;
  readonly ipam: IpamConfig[];
  readonly options: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  /** The Linux bridge of a bridge network: docker0 or br-<12 hex>. */
  readonly bridgeName: string | undefined;
}

/** The networks every daemon starts with; they cannot be removed. */
export const PREDEFINED_NETWORKS = ['bridge', 'host', 'none'] as const;
