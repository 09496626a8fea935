import { formatIpv4, parseIpv4, type Ipv4 } from '../wire/ipv4';
import type { PortMapping } from '../wire/port-spec';
import type { Container } from './container';
import {
  checkLinkedRunning,
  checkLinks,
  connectedContainer,
  exposedPorts,
  isUserDefined,
  mergeConfig,
  validateNetMode,
  validateRestartPolicy,
  withPublishAll,
  type ContainerOptions,
} from './container-config';
import type { Daemon } from './daemon';
import { attach, detach, updateDefaultGateway } from './endpoints';
import { EngineError } from './errors';
import { imageInfo } from './images';
import { familiarString, parseImageReference } from '../wire/image-reference';
import { catalogReference, storedImage } from './image-store';
import { generateName } from './names';
import type { Network } from './network';
import { isModeNetwork } from './mode-networks';
import { findNetwork } from './networks';
import { createSandbox } from './sandbox';
import { checkEndpointSettings } from './endpoint-settings';
import { serverStartLog, startServers } from './listeners';
import { runImageEntrypoint } from './image-entrypoints';
import { emptyUpper } from '../kernel/filesystem';
import { stopServices } from './services';
import { DOCKERD_PID } from './resolver';
import { serverWorkers } from './processes';
import { missingFirstProgram } from './runc-exec';
import { imageRootfs } from './image-catalog/rootfs';
import { checkMountRequest, logVolumeMounts, mountPoints, mountVolumes, removeAnonymousVolumes } from './volumes';
import { startHealth } from './health';
import { logContainerEvent, logNetworkEvent } from './events';

export interface ContainerCreateRequest extends ContainerOptions {
  name: string | undefined;
  image: string;
  command: string[];
  networkMode: string;
  ip: Ipv4 | undefined;
  /** --ip6 or ip6= of --network, as netip prints it; checked at create, and refused, since networks here have no IPv6 subnet. */
  ip6?: string | undefined;
  hostname: string | undefined;
  autoRemove: boolean;
  /** -i or -t: stdin kept open or a terminal attached. */
  interactive: boolean;
  publish: PortMapping[];
  /**
   * NetworkingConfig.EndpointsConfig beyond the mode's network (API 1.44+, as
   * Compose sends every network of a service at create): each network's aliases
   * and address. `ipamSent`: IPAMConfig came as a value, not nil (inspect shows `{}`).
   */
  endpoints?: readonly CreateEndpoint[] | undefined;
  /** The mode network's IPAMConfig came as a value (Compose sends one when the service configures that network). */
  ipamSent?: boolean | undefined;
}

/** One more network a container is created on, with its endpoint configuration. */
export interface CreateEndpoint {
  readonly network: string;
  readonly aliases: readonly string[];
  readonly ip: Ipv4 | undefined;
  readonly ipamSent: boolean;
}

/** A full ID, an exact name, or a unique ID prefix, as the daemon's container view resolves them. */
export function findContainer(daemon: Daemon, reference: string): Container {
  const containers = daemon.state.containers;
  const byPrefix = containers.filter((c) => c.id.startsWith(reference));
  const found =
    containers.find((c) => c.id === reference) ??
    containers.find((c) => c.name === reference) ??
    (byPrefix.length === 1 ? byPrefix[0] : undefined);
  if (!found) throw new EngineError('not-found', `No such container: ${reference}`);
  return found;
}

/**
 * adaptSharedNamespaceContainer (daemon/daemon_unix.go): `container:NAME` is
 * kept as `container:ID`, so renaming NAME does not break the sharing. A name
 * that finds nothing stays as given: create does not check it, start does.
 */
function sharedNetworkMode(daemon: Daemon, networkMode: string): string {
  const reference = connectedContainer(networkMode)!;
  try {
    return `container:${findContainer(daemon, reference).id}`;
  } catch {
    return networkMode;
  }
}

