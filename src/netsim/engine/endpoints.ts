import { linkNamed, type Namespace } from '../kernel/namespace';
import { clashes, type Socket } from '../kernel/socket';
import { cidr, contains } from '../wire/cidr';
import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import type { Container, Endpoint, PublishedPort } from './container';
import { EngineError } from './errors';
import { driverOf } from './driver';
import { publishedPortRules, publishedPortRules6, type Placed } from './firewall';
import { bridgeConfig } from './bridge-driver';
import { allEndpoints, daemonConfig, firewallConfig, program, type Daemon } from './daemon';
import { firstFree, takenInPool } from './ipam';
import { gatewayBridge } from './networks';
import { swarmId } from './overlay-driver';
import type { Ipam6Config, IpamConfig, Network } from './network';
import { firstFree6, takenInPool6 } from './ipam6';
import { formatIpv6, ipv6Contains, parseIpv6 } from '../wire/ipv6';
import { PortIndex } from './port-allocator';
import { startProxies, stopProxies } from './listeners';
import { hasEmbeddedDns } from './dns';
import { startEmbeddedResolver } from './resolver';

/**
 * Plugs a running container into a network: address, interface (through the
 * network's driver) and, on its first network or its docker_gwbridge endpoint
 * (`gatewayName`), published ports.
 */
export function attach(
  daemon: Daemon,
  container: Container,
  network: Network,
  requested: Ipv4 | undefined,
  gatewayName?: string,
): void {
  const { kernel, random } = daemon;
  const driver = driverOf(network.driver);
  if (
    !driver ||
    (network.ipam.length === 0 && (network.ipam6 ?? []).length === 0) ||
    container.namespaceId === undefined
  ) {
    throw new EngineError('forbidden', `network ${network.name} cannot be joined by this simulator yet`);
  }
  const settings = gatewayName === undefined ? container.endpointSettings[network.id] : undefined;
  // cluster.AttachNetwork: the manager attaches a container only to a network made --attachable (resourceapi AttachNetwork, codes.PermissionDenied);
  // a service's task is attached by the swarm itself.
  if (
    network.swarm &&
    !network.attachable &&
    gatewayName === undefined &&
    container.config.labels['com.docker.swarm.task.id'] === undefined
  ) {
    const target = settings?.networkName ?? network.name;
    throw new EngineError(
      'forbidden',
      `Could not attach to network ${target}: rpc error: code = PermissionDenied desc = network ${target} not manually attachable`,
    );
  }
  const sandbox = kernel.namespace(container.namespaceId);
  let slot = 0;
  while (linkNamed(sandbox, `eth${slot}`)) slot++;
  const endpointId = random.hex(64);
  // Without IPv4 (--ipv4=false) the endpoint has an IPv6 address alone.
  const v4 = network.ipam.length > 0 ? allocateAddress(daemon, network, requested) : undefined;
  const v6 = allocateAddress6(daemon, network, settings?.ipv6Address);
  const address = v4?.address;
  const endpoint: Endpoint = {
    networkId: network.id,
    endpointId,
    address: v4 && cidr(v4.address, v4.config.subnet.prefix),
    gateway: driver.setsGateway ? v4?.config.gateway : undefined,
    ...(v6 && { address6: { address: v6.address, prefix: v6.config.subnet.prefix }, gateway6: v6.config.gateway }),
    mac: driver.endpointMac(daemon, settings?.macAddress, address),
    aliases: settings?.aliases ?? [],
    hostVeth: undefined,
    interfaceName: `eth${slot}`,
    published: [],
    ...(gatewayName !== undefined && { name: gatewayName }),
    ...(network.swarm && gatewayName === undefined && { swarmTask: swarmId(random) }),
  };
  // libnetwork never picks an internal network's endpoint as the gateway, nor one whose driver gives none (overlay): such containers get no default route from it.
  const routes = (e: Endpoint) =>
    !networkOf(daemon, e)?.internal && driverOf(networkOf(daemon, e)?.driver ?? 'null')?.setsGateway !== false;
  // docker_gwbridge's endpoint gives way to any other (clearDefaultGW, once this one has joined).
  const current = container.endpoints.find((e) => routes(e) && !isGatewayEndpoint(e));
  const isGateway =
    routes(endpoint) &&
    (gatewayName !== undefined || current === undefined || higherGwPriority(container, endpoint, current));
  if (isGateway && container.endpoints.some(routes)) dropDefaultRoute(daemon, sandbox);
  endpoint.hostVeth = driver.join(daemon, sandbox, network, endpoint, isGateway);
  // CreateOptionIPAM: each link-local address goes on the interface with a /16 mask, after its own (osl setInterfaceLinkLocalIPs).
  for (const linkLocal of settings?.linkLocalIps ?? [])
    kernel.addAddress(sandbox, endpoint.interfaceName, cidr(parseIpv4(linkLocal)!, 16));
  container.endpoints.push(endpoint);
  if (hasEmbeddedDns(network)) startEmbeddedResolver(daemon, sandbox);
  // Only the bridge driver maps ports; macvlan and ipvlan log a warning and ignore -p. Behind an overlay network, docker_gwbridge's endpoint takes them (setupDefaultGW passes the port map).
  const publishes = gatewayName !== undefined || container.endpoints.length === 1;
  if (network.driver === 'bridge' && publishes && container.publish.length > 0)
    publish(daemon, container, network, endpoint);
  if (gatewayName === undefined) updateDefaultGateway(daemon, container);
}

