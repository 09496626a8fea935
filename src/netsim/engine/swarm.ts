import type { Link } from '../kernel/link';
import { linkNamed } from '../kernel/namespace';
import { cidr, parseCidr } from '../wire/cidr';
import { formatIpv4, parseIpv4 } from '../wire/ipv4';
import { formatIpv6, isIpv6Text, parseIpv6 } from '../wire/ipv6';
import type { Endpoint } from './container';
import type { Daemon } from './daemon';
import { driverOf } from './driver';
import { allocateAddress } from './endpoints';
import { EngineError } from './errors';
import type { Network } from './network';
import { allocateSwarmPools, gatewayBridge, newNetwork, VXLAN_ID_LIST } from './networks';
import { swarmId } from './overlay-driver';
import { createSandbox } from './sandbox';
import type { SwarmState } from './swarm-state';
import { removeAllTasks } from './swarm-services';

/** POST /swarm/init as docker/cli sends it (cli/command/swarm/init.go): the flags the simulator reads. */
export interface SwarmInitRequest {
  /** --listen-addr, `0.0.0.0:2377` unless given (NewListenAddrOption). */
  readonly listenAddr: string;
  /** --advertise-addr; empty to let the daemon choose. */
  readonly advertiseAddr: string;
  readonly forceNewCluster: boolean;
}

/** daemon/cluster's configError texts (listen_addr.go). */
const ERRORS = {
  noIp: "could not find the system's IP address",
  mustSpecifyListenAddr:
    "must specify a listening address because the address to advertise is not recognized as a system address, and a system's IP address to use could not be uniquely identified",
  badListenAddr: 'listen address must be an IP address or network interface (with optional port number)',
  badAdvertiseAddr: 'advertise address must be a non-zero IP address or network interface (with optional port number)',
  swarmExists:
    'This node is already part of a swarm. Use "docker swarm leave" to leave this swarm and join another one.',
  noSwarm: 'This node is not part of a swarm',
  lastManager:
    'You are attempting to leave the swarm on a node that is participating as a manager. Removing the last manager erases all current state of the swarm. Use `--force` to ignore this message. ',
} as const;

const invalid = (message: string) => new EngineError('invalid-parameter', message);

/** Go's net.SplitHostPort for the forms the flags take: `host:port` or `[v6]:port`; undefined when there is no port. */
function splitHostPort(text: string): { host: string; port: string } | undefined {
  const bracketed = /^\[([^\]]*)\]:([^:]*)$/.exec(text);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2]! };
  const colon = text.lastIndexOf(':');
  if (colon < 0 || text.indexOf(':') !== colon) return undefined;
  return { host: text.slice(0, colon), port: text.slice(colon + 1) };
}

/** An interface's addresses as text, IPv4 first; IPv6 link-local ones are no use to a swarm. */
function addressesOf(link: Link): { v4: string[]; v6: string[] } {
  const v6 = (link.addresses6 ?? [])
    .map((a) => a.address)
    .filter((a) => !a.toLowerCase().startsWith('fe80') && a !== '::1');
  return { v4: link.addresses.map((a) => formatIpv4(a.cidr.address)), v6 };
}

/** resolveInterfaceAddr: the one IPv4 address of the interface, else its one IPv6 address. */
function interfaceAddress(link: Link): string {
  const { v4, v6 } = addressesOf(link);
  if (v4.length > 1) throw invalid(`interface ${link.name} has more than one IPv4 address (${v4[0]} and ${v4[1]})`);
  if (v6.length > 1) throw invalid(`interface ${link.name} has more than one IPv6 address (${v6[0]} and ${v6[1]})`);
  const address = v4[0] ?? v6[0];
  if (address === undefined) throw invalid(`interface ${link.name} has no usable IPv4 or IPv6 address`);
  return address;
}

/** resolveInputIPAddr: an interface's name, else an IP address (the unspecified one only where a listen address may be). */
function resolveInput(daemon: Daemon, input: string, unspecifiedValid: boolean, badIdentifier: string): string {
  const link = linkNamed(daemon.kernel.root, input);
  if (link) return interfaceAddress(link);
  const v4 = parseIpv4(input);
  if (v4 !== undefined && (unspecifiedValid || v4 !== 0)) return formatIpv4(v4);
  const v6 = isIpv6Text(input) ? parseIpv6(input) : undefined;
  if (v6 !== undefined && (unspecifiedValid || v6 !== 0n)) return formatIpv6(v6);
  throw invalid(badIdentifier);
}

