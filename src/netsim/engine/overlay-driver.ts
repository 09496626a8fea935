import { linkNamed, type Namespace } from '../kernel/namespace';
import type { SeededRandom } from '../random';
import { cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import { macFromBytes, type Mac } from '../wire/mac';
import { allEndpoints, type Daemon } from './daemon';
import type { Driver } from './network-driver';
import type { Network } from './network';
import { configureInterface, vethName } from './sandbox';

/**
 * maxMTU of drivers/overlay: 1500 less the 50 bytes of VXLAN encapsulation
 * (inner Ethernet 14, outer IP 20, UDP 8, VXLAN 8), on both ends of the veth.
 */
export const OVERLAY_MTU = 1450;

/** netutils.GenerateMACFromIP: 02:42 and the four bytes of the IPv4 address (ov_endpoint.go CreateEndpoint). */
export function macFromIpv4(address: Ipv4): Mac {
  return macFromBytes([
    0x02,
    0x42,
    (address >>> 24) & 0xff,
    (address >>> 16) & 0xff,
    (address >>> 8) & 0xff,
    address & 0xff,
  ]);
}

/**
 * swarmkit's identity.NewID: 17 random bytes, the high bit set, in base 36,
 * the first digit dropped: 25 characters. Networks, nodes and tasks of a
 * swarm are named so, where the daemon's own use 64 hex digits.
 */
export function swarmId(random: SeededRandom): string {
  const bytes = random.bytes(17);
  bytes[0]! |= 0x80;
  const value = bytes.reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n);
  return value.toString(36).slice(1, 26);
}

/**
 * The namespace the driver keeps for a network on this node (initSandbox,
 * setupSubnetSandbox): a bridge holding the subnet's gateway, renamed br0 by
 * osl, which the containers' veths join. ~: the vxlan0 device on that bridge,
 * which carries frames to other nodes, is not modelled: there is one node.
 */
function networkSandbox(daemon: Daemon, network: Network): Namespace {
  const swarm = network.swarm!;
  const { kernel } = daemon;
  if (swarm.namespaceId !== undefined && kernel.state.namespaces.has(swarm.namespaceId))
    return kernel.namespace(swarm.namespaceId);
  const namespace = kernel.createNamespace(undefined);
  kernel.setUp(namespace, 'lo', true);
  const pool = network.ipam[0]!;
  kernel.addLink(namespace, { name: 'br0', kind: 'bridge', mtu: OVERLAY_MTU });
  kernel.addAddress(namespace, 'br0', cidr(pool.gateway!, pool.subnet.prefix));
  kernel.setUp(namespace, 'br0', true);
  swarm.namespaceId = namespace.id;
  return namespace;
}

/**
 * Docker's overlay driver on one node (drivers/overlay joinleave.go Join): a
 * veth pair made in the host's namespace, one end moved into the network's
 * namespace onto br0, the other into the container as ethN, MTU 1450 on both,
 * the MAC made from the address. Join sets no gateway: libnetwork gives the
 * container docker_gwbridge for its way out (default_gateway.go).
 */
export const overlayDriver: Driver = {
  needsGateway: true,
  setsGateway: false,
  // Swarm networks always have IPv4 (NewNetwork refuses them without).
  endpointMac: (_daemon, requested, address) => requested ?? macFromIpv4(address!),
  // ovmanager allocated the VXLAN ID with the network; the namespace waits for the first container (joinSandbox).
  create: (_daemon, network) => network,
  remove(daemon, network) {
    const id = network.swarm?.namespaceId;
    if (id !== undefined && daemon.kernel.state.namespaces.has(id))
      daemon.kernel.deleteNamespace(daemon.kernel.namespace(id));
  },
  join(daemon, sandbox, network, endpoint) {
    const { kernel, random } = daemon;
    const root = kernel.root;
    const namespace = networkSandbox(daemon, network);
    const overlayEnd = vethName(random, [root]);
    const containerEnd = vethName(random, [root, sandbox]);
    kernel.addVethPair(root, overlayEnd, containerEnd, root, undefined, 0);
    kernel.setMtu(root, overlayEnd, OVERLAY_MTU);
    kernel.setMtu(root, containerEnd, OVERLAY_MTU);
    // osl AddInterface names it after its prefix and the sandbox's count of interfaces (veth0, veth1...).
    let slot = 0;
    while (linkNamed(namespace, `veth${slot}`)) slot++;
    kernel.moveLink(root, overlayEnd, namespace, `veth${slot}`);
    kernel.setMaster(namespace, `veth${slot}`, 'br0');
    kernel.setUp(namespace, `veth${slot}`, true);
    if (endpoint.mac !== undefined) kernel.setMac(root, containerEnd, endpoint.mac);
    kernel.moveLink(root, containerEnd, sandbox, endpoint.interfaceName);
    configureInterface(kernel, sandbox, endpoint);
    return undefined;
  },
  leave(daemon, sandbox, network, endpoint) {
    // Deleting the container's end takes its peer on br0 with it.
    if (sandbox && linkNamed(sandbox, endpoint.interfaceName))
      daemon.kernel.deleteLink(sandbox, endpoint.interfaceName);
    if (allEndpoints(daemon).some((other) => other !== endpoint && other.networkId === network.id)) return;
    // The last endpoint gone, the namespace goes (leaveSandbox), and so does the daemon's copy of the network (a dynamic one):
    // inspect shows the manager's again; with no swarm left, nothing does.
    this.remove(daemon, network);
    delete network.swarm!.namespaceId;
    if (!daemon.state.swarm) daemon.state.networks = daemon.state.networks.filter((n) => n !== network);
  },
};
