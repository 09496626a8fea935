import { cidr } from '../wire/cidr';
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
import type { SwarmService, SwarmTask } from './swarm-service-state';
import type { SwarmState } from './swarm-state';

/** POST /services/create as `docker service create` sends it: the parts the simulator reads. */
export interface ServiceCreateRequest {
  readonly name: string;
  readonly image: string;
  readonly args: readonly string[];
  readonly replicas: number;
  /** --network, by name or ID. */
  readonly networks: readonly string[];
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
  const vips = networks.map((network) => {
    const { address, config } = allocateAddress(daemon, network, undefined);
    return { networkId: network.id, address: cidr(address, config.subnet.prefix) };
  });
  const now = daemon.clock.now();
  const service: SwarmService = {
    id: swarmId(daemon.random),
    name: request.name,
    image: familiarString(reference),
    args: request.args,
    replicas: request.replicas,
    networkIds: networks.map((n) => n.id),
    vips,
    createdMs: now,
    updatedMs: now,
    tasks: [],
  };
  swarm.services.push(service);
  reconcile(daemon, service);
  return service;
}

/** UpdateService with a new replica count (`docker service scale`, `update --replicas`). */
export function scaleService(daemon: Daemon, reference: string, replicas: number): SwarmService {
  const service = findService(daemon, reference);
  service.replicas = replicas;
  service.updatedMs = daemon.clock.now();
  reconcile(daemon, service);
  return service;
}

/** RemoveService: the service goes, and the executor removes its tasks' containers. */
export function removeService(daemon: Daemon, reference: string): SwarmService {
  const service = findService(daemon, reference);
  for (const task of service.tasks) removeTaskContainer(daemon, task);
  const swarm = managedSwarm(daemon);
  swarm.services = swarm.services.filter((s) => s !== service);
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
}

/**
 * The executor's container for a task (daemon/cluster/executor/container):
 * named `service.slot.taskID`, labelled com.docker.swarm.*, on the service's
 * networks (the default bridge when it has none), pulled first if need be.
 */
function runTask(daemon: Daemon, service: SwarmService, slot: number): SwarmTask {
  const swarm = managedSwarm(daemon);
  const id = swarmId(daemon.random);
  const name = `${service.name}.${slot}.${id}`;
  if (!storedImage(daemon, service.image)) pullImage(daemon, service.image);
  const [first, ...rest] = service.networkIds.map((networkId) =>
    daemon.state.networks.find((n) => n.id === networkId)!,
  );
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
    publish: [],
    labels,
    endpoints: rest.map((network) => ({ network: network.id, aliases: [], ip: undefined, ipamSent: false })),
  });
  startContainer(daemon, container.id);
  return { id, slot, containerId: container.id, createdMs: daemon.clock.now() };
}

function removeTaskContainer(daemon: Daemon, task: SwarmTask): void {
  if (daemon.state.containers.some((c) => c.id === task.containerId)) removeContainer(daemon, task.containerId, true);
}

/** Leaving the swarm: the executor removes every task's container. */
export function removeAllTasks(daemon: Daemon, swarm: SwarmState): void {
  for (const service of swarm.services) for (const task of service.tasks) removeTaskContainer(daemon, task);
}
