import { logNetworkEvent } from './events';
import { networkOf, type Cidr } from '../wire/cidr';
import { parseGoBool } from '../wire/go-strconv';
import { formatIpv4, offsetIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import { swarmId } from './overlay-driver';
import { allEndpoints, daemonConfig, type Daemon } from './daemon';
import type { AddressPool } from './daemon-config';
import { BRIDGE_NAME } from './bridge-driver';
import { driverOf } from './driver';
import type { Driver } from './network-driver';
import { EngineError } from './errors';
import {
  firstFree,
  ipamConfigProblems,
  joinProblems,
  nextFreeSubnet,
  poolClash,
  takenInPool,
  type IpamRequest,
} from './ipam';
import { allocatePools6, ipam6ConfigProblems, type Ipam6Request } from './ipam6';
import type { Ipv6Cidr } from '../wire/ipv6';
import type { Endpoint } from './container';
import { PREDEFINED_NETWORKS, type IpamConfig, type Network, type NetworkDriver } from './network';

/** POST /networks/create as docker/cli sends it. */
export interface NetworkCreateRequest {
  name: string;
  driver: string;
  /** IPAM.Config: empty for a subnet from the default pools. */
  ipam: readonly IpamRequest[];
  /** IPAM.Config's IPv6 entries (--subnet 2001:db8::/64 and its --gateway); ignored unless IPv6 is enabled. */
  ipam6?: readonly Ipam6Request[];
  internal: boolean;
  attachable: boolean;
  /** --ingress: a swarm routing-mesh network. */
  ingress: boolean;
  /** --scope; empty for the driver's own. */
  scope: string;
  /** --ipv4 and --ipv6 when given; otherwise the driver options may say. */
  enableIpv4: boolean | undefined;
  enableIpv6: boolean | undefined;
  labels: Record<string, string>;
  options: Record<string, string>;
}

const DRIVERS: readonly string[] = ['bridge', 'host', 'null', 'macvlan', 'ipvlan'] satisfies readonly NetworkDriver[];

/** A full ID, an exact name, or a unique ID prefix, in that order, as the daemon resolves them. */
export function findNetwork(daemon: Daemon, reference: string): Network {
  const networks = daemon.state.networks;
  const found =
    networks.find((n) => n.id === reference) ??
    networks.find((n) => n.name === reference) ??
    uniquePrefixMatch(networks, reference);
  if (!found) throw new EngineError('not-found', `network ${reference} not found`);
  return found;
}

/**
 * The daemon's createNetwork and libnetwork's NewNetwork, checks in their order:
 * predefined names, swarm-only drivers, the IPAM configuration, the name, the
 * driver; then IPAM takes the pools and the gateway, and the driver sets up the host.
 */
export function createNetwork(daemon: Daemon, request: NetworkCreateRequest): Network {
  if (['bridge', 'host', 'none', 'default'].includes(request.name)) {
    throw new EngineError('forbidden', `operation is not permitted on predefined ${request.name} network `);
  }
  if (request.driver === 'overlay' && !daemon.state.swarm) {
    throw new EngineError(
      'forbidden',
      'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.',
    );
  }
  const options = { ...request.options };
  const enableIpv4 = familyEnabled(options, 'com.docker.network.enable_ipv4', request.enableIpv4, true);
  const enableIpv6 = familyEnabled(options, 'com.docker.network.enable_ipv6', request.enableIpv6, false);
  // validateIpamConfig skips the IPv6 entries of a network without IPv6, and libnetwork never allocates them.
  const requests6 = enableIpv6 ? (request.ipam6 ?? []) : [];
  const problems = [...ipamConfigProblems(request.ipam), ...ipam6ConfigProblems(requests6)];
  if (problems.length > 0)
    throw new EngineError('invalid-parameter', `invalid network config:\n${joinProblems(problems)}`);
  if (daemon.state.networks.some((n) => n.name === request.name)) {
    throw new EngineError('conflict', `network with name ${request.name} already exists`);
  }
  if (request.driver === 'overlay') return createSwarmNetwork(daemon, request, options, enableIpv4, enableIpv6);
  if (!DRIVERS.includes(request.driver)) throw new EngineError('not-found', `plugin "${request.driver}" not found`);
  checkScope(request, daemon.state.swarm !== undefined);
  const name = request.driver as NetworkDriver;
  const driver = driverOf(name);
  if (!driver) throw new EngineError('forbidden', `only one instance of "${request.driver}" network is allowed`);
  // bridge_linux.go CreateNetwork: one family at least. An IPv6-only bridge (Engine 28+) gets no IPv4 pool, address or rule.
  if (!enableIpv4 && !enableIpv6 && name === 'bridge')
    throw new EngineError('invalid-parameter', 'IPv4 or IPv6 must be enabled');
  if (!enableIpv4 && name !== 'bridge')
    throw new EngineError('forbidden', `${name} networks without IPv4 are not available in this simulator yet`);
  if (enableIpv6 && name !== 'bridge')
    throw new EngineError('forbidden', `IPv6 on ${name} networks is not available in this simulator yet`);
  // Network.ipamAllocate allocates the IPv4 pools only with IPv4 enabled: --subnet's IPv4 entries are then ignored.
  const ipam = enableIpv4 ? allocatePools(daemon, request.ipam, driver) : [];
  const ipam6 = enableIpv6 ? allocatePools6(daemon, requests6) : [];
  const { internal, attachable, labels } = request;
  return addNetwork(daemon, driver, {
    ...newNetwork(daemon, request.name, name),
    internal,
    attachable,
    labels,
    options,
    ipam,
    ...(enableIpv6 ? { ipam6 } : {}),
  });
}

/**
 * A swarm-scoped network: libnetwork answers ManagerRedirectError and the
 * swarm's manager makes it (cluster.CreateNetwork): a 25-character ID, the
 * next VXLAN ID from 4096 (ovmanager NetworkAllocate, in DriverState's
 * options), and a /24 of 10.0.0.0/8, the swarm's own pool, which only other
 * swarm networks take from (ipamutils globalScopeDefaultNetworks).
 */
function createSwarmNetwork(
  daemon: Daemon,
  request: NetworkCreateRequest,
  options: Record<string, string>,
  enableIpv4: boolean,
  enableIpv6: boolean,
): Network {
  // libnetwork NewNetwork, on a manager, before it redirects the request to the swarm.
  if (!enableIpv4) throw new EngineError('invalid-parameter', 'IPv4 cannot be disabled in a Swarm scoped network');
  if (enableIpv6)
    throw new EngineError('forbidden', 'overlay networks with IPv6 are not available in this simulator yet');
  if (request.ingress)
    throw new EngineError('forbidden', 'a second ingress network is not available in this simulator yet');
  const swarmNetworks = daemon.state.networks.filter((network) => network.swarm);
  const vxlanId = Math.max(4095, ...swarmNetworks.map((network) => network.swarm!.vxlanId)) + 1;
  const ipam = allocateSwarmPools(
    swarmNetworks.flatMap((network) => network.ipam),
    request.ipam,
  );
  const network: Network = {
    ...newNetwork(daemon, request.name, 'overlay'),
    id: swarmId(daemon.random),
    internal: request.internal,
    attachable: request.attachable,
    labels: request.labels,
    options: { ...options, [VXLAN_ID_LIST]: String(vxlanId) },
    ipam,
    swarm: { vxlanId, ingress: false },
  };
  daemon.state.networks.push(network);
  logNetworkEvent(daemon, network, 'create');
  return network;
}

/** The option ovmanager reports a network's VXLAN IDs in (netlabel.OverlayVxlanIDList). */
export const VXLAN_ID_LIST = 'com.docker.network.driver.overlay.vxlanid_list';

/** allocatePools of cnmallocator: the subnet asked for unless a swarm network has it, else the next free /24 of 10.0.0.0/8; the gateway asked for or the first address. */
export function allocateSwarmPools(taken: readonly IpamConfig[], requests: readonly IpamRequest[]): IpamConfig[] {
  if (requests.length === 0) {
    const subnet = nextFreeSubnet(
      taken.map((config) => config.subnet),
      [SWARM_POOL],
    );
    if (!subnet) throw new EngineError('forbidden', 'all predefined address pools have been fully subnetted');
    return [{ subnet, ipRange: undefined, gateway: offsetIpv4(subnet.address, 1), auxAddresses: {} }];
  }
  return requests.map((request) => {
    const subnet = networkOf(request.subnet);
    if (poolClash(taken, subnet, undefined))
      throw new EngineError('forbidden', 'invalid pool request: Pool overlaps with other one on this address space');
    return {
      subnet,
      ipRange: request.ipRange && networkOf(request.ipRange),
      gateway: request.gateway ?? offsetIpv4(subnet.address, 1),
      auxAddresses: { ...request.auxAddresses },
    };
  });
}

/** ipamutils globalScopeDefaultNetworks: 10.0.0.0/8 in /24s (`docker swarm init --default-addr-pool` is not modelled). */
const SWARM_POOL: AddressPool = { base: { address: parseIpv4('10.0.0.0')!, prefix: 8 }, size: 24 };

/**
 * EnableIPv4 and EnableIPv6: the flag when given (its driver option then goes,
 * so inspect does not contradict it), else the driver option, else the default.
 */
function familyEnabled(
  options: Record<string, string>,
  key: string,
  flag: boolean | undefined,
  fallback: boolean,
): boolean {
  if (flag !== undefined) {
    delete options[key];
    return flag;
  }
  const value = options[key];
  if (value === undefined) return fallback;
  const parsed = parseGoBool(value);
  if (parsed !== undefined) return parsed;
  throw new EngineError('invalid-parameter', `driver-opt "${key}" is not a valid bool`);
}

/** NewNetwork's scope checks for the drivers that keep their data locally (every one but overlay). */
function checkScope(request: NetworkCreateRequest, swarmActive: boolean): void {
  if (request.ingress) throw new EngineError('forbidden', 'Ingress network can only be global scope network');
  if (request.scope === 'swarm' && !swarmActive)
    throw new EngineError('forbidden', 'cannot create a swarm scoped network when swarm is not active');
  if (request.scope === 'swarm')
    throw new EngineError(
      'forbidden',
      `swarm-scoped ${request.driver} networks are not available in this simulator yet`,
    );
  if (request.scope !== '' && request.scope !== 'local')
    throw new EngineError('forbidden', `networks of scope ${request.scope} are not available in this simulator yet`);
}

/**
 * docker_gwbridge, made the first time a sandbox needs it (default_gateway_linux.go
 * createGWNetwork): a bridge network of the local pools with ICC off and masquerading on.
 */
export function gatewayBridge(daemon: Daemon): Network {
  const existing = daemon.state.networks.find((network) => network.name === GATEWAY_BRIDGE);
  if (existing) return existing;
  const options = {
    [BRIDGE_NAME]: GATEWAY_BRIDGE,
    'com.docker.network.bridge.enable_icc': 'false',
    'com.docker.network.bridge.enable_ip_masquerade': 'true',
  };
  return createNetwork(daemon, {
    name: GATEWAY_BRIDGE,
    driver: 'bridge',
    ipam: [],
    internal: false,
    attachable: false,
    ingress: false,
    scope: '',
    enableIpv4: true,
    enableIpv6: false,
    labels: {},
    options,
  });
}

/** libnGWNetwork. */
export const GATEWAY_BRIDGE = 'docker_gwbridge';

/** dockerd's default bridge: docker0 with its subnet and gateway (172.17.0.1/16 unless daemon.json says) and the options it reports. */
export function addDefaultBridge(
  daemon: Daemon,
  options: Record<string, string>,
  subnet: Cidr,
  gateway: Ipv4,
  ipv6?: { fixedCidrV6: Ipv6Cidr | undefined },
): Network {
  // daemon.json `ipv6`: the default bridge is dual-stack, on `fixed-cidr-v6` or else a /64 of the default IPv6 pool (bridge_linux.go, daemon_unix.go initBridgeDriver).
  const ipam6 = ipv6
    ? allocatePools6(daemon, ipv6.fixedCidrV6 ? [{ subnet: ipv6.fixedCidrV6, gateway: undefined }] : [])
    : undefined;
  const network: Network = {
    ...newNetwork(daemon, 'bridge', 'bridge'),
    options,
    ipam: [{ subnet, ipRange: undefined, gateway, auxAddresses: {} }],
    ...(ipam6 ? { ipam6 } : {}),
  };
  const created = driverOf('bridge')!.create(daemon, network);
  daemon.state.networks.unshift(created);
  return created;
}

/**
 * docker0's subnet without `bip`: the first of the pools that no other network
 * and no host route uses (initBridgeDriver asks IPAM like any network does).
 */
export function defaultBridgeSubnet(daemon: Daemon, pools: readonly AddressPool[] | undefined): Cidr {
  const subnet = nextFreeSubnet(subnetsInUse(daemon), pools);
  if (!subnet) throw new EngineError('forbidden', 'all predefined address pools have been fully subnetted');
  return subnet;
}

function addNetwork(daemon: Daemon, driver: Driver, network: Network): Network {
  const created = driver.create(daemon, network);
  daemon.state.networks.push(created);
  logNetworkEvent(daemon, created, 'create');
  return created;
}

/**
 * IPAM's part (libnetwork ipamAllocate): a pool per requested subnet, or the
 * first free default one; the gateway asked for, or the first free address when
 * the driver wants one; then the auxiliary addresses.
 */
function allocatePools(daemon: Daemon, requests: readonly IpamRequest[], driver: Driver): IpamConfig[] {
  if (requests.length === 0) {
    const subnet = nextFreeSubnet(subnetsInUse(daemon), daemonConfig(daemon).defaultAddressPools);
    if (!subnet) throw new EngineError('forbidden', 'all predefined address pools have been fully subnetted');
    return [
      {
        subnet,
        ipRange: undefined,
        gateway: driver.needsGateway ? offsetIpv4(subnet.address, 1) : undefined,
        auxAddresses: {},
      },
    ];
  }
  const endpoints = allEndpoints(daemon);
  const configs: IpamConfig[] = [];
  for (const request of requests) {
    const subnet = networkOf(request.subnet);
    const ipRange = request.ipRange && networkOf(request.ipRange);
    if (poolClash([...networkPools(daemon), ...configs], subnet, ipRange)) {
      throw new EngineError('forbidden', 'invalid pool request: Pool overlaps with other one on this address space');
    }
    const taken = takenInPool(subnet, daemon.state.networks, endpoints);
    const gateway = gatewayOf(request, { subnet, ipRange }, taken, driver);
    configs.push({
      subnet,
      ipRange,
      gateway,
      auxAddresses: reserveAuxiliary(
        request.auxAddresses,
        gateway === undefined ? taken : new Set([...taken, gateway]),
      ),
    });
  }
  return configs;
}

/** The gateway IPAM reserves: the one asked for if it is free, or the first free address of the range. */
function gatewayOf(
  request: IpamRequest,
  pool: Pick<IpamConfig, 'subnet' | 'ipRange'>,
  taken: ReadonlySet<Ipv4>,
  driver: Driver,
): IpamConfig['gateway'] {
  const asked = request.gateway;
  if (asked !== undefined && taken.has(asked))
    throw new EngineError('system', `failed to allocate gateway (${formatIpv4(asked)}): Address already in use`);
  if (asked !== undefined || !driver.needsGateway) return asked;
  const gateway = firstFree(pool, taken);
  if (gateway === undefined)
    throw new EngineError('system', 'failed to allocate gateway (): no available addresses on this pool');
  return gateway;
}

/**
 * ipamAllocateVersion reserves each auxiliary address in the pool after the
 * gateway (RequestAddress with it as the preferred address): one the pool
 * already holds fails as defaultipam's ErrIPAlreadyAllocated.
 */
function reserveAuxiliary(requested: Readonly<Record<string, Ipv4>>, taken: ReadonlySet<Ipv4>): Record<string, Ipv4> {
  const held = new Set(taken);
  for (const [name, address] of Object.entries(requested)) {
    if (held.has(address))
      throw new EngineError(
        'system',
        `failed to allocate secondary ip address (${name}:${formatIpv4(address)}): Address already in use`,
      );
    held.add(address);
  }
  return { ...requested };
}

export function isPredefined(network: Network): boolean {
  return (PREDEFINED_NETWORKS as readonly string[]).includes(network.name);
}

export function hasEndpoints(daemon: Daemon, network: Network): boolean {
  return allEndpoints(daemon).some((e) => e.networkId === network.id);
}

export function removeNetwork(daemon: Daemon, reference: string): Network {
  const network = findNetwork(daemon, reference);
  if (isPredefined(network)) {
    throw new EngineError('forbidden', `${network.name} is a pre-defined network and cannot be removed`);
  }
  const attached = daemon.state.containers.flatMap((c) =>
    c.endpoints.filter((e) => e.networkId === network.id).map((e) => ({ c, e })),
  );
  if (network.swarm)
    checkSwarmRemoval(
      network,
      attached.map(({ e }) => e),
    );
  if (attached.length > 0) {
    const endpoints = attached.map(
      ({ c, e }) => `name:${JSON.stringify(c.name)} id:${JSON.stringify(e.endpointId.slice(0, 12))}`,
    );
    throw new EngineError(
      'forbidden',
      `error while removing network: network ${network.name} has active endpoints (${endpoints.join(', ')})`,
    );
  }
  driverOf(network.driver)?.remove(daemon, network);
  daemon.state.networks = daemon.state.networks.filter((n) => n !== network);
  logNetworkEvent(daemon, network, 'destroy');
  return network;
}

/**
 * The manager's RemoveNetwork (swarmkit controlapi): refused while a task uses
 * the network, as each container attached here does through its attachment
 * task. ~: removing `ingress` asks for confirmation first in the CLI, and is not modelled.
 */
function checkSwarmRemoval(network: Network, attached: readonly Endpoint[]): void {
  if (network.swarm!.ingress)
    throw new EngineError('forbidden', 'netsim: removing the ingress network is not simulated yet');
  const task = attached.find((endpoint) => endpoint.swarmTask !== undefined)?.swarmTask;
  if (task)
    throw new EngineError(
      'forbidden',
      `rpc error: code = FailedPrecondition desc = network ${network.id} is in use by task ${task}`,
    );
}

/** Removes the custom networks no container is attached to, in creation order; returns their names. The routing mesh's ingress is removed only by name (clusterNetworksPrune). */
export function pruneNetworks(daemon: Daemon, matches: (network: Network) => boolean = () => true): string[] {
  const unused = daemon.state.networks.filter(
    (network) =>
      !isPredefined(network) && !network.swarm?.ingress && matches(network) && !hasEndpoints(daemon, network),
  );
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
    attachable: false,
    ipam: [],
    options: {},
    labels: {},
    bridgeName: undefined,
    parent: undefined,
  };
}

/** Subnets of existing networks and of the host's own interfaces: Docker avoids both. */
function subnetsInUse(daemon: Daemon): Cidr[] {
  const fromHost = [...daemon.kernel.root.links.values()].flatMap((link) => link.addresses.map((a) => a.cidr));
  return [...networkPools(daemon).map((config) => config.subnet), ...fromHost];
}

/** The local address space's pools: swarm networks draw from the swarm's own (allocateSwarmPools), and may overlap them. */
function networkPools(daemon: Daemon): IpamConfig[] {
  return daemon.state.networks.filter((n) => !n.swarm).flatMap((n) => n.ipam);
}

function uniquePrefixMatch(networks: readonly Network[], prefix: string): Network | undefined {
  const matches = networks.filter((n) => n.id.startsWith(prefix));
  if (matches.length > 1)
    throw new EngineError(
      'invalid-parameter',
      `network ${prefix} is ambiguous (${matches.length} matches found based on ID prefix)`,
    );
  return matches[0];
}