/** --ip and --ip6 as validateNetworkingConfig checks them at create time, under the name the request gave the network. */
function checkStaticAddress(
  daemon: Daemon,
  networkMode: string,
  networkId: string | undefined,
  ip: Ipv4 | undefined,
  ip6: string | undefined,
): void {
  const network = networkId === undefined ? undefined : daemon.state.networks.find((n) => n.id === networkId);
  const name = network?.name ?? networkMode;
  checkEndpointSettings(
    name,
    network,
    { ipv4: ip === undefined ? undefined : formatIpv4(ip), ipv6: ip6 },
    `invalid config for network ${name}: `,
  );
}

/** POST /containers/create, checks in the daemon's order: settings, image, name, network, links. */
export function createContainer(daemon: Daemon, request: ContainerCreateRequest): Container {
  const { state, random, clock } = daemon;
  // runconfig validateNetMode runs while the router decodes the request, before the daemon looks at anything.
  validateNetMode(request);
  if (request.restartPolicy) validateRestartPolicy(request.restartPolicy);
  for (const mount of request.mounts ?? []) checkMountRequest(mount);
  const image = storedImage(daemon, request.image);
  if (!image)
    throw new EngineError('not-found', `No such image: ${familiarString(parseImageReference(request.image))}`);
  if (request.name !== undefined) {
    const holder = state.containers.find((c) => c.name === request.name);
    if (holder) {
      throw new EngineError(
        'conflict',
        `Conflict. The container name "/${request.name}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
      );
    }
  }
  // NetworkSettings.Networks starts with the network of the mode, host and none included; a container
  // sharing another's namespace has none (updateContainerNetworkSettings).
  const shared = connectedContainer(request.networkMode) !== undefined;
  const first = shared ? undefined : findNetwork(daemon, request.networkMode);
  const extra = (request.endpoints ?? []).map((endpoint) => ({
    endpoint,
    network: findNetwork(daemon, endpoint.network),
  }));
  const networks = first ? [first.id, ...extra.map(({ network }) => network.id)] : [];
  if (request.ip !== undefined || request.ip6 !== undefined)
    checkStaticAddress(daemon, request.networkMode, networks[0], request.ip, request.ip6);
  checkLinks(request.networkMode, request.links ?? [], (reference) => findContainer(daemon, reference));
  const networkMode = shared ? sharedNetworkMode(daemon, request.networkMode) : request.networkMode;
  const id = random.hex(64);
  const config = {
    ...mergeConfig(image, request.command, request, request.interactive),
    portBindings: request.publish,
  };
  const exposed = exposedPorts(image, request, request.publish);
  const named = familiarString(parseImageReference(request.image));
  const tagSource = catalogReference(daemon, named) === named ? undefined : catalogReference(daemon, named);
  const container: Container = {
    id,
    name: request.name ?? generateName(random, (name) => state.containers.some((c) => c.name === name)),
    image: request.image,
    // A `docker tag` name is shown as given; the model looks the image up by the catalog's name.
    ...(tagSource !== undefined && { image: tagSource, imageName: request.image }),
    // A commit's image: its layers' files are in the container's root from the start.
    ...(image.committed && { committedImage: image.digest, files: structuredClone(image.committed.files) }),
    command: [...(config.entrypoint ?? []), ...(config.cmd ?? [])].join(' '),
    createdMs: clock.now(),
    hostname: request.hostname ?? id.slice(0, 12),
    autoRemove: request.autoRemove,
    networkMode,
    status: 'created',
    exitCode: 0,
    startedMs: undefined,
    finishedMs: undefined,
    pid: undefined,
    namespaceId: undefined,
    networks,
    endpoints: [],
    // A shell reading an empty stdin exits at once; any other first process keeps running.
    staysUp: !image.shell || request.command.length > 0 || request.entrypoint !== undefined || request.interactive,
    stopsOnSigterm: image.stopsOnSigterm,
    publish: withPublishAll(request.publish, exposed, config.publishAll),
    exposed,
    requestedIp: request.ip,
    config,
    endpointSettings: Object.fromEntries([
      ...(first
        ? [
            [
              first.id,
              {
                networkName: first.name,
                aliases: request.aliases ?? [],
                links: isUserDefined(request.networkMode) ? (request.links ?? []) : [],
                ipv4Address: request.ip,
                ...(request.ip6 === undefined ? {} : { ipv6Address: request.ip6 }),
                macAddress: request.macAddress,
                joined: false,
                ...(request.ipamSent ? { sentByConnect: true } : {}),
              },
            ] as const,
          ]
        : []),
      ...extra.map(
        ({ endpoint, network }) =>
          [
            network.id,
            {
              networkName: network.name,
              aliases: [...endpoint.aliases],
              links: [],
              ipv4Address: endpoint.ip,
              macAddress: undefined,
              joined: false,
              ...(endpoint.ipamSent ? { sentByConnect: true } : {}),
            },
          ] as const,
      ),
    ]),
    starts: 0,
    logs: [],
  };
  state.containers.push(container);
  try {
    mountVolumes(daemon, container, imageRootfs(image));
  } catch (error) {
    // daemon/create.go: a failed registerMountPoints runs cleanupContainer (ForceRemove, RemoveVolume),
    // which logs destroy; create is only logged once the container exists.
    forget(daemon, container, true);
    throw error;
  }
  logContainerEvent(daemon, container, 'create');
  return container;
}

/**
 * Starts the first process in a new network namespace and plugs in its networks.
 * If networking fails the container stays as it was, the error wrapped as the
 * daemon wraps it (start_linux.go).
 */
export function startContainer(daemon: Daemon, reference: string): Container {
  const { kernel, state, random, clock } = daemon;
  const container = findContainer(daemon, reference);
  if (container.status === 'running') return container;
  checkLinkedRunning(container, (name) => findContainer(daemon, name));
  // The runtime fails before the first process exists: the container stays as it was, with
  // exit code 127 (daemon/start.go translateContainerdStartErr), and --rm removes it.
  const missing = missingFirstProgram(container);
  if (missing) {
    container.exitCode = 127;
    if (container.autoRemove) forget(daemon, container);
    throw missing;
  }
  const owner = connectedContainer(container.networkMode);
  if (owner !== undefined) {
    joinNamespaceOf(daemon, container, owner);
  } else if (container.networkMode === 'host') {
    container.namespaceId = kernel.root.id;
  } else {
    const sandbox = createSandbox(kernel);
    container.namespaceId = sandbox.id;
    try {
      // The host and null drivers' endpoints have nothing to set up (mode-networks.ts).
      const drivenNetworks = container.networks
        .map((id) => findNetwork(daemon, id))
        .filter((network) => !isModeNetwork(network));
      drivenNetworks.forEach((network) =>
        attach(daemon, container, network, container.endpointSettings[network.id]?.ipv4Address),
      );
    } catch (error) {
      for (const endpoint of container.endpoints) detach(daemon, endpoint);
      kernel.deleteNamespace(sandbox);
      Object.assign(container, { namespaceId: undefined, endpoints: [] });
      if (error instanceof EngineError)
        throw new EngineError(error.kind, `failed to set up container networking: ${error.message}`);
      throw error;
    }
  }
  for (const id of container.networks) joined(container, findNetwork(daemon, id));
  // connectToNetwork logs each network it joined, host and none included (container_operations.go).
  for (const id of owner === undefined ? container.networks : [])
    logNetworkEvent(daemon, findNetwork(daemon, id), 'connect', { container: container.id });
  state.lastPid += 1 + random.int(0, 60);
  container.pid = state.lastPid;
  container.status = 'running';
  container.manuallyStopped = false;
  container.startedMs = clock.now();
  container.starts += 1;
  startHealth(container, clock.now());
  logVolumeMounts(daemon, container, 'mount');
  logContainerEvent(daemon, container, 'start');
  for (const entry of imageInfo(container.image)?.startupLog?.({ containerId: container.id }) ?? [])
    container.logs.push({ ...entry, timeMs: clock.now() });
  if (!container.staysUp) return exitContainer(daemon, container, 0);
  const entrypoint = runImageEntrypoint(container, clock.now());
  if (entrypoint) {
    for (const entry of entrypoint.logs) container.logs.push({ ...entry, timeMs: clock.now() });
    writeFiles(daemon, container, entrypoint.files, clock.now(), entrypoint.owner);
    if (entrypoint.exitCode !== undefined) return exitContainer(daemon, container, entrypoint.exitCode);
  }
  // A server that cannot bind its port exits at once with status 1, as nginx does.
  const failed = startServers(daemon, container, kernel.namespace(container.namespaceId!));
  for (const entry of serverStartLog(container, clock.now(), failed))
    container.logs.push({ ...entry, timeMs: clock.now() });
  if (failed.length > 0) return exitContainer(daemon, container, 1);
  // The server forks its workers at once: they hold the PIDs after the first process (processes.ts lists them).
  state.lastPid += serverWorkers(container);
  return container;
}

/**
 * initializeNetworking for `--network container:NAME` (daemon/container_operations.go
 * getNetworkedContainer, with its errors): the new process enters NAME's network
 * namespace (oci_linux.go: /proc/PID/ns/net) and takes NAME's hostname; it gets
 * no endpoint of its own. A failed start leaves the container created, and
 * removes it if it was run with --rm (start.go).
 */
function joinNamespaceOf(daemon: Daemon, container: Container, reference: string): void {
  const fail = (error: EngineError) => {
    if (container.autoRemove) forget(daemon, container);
    return error;
  };
  let owner: Container;
  try {
    owner = findContainer(daemon, reference);
  } catch (error) {
    if (error instanceof EngineError)
      throw fail(new EngineError('system', `joining network namespace of container: ${error.message}`));
    throw error;
  }
  if (owner === container) throw fail(new EngineError('system', 'cannot join own network namespace'));
  if (owner.status !== 'running')
    throw fail(
      new EngineError(
        'conflict',
        `cannot join network namespace of a non running container: container ${owner.name} is ${owner.status}`,
      ),
    );
  container.namespaceId = owner.namespaceId;
  container.hostname = owner.hostname;
}

/**
 * POST /containers/{name}/rename (moby docker-v29.7.2 daemon/rename.go
 * ContainerRename, names.go reserveName): the name is checked, reserved and
 * swapped; the embedded DNS reads names from the containers, so it answers the
 * new one at once, as libnetwork's sandbox rename makes it do.
 */
export function renameContainer(daemon: Daemon, oldName: string, newName: string): Container {
  const trimmedOld = oldName.trim();
  const trimmedNew = newName.trim();
  if (trimmedOld.replace(/^\//, '') === '' || trimmedNew.replace(/^\//, '') === '')
    throw new EngineError('invalid-parameter', 'Neither old nor new names may be empty');
  const container = findContainer(daemon, trimmedOld);
  const wanted = trimmedNew.startsWith('/') ? trimmedNew : `/${trimmedNew}`;
  if (`/${container.name}` === wanted)
    throw new EngineError('invalid-parameter', 'Renaming a container with the same name as its current name');
  if (!/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(wanted.slice(1)))
    throw new EngineError(
      'invalid-parameter',
      `Error when allocating new name: Invalid container name (${wanted}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`,
    );
  const holder = daemon.state.containers.find((c) => `/${c.name}` === wanted);
  if (holder)
    throw new EngineError(
      'conflict',
      `Error when allocating new name: Conflict. The container name "${wanted}" is already in use by container "${holder.id}". You have to remove (or rename) that container to be able to reuse that name.`,
    );
  const previous = `/${container.name}`;
  container.name = wanted.slice(1);
  logContainerEvent(daemon, container, 'rename', { oldName: previous });
  return container;
}

/** The numbers (signal(7), x86-64) of the StopSignals the catalog's images declare; SIGTERM otherwise. */
const STOP_SIGNAL_NUMBERS: Readonly<Record<string, string>> = { SIGQUIT: '3', SIGWINCH: '28' };

/** `docker stop`: SIGTERM, then SIGKILL after the 10-second grace period. */
export function stopContainer(daemon: Daemon, reference: string): Container {
  const container = findContainer(daemon, reference);
  if (container.status !== 'running') return container;
  container.manuallyStopped = true;
  // killWithSignal logs each signal; ContainerStop logs `stop` once the container is down (stop.go).
  logContainerEvent(daemon, container, 'kill', {
    signal: STOP_SIGNAL_NUMBERS[container.config.stopSignal ?? ''] ?? '15',
  });
  if (!container.stopsOnSigterm) {
    daemon.clock.advance(10_000);
    logContainerEvent(daemon, container, 'kill', { signal: '9' });
  }
  exitContainer(daemon, container, container.stopsOnSigterm ? 0 : 137);
  logContainerEvent(daemon, container, 'stop');
  return container;
}

/** The running container a kill is for; the router prefixes every error with `cannot kill container: NAME` (postContainersKill). */
export function killTarget(daemon: Daemon, reference: string, check?: () => void): Container {
  try {
    check?.();
    const container = findContainer(daemon, reference);
    if (container.status !== 'running') throw new EngineError('conflict', `container ${container.id} is not running`);
    return container;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    throw new EngineError(error.kind, `cannot kill container: ${reference}: ${error.message}`);
  }
}

/** ContainerRestart's start (daemon/restart.go): its errors as `Cannot restart container NAME: ...`, then `restart`. */
export function restartedContainer(daemon: Daemon, reference: string): Container {
  try {
    const container = startContainer(daemon, reference);
    logContainerEvent(daemon, container, 'restart');
    return container;
  } catch (error) {
    if (error instanceof EngineError)
      throw new EngineError(error.kind, `Cannot restart container ${reference}: ${error.message}`);
    throw error;
  }
}

/** SIGKILL: the first process dies at once with status 137. */
export function killContainer(daemon: Daemon, reference: string): Container {
  const container = killTarget(daemon, reference);
  container.manuallyStopped = true;
  logContainerEvent(daemon, container, 'kill', { signal: '9' });
  return exitContainer(daemon, container, 137);
}

/** `removeVolumes`: `docker rm -v`, the container's anonymous volumes go too (ContainerRmConfig.RemoveVolume). */
export function removeContainer(daemon: Daemon, reference: string, force: boolean, removeVolumes = false): Container {
  const container = findContainer(daemon, reference);
  if (container.status === 'running') {
    if (!force)
      throw new EngineError(
        'conflict',
        `cannot remove container "${reference}": ${container.paused ? 'container is paused and must be unpaused first' : 'container is running: stop the container before removing or force remove'}`,
      );
    logContainerEvent(daemon, container, 'kill', { signal: '9' });
    exitContainer(daemon, container, 137);
  }
  forget(daemon, container, removeVolumes);
  return container;
}

/** The first process ended with `exitCode`: networks unplugged, namespace gone. */
export function exitContainer(daemon: Daemon, container: Container, exitCode: number): Container {
  const { kernel, clock } = daemon;
  const wasRunning = container.status === 'running';
  // A paused container that is killed is thawed first, so the signal lands (kill.go unpause).
  if (container.paused && container.pid !== undefined)
    kernel.setFrozen([container.pid, ...Object.values(container.services ?? {})], false);
  for (const endpoint of container.endpoints) detach(daemon, endpoint);
  if (container.namespaceId !== undefined && container.pid !== undefined)
    kernel.closeSockets(kernel.namespace(container.namespaceId), container.pid);
  stopServices(daemon, container);
  if (container.namespaceId !== undefined && container.namespaceId !== kernel.root.id) {
    const namespace = kernel.namespace(container.namespaceId);
    // A namespace lives while a process is in it: a container that joined it with
    // container:NAME keeps it, with only lo once its owner's sandbox is gone.
    const held = daemon.state.containers.some(
      (other) => other !== container && other.status === 'running' && other.namespaceId === namespace.id,
    );
    if (!held) kernel.deleteNamespace(namespace);
    else if (connectedContainer(container.networkMode) === undefined) kernel.closeSockets(namespace, DOCKERD_PID);
  }
  Object.assign(container, {
    status: 'exited',
    exitCode,
    finishedMs: clock.now(),
    pid: undefined,
    namespaceId: undefined,
    endpoints: [],
    paused: false,
  });
  // handleContainerExit: Cleanup releases the networks (a disconnect each), then `die` (monitor.go).
  if (wasRunning) logExit(daemon, container, exitCode);
  if (container.autoRemove) forget(daemon, container);
  return container;
}

function logExit(daemon: Daemon, container: Container, exitCode: number): void {
  if (connectedContainer(container.networkMode) === undefined) {
    for (const network of container.networks.flatMap((id) => daemon.state.networks.filter((n) => n.id === id)))
      logNetworkEvent(daemon, network, 'disconnect', { container: container.id });
  }
  // Cleanup releases the networks, then unmounts the volumes (daemon/start.go Cleanup).
  logVolumeMounts(daemon, container, 'unmount');
  const execDuration = Math.floor((daemon.clock.now() - (container.startedMs ?? daemon.clock.now())) / 1000);
  logContainerEvent(daemon, container, 'die', { execDuration: String(execDuration), exitCode: String(exitCode) });
}

/** What `docker network connect` sends in EndpointConfig (docker/cli network/connect.go runConnect). */
export interface ConnectOptions {
  aliases?: string[];
  ip?: Ipv4;
  /** --ip as typed when it is not an IPv4 address, so the daemon can refuse it in its words. */
  ipText?: string;
  ipv6?: string | undefined;
  links?: string[];
  linkLocalIps?: string[];
  driverOpts?: Record<string, string>;
  gwPriority?: number;
}

export function connect(
  daemon: Daemon,
  networkReference: string,
  containerReference: string,
  options: ConnectOptions = {},
): void {
  const network = findNetwork(daemon, networkReference);
  const container = findContainer(daemon, containerReference);
  // connectToNetwork refuses a running container that shares another's namespace; a stopped one
  // only has the network noted, which its starts then ignore (initializeNetworking returns early).
  if (container.status === 'running' && connectedContainer(container.networkMode) !== undefined) {
    throw new EngineError(
      'invalid-parameter',
      'container sharing network namespace with another container or host cannot be connected to any other network',
    );
  }
  // updateNetworkConfig: validateEndpointSettings, then updateNetworkSettings.
  const ipv4 = options.ipText ?? (options.ip === undefined ? undefined : formatIpv4(options.ip));
  const ip = ipv4 === undefined ? undefined : parseIpv4(ipv4);
  checkEndpointSettings(network.name, network, {
    ipv4,
    ipv6: options.ipv6,
    linkLocalIps: options.linkLocalIps,
    aliases: options.aliases,
  });
  checkConnectable(daemon, container, network);
  if ((options.linkLocalIps ?? []).some((address) => address.includes(':'))) {
    throw new EngineError(
      'forbidden',
      'IPv6 link-local addresses are not available in this simulator yet: its networks are IPv4 only',
    );
  }
  container.networks.push(network.id);
  container.endpointSettings[network.id] = {
    networkName: network.name,
    aliases: options.aliases ?? [],
    links: options.links ?? [],
    ipv4Address: ip,
    macAddress: undefined,
    ipv6Address: options.ipv6,
    linkLocalIps: options.linkLocalIps,
    driverOpts: options.driverOpts ?? {},
    gwPriority: options.gwPriority ?? 0,
    sentByConnect: true,
    joined: false,
  };
  if (container.status !== 'running') return;
  attach(daemon, container, network, ip);
  joined(container, network);
  logNetworkEvent(daemon, network, 'connect', { container: container.id });
}

/**
 * updateNetworkSettings (daemon/container_operations.go): the host network takes
 * host-mode containers only, and a network sharing a namespace (host) or none
 * excludes every other; a container moved off none (disconnect) may join others.
 */
function checkConnectable(daemon: Daemon, container: Container, network: Network): void {
  if (container.networkMode !== 'host' && network.driver === 'host') {
    throw new EngineError(
      'invalid-parameter',
      'cannot connect container to host network - container must be created in host network mode',
    );
  }
  for (const id of container.networks) {
    const other = daemon.state.networks.find((n) => n.id === id);
    if (!other) continue;
    if (other === network)
      throw new EngineError(
        'forbidden',
        `endpoint with name ${container.name} already exists in network ${network.name}`,
      );
    if (other.driver === 'host' || network.driver === 'host') {
      throw new EngineError(
        'invalid-parameter',
        'container sharing network namespace with another container or host cannot be connected to any other network',
      );
    }
    if (other.name === 'none' || network.name === 'none') {
      throw new EngineError(
        'invalid-parameter',
        'container cannot be connected to multiple networks with one of the networks in private (none) mode',
      );
    }
  }
}

function joined(container: Container, network: Network): void {
  const settings = (container.endpointSettings[network.id] ??= {
    networkName: network.name,
    aliases: [],
    links: [],
    ipv4Address: undefined,
    macAddress: undefined,
    joined: false,
  });
  settings.joined = true;
}

/**
 * DisconnectContainerFromNetwork and DisconnectFromNetwork (daemon/network.go,
 * daemon/container_operations.go). A container that is not running, or any with
 * -f when the network is gone, only loses the network from its settings, found
 * by name: a removed network is still there under its old name. -f for a
 * container that no longer exists deletes the network's endpoint of that name
 * (ForceEndpointDelete), which went with the container.
 */
export function disconnect(daemon: Daemon, networkReference: string, containerReference: string, force = false): void {
  let container: Container;
  try {
    container = findContainer(daemon, containerReference);
  } catch (error) {
    if (!force) throw error;
    findNetwork(daemon, networkReference);
    throw new EngineError('not-found', `endpoint ${containerReference} not found`);
  }
  let network: Network | undefined;
  try {
    network = findNetwork(daemon, networkReference);
  } catch (error) {
    if (container.status === 'running' && !force) throw error;
  }
  if (container.status !== 'running' || !network) {
    const name = network?.name ?? networkReference;
    const id = container.networks.find((candidate) => container.endpointSettings[candidate]?.networkName === name);
    if (id === undefined)
      throw new EngineError('system', `container ${container.id} is not connected to the network ${name}`);
    forgetNetwork(container, id);
    return;
  }
  if (container.networkMode === 'host' && network.driver === 'host') {
    throw new EngineError(
      'invalid-parameter',
      'cannot disconnect container from host network - container was created in host network mode',
    );
  }
  if (!container.networks.includes(network.id))
    throw new EngineError('forbidden', `container ${container.id} is not connected to network ${network.name}`);
  forgetNetwork(container, network.id);
  const endpoint = container.endpoints.find((e) => e.networkId === network.id && e.name === undefined);
  if (endpoint) {
    detach(daemon, endpoint);
    container.endpoints = container.endpoints.filter((e) => e !== endpoint);
    updateDefaultGateway(daemon, container);
  }
  logNetworkEvent(daemon, network, 'disconnect', { container: container.id });
}

function forgetNetwork(container: Container, networkId: string): void {
  container.networks = container.networks.filter((id) => id !== networkId);
  delete container.endpointSettings[networkId];
}

/** --rm removes with RemoveVolume set (daemon/start.go, monitor.go autoRemove): anonymous volumes go with the container. */
function forget(daemon: Daemon, container: Container, removeVolumes = container.autoRemove): void {
  daemon.state.containers = daemon.state.containers.filter((c) => c !== container);
  if (removeVolumes) removeAnonymousVolumes(daemon, container);
  logContainerEvent(daemon, container, 'destroy');
}

/**
 * Files an entrypoint writes: into the volume mounted over their directory
 * (wordpress's /var/www/html is a VOLUME), else the container's writable layer.
 */
function writeFiles(
  daemon: Daemon,
  container: Container,
  files: Readonly<Record<string, string>>,
  nowMs: number,
  owner = 33,
): void {
  const volumes = mountPoints(container).filter((mount) => mount.type === 'volume');
  for (const [path, content] of Object.entries(files)) {
    const inode = { kind: 'file' as const, mode: 0o644, uid: owner, gid: owner, mtimeMs: nowMs, content };
    const mount = volumes.find((candidate) => path.startsWith(`${candidate.destination.replace(/\/+$/, '')}/`));
    const volume = mount && daemon.state.volumes?.find((candidate) => candidate.name === mount.name);
    if (volume) volume.files.files[path.slice(mount.destination.replace(/\/+$/, '').length)] = inode;
    else (container.files ??= emptyUpper()).files[path] = inode;
  }
}
