import { linkNamed } from '../kernel/namespace';
import { broadcastOf, cidr, contains } from '../wire/cidr';
import { offsetIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import { macFromBytes } from '../wire/mac';
import type { Container, Endpoint, PublishedPort } from './container';
import type { Daemon } from './daemon';
import { EngineError } from './errors';
import { apply, directAccessRules, publishedPortRules, type Placed } from './firewall';
import type { Network } from './network';
import { isPortTaken, nextEphemeralPort } from './port-allocator';
import { unwireEndpoint, wireBridgeEndpoint } from './sandbox';
import { startProxies, stopProxies } from './listeners';
import { hasEmbeddedDns } from './dns';
import { startEmbeddedResolver } from './resolver';

/** Plugs a running container into a network: address, veth, rules and, on its first network, published ports. */
export function attach(daemon: Daemon, container: Container, network: Network, requested: Ipv4 | undefined): void {
  const { kernel, random } = daemon;
  const config = network.ipam[0];
  if (network.driver !== 'bridge' || !config || container.namespaceId === undefined) {
    throw new EngineError('forbidden', `network ${network.name} cannot be joined by this simulator yet`);
  }
  const sandbox = kernel.namespace(container.namespaceId);
  let slot = 0;
  while (linkNamed(sandbox, `eth${slot}`)) slot++;
  const endpoint: Endpoint = {
    networkId: network.id,
    endpointId: random.hex(64),
    address: cidr(requested ?? freeAddress(daemon, network), config.subnet.prefix),
    gateway: config.gateway,
    mac: container.endpointSettings[network.id]?.macAddress ?? macFromBytes(random.bytes(6)),
    aliases: container.endpointSettings[network.id]?.aliases ?? [],
    hostVeth: undefined,
    interfaceName: `eth${slot}`,
    published: [],
  };
  apply(kernel, directAccessRules(network.bridgeName!, endpoint.address.address, network.internal), true);
  // libnetwork never picks an internal network's endpoint as the gateway: such containers get no default route.
  const isGateway = !network.internal && !container.endpoints.some((e) => daemon.state.networks.find((n) => n.id === e.networkId)?.internal === false);
  endpoint.hostVeth = wireBridgeEndpoint(kernel, random, sandbox, network, endpoint, isGateway);
  container.endpoints.push(endpoint);
  if (hasEmbeddedDns(network)) startEmbeddedResolver(daemon, sandbox);
  if (container.endpoints.length === 1 && container.publish.length > 0) publish(daemon, container, network, endpoint);
}

/** Unplugs an endpoint: its port forwards, its rules and its veth go. */
export function detach(daemon: Daemon, endpoint: Endpoint): void {
  const network = daemon.state.networks.find((n) => n.id === endpoint.networkId);
  if (network?.bridgeName) {
    apply(daemon.kernel, portRules(network, endpoint), false);
    apply(daemon.kernel, directAccessRules(network.bridgeName, endpoint.address.address, network.internal), false);
  }
  stopProxies(daemon, endpoint);
  endpoint.published = [];
  unwireEndpoint(daemon.kernel, endpoint);
}

/** Allocates the container's published ports and forwards them (docker-proxy and NAT). */
function publish(daemon: Daemon, container: Container, network: Network, endpoint: Endpoint): void {
  for (const mapping of container.publish) {
    const hostIps = mapping.hostIp ? [mapping.hostIp] : ['0.0.0.0', '::'];
    const hostPort = mapping.hostPort ?? ephemeralPort(daemon, mapping.protocol);
    for (const hostIp of hostIps) {
      if (isPortTaken(publishedPorts(daemon), hostIp, hostPort, mapping.protocol)) {
        throw new EngineError('unavailable', `driver failed programming external connectivity on endpoint ${container.name} (${endpoint.endpointId}): Bind for ${hostIp}:${hostPort} failed: port is already allocated`);
      }
      endpoint.published.push({ hostIp, hostPort, containerPort: mapping.containerPort, protocol: mapping.protocol });
    }
  }
  apply(daemon.kernel, portRules(network, endpoint), true);
  startProxies(daemon, endpoint);
}

/** Internal networks get no NAT or forwarding for published ports (iptabler setPerPortIptables). */
function portRules(network: Network, endpoint: Endpoint): Placed[] {
  if (network.internal) return [];
  return endpoint.published
    .filter((port) => !port.hostIp.includes(':') && port.protocol !== 'sctp')
    .flatMap((port) => {
      const hostIp = port.hostIp === '0.0.0.0' ? undefined : parseIpv4(port.hostIp);
      return publishedPortRules(network.bridgeName!, endpoint.address.address, hostIp, port.hostPort, port.containerPort, port.protocol as 'tcp' | 'udp');
    });
}

export function publishedPorts(daemon: Daemon): PublishedPort[] {
  return daemon.state.containers.flatMap((c) => c.endpoints.flatMap((e) => e.published));
}

function ephemeralPort(daemon: Daemon, protocol: string): number {
  const port = nextEphemeralPort(publishedPorts(daemon), daemon.state.lastEphemeralPort, protocol);
  if (port === undefined) throw new EngineError('unavailable', 'no available ports in the ephemeral range');
  daemon.state.lastEphemeralPort = port;
  return port;
}

/** The lowest free address of the subnet: the allocator's bitmap is not serial by default. */
function freeAddress(daemon: Daemon, network: Network): Ipv4 {
  const config = network.ipam[0]!;
  const taken = new Set(daemon.state.containers.flatMap((c) => c.endpoints.filter((e) => e.networkId === network.id).map((e) => e.address.address)));
  const last = broadcastOf(config.subnet);
  for (let address = offsetIpv4(config.subnet.address, 1); address < last; address = offsetIpv4(address, 1)) {
    if (address !== config.gateway && !taken.has(address) && contains(config.subnet, address)) return address;
  }
  throw new EngineError('unavailable', `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`);
}