/** The endpoint libnetwork adds on docker_gwbridge for a sandbox that has no other way out (endpointInGWNetwork). */
const isGatewayEndpoint = (endpoint: Endpoint) => endpoint.name?.startsWith('gateway_') === true;

/**
 * Sandbox.needDefaultGW, setupDefaultGW and clearDefaultGW: a container whose
 * endpoints (internal ones aside) give it no gateway, as an overlay network's do
 * not, gets an endpoint on docker_gwbridge, named `gateway_` and 12 hex of its
 * sandbox's ID; once another endpoint gives a gateway, that one goes.
 */
export function updateDefaultGateway(daemon: Daemon, container: Container): void {
  const own = container.endpoints.filter((e) => !isGatewayEndpoint(e) && !networkOf(daemon, e)?.internal);
  const needed =
    own.length > 0 &&
    own.every((e) => e.gateway === undefined && e.gateway6 === undefined && networkOf(daemon, e)?.swarm);
  const current = container.endpoints.find(isGatewayEndpoint);
  if (needed && !current)
    attach(daemon, container, gatewayBridge(daemon), undefined, `gateway_${daemon.random.hex(12)}`);
  if (!needed && current) {
    detach(daemon, current);
    container.endpoints = container.endpoints.filter((e) => e !== current);
  }
}

function networkOf(daemon: Daemon, endpoint: Endpoint): Network | undefined {
  return daemon.state.networks.find((n) => n.id === endpoint.networkId);
}

/**
 * Whether a new endpoint takes the default gateway from the one that has it:
 * libnetwork's Endpoint.Less sorts a higher --gw-priority first (the default
 * is 0). Endpoints of equal priority keep the gateway where it is: the
 * simulator does not re-sort them by network name as Less would.
 */
function higherGwPriority(container: Container, candidate: Endpoint, current: Endpoint): boolean {
  const priority = (endpoint: Endpoint) => container.endpointSettings[endpoint.networkId]?.gwPriority ?? 0;
  return priority(candidate) > priority(current);
}

/** The sandbox's default route goes before another endpoint provides it (Sandbox.updateGateway). */
function dropDefaultRoute(daemon: Daemon, sandbox: Namespace): void {
  const route = sandbox.routes.find((r) => r.destination === undefined);
  if (route) daemon.kernel.deleteRoute(sandbox, undefined, { device: route.device });
  const route6 = sandbox.routes6?.find((r) => r.destination === undefined);
  if (route6) daemon.kernel.deleteRoute6(sandbox, undefined, route6.device);
}

/** Unplugs an endpoint: its port forwards, then its interface and rules (the driver's Leave). */
export function detach(daemon: Daemon, endpoint: Endpoint): void {
  const network = daemon.state.networks.find((n) => n.id === endpoint.networkId);
  if (network?.bridgeName) program(daemon, portRules(daemon, network, endpoint), false);
  stopProxies(daemon, endpoint);
  endpoint.published = [];
  const namespaceId = daemon.state.containers.find((c) => c.endpoints.includes(endpoint))?.namespaceId;
  const sandbox = namespaceId === undefined ? undefined : daemon.kernel.state.namespaces.get(namespaceId);
  if (network) driverOf(network.driver)?.leave(daemon, sandbox, network, endpoint);
}