/** A global unicast address (Go's IP.IsGlobalUnicast): not loopback, link-local, multicast or unspecified. */
function isGlobalUnicast(address: string): boolean {
  if (address.includes(':')) return !/^(fe[89ab]|ff)/i.test(address) && address !== '::1' && address !== '::';
  const v4 = parseIpv4(address)!;
  const inside = (range: string) => {
    const c = parseCidr(range)!;
    return v4 >>> (32 - c.prefix) === c.address >>> (32 - c.prefix);
  };
  return !['127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4', '0.0.0.0/8'].some(inside) && address !== '255.255.255.255';
}

/**
 * resolveSystemAddr (listen_addr_linux.go): the one global unicast address of
 * the host's physical interfaces that are up, IPv4 before IPv6 on one interface;
 * two are the user's to choose between.
 */
function systemAddress(daemon: Daemon): string {
  let chosen: { address: string; name: string } | undefined;
  for (const link of [...daemon.kernel.root.links.values()].sort((a, b) => a.index - b.index)) {
    if (link.kind !== 'ether' || !link.up) continue;
    const { v4, v6 } = addressesOf(link);
    const global4 = v4.filter(isGlobalUnicast);
    const global6 = v6.filter(isGlobalUnicast);
    if (global4.length > 1)
      throw invalid(
        `could not choose an IP address to advertise since this system has multiple addresses on interface ${link.name} (${global4[0]} and ${global4[1]})`,
      );
    if (global6.length > 1)
      throw invalid(
        `could not choose an IP address to advertise since this system has multiple addresses on interface ${link.name} (${global6[0]} and ${global6[1]})`,
      );
    const address = global4[0] ?? global6[0];
    if (address === undefined) continue;
    if (chosen)
      throw invalid(
        `could not choose an IP address to advertise since this system has multiple addresses on different interfaces (${chosen.address} on ${chosen.name} and ${address} on ${link.name})`,
      );
    chosen = { address, name: link.name };
  }
  if (!chosen) throw invalid(ERRORS.noIp);
  return chosen.address;
}

/**
 * swarmkit's join tokens (ca.GenerateJoinToken): SWMTKN-1-, the root CA's
 * SHA-256 digest in base 36 padded to 50, and 16 random bytes in base 36 padded
 * to 25. The CA is not modelled: its digest is drawn from the seed.
 */
function joinToken(daemon: Daemon, digest: bigint): string {
  const secret = daemon.random.bytes(16).reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n);
  return `SWMTKN-1-${digest.toString(36).padStart(50, '0')}-${secret.toString(36).padStart(25, '0')}`;
}

/**
 * Cluster.Init on a node in no swarm: the listen and advertise addresses
 * resolved as the daemon does, a new single-manager swarm, its ingress network
 * (10.0.0.0/24, VXLAN 4096) and the ingress sandbox with docker_gwbridge.
 */
export function swarmInit(daemon: Daemon, request: SwarmInitRequest): SwarmState {
  if (daemon.state.swarm && !request.forceNewCluster) throw new EngineError('unavailable', ERRORS.swarmExists);
  const listen = splitHostPort(request.listenAddr);
  if (!listen) throw invalid(`could not parse listen address ${request.listenAddr}`);
  const listenHost = resolveInput(daemon, listen.host, true, ERRORS.badListenAddr);
  const advertised =
    request.advertiseAddr === ''
      ? undefined
      : (splitHostPort(request.advertiseAddr) ?? { host: request.advertiseAddr, port: listen.port });
  const advertiseAddr = advertised
    ? resolveInput(daemon, advertised.host, false, ERRORS.badAdvertiseAddr)
    : systemAddress(daemon);
  // A wildcard listen address needs the advertised one to be the host's, or else one the host can name.
  if (listenHost === '0.0.0.0' || listenHost === '::') {
    const own = [...daemon.kernel.root.links.values()].some((link) =>
      [...addressesOf(link).v4, ...addressesOf(link).v6].includes(advertiseAddr),
    );
    if (!own) {
      try {
        systemAddress(daemon);
      } catch {
        throw invalid(ERRORS.mustSpecifyListenAddr);
      }
    }
  }
  if (daemon.state.swarm) leave(daemon);
  const digest = daemon.random.bytes(32).reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n);
  const swarm: SwarmState = {
    nodeId: swarmId(daemon.random),
    clusterId: swarmId(daemon.random),
    advertiseAddr,
    advertisePort: Number(advertised?.port ?? listen.port),
    createdMs: daemon.clock.now(),
    networkDbNodeId: daemon.random.hex(12),
    workerToken: joinToken(daemon, digest),
    managerToken: joinToken(daemon, digest),
    ingressSandbox: undefined,
    services: [],
  };
  daemon.state.swarm = swarm;
  setUpIngress(daemon, swarm);
  return swarm;
}

