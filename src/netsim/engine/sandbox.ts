import type { Kernel } from '../kernel/kernel';
import { linkNamed, type Namespace } from '../kernel/namespace';
import type { SeededRandom } from '../random';
import { parseCidr } from '../wire/cidr';
import type { Endpoint } from './container';
import type { Network } from './network';

/** `veth` and 7 hex digits, as libnetwork names both ends (netutils.GenerateIfaceName). */
function vethName(random: SeededRandom, namespaces: Namespace[]): string {
  for (;;) {
    const name = `veth${random.hex(7)}`;
    if (!namespaces.some((namespace) => linkNamed(namespace, name))) return name;
  }
}

/** A new container namespace: only `lo`, up, as runc leaves it. */
export function createSandbox(kernel: Kernel): Namespace {
  const namespace = kernel.createNamespace(undefined);
  kernel.setUp(namespace, 'lo', true);
  kernel.addAddress(namespace, 'lo', parseCidr('127.0.0.1/8')!);
  return namespace;
}

/**
 * Plugs an endpoint into a bridge network as Docker 29's bridge driver does: the
 * veth is created with its peer straight in the container's namespace (so the
 * container side is ifindex 2 there), renamed to eth0, addressed and brought up.
 */
export function wireBridgeEndpoint(kernel: Kernel, random: SeededRandom, sandbox: Namespace, network: Network, endpoint: Endpoint, isGateway: boolean): string {
  const hostName = vethName(random, [kernel.root]);
  const peerName = vethName(random, [kernel.root, sandbox]);
  kernel.addVethPair(kernel.root, hostName, peerName, sandbox, endpoint.mac);
  kernel.renameLink(sandbox, peerName, endpoint.interfaceName);
  // IPv4-only network: Docker turns IPv6 off on the container's interface.
  kernel.setIpv6Disabled(sandbox, endpoint.interfaceName, true);
  kernel.addAddress(sandbox, endpoint.interfaceName, endpoint.address);
  kernel.setUp(sandbox, endpoint.interfaceName, true);
  kernel.setMaster(kernel.root, hostName, network.bridgeName!);
  kernel.setUp(kernel.root, hostName, true);
  if (isGateway) {
    const device = kernel.link(sandbox, endpoint.interfaceName).index;
    kernel.addRoute(sandbox, { destination: undefined, gateway: endpoint.gateway, device, protocol: 'boot', scope: 'global', source: undefined, metric: undefined });
  }
  return hostName;
}

export function unwireEndpoint(kernel: Kernel, endpoint: Endpoint): void {
  if (endpoint.hostVeth && linkNamed(kernel.root, endpoint.hostVeth)) kernel.deleteLink(kernel.root, endpoint.hostVeth);
  endpoint.hostVeth = undefined;
}
