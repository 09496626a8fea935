import type { VirtualClock } from '../clock';
import type { Kernel } from '../kernel/kernel';
import type { SeededRandom } from '../random';
import { cidr, networkOf, overlaps, parseCidr, type Cidr } from '../wire/cidr';
import { offsetIpv4, type Ipv4 } from '../wire/ipv4';
import { EngineError } from './errors';
import { nextFreeSubnet } from './ipam';
import { PREDEFINED_NETWORKS, type Network, type NetworkDriver } from './network';

export interface EngineState {
  networks: Network[];
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
    const engine = new Engine({ networks: [] }, kernel, random, clock);
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
    if (network.bridgeName) this.kernel.deleteLink(this.kernel.root, network.bridgeName);
    this.state.networks = this.state.networks.filter((n) => n !== network);
    return network;
  }

  private network(name: string, driver: NetworkDriver): Network {
    return { id: this.random.hex(64), name, driver, createdMs: this.clock.now(), internal: false, ipam: [], options: {}, labels: {}, bridgeName: undefined };
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
    this.kernel.addLink(root, { name: network.bridgeName!, kind: 'bridge' });
    this.kernel.addAddress(root, network.bridgeName!, cidr(network.ipam[0]!.gateway, chosen.prefix));
    this.kernel.setUp(root, network.bridgeName!, true);
    this.state.networks.push(network);
    return network;
  }

  /** An explicit --subnet, masked, if no other network's pool overlaps it (defaultipam allocateSubnetL). */
  private claimSubnet(requested: Cidr): Cidr {
    const subnet = networkOf(requested);
    const pools = this.state.networks.flatMap((n) => n.ipam.map((config) => config.subnet));
    if (pools.some((pool) => overlaps(pool, subnet))) {
      throw new EngineError('forbidden', 'invalid pool request: Pool overlaps with other one on this address space');
    }
    return subnet;
  }

  /** Subnets of existing networks and of the host's own interfaces: Docker avoids both. */
  private subnetsInUse(): Cidr[] {
    const fromNetworks = this.state.networks.flatMap((n) => n.ipam.map((config) => config.subnet));
    const fromHost = [...this.kernel.root.links.values()].flatMap((link) => link.addresses.map((a) => a.cidr));
    return [...fromNetworks, ...fromHost];
  }
}

function uniquePrefixMatch(networks: readonly Network[], prefix: string): Network | undefined {
  const matches = networks.filter((n) => n.id.startsWith(prefix));
  if (matches.length > 1) throw new EngineError('invalid-parameter', `network ${prefix} is ambiguous (${matches.length} matches found based on ID prefix)`);
  return matches[0];
}