/**
 * swarmkit's default ingress network (allocator newIngressNetwork: 10.0.0.0/24,
 * VXLAN 4096) and the daemon's setupIngress: the ingress-sbox namespace joins
 * it as ingress-endpoint, with this node's address on it (10.0.0.2), and joins
 * docker_gwbridge as gateway_ingress-sbox, which gives it its way out.
 */
function setUpIngress(daemon: Daemon, swarm: SwarmState): void {
  const vxlanId = 4096;
  const ipam = allocateSwarmPools(
    [],
    [{ subnet: parseCidr('10.0.0.0/24')!, ipRange: undefined, gateway: undefined, auxAddresses: {} }],
  );
  const ingress: Network = {
    ...newNetwork(daemon, 'ingress', 'overlay'),
    id: swarmId(daemon.random),
    options: { [VXLAN_ID_LIST]: String(vxlanId) },
    ipam,
    swarm: { vxlanId, ingress: true },
  };
  daemon.state.networks.push(ingress);
  const gateway = gatewayBridge(daemon);
  const sandbox = createSandbox(daemon.kernel);
  swarm.ingressSandbox = { namespaceId: sandbox.id, endpoints: [] };
  for (const [network, name, isGateway] of [
    [ingress, 'ingress-endpoint', false],
    [gateway, 'gateway_ingress-sbox', true],
  ] as const) {
    const { address, config } = allocateAddress(daemon, network, undefined);
    const driver = driverOf(network.driver)!;
    const endpoint: Endpoint = {
      networkId: network.id,
      endpointId: daemon.random.hex(64),
      address: cidr(address, config.subnet.prefix),
      gateway: driver.setsGateway ? config.gateway : undefined,
      mac: driver.endpointMac(daemon, undefined, address),
      aliases: [],
      published: [],
      hostVeth: undefined,
      interfaceName: `eth${swarm.ingressSandbox.endpoints.length}`,
      name,
    };
    endpoint.hostVeth = driver.join(daemon, sandbox, network, endpoint, isGateway);
    swarm.ingressSandbox.endpoints.push(endpoint);
  }
}

/**
 * Cluster.Leave: a manager leaves only with --force, the last one erasing the
 * swarm. The daemon then releases the ingress sandbox and network
 * (DaemonLeavesCluster) and the swarm's networks no container uses here;
 * docker_gwbridge, a local network, stays.
 */
export function swarmLeave(daemon: Daemon, force: boolean): void {
  if (!daemon.state.swarm) throw new EngineError('unavailable', ERRORS.noSwarm);
  if (!force) throw new EngineError('unavailable', ERRORS.lastManager);
  leave(daemon);
}

function leave(daemon: Daemon): void {
  if (daemon.state.swarm) removeAllTasks(daemon, daemon.state.swarm);
  const sandbox = daemon.state.swarm?.ingressSandbox;
  if (sandbox) {
    const namespace = daemon.kernel.state.namespaces.get(sandbox.namespaceId);
    for (const endpoint of sandbox.endpoints) {
      const network = daemon.state.networks.find((n) => n.id === endpoint.networkId);
      if (network) driverOf(network.driver)?.leave(daemon, namespace, network, endpoint);
    }
    if (namespace) daemon.kernel.deleteNamespace(namespace);
  }
  delete daemon.state.swarm;
  // The swarm's state is erased; a network a container still uses here lives on locally until it leaves.
  const used = new Set(daemon.state.containers.flatMap((c) => c.endpoints.map((e) => e.networkId)));
  const gone = daemon.state.networks.filter((n) => n.swarm && !used.has(n.id));
  for (const network of gone) driverOf('overlay')!.remove(daemon, network);
  daemon.state.networks = daemon.state.networks.filter((n) => !gone.includes(n));
}
