import type { Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';

export type RouteProtocol = 'kernel' | 'boot' | 'static' | 'dhcp';
export type RouteScope = 'link' | 'global' | 'host';

/**
 * A route of the main table. `destination` undefined is the default route.
 * Prefix routes of addresses (`proto kernel scope link`) are not stored: the
 * kernel derives them from the addresses of links that are up.
 */
export interface Route {
  readonly destination: Cidr | undefined;
  readonly gateway: Ipv4 | undefined;
  readonly device: number;
  readonly protocol: RouteProtocol;
  readonly scope: RouteScope;
  readonly source: Ipv4 | undefined;
  readonly metric: number | undefined;
}