/** Allocates the container's published ports and forwards them (docker-proxy and NAT). */
function publish(daemon: Daemon, container: Container, network: Network, endpoint: Endpoint): void {
  const taken = new PortIndex(publishedPorts(daemon));
  const hostSockets = socketsByPort(daemon.kernel.root.sockets);
  const { ip, userlandProxy } = daemonConfig(daemon);
  const routed = bridgeConfig(network).gatewayMode === 'routed';
  for (const mapping of container.publish) {
    const hostIps = (mapping.hostIp ? [mapping.hostIp] : defaultHostIps(ip)).filter((hostIp) =>
      bindable(hostIp, endpoint, userlandProxy),
    );
    // The routed port mapper ignores the host port (portmappers/routed MapPorts): nothing is bound on the host.
    if (routed) {
      for (const hostIp of hostIps)
        endpoint.published.push({
          hostIp,
          hostPort: 0,
          containerPort: mapping.containerPort,
          protocol: mapping.protocol,
        });
      continue;
    }
    const hostPort = mapping.hostPort ?? ephemeralPort(daemon, taken, mapping.protocol);
    for (const hostIp of hostIps) {
      const failed = (cause: string) =>
        new EngineError(
          'unavailable',
          `driver failed programming external connectivity on endpoint ${container.name} (${endpoint.endpointId}): ${cause}`,
        );
      // The port allocator's own records first, then bind(2) on the host (portallocator/osallocator_linux.go).
      if (taken.isTaken(hostIp, hostPort, mapping.protocol))
        throw failed(`Bind for ${hostIp}:${hostPort} failed: port is already allocated`);
      const protocol = mapping.protocol === 'udp' ? 'udp' : 'tcp';
      const candidate = { protocol, address: hostIp, port: hostPort, v6Only: hostIp.includes(':') } as const;
      if ((hostSockets.get(`${protocol}|${hostPort}`) ?? []).some((socket) => clashes(socket, candidate))) {
        // A process on the host (a host-network container, a service) holds it: Go's netip.AddrPort and syscall.EADDRINUSE.
        throw failed(
          `failed to bind host port ${hostIp.includes(':') ? `[${hostIp}]` : hostIp}:${hostPort}/${mapping.protocol}: address already in use`,
        );
      }
      const port = { hostIp, hostPort, containerPort: mapping.containerPort, protocol: mapping.protocol };
      endpoint.published.push(port);
      taken.add(port);
    }
  }
  program(daemon, portRules(daemon, network, endpoint), true);
  startProxies(daemon, endpoint);
}

/** The host addresses -p binds when it names none: daemon.json's `ip`, else 0.0.0.0 and [::]. */
function defaultHostIps(ip: Ipv4 | undefined): string[] {
  return ip !== undefined ? [formatIpv4(ip)] : ['0.0.0.0', '::'];
}

/**
 * sortAndNormPBs (moby docker-v29.7.2 drivers/bridge/port_mapping_linux.go):
 * an IPv4 host address needs the container's IPv4 address; an IPv6 one its
 * IPv6 address, or its IPv4 one through the userland proxy (without it, `Cannot
 * map from IPv6 to an IPv4-only container`, logged, and nothing bound). So an
 * IPv6-only container gets only its IPv6 bindings, a mapping to 0.0.0.0 none.
 */
function bindable(hostIp: string, endpoint: Endpoint, userlandProxy: boolean): boolean {
  if (!hostIp.includes(':')) return endpoint.address !== undefined;
  return endpoint.address6 !== undefined || (endpoint.address !== undefined && userlandProxy);
}

