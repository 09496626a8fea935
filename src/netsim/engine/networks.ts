import { cidr, networkOf, overlaps, type Cidr } from '../wire/cidr';
import { offsetIpv4, type Ipv4 } from '../wire/ipv4';
import type { Daemon } from './daemon';
import { EngineError } from './errors';
import { apply, bridgeNetworkRules } from './firewall';
import { nextFreeSubnet } from './ipam';
import { PREDEFINED_NETWORKS, type Network, type NetworkDriver } from './network';

export interface NetworkCreateRequest {
  name: string;
  driver: string;
  subnet: Cidr | undefined;
  gateway: Ipv4 | undefined;
  internal: boolean;
  labels: Record<string, string>;
  options: Record<string, string>;
}

export interface BridgeSpec {
  name: string;
  /** docker0 for the default network; br-<12 hex> otherwise. */
  bridgeName: string | undefined;
  subnet: Cidr | undefined;
  gateway: Ipv4 | undefined;
  options: Record<string, string>;
  labels: Record<string, string>;
  internal: boolean;
}

/** A full ID, an exact name, or a unique ID prefix, in that order, as the daemon resolves them. */
export function findNetwork(daemon: Daemon, reference: string): Network {
  const networks = daemon.state.networks;
  const found = networks.find((n) => n.id === reference) ?? networks.find((n) => n.name === reference) ?? uniquePrefixMatch(networks, reference);
  if (!found) throw new EngineError('not-found', `network ${reference} not found`);
  return found;
}

export function createNetwork(daemon: Daemon, request: NetworkCreateRequest): Network {
  if (daemon.state.networks.some((n) => n.name === request.name)) {
    throw new EngineError('conflict', `network with name ${request.name} already exists`);
  }
  const driver = request.driver as NetworkDriver | 'overlay';
  switch (driver) {
    case 'bridge':
      return addBridgeNetwork(daemon, { ...request, bridgeName: undefined });
    case 'host':
    case 'null':
      throw new EngineError('forbidden', `only one instance of "${driver}" network is allowed`);
    case 'overlay':
      throw new EngineError('unavailable', 'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
    default:
      throw new EngineError('not-found', `plugin "${request.driver}" not found`);
  }
}

export function isPredefined(network: Network): boolean {
  return (PREDEFINED_NETWORKS as readonly string[]).includes(network.name);
}

export function hasEndpoints(daemon: Daemon, network: Network): boolean {
  return daemon.state.containers.some((c) => c.endpoints.some((e) => e.networkId === network.id));
}

export function removeNetwork(daemon: Daemon, reference: string): Network {
  const network = findNetwork(daemon, reference);
  if (isPredefined(network)) {
    throw new EngineError('forbidden', `${network.name} is a pre-defined network and cannot be removed`);
  }
  const attached = daemon.state.containers.flatMap((c) => c.endpoints.filter((e) => e.networkId === network.id).map((e) => ({ c, e })));
  if (attached.length > 0) {
    const endpoints = attached.map(({ c, e }) => `name:${JSON.stringify(c.name)} id:${JSON.stringify(e.endpointId.slice(0, 12))}`);
    throw new EngineError('forbidden', `error while removing network: network ${network.name} has active endpoints (${endpoints.join(', ')})`);
  }
  if (network.bridgeName) {
    apply(daemon.kernel, bridgeNetworkRules(network.bridgeName, network.ipam[0]!.subnet, network.internal), false);
    daemon.kernel.deleteLink(daemon.kernel.root, network.bridgeName);
  }
  daemon.state.networks = daemon.state.networks.filter((n) => n !== network);
  return network;
}

/** Removes the custom networks no container is attached to, in creation order; returns their names. */
export function pruneNetworks(daemon: Daemon): string[] {
  const unused = daemon.state.networks.filter((network) => !isPredefined(network) && !hasEndpoints(daemon, network));
  for (const network of unused) removeNetwork(daemon, network.id);
  return unused.map((network) => network.name);
}

export function newNetwork(daemon: Daemon, name: string, driver: NetworkDriver): Network {
  return {
    id: daemon.random.hex(64),
    name,
    driver,
    createdMs: daemon.clock.now(),
    createdNanos: daemon.random.int(0, 999_999_999),
    internal: false,
    ipam: [],
    options: {},
    labels: {},
    bridgeName: undefined,
  };
}

/** A bridge network: its subnet claimed, its Linux bridge up with the gateway address, its rules in place. */
export function addBridgeNetwork(daemon: Daemon, spec: BridgeSpec): Network {
  const chosen = spec.subnet ? claimSubnet(daemon, spec.subnet) : nextFreeSubnet(subnetsInUse(daemon));
  if (!chosen) throw new EngineError('forbidden', 'all predefined address pools have been fully subnetted');
  const base = newNetwork(daemon, spec.name, 'bridge');
  const network: Network = {
    ...base,
    internal: spec.internal,
    options: spec.options,
    labels: spec.labels,
    bridgeName: spec.bridgeName ?? `br-${base.id.slice(0, 12)}`,
    ipam: [{ subnet: chosen, gateway: spec.gateway ?? offsetIpv4(chosen.address, 1), ipRange: undefined }],
  };
  const { kernel } = daemon;
  const root = kernel.root;
  apply(kernel, bridgeNetworkRules(network.bridgeName!, chosen, spec.internal), true);
  kernel.addLink(root, { name: network.bridgeName!, kind: 'bridge' });
  kernel.addAddress(root, network.bridgeName!, cidr(network.ipam[0]!.gateway, chosen.prefix));
  kernel.setUp(root, network.bridgeName!, true);
  daemon.state.networks.push(network);
  return network;
}

/** An explicit --subnet, masked, if no other network's pool overlaps it (defaultipam allocateSubnetL). */
function claimSubnet(daemon: Daemon, requested: Cidr): Cidr {
  const subnet = networkOf(requested);
  if (networkPools(daemon).some((pool) => overlaps(pool, subnet))) {
    throw new EngineError('forbidden', 'invalid pool request: Pool overlaps with other one on this address space');
  }
  return subnet;
}

/** Subnets of existing networks and of the host's own interfaces: Docker avoids both. */
function subnetsInUse(daemon: Daemon): Cidr[] {
  const fromHost = [...daemon.kernel.root.links.values()].flatMap((link) => link.addresses.map((a) => a.cidr));
  return [...networkPools(daemon), ...fromHost];
}

function networkPools(daemon: Daemon): Cidr[] {
  return daemon.state.networks.flatMap((n) => n.ipam.map((config) => config.subnet));
}

function uniquePrefixMatch(networks: readonly Network[], prefix: string): Network | undefined {
  const matches = networks.filter((n) => n.id.startsWith(prefix));
  if (matches.length > 1) throw new EngineError('invalid-parameter', `network ${prefix} is ambiguous (${matches.length} matches found based on ID prefix)`);
  return matches[0];
}
