import type { VirtualClock } from '../clock';
import type { Kernel } from '../kernel/kernel';
import { linkNamed } from '../kernel/namespace';
import type { SeededRandom } from '../random';
import { broadcastOf, cidr, contains, networkOf, overlaps, parseCidr, type Cidr } from '../wire/cidr';
import { offsetIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import type { PortMapping } from '../wire/port-spec';
import { macFromBytes } from '../wire/mac';
import type { Container, Endpoint, PublishedPort } from './container';
import { EngineError } from './errors';
import { apply, bridgeNetworkRules, directAccessRules, installDaemonRules, publishedPortRules, type Placed } from './firewall';
import { imageInfo } from './images';
import { EPHEMERAL_PORTS, isPortTaken, nextEphemeralPort } from './port-allocator';
import { generateName } from './names';
import { createSandbox, unwireEndpoint, wireBridgeEndpoint } from './sandbox';
import { nextFreeSubnet } from './ipam';
import { PREDEFINED_NETWORKS, type Network, type NetworkDriver } from './network';

export interface EngineState {
  networks: Network[];
  containers: Container[];
  /** Last PID handed to a container's first process on the host. */
  lastPid: number;
  /** Last port taken from the ephemeral range (ip_local_port_range, 32768-60999 on Debian). */
  lastEphemeralPort: number;
}

export interface ContainerCreateRequest {
  name: string | undefined;
  image: string;
  command: string[];
  networkMode: string;
  ip: Ipv4 | undefined;
  hostname: string | undefined;
  autoRemove: boolean;
  /** -i or -t: stdin kept open or a terminal attached. */
  interactive: boolean;
  publish: PortMapping[];
}


export interface NetworkCreateRequest {
  name: string;
  driver: string;
  subnet: Cidr | undefined;
  gateway: Ipv4 | undefined;
  internal: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
}

const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/**
 * The Docker daemon. It changes the host only through kernel operations, the same
 * ones `ip` uses, so what `ip addr` shows after `docker network create` is what
 * the engine did.
 */
export class Engine {
  constructor(
    readonly state: EngineState,
    private readonly kernel: Kernel,
    private readonly random: SeededRandom,
    private readonly clock: VirtualClock,
  ) {}

  /** dockerd's first start: docker0 with 172.17.0.1/16, and the host and none networks. */
  static start(kernel: Kernel, random: SeededRandom, clock: VirtualClock): Engine {
    const engine = new Engine({ networks: [], containers: [], lastPid: 1000 + random.int(0, 800), lastEphemeralPort: EPHEMERAL_PORTS.last }, kernel, random, clock);
    installDaemonRules(kernel);
    engine.addBridgeNetwork('bridge', 'docker0', parseCidr('172.17.0.0/16')!, undefined, DEFAULT_BRIDGE_OPTIONS, {}, false);
    engine.state.networks.push(engine.network('host', 'host'), engine.network('none', 'null'));
    return engine;
  }

  networks(): readonly Network[] {
    return this.state.networks;
  }

  /** A full ID, an exact name, or a unique ID prefix, in that order, as the daemon resolves them. */
  findNetwork(reference: string): Network {
    const networks = this.state.networks;
    const found =
      networks.find((n) => n.id === reference) ??
      networks.find((n) => n.name === reference) ??
      uniquePrefixMatch(networks, reference);
    if (!found) throw new EngineError('not-found', `network ${reference} not found`);
    return found;
  }

  createNetwork(request: NetworkCreateRequest): Network {
    if (this.state.networks.some((n) => n.name === request.name)) {
      throw new EngineError('conflict', `network with name ${request.name} already exists`);
    }
    const driver = request.driver as NetworkDriver | 'overlay';
    switch (driver) {
      case 'bridge':
        return this.addBridgeNetwork(request.name, undefined, request.subnet, request.gateway, request.options, request.labels, request.internal);
      case 'host':
      case 'null':
        throw new EngineError('forbidden', `only one instance of "${driver}" network is allowed`);
      case 'overlay':
        throw new EngineError('unavailable', 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
      default:
        throw new EngineError('not-found', `plugin "${request.driver}" not found`);
    }
  }

  removeNetwork(reference: string): Network {
    const network = this.findNetwork(reference);
    if ((PREDEFINED_NETWORKS as readonly string[]).includes(network.name)) {
      throw new EngineError('forbidden', `${network.name} is a pre-defined network and cannot be removed`);
    }
    const attached = this.state.containers.flatMap((c) => c.endpoints.filter((e) => e.networkId === network.id).map((e) => ({ c, e })));
    if (attached.length > 0) {
      const endpoints = attached.map(({ c, e }) => `name:${JSON.stringify(c.name)} id:${JSON.stringify(e.endpointId.slice(0, 12))}`);
      throw new EngineError('forbidden', `error while removing network: network ${network.name} has active endpoints (${endpoints.join(', ')})`);
    }
    if (network.bridgeName) {
      apply(this.kernel, bridgeNetworkRules(network.bridgeName, network.ipam[0]!.subnet, network.internal), false);
      this.kernel.deleteLink(this.kernel.root, network.bridgeName);
    }
    this.state.networks = this.state.networks.filter((n) => n !== network);
    return network;
  }

  /** The daemon's clock, which `docker ps` compares creation and start times with. */
  now(): number {
    return this.clock.now();
  }

  containers(): readonly Container[] {
    return this.state.containers;
  }

  /** A full ID, an exact name, or a unique ID prefix, as the daemon's container view resolves them. */
  findContainer(reference: string): Container {
    const containers = this.state.containers;
    const byPrefix = containers.filter((c) => c.id.startsWith(reference));
    const found = containers.find((c) => c.id === reference) ?? containers.find((c) => c.name === reference) ?? (byPrefix.length === 1 ? byPrefix[0] : undefined);
    if (!found) throw new EngineError('not-found', `No such container: ${reference}`);
    return found;
  }

  createContainer(request: ContainerCreateRequest): Container {
    const image = imageInfo(request.image);
    if (!image) throw new EngineError('not-found', `No such image: ${request.image}`);
    if (request.name !== undefined) {
      const holder = this.state.containers.find((c) => c.name === request.name);
      if (holder) {
        throw new EngineError('conflict', `Conflict. The container name "/${request.name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`);
      }
    }
    const networks = ['host', 'none'].includes(request.networkMode) ? [] : [this.findNetwork(request.networkMode).id];
    const id = this.random.hex(64);
    const command = [...image.entrypoint, ...(request.command.length > 0 ? request.command : image.cmd)].join(' ');
    const container: Container = {
      id,
      name: request.name ?? generateName(this.random, (name) => this.state.containers.some((c) => c.name === name)),
      image: request.image,
      command,
      createdMs: this.clock.now(),
      hostname: request.hostname ?? id.slice(0, 12),
      autoRemove: request.autoRemove,
      networkMode: request.networkMode,
      status: 'created',
      exitCode: 0,
      startedMs: undefined,
      finishedMs: undefined,
      pid: undefined,
      namespaceId: undefined,
      networks,
      endpoints: [],
      staysUp: !image.shell || request.command.length > 0 || request.interactive,
      stopsOnSigterm: image.stopsOnSigterm,
      publish: request.publish,
      exposed: image.exposed.map((port) => ({ port, protocol: 'tcp' as const })),
      requestedIp: request.ip,
    };
    this.state.containers.push(container);
    return container;
  }

  /**
   * Starts the first process in a new network namespace and plugs in its networks.
   * If networking fails the container stays as it was, the error wrapped as the
   * daemon wraps it (start_linux.go).
   */
  startContainer(reference: string): Container {
    const container = this.findContainer(reference);
    if (container.status === 'running') return container;
    if (container.networkMode === 'host') {
      container.namespaceId = this.kernel.root.id;
    } else {
      const sandbox = createSandbox(this.kernel);
      container.namespaceId = sandbox.id;
      try {
        container.networks.forEach((id, index) => this.attach(container, this.findNetwork(id), index === 0 ? container.requestedIp : undefined));
      } catch (error) {
        for (const endpoint of container.endpoints) this.detach(endpoint);
        this.kernel.deleteNamespace(sandbox);
        Object.assign(container, { namespaceId: undefined, endpoints: [] });
        if (error instanceof EngineError) throw new EngineError(error.kind, `failed to set up container networking: ${error.message}`);
        throw error;
      }
    }
    this.state.lastPid += 1 + this.random.int(0, 60);
    container.pid = this.state.lastPid;
    container.status = 'running';
    container.startedMs = this.clock.now();
    if (!container.staysUp) this.exitContainer(container, 0);
    return container;
  }

  /** `docker stop`: SIGTERM, then SIGKILL after the 10-second grace period. */
  stopContainer(reference: string): Container {
    const container = this.findContainer(reference);
    if (container.status !== 'running') return container;
    if (container.stopsOnSigterm) return this.exitContainer(container, 0);
    this.clock.advance(10_000);
    return this.exitContainer(container, 137);
  }

  /** The first process ended with `exitCode`: networks unplugged, namespace gone. */
  private exitContainer(container: Container, exitCode: number): Container {
    for (const endpoint of container.endpoints) this.detach(endpoint);
    if (container.namespaceId !== undefined && container.namespaceId !== this.kernel.root.id) {
      this.kernel.deleteNamespace(this.kernel.namespace(container.namespaceId));
    }
    Object.assign(container, { status: 'exited', exitCode, finishedMs: this.clock.now(), pid: undefined, namespaceId: undefined, endpoints: [] });
    if (container.autoRemove) this.forget(container);
    return container;
  }

  removeContainer(reference: string, force: boolean): Container {
    const container = this.findContainer(reference);
    if (container.status === 'running') {
      if (!force) throw new EngineError('conflict', `cannot remove container "${reference}": container is running: stop the container before removing or force remove`);
      this.exitContainer(container, 137);
    }
    this.forget(container);
    return container;
  }

  connect(networkReference: string, containerReference: string): void {
    const network = this.findNetwork(networkReference);
    const container = this.findContainer(containerReference);
    if (container.networkMode === 'host' || network.driver === 'host') {
      throw new EngineError('invalid-parameter', 'container sharing network namespace with another container or host cannot be connected to any other network');
    }
    if (container.networkMode === 'none' || network.driver === 'null') {
      throw new EngineError('invalid-parameter', 'container cannot be connected to multiple networks with one of the networks in private (none) mode');
    }
    if (container.networks.includes(network.id)) {
      throw new EngineError('forbidden', `endpoint with name ${container.name} already exists in network ${network.name}`);
    }
    container.networks.push(network.id);
    if (container.status === 'running') this.attach(container, network, undefined);
  }

  disconnect(networkReference: string, containerReference: string): void {
    const network = this.findNetwork(networkReference);
    const container = this.findContainer(containerReference);
    if (container.networkMode === 'host' && network.driver === 'host') {
      throw new EngineError('invalid-parameter', 'cannot disconnect container from host network - container was created in host network mode');
    }
    if (!container.networks.includes(network.id)) throw new EngineError('forbidden', `container ${container.id} is not connected to network ${network.name}`);
    container.networks = container.networks.filter((id) => id !== network.id);
    const endpoint = container.endpoints.find((e) => e.networkId === network.id);
    if (endpoint) {
      this.detach(endpoint);
      container.endpoints = container.endpoints.filter((e) => e !== endpoint);
    }
  }

  private forget(container: Container): void {
    this.state.containers = this.state.containers.filter((c) => c !== container);
  }

  private attach(container: Container, network: Network, requested: Ipv4 | undefined): void {
    const config = network.ipam[0];
    if (network.driver !== 'bridge' || !config || container.namespaceId === undefined) {
      throw new EngineError('forbidden', `network ${network.name} cannot be joined by this simulator yet`);
    }
    const endpoint: Endpoint = {
      networkId: network.id,
      endpointId: this.random.hex(64),
      address: cidr(requested ?? this.freeAddress(network), config.subnet.prefix),
      gateway: config.gateway,
      mac: macFromBytes(this.random.bytes(6)),
      aliases: [],
      hostVeth: undefined,
      interfaceName: '',
      published: [],
    };
    const sandbox = this.kernel.namespace(container.namespaceId);
    let slot = 0;
    while (linkNamed(sandbox, `eth${slot}`)) slot++;
    Object.assign(endpoint, { interfaceName: `eth${slot}` });
    apply(this.kernel, directAccessRules(network.bridgeName!, endpoint.address.address, network.internal), true);
    endpoint.hostVeth = wireBridgeEndpoint(this.kernel, this.random, sandbox, network, endpoint, container.endpoints.length === 0);
    container.endpoints.push(endpoint);
    if (container.endpoints.length === 1 && container.publish.length > 0) this.publish(container, network, endpoint);
  }

  /** Allocates the container's published ports and forwards them (docker-proxy and NAT). */
  private publish(container: Container, network: Network, endpoint: Endpoint): void {
    for (const mapping of container.publish) {
      const hostIps = mapping.hostIp ? [mapping.hostIp] : ['0.0.0.0', '::'];
      const hostPort = mapping.hostPort ?? this.ephemeralPort(mapping.protocol);
      for (const hostIp of hostIps) {
        if (this.portTaken(hostIp, hostPort, mapping.protocol)) {
          throw new EngineError('unavailable', `driver failed programming external connectivity on endpoint ${container.name} (${endpoint.endpointId}): Bind for ${hostIp}:${hostPort} failed: port is already allocated`);
        }
        endpoint.published.push({ hostIp, hostPort, containerPort: mapping.containerPort, protocol: mapping.protocol });
      }
    }
    apply(this.kernel, this.portRules(network, endpoint), true);
  }

  /** Internal networks get no NAT or forwarding for published ports (iptabler setPerPortIptables). */
  private portRules(network: Network, endpoint: Endpoint): Placed[] {
    if (network.internal) return [];
    return endpoint.published
      .filter((port) => !port.hostIp.includes(':') && port.protocol !== 'sctp')
      .flatMap((port) => {
        const hostIp = port.hostIp === '0.0.0.0' ? undefined : parseIpv4(port.hostIp);
        return publishedPortRules(network.bridgeName!, endpoint.address.address, hostIp, port.hostPort, port.containerPort, port.protocol as 'tcp' | 'udp');
      });
  }

  private publishedPorts(): PublishedPort[] {
    return this.state.containers.flatMap((c) => c.endpoints.flatMap((e) => e.published));
  }

  private portTaken(hostIp: string, port: number, protocol: string): boolean {
    return isPortTaken(this.publishedPorts(), hostIp, port, protocol);
  }

  private ephemeralPort(protocol: string): number {
    const port = nextEphemeralPort(this.publishedPorts(), this.state.lastEphemeralPort, protocol);
    if (port === undefined) throw new EngineError('unavailable', 'no available ports in the ephemeral range');
    this.state.lastEphemeralPort = port;
    return port;
  }

  private detach(endpoint: Endpoint): void {
    const network = this.state.networks.find((n) => n.id === endpoint.networkId);
    if (network?.bridgeName) {
      apply(this.kernel, this.portRules(network, endpoint), false);
      apply(this.kernel, directAccessRules(network.bridgeName, endpoint.address.address, network.internal), false);
    }
    endpoint.published = [];
    unwireEndpoint(this.kernel, endpoint);
  }

  /** The lowest free address of the subnet: the allocator's bitmap is not serial by default. */
  private freeAddress(network: Network): Ipv4 {
    const config = network.ipam[0]!;
    const taken = new Set(this.state.containers.flatMap((c) => c.endpoints.filter((e) => e.networkId === network.id).map((e) => e.address.address)));
    const last = broadcastOf(config.subnet);
    for (let address = offsetIpv4(config.subnet.address, 1); address < last; address = offsetIpv4(address, 1)) {
      if (address !== config.gateway && !taken.has(address) && contains(config.subnet, address)) return address;
    }
    throw new EngineError('unavailable', `no available IPv4 addresses on this network's address pools: ${network.name} (${network.id})`);
  }

  /** Removes the custom networks no container is attached to, in creation order; returns their names. */
  pruneNetworks(): string[] {
    const unused = this.state.networks.filter(
      (network) => !(PREDEFINED_NETWORKS as readonly string[]).includes(network.name) && !this.state.containers.some((c) => c.endpoints.some((e) => e.networkId === network.id)),
    );
    for (const network of unused) this.removeNetwork(network.id);
    return unused.map((network) => network.name);
  }

  /** SIGKILL: the first process dies at once with status 137. */
  killContainer(reference: string): Container {
    const container = this.findContainer(reference);
    if (container.status !== 'running') throw new EngineError('conflict', `cannot kill container: ${reference}: container ${container.id} is not running`);
    return this.exitContainer(container, 137);
  }

  private network(name: string, driver: NetworkDriver): Network {
    return { id: this.random.hex(64), name, driver, createdMs: this.clock.now(), createdNanos: this.random.int(0, 999_999_999), internal: false, ipam: [], options: {}, labels: {}, bridgeName: undefined };
  }

  private addBridgeNetwork(
    name: string,
    bridgeName: string | undefined,
    subnet: Cidr | undefined,
    gateway: Ipv4 | undefined,
    options: Record<string, string>,
    labels: Record<string, string>,
    internal: boolean,
  ): Network {
    const chosen = subnet ? this.claimSubnet(subnet) : nextFreeSubnet(this.subnetsInUse());
    if (!chosen) throw new EngineError('forbidden', 'all predefined address pools have been fully subnetted');
    const base = this.network(name, 'bridge');
    const network: Network = {
      ...base,
      internal,
      options,
      labels,
      bridgeName: bridgeName ?? `br-${base.id.slice(0, 12)}`,
      ipam: [{ subnet: chosen, gateway: gateway ?? offsetIpv4(chosen.address, 1), ipRange: undefined }],
    };
    const root = this.kernel.root;
    apply(this.kernel, bridgeNetworkRules(network.bridgeName!, chosen, internal), true);
    this.kernel.addLink(root, { name: network.bridgeName!, kind: 'bridge' });
    this.kernel.addAddress(root, network.bridgeName!, cidr(network.ipam[0]!.gateway, chosen.prefix));
    this.kernel.setUp(root, network.bridgeName!, true);
    this.state.networks.push(network);
    return network;
  }

  /** An explicit --subnet, masked, if no other network's pool overlaps it (defaultipam allocateSubnetL). */
  private claimSubnet(requested: Cidr): Cidr {
    const subnet = networkOf(requested);
    if (this.networkPools().some((pool) => overlaps(pool, subnet))) {
      throw new EngineError('forbidden', 'invalid pool request: Pool overlaps with other one on this address space');
    }
    return subnet;
  }

  /** Subnets of existing networks and of the host's own interfaces: Docker avoids both. */
  private subnetsInUse(): Cidr[] {
    const fromHost = [...this.kernel.root.links.values()].flatMap((link) => link.addresses.map((a) => a.cidr));
    return [...this.networkPools(), ...fromHost];
  }

  private networkPools(): Cidr[] {
    return this.state.networks.flatMap((n) => n.ipam.map((config) => config.subnet));
  }
}

function uniquePrefixMatch(networks: readonly Network[], prefix: string): Network | undefined {
  const matches = networks.filter((n) => n.id.startsWith(prefix));
  if (matches.length > 1) throw new EngineError('invalid-parameter', `network ${prefix} is ambiguous (${matches.length} matches found based on ID prefix)`);
  return matches[0];
}
