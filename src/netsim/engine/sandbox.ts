import type { Kernel } from '../kernel/kernel';
import { linkNamed, type Namespace } from '../kernel/namespace';
import type { SeededRandom } from '../random';
import type { Ipv4 } from '../wire/ipv4';
import type { Endpoint } from './container';
import type { Network, ParentLink } from './network';

/** `veth` and 7 hex digits, as libnetwork names both ends (netutils.GenerateIfaceName). */
export function vethName(random: SeededRandom, namespaces: Namespace[]): string {
  for (;;) {
    const name = `veth${random.hex(7)}`;
    if (!namespaces.some((namespace) => linkNamed(namespace, name))) return name;
  }
}

/** A new container namespace: only `lo`, up, as runc leaves it. */
export function createSandbox(kernel: Kernel): Namespace {
  const namespace = kernel.createNamespace(undefined);
  // Bringing lo up gives it 127.0.0.1/8 (the kernel's inetdev_event).
  kernel.setUp(namespace, 'lo', true);
  return namespace;
}

/**
 * Plugs an endpoint into a bridge network as Docker 29's bridge driver does: the
 * veth is created with its peer straight in the container's namespace (so the
 * container side is ifindex 2 there), renamed to eth0, addressed and brought up.
 * A network MTU goes on both ends (bridge_linux.go CreateEndpoint).
 */
export function wireBridgeEndpoint(
  kernel: Kernel,
  random: SeededRandom,
  sandbox: Namespace,
  network: Network,
  endpoint: Endpoint,
  isGateway: boolean,
  mtu: number,
): string {
  const hostName = vethName(random, [kernel.root]);
  const peerName = vethName(random, [kernel.root, sandbox]);
  // moby's createVeth asks for TxQLen 0 on both ends.
  kernel.addVethPair(kernel.root, hostName, peerName, sandbox, endpoint.mac, 0);
  if (mtu > 0) {
    kernel.setMtu(kernel.root, hostName, mtu);
    kernel.setMtu(sandbox, peerName, mtu);
  }
  kernel.renameLink(sandbox, peerName, endpoint.interfaceName);
  configureInterface(kernel, sandbox, endpoint);
  kernel.setMaster(kernel.root, hostName, network.bridgeName!);
  kernel.setUp(kernel.root, hostName, true);
  if (isGateway && endpoint.gateway !== undefined) addDefaultRoute(kernel, sandbox, endpoint, endpoint.gateway);
  // osl SetGatewayIPv6: a route without a metric, which the kernel gives IP6_RT_PRIO_USER (1024).
  if (isGateway && endpoint.gateway6 !== undefined)
    kernel.addRoute6(sandbox, {
      destination: undefined,
      gateway: endpoint.gateway6,
      device: kernel.link(sandbox, endpoint.interfaceName).index,
      metric: 1024,
    });
  return hostName;
}

/**
 * osl configureInterface and LinkSetUp: IPv6 off on an IPv4-only network
 * (setIPv6), else the IPv6 address with IFA_F_NODAD (setInterfaceIPv6); the
 * IPv4 address; up.
 */
export function configureInterface(kernel: Kernel, sandbox: Namespace, endpoint: Endpoint): void {
  if (endpoint.address6 === undefined) kernel.setIpv6Disabled(sandbox, endpoint.interfaceName, true);
  if (endpoint.address) kernel.addAddress(sandbox, endpoint.interfaceName, endpoint.address);
  if (endpoint.address6 !== undefined) kernel.addAddress6(sandbox, endpoint.interfaceName, endpoint.address6);
  kernel.setUp(sandbox, endpoint.interfaceName, true);
}

/** The container's default route: via a gateway, or straight out of the device (`default dev eth0`, ipvlan L3). */
function addDefaultRoute(kernel: Kernel, sandbox: Namespace, endpoint: Endpoint, gateway: Ipv4 | undefined): void {
  const device = kernel.link(sandbox, endpoint.interfaceName).index;
  kernel.addRoute(sandbox, {
    destination: undefined,
    gateway,
    device,
    protocol: 'boot',
    scope: gateway === undefined ? 'link' : 'global',
    source: undefined,
    metric: undefined,
  });
}

/**
 * Plugs an endpoint into a macvlan or ipvlan network as those drivers' Join and
 * osl do (macvlan_setup.go createMacVlan, osl createInterface): the link is made
 * on the parent in the host's namespace, named veth + 7 hex digits, with a zero
 * queue length; it moves into the container's namespace keeping its ifindex,
 * is renamed, takes the endpoint's MAC (an ipvlan keeps its parent's), and comes
 * up. The default route goes via the gateway; an ipvlan in L3 mode routes
 * everything straight out of the device instead.
 */
export function wireStackedEndpoint(
  kernel: Kernel,
  random: SeededRandom,
  sandbox: Namespace,
  parent: ParentLink,
  endpoint: Endpoint,
  isGateway: boolean,
): void {
  const name = vethName(random, [kernel.root]);
  kernel.addStackedLink(kernel.root, { name, txqlen: 0 }, parent.name, parent.stack);
  kernel.moveLink(kernel.root, name, sandbox, endpoint.interfaceName);
  if (endpoint.mac !== undefined) kernel.setMac(sandbox, endpoint.interfaceName, endpoint.mac);
  configureInterface(kernel, sandbox, endpoint);
  if (!isGateway || parent.dummy) return;
  if (parent.stack.kind === 'ipvlan' && parent.stack.mode !== 'l2')
    addDefaultRoute(kernel, sandbox, endpoint, undefined);
  else if (endpoint.gateway !== undefined) addDefaultRoute(kernel, sandbox, endpoint, endpoint.gateway);
}

export function unwireEndpoint(kernel: Kernel, endpoint: Endpoint): void {
  if (endpoint.hostVeth && linkNamed(kernel.root, endpoint.hostVeth)) kernel.deleteLink(kernel.root, endpoint.hostVeth);
  endpoint.hostVeth = undefined;
}
