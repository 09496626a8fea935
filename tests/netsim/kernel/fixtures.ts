import { Kernel } from '../../../src/netsim/kernel/kernel';
import type { Namespace } from '../../../src/netsim/kernel/namespace';
import { SeededRandom } from '../../../src/netsim/random';
import { parseCidr } from '../../../src/netsim/wire/cidr';
import { parseMac } from '../../../src/netsim/wire/mac';

export const cidrOf = (text: string) => parseCidr(text)!;
export const macOf = (text: string) => parseMac(text)!;

/** A booted kernel with lo up in the root namespace. */
export function bootedKernel(seed = 1): Kernel {
  const kernel = Kernel.boot(SeededRandom.fromSeed(seed));
  kernel.setUp(kernel.root, 'lo', true);
  // Bringing lo up gave it 127.0.0.1/8 (inetdev_event).
  return kernel;
}

/** docker0 with its gateway address, up, as dockerd creates it. */
export function withDocker0(kernel: Kernel, mac = '02:42:be:71:11:9e'): void {
  kernel.addLink(kernel.root, { name: 'docker0', kind: 'bridge', mac: macOf(mac), txqlen: 0 });
  kernel.addAddress(kernel.root, 'docker0', cidrOf('172.17.0.1/16'));
  kernel.setUp(kernel.root, 'docker0', true);
}

/**
 * A container on docker0 wired as older Docker did: both veth ends made in the
 * root namespace, then one moved into the container's and renamed eth0, and
 * IPv6 off in the whole container.
 */
export function containerOnDocker0(kernel: Kernel, address: string, mac: string, hostEnd: string): Namespace {
  const container = kernel.createNamespace(undefined);
  kernel.setIpv6Disabled(container, 'lo', true);
  kernel.setUp(container, 'lo', true);
  // lo came up with 127.0.0.1/8.
  kernel.addVethPair(kernel.root, hostEnd, 'vethtmp', kernel.root, undefined, 0);
  kernel.moveLink(kernel.root, 'vethtmp', container, 'eth0');
  kernel.setIpv6Disabled(container, 'eth0', true);
  kernel.setMac(container, 'eth0', macOf(mac));
  kernel.addAddress(container, 'eth0', cidrOf(address));
  kernel.setUp(container, 'eth0', true);
  kernel.setMaster(kernel.root, hostEnd, 'docker0');
  kernel.setUp(kernel.root, hostEnd, true);
  return container;
}
