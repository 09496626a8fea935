import { cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import { familiarString, parseImageReference } from '../wire/image-reference';
import { createContainer, removeContainer, startContainer } from './containers';
import type { Daemon } from './daemon';
import { allocateAddress } from './endpoints';
import { EngineError } from './errors';
import { pullImage, storedImage } from './image-store';
import { imageInfo } from './images';
import type { Network } from './network';
import { isPredefined } from './networks';
import { swarmId } from './overlay-driver';
import type { ServicePort, SwarmService, SwarmTask } from './swarm-service-state';
import { addIngressPorts, removeIngressPorts, syncIngressBalancer } from './swarm-ingress';
import type { SwarmState } from './swarm-state';

/** POST /services/create as `docker service create` sends it: the parts the simulator reads. */
export interface ServiceCreateRequest {
  readonly name: string;
  readonly image: string;
  readonly args: readonly string[];
  readonly replicas: number;
  /** --network, by name or ID. */
  readonly networks: readonly string[];
  /** --publish, as the client's PortOpt made them. */
  readonly ports: readonly ServicePort[];
}

/** cluster.errNoManager: what every service call answers on a node in no swarm. */
export const NOT_A_MANAGER =
  'This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.';

/** The swarm, or the manager's refusal. */
function managedSwarm(daemon: Daemon): SwarmState {
  const swarm = daemon.state.swarm;
  if (!swarm) throw new EngineError('unavailable', NOT_A_MANAGER);
  return swarm;
}

/** getService (daemon/cluster/helpers.go): a full ID, then a full name, then a unique ID prefix. */
export function findService(daemon: Daemon, reference: string): SwarmService {
  const services = managedSwarm(daemon).services;
  const byPrefix = services.filter((service) => service.id.startsWith(reference));
  const found =
    services.find((s) => s.id === reference) ??
    services.find((s) => s.name === reference) ??
    (byPrefix.length === 1 ? byPrefix[0] : undefined);
  if (byPrefix.length > 1 && !found)
    throw new EngineError('invalid-parameter', `service ${reference} is ambiguous (${byPrefix.length} matches found)`);
  if (!found) throw new EngineError('not-found', `service ${reference} not found`);
  return found;
}

/**
 * populateNetworkID (daemon/cluster/networks.go): a swarm network by ID, name
 * or ID prefix; a local network is refused by name, a missing one not found.
 */
function serviceNetwork(daemon: Daemon, reference: string): Network {
  const networks = daemon.state.networks;
  const byPrefix = networks.filter((n) => n.id.startsWith(reference));
  const found =
    networks.find((n) => n.id === reference) ??
    networks.find((n) => n.name === reference) ??
    (byPrefix.length === 1 ? byPrefix[0] : undefined);
  if (found?.swarm && !found.swarm.ingress) return found;
  // ~: swarmkit's own predefined `bridge` and `host` networks, which a service may name, are not modelled.
  if (found && isPredefined(found))
    throw new EngineError(
      'forbidden',
      `netsim: services on the predefined network ${found.name} are not simulated yet`,
    );
  if (found && !found.swarm)
    throw new EngineError(
      'forbidden',
      `The network ${found.name} cannot be used with services. Only networks scoped to the swarm can be used, such as those created with the overlay driver.`,
    );
  throw new EngineError('not-found', `network ${reference} not found`);
}

/**
 * CreateService (swarmkit controlapi) and what follows on this node: the
 * allocator gives the service a VIP on each network, then the orchestrator
 * makes one task per replica, which the executor runs as a container.
 */
export function createService(daemon: Daemon, request: ServiceCreateRequest): SwarmService {
  const swarm = managedSwarm(daemon);
  const networks = request.networks.map((reference) => serviceNetwork(daemon, reference));
  if (swarm.services.some((service) => service.name === request.name)) {
    throw new EngineError(
      'conflict',
      `rpc error: code = AlreadyExists desc = name conflicts with an existing object: service ${request.name} already exists`,
    );
  }
  const reference = parseImageReference(request.image);
  if (!imageInfo(request.image))
    throw new EngineError(
      'not-found',
      `netsim: images the simulator does not know (${familiarString(reference)}) are not simulated in services yet`,
    );
  const ports = allocatePorts(swarm, request.ports, undefined);
  const now = daemon.clock.now();
  const service: SwarmService = {
    id: swarmId(daemon.random),
    name: request.name,
    image: familiarString(reference),
    args: request.args,
    replicas: request.replicas,
    networkIds: networks.map((n) => n.id),
    vips: [],
    specPorts: [...request.ports],
    ports,
    createdMs: now,
    updatedMs: now,
    version: 1,
    tasks: [],
  };
  service.vips = allocateVips(daemon, service);
  swarm.services.push(service);
  reconcile(daemon, service);
  publishIngress(daemon, ingressPorts(service.ports), true);
  return service;
}

/** The ingress network, which swarm init made. */
function ingressNetwork(daemon: Daemon): Network | undefined {
  return daemon.state.networks.find((network) => network.swarm?.ingress);
}

const ingressPorts = (ports: readonly ServicePort[]) => ports.filter((port) => port.publishMode === 'ingress');

/**
 * The allocator's VIPs (allocator/network.go allocateVIPs): one on the ingress
 * network first when the service publishes an ingress port (isIngressNetworkNeeded),
 * then one on each of its networks, each taken from the network's pool.
 */
function allocateVips(daemon: Daemon, service: SwarmService): SwarmService['vips'] {
  const ingress = ingressNetwork(daemon);
  const networks = [
    ...(ingress && ingressPorts(service.ports).length > 0 ? [ingress] : []),
    ...service.networkIds.map((id) => daemon.state.networks.find((n) => n.id === id)!),
  ];
  return networks.map((network) => {
    const kept = service.vips.find((vip) => vip.networkId === network.id);
    if (kept) return kept;
    const { address, config } = allocateAddress(daemon, network, undefined);
    return { networkId: network.id, address: cidr(address, config.subnet.prefix) };
  });
}

/** dynamicPortStart..dynamicPortEnd (allocator/portallocator.go): where an ingress port with no published port goes. */
const DYNAMIC_PORTS = { first: 30000, last: 32767 } as const;

/**
 * checkPortConflicts (controlapi/service.go), then the port allocator: an
 * ingress port taken by another service is refused, as is a host port another
 * service publishes on the mesh; an ingress port without a published port gets
 * the first free one of the dynamic range.
 */
function allocatePorts(
  swarm: SwarmState,
  ports: readonly ServicePort[],
  self: SwarmService | undefined,
): ServicePort[] {
  const others = swarm.services.filter((service) => service !== self);
  const key = (port: ServicePort) => `${port.protocol}/${port.publishedPort}`;
  for (const port of ports) {
    if (port.publishedPort === 0) continue;
    for (const other of others) {
      const inIngress = other.ports.some((p) => p.publishMode === 'ingress' && key(p) === key(port));
      const inHost = other.ports.some((p) => p.publishMode === 'host' && key(p) === key(port));
      const usage = port.publishMode === 'host' ? 'a host-published port' : 'an ingress port';
      if (inIngress || (port.publishMode === 'ingress' && inHost))
        throw new EngineError(
          'invalid-parameter',
          `rpc error: code = InvalidArgument desc = port '${port.publishedPort}' is already in use by service '${other.name}' (${other.id}) as ${usage}`,
        );
    }
  }
  const taken = new Set(others.flatMap((service) => ingressPorts(service.ports)).map(key));
  return ports.map((port) => {
    if (port.publishedPort !== 0 || port.publishMode !== 'ingress') return port;
    let published: number = DYNAMIC_PORTS.first;
    while (taken.has(`${port.protocol}/${published}`) && published < DYNAMIC_PORTS.last) published++;
    taken.add(`${port.protocol}/${published}`);
    return { ...port, publishedPort: published };
  });
}

/** The ingress sandbox's address on docker_gwbridge: where the host DNATs the mesh's ports to. */
function ingressGateway(daemon: Daemon): Ipv4 | undefined {
  return daemon.state.swarm?.ingressSandbox?.endpoints.find((e) => e.name === 'gateway_ingress-sbox')?.address?.address;
}

/** addIngressPorts / removeIngressPorts on the host for a service's ingress ports. */
function publishIngress(daemon: Daemon, ports: readonly ServicePort[], enable: boolean): void {
  const gateway = ingressGateway(daemon);
  if (gateway === undefined || ports.length === 0) return;
  if (enable) addIngressPorts(daemon.kernel, gateway, ports);
  else removeIngressPorts(daemon.kernel, gateway, ports);
}

/**
 * UpdateService with new ports (`docker service update --publish-add/--publish-rm`):
 * the old ingress ports' rules go, the VIPs follow the ports (an ingress VIP
 * only while an ingress port is published), and the tasks are replaced.
 */
export function updateServicePorts(daemon: Daemon, reference: string, specPorts: readonly ServicePort[]): SwarmService {
  const service = findService(daemon, reference);
  const ports = allocatePorts(managedSwarm(daemon), specPorts, service);
  publishIngress(daemon, ingressPorts(service.ports), false);
  service.specPorts = [...specPorts];
  service.ports = ports;
  const ingress = ingressNetwork(daemon);
  if (ingressPorts(ports).length === 0) service.vips = service.vips.filter((vip) => vip.networkId !== ingress?.id);
  service.vips = allocateVips(daemon, service);
  service.updatedMs = daemon.clock.now();
  service.version++;
  // ~: a rolling update replaces each task; here every task is replaced at once.
  for (const task of service.tasks) removeTaskContainer(daemon, task);
  service.tasks = [];
  reconcile(daemon, service);
  publishIngress(daemon, ingressPorts(service.ports), true);
  return service;
}

/** UpdateService with a new replica count (`docker service scale`, `update --replicas`). */
export function scaleService(daemon: Daemon, reference: string, replicas: number): SwarmService {
  const service = findService(daemon, reference);
  service.replicas = replicas;
  service.updatedMs = daemon.clock.now();
  service.version++;
  reconcile(daemon, service);
  return service;
}

/** RemoveService: the service goes, and the executor removes its tasks' containers. */
export function removeService(daemon: Daemon, reference: string): SwarmService {
  const service = findService(daemon, reference);
  for (const task of service.tasks) removeTaskContainer(daemon, task);
  publishIngress(daemon, ingressPorts(service.ports), false);
  const swarm = managedSwarm(daemon);
  swarm.services = swarm.services.filter((s) => s !== service);
  schedulePending(daemon);
  return service;
}

/** The replicated orchestrator: a task for each missing slot, the highest slots shut down first. */
function reconcile(daemon: Daemon, service: SwarmService): void {
  for (let slot = 1; slot <= service.replicas; slot++) {
    if (!service.tasks.some((task) => task.slot === slot)) service.tasks.push(runTask(daemon, service, slot));
  }
  const surplus = service.tasks.filter((task) => task.slot > service.replicas);
  for (const task of surplus) removeTaskContainer(daemon, task);
  service.tasks = service.tasks.filter((task) => task.slot <= service.replicas).sort((a, b) => a.slot - b.slot);
  schedulePending(daemon);
}

/**
 * The scheduler tries its pending tasks again as the node's resources change
 * (scheduler.go tick): a task whose host port is free now runs, under its ID.
 */
function schedulePending(daemon: Daemon): void {
  for (const service of managedSwarm(daemon).services)
    service.tasks = service.tasks.map((task) =>
      task.pendingError === undefined ? task : runTask(daemon, service, task.slot, task.id),
    );
  syncIngressBalancer(daemon);
}

/**
 * The executor's container for a task (daemon/cluster/executor/container):
 * named `service.slot.taskID`, labelled com.docker.swarm.*, on the service's
 * networks (the default bridge when it has none), pulled first if need be.
 */
function runTask(daemon: Daemon, service: SwarmService, slot: number, pendingId?: string): SwarmTask {
  const swarm = managedSwarm(daemon);
  const id = pendingId ?? swarmId(daemon.random);
  // HostPortFilter: a host-mode port a task on this node (the only one) already holds leaves the task pending.
  if (hostPortsTaken(swarm, service))
    return {
      id,
      slot,
      containerId: '',
      createdMs: daemon.clock.now(),
      pendingError: 'no suitable node (host-mode port already in use on 1 node)',
    };
  const name = `${service.name}.${slot}.${id}`;
  if (!storedImage(daemon, service.image)) pullImage(daemon, service.image);
  // A task publishing on the mesh is on the ingress network first (its VIP's order).
  const [first, ...rest] = service.vips.length
    ? service.vips.map((vip) => daemon.state.networks.find((n) => n.id === vip.networkId)!)
    : service.networkIds.map((networkId) => daemon.state.networks.find((n) => n.id === networkId)!);
  const labels = {
    'com.docker.swarm.node.id': swarm.nodeId,
    'com.docker.swarm.service.id': service.id,
    'com.docker.swarm.service.name': service.name,
    'com.docker.swarm.task': '',
    'com.docker.swarm.task.id': id,
    'com.docker.swarm.task.name': name,
  };
  const container = createContainer(daemon, {
    name,
    image: service.image,
    command: [...service.args],
    networkMode: first?.name ?? 'bridge',
    ip: undefined,
    hostname: undefined,
    autoRemove: false,
    interactive: false,
    // mode=host: the task's container publishes the port on this node itself (PortBindings).
    publish: service.ports
      .filter((port) => port.publishMode === 'host')
      .map((port) => ({
        hostIp: '',
        hostPort: port.publishedPort === 0 ? undefined : port.publishedPort,
        containerPort: port.targetPort,
        protocol: port.protocol,
      })),
    labels,
    endpoints: rest.map((network) => ({ network: network.id, aliases: [], ip: undefined, ipamSent: false })),
  });
  startContainer(daemon, container.id);
  return { id, slot, containerId: container.id, createdMs: daemon.clock.now() };
}

/** Whether a running task of any service holds one of `service`'s host-mode published ports. */
function hostPortsTaken(swarm: SwarmState, service: SwarmService): boolean {
  const key = (port: ServicePort) => `${port.protocol}/${port.publishedPort}`;
  const wanted = new Set(
    service.ports.filter((port) => port.publishMode === 'host' && port.publishedPort !== 0).map(key),
  );
  if (wanted.size === 0) return false;
  return swarm.services.some((other) =>
    other.tasks.some(
      (task) =>
        task.containerId !== '' && other.ports.some((port) => port.publishMode === 'host' && wanted.has(key(port))),
    ),
  );
}

function removeTaskContainer(daemon: Daemon, task: SwarmTask): void {
  if (daemon.state.containers.some((c) => c.id === task.containerId)) removeContainer(daemon, task.containerId, true);
}

/** Leaving the swarm: the executor removes every task's container. */
export function removeAllTasks(daemon: Daemon, swarm: SwarmState): void {
  for (const service of swarm.services) for (const task of service.tasks) removeTaskContainer(daemon, task);
}
