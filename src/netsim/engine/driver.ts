import { bridgeDriver } from './bridge-driver';
import type { NetworkDriver } from './network';
import type { Driver } from './network-driver';
import { overlayDriver } from './overlay-driver';
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
    case 'overlay':
      return overlayDriver;
    case 'host':
    case 'null':
      return undefined;
  }
}
