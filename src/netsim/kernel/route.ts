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

/**
 * A static IPv6 route: `default via 2001:db8:1::1 dev eth0 metric 1024`. An IPv6
 * route without a metric gets IP6_RT_PRIO_USER (1024), which `ip -6 route` prints.
 */
export interface Route6 {
  /** `2001:db8::/64`, or undefined for the default route. */
  readonly destination: string | undefined;
  readonly gateway: string | undefined;
  readonly device: number;
  readonly metric: number;
}