/** Internal networks get no NAT or forwarding for published ports (iptabler setPerPortIptables). */
function portRules(daemon: Daemon, network: Network, endpoint: Endpoint): Placed[] {
  if (network.internal) return [];
  const { gatewayMode } = bridgeConfig(network);
  const address = endpoint.address?.address;
  const v4 =
    address === undefined
      ? []
      : endpoint.published
          .filter((port) => !port.hostIp.includes(':') && port.protocol !== 'sctp')
          .flatMap((port) => {
            const hostIp = port.hostIp === '0.0.0.0' ? undefined : parseIpv4(port.hostIp);
            const binding = {
              container: address,
              containerPort: port.containerPort,
              hostIp,
              hostPort: port.hostPort,
              protocol: port.protocol as 'tcp' | 'udp',
            };
            return publishedPortRules(network.bridgeName!, binding, gatewayMode, firewallConfig(daemon));
          });
  // An IPv6 host address maps to the container's IPv6 address when it has one; otherwise docker-proxy alone carries it to IPv4.
  const address6 = endpoint.address6?.address;
  const v6 =
    address6 === undefined
      ? []
      : endpoint.published
          .filter((port) => port.hostIp.includes(':') && port.protocol !== 'sctp')
          .flatMap((port) =>
            publishedPortRules6(
              network.bridgeName!,
              address6,
              port.hostIp === '::' ? undefined : port.hostIp,
              port.hostPort,
              port.containerPort,
              port.protocol as 'tcp' | 'udp',
            ),
          );
  return [...v4, ...v6];
}

export function publishedPorts(daemon: Daemon): PublishedPort[] {
  return daemon.state.containers.flatMap((c) => c.endpoints.flatMap((e) => e.published));
}

function ephemeralPort(daemon: Daemon, taken: PortIndex, protocol: string): number {
  const port = taken.nextEphemeral(daemon.state.lastEphemeralPort, protocol);
  if (port === undefined) throw new EngineError('unavailable', 'no available ports in the ephemeral range');
  daemon.state.lastEphemeralPort = port;
  return port;
}

/**
 * IPAM's address for an endpoint (ipamAllocateAddress): the one asked for, in
 * the pool that holds it unless the pool already holds it (a gateway, an
 * auxiliary address, another endpoint: defaultipam's ErrIPAlreadyAllocated), or
 * the lowest free one of the first pool that has any.
 */
export function allocateAddress(
  daemon: Daemon,
  network: Network,
  requested: Ipv4 | undefined,
): { address: Ipv4; config: IpamConfig } {
  // A service's VIP is taken from its network's pool as an endpoint's address is.
  const endpoints = [
    ...allEndpoints(daemon),
    ...(daemon.state.swarm?.services ?? []).flatMap((service) => service.vips),
  ];
  if (requested !== undefined) {
    const config = network.ipam.find((candidate) => contains(candidate.subnet, requested)) ?? network.ipam[0]!;
    if (takenInPool(config.subnet, daemon.state.networks, endpoints).has(requested))
      throw new EngineError('forbidden', 'Address already in use');
    return { address: requested, config };
  }
  for (const config of network.ipam) {
    const address = firstFree(config, takenInPool(config.subnet, daemon.state.networks, endpoints));
    if (address !== undefined) return { address, config };
  }
  throw new EngineError(
    'unavailable',
    `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`,
  );
}

/**
 * The endpoint's IPv6 address on a network with IPv6 (Endpoint.assignAddress with
 * wantIPv6): the one asked for (--ip6), refused when the pool holds it, or the
 * lowest free one.
 */
function allocateAddress6(
  daemon: Daemon,
  network: Network,
  requested: string | undefined,
): { address: string; config: Ipam6Config } | undefined {
  const pools = network.ipam6 ?? [];
  if (pools.length === 0) return undefined;
  const endpoints = allEndpoints(daemon);
  if (requested !== undefined) {
    const wanted = formatIpv6(parseIpv6(requested)!);
    const config = pools.find((candidate) => ipv6Contains(candidate.subnet, wanted)) ?? pools[0]!;
    if (takenInPool6(config, network, endpoints).has(wanted))
      throw new EngineError('forbidden', 'Address already in use');
    return { address: wanted, config };
  }
  for (const config of pools) {
    const address = firstFree6(config, takenInPool6(config, network, endpoints));
    if (address !== undefined) return { address, config };
  }
  throw new EngineError(
    'unavailable',
    `no available IPv6 addresses on this network's address pools: ${network.name} (${network.id})`,
  );
}

/** The host's listening sockets by protocol and port: a range of 65,535 published ports checks each in constant time. */
function socketsByPort(sockets: readonly Socket[]): Map<string, Socket[]> {
  const byPort = new Map<string, Socket[]>();
  for (const socket of sockets) {
    const key = `${socket.protocol}|${socket.port}`;
    byPort.set(key, [...(byPort.get(key) ?? []), socket]);
  }
  return byPort;
}
