import { bridgeDriver } from './bridge-driver';
import type { NetworkDriver } from './network';
import type { Driver } from './network-driver';
import { ipvlanDriver, macvlanDriver } from './vlan-driver';

/** The built-in drivers containers can join (libnetwork's drivers/*); host and null have no endpoints. */
export function driverOf(name: NetworkDriver): Driver | undefined {
  switch (name) {
    case 'bridge':
      return bridgeDriver;
    case 'macvlan':
      return macvlanDriver;
    case 'ipvlan':
      return ipvlanDriver;
    case 'host':
    case 'null':
      return undefined;
  }
}
