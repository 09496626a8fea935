import type { VirtualClock } from '../clock';
import type { Kernel } from '../kernel/kernel';
import type { Namespace } from '../kernel/namespace';
import type { ServedHttp } from '../kernel/socket';
import { nginxAccessLine, nginxNotFoundLine } from './nginx-log';
import type { SeededRandom } from '../random';
import type { Container, LogEntry } from './container';
import { interruptedBy } from './signals';
import { derivedInt } from './derived';
import { currentWorkers, nextNginxPid, nginxSignalled, runsNginxMaster, type NginxSignal } from './nginx-signals';
import { createWarnings } from './create-warnings';
import { connectedContainer } from './container-config';
import * as containers from './containers';
import type { Daemon, EngineState, ServiceState } from './daemon';
import { bootDaemon, resetFailed, restartDaemon, startDaemon, stopDaemon, stopSocket, type StartOutcome } from './daemon-lifecycle';
import { DOCKERD_PID } from './host-processes';
import type { DaemonConfigSource } from './daemon-config';
import { resolveContainerName, resolveContainerName6 } from './dns';
import type { Ipv4 } from '../wire/ipv4';
import type { Network } from './network';
import type { SwarmState } from './swarm-state';
import { EngineError } from './errors';
import { hostProcessTable, type HostProcess, type ShellProcess } from './processes';
import { lookPathError } from './runc-exec';
import * as networks from './networks';
import { DEFAULT_PULLED_IMAGES, type ImageInfo, type ImageService } from './images';
import { familiarString, parseImageReference } from '../wire/image-reference';
import { pullImage, removeImage, resolveImage, storedImage, storedImages, type DeleteRecord, type PullRecord } from './image-store';
import { inspectImage } from './inspect-image';
import { emptyUpper, type UpperLayer } from '../kernel/filesystem';
import { LOCAL_PORT_RANGE } from '../kernel/sysctl';
import { containerEtcFiles, type EtcFiles, type HostEtc } from './etc-files';
import { formatIpv4 } from '../wire/ipv4';
import * as packages from './packages';
import * as volumes from './volumes';
import * as health from './health';
import { startService, type ServiceStart } from './services';
import { containerPause } from './pause-loader';
import type { DaemonEvent } from './events';

export type { EngineState } from './daemon';
export type { ContainerCreateRequest } from './containers';
export type { NetworkCreateRequest } from './networks';

/**
 * The Docker daemon's API. It changes the host only through kernel operations, the
 * same ones `ip` uses, so what `ip addr` shows after `docker network create` is
 * what the engine did. The work itself is in networks.ts, containers.ts and
 * endpoints.ts.
 */
export class Engine {
  private readonly daemon: Daemon;

  constructor(
    readonly state: EngineState,
    kernel: Kernel,
    random: SeededRandom,
    clock: VirtualClock,
  ) {
    this.daemon = { state, kernel, random, clock };
  }

  /** dockerd's first start: docker0 with 172.17.0.1/16, and the host and none networks. */
  static start(kernel: Kernel, random: SeededRandom, clock: VirtualClock, pulledImages: readonly string[] = DEFAULT_PULLED_IMAGES): Engine {
    const images = pulledImages.map((reference) => familiarString(parseImageReference(reference)));
    const engine = new Engine({ networks: [], containers: [], lastPid: 1000 + random.int(0, 800), lastEphemeralPort: LOCAL_PORT_RANGE.last, images }, kernel, random, clock);
    bootDaemon(engine.daemon);
    return engine;
  }

  /** docker.service: whether dockerd runs, since when, with which configuration, and its journal. */
  service(): Readonly<ServiceState> | undefined {
    return this.state.service;
  }

  /** dockerd's process for ps: its PID and start, null while it is down; undefined for the one the host booted with. */
  dockerdProcess(): { pid: number; startMs: number } | null | undefined {
    const service = this.state.service;
    if (!service || service.pid === DOCKERD_PID) return service?.active === 'active' || !service ? undefined : null;
    return service.active === 'active' ? { pid: service.pid, startMs: service.activeEnterMs } : null;
  }

  /** `systemctl stop docker`: every container stops, dockerd exits. */
  stopDaemon(): void {
    stopDaemon(this.daemon);
  }

  /** `systemctl start docker` with daemon.json's text (undefined when there is no file): 'failed' when dockerd refused it. */
  startDaemon(config: DaemonConfigSource): StartOutcome {
    return startDaemon(this.daemon, config);
  }

  /** `systemctl restart docker`: a stop and a start under one job. */
  restartDaemon(config: DaemonConfigSource): StartOutcome {
    return restartDaemon(this.daemon, config);
  }

  /** `systemctl stop docker.socket`: the service stops with it, and the socket closes. */
  stopSocket(): void {
    stopSocket(this.daemon);
  }

  /** `systemctl reset-failed docker`. */
  resetFailed(): void {
    resetFailed(this.daemon);
  }

  /** Time passes while a client waits on a container (a foreground server until Ctrl-C). */
  advanceClock(ms: number): void {
    this.daemon.clock.advance(ms);
  }

  /** A process started in a container or on the host (`docker exec`, `ps` itself): the next PID, without drawing from the seed. */
  spawnProcess(): number {
    this.state.lastPid += 1;
    return this.state.lastPid;
  }

  /** The daemon's clock, which `docker ps` compares creation and start times with. */
  /** An ID a client makes up on this host (Compose's one-off slug, stringid.GenerateRandomID): from the host's seeded random, so a session repeats. */
  clientRandomId(): string {
    return this.daemon.random.hex(64);
  }

  now(): number {
    return this.daemon.clock.now();
  }

  /** The swarm this node manages, after `docker swarm init`. */
  swarm(): Readonly<SwarmState> | undefined {
    return this.state.swarm;
  }

  /**
   * Runs one of the swarm's operations (engine/swarm.ts), which the `docker swarm`
   * tool module brings with it so that the core never loads them.
   */
  swarmOperation<T>(operation: (daemon: Daemon) => T): T {
    return operation(this.daemon);
  }

  networks(): readonly Network[] {
    return this.state.networks;
  }

  findNetwork(reference: string): Network {
    return networks.findNetwork(this.daemon, reference);
  }

  createNetwork(request: networks.NetworkCreateRequest): Network {
    return networks.createNetwork(this.daemon, request);
  }

  removeNetwork(reference: string): Network {
    return networks.removeNetwork(this.daemon, reference);
  }

  /** POST /networks/prune: the unused networks `matches` accepts (the prune filter), removed. */
  pruneNetworks(matches: (network: Network) => boolean = () => true): string[] {
    return networks.pruneNetworks(this.daemon, matches);
  }

  containers(): readonly Container[] {
    return this.state.containers;
  }

  findContainer(reference: string): Container {
    return containers.findContainer(this.daemon, reference);
  }

  /** POST /containers/create: the new container and the warnings the daemon answers with. */
  createContainer(request: containers.ContainerCreateRequest): { container: Container; warnings: string[] } {
    const container = containers.createContainer(this.daemon, request);
    return { container, warnings: createWarnings({ networkMode: request.networkMode, publish: request.publish, links: request.links ?? [] }) };
  }

  startContainer(reference: string): Container {
    return containers.startContainer(this.daemon, reference);
  }

  /**
   * The processes of a running container's cgroup, by their host PIDs, as
   * ContainerTop lists them (daemon/top_unix.go: the task's PIDs, else a
   * conflict `container ID is not running`).
   */
  containerProcesses(reference: string, shells: readonly ShellProcess[] = []): HostProcess[] {
    const container = containers.findContainer(this.daemon, reference);
    if (container.status !== 'running') throw new EngineError('conflict', `container ${container.id} is not running`);
    return hostProcessTable({ containers: this.state.containers, root: this.daemon.kernel.root, shells, hostUser: 'root' }).filter((process) => process.container === container.id);
  }

  /** Why runc could not exec `program` in the container (`exec: "bash": executable file not found in $PATH`), if it could not. */
  execLookupError(reference: string, program: string): string | undefined {
    return lookPathError(containers.findContainer(this.daemon, reference), program);
  }

  /** POST /containers/{name}/rename. */
  renameContainer(oldName: string, newName: string): Container {
    return containers.renameContainer(this.daemon, oldName, newName);
  }

  stopContainer(reference: string): Container {
    return containers.stopContainer(this.daemon, reference);
  }

  killContainer(reference: string): Container {
    return containers.killContainer(this.daemon, reference);
  }

  /** POST /containers/{name}/pause: the container's cgroup is frozen. */
  pauseContainer(reference: string): Container {
    return containerPause().pauseContainer(this.daemon, reference);
  }

  /** POST /containers/{name}/unpause. */
  unpauseContainer(reference: string): Container {
    return containerPause().unpauseContainer(this.daemon, reference);
  }

  /** What the events service keeps, oldest first: `docker events` filters and prints them. */
  events(): readonly DaemonEvent[] {
    return this.state.events ?? [];
  }

  /** The container's first process ended by itself with `exitCode` (an interactive shell's `exit`), having written `output`. */
  firstProcessExited(reference: string, exitCode: number, output: readonly Omit<LogEntry, 'timeMs'>[] = []): Container {
    const container = containers.findContainer(this.daemon, reference);
    for (const entry of output) container.logs.push({ ...entry, timeMs: this.now() });
    return containers.exitContainer(this.daemon, container, exitCode);
  }

  /**
   * A web server in `namespace` answered a request: nginx's access log goes to
   * its container's stdout (the image links /var/log/nginx/access.log to
   * /dev/stdout), so `docker logs` shows the line. Other servers' logs are not
   * modelled yet.
   */
  recordServed(namespace: Namespace, served: ServedHttp): void {
    if (served.server !== 'nginx') return;
    const container = this.daemon.state.containers.find((candidate) => candidate.namespaceId === namespace.id && candidate.status === 'running');
    if (!container) return;
    if (served.status === 404) {
      // ~: which worker accepts is the kernel's choice (EPOLLEXCLUSIVE); the first is taken. Connections are counted by the requests logged since the master started.
      const texts = container.logs.map((entry) => entry.text);
      const since = texts.findLastIndex((text) => text.endsWith('[notice] 1#1: start worker processes'));
      const connection = texts.slice(since + 1).filter((text) => / - - \[[^\]]+\] "/.test(text)).length + 1;
      container.logs.push({ stream: 'stderr', text: nginxNotFoundLine(served, currentWorkers(container)[0] ?? 1, connection, served.host), timeMs: served.timeMs });
    }
    container.logs.push({ stream: 'stdout', text: nginxAccessLine(served), timeMs: served.timeMs });
  }

  /**
   * `nginx -s SIGNAL` in the container: the master's PID from /run/nginx.pid, or
   * undefined when no nginx master runs there. The master logs what it does;
   * quit and stop end it, and the container with it.
   */
  signalNginx(reference: string, signal: NginxSignal): number | undefined {
    const container = containers.findContainer(this.daemon, reference);
    if (!runsNginxMaster(container)) return undefined;
    const sender = nextNginxPid(container);
    const { logs, exits } = nginxSignalled(container, signal, sender, this.now());
    if (exits) this.firstProcessExited(container.id, 0, logs);
    else for (const entry of logs) container.logs.push({ ...entry, timeMs: this.now() });
    return sender;
  }

  /** The PID a process `nginx -s` would get in the container. */
  nextNginxPid(reference: string): number {
    return nextNginxPid(containers.findContainer(this.daemon, reference));
  }

  /** Ctrl-C reaches the first process (SIGINT): it logs what it logs on the way out and the container stops. */
  interrupt(reference: string): Container {
    const container = containers.findContainer(this.daemon, reference);
    const { logs, exitCode } = interruptedBy(container, this.now());
    return this.firstProcessExited(container.id, exitCode, logs);
  }

  /** `removeVolumes`: `docker rm -v`. */
  removeContainer(reference: string, force: boolean, removeVolumes = false): Container {
    return containers.removeContainer(this.daemon, reference, force, removeVolumes);
  }

  /** When the container's next health probe starts, if it is due by now. */
  dueHealthProbe(reference: string): number | undefined {
    return health.dueProbe(containers.findContainer(this.daemon, reference), this.now());
  }

  /** A probe's result, as the daemon's health monitor handles it. */
  recordHealthProbe(reference: string, result: health.ProbeResult): void {
    health.recordProbe(containers.findContainer(this.daemon, reference), result);
  }

  /** POST /volumes/create. */
  createVolume(request: { name?: string | undefined; labels?: Record<string, string> | null; options?: Record<string, string> | null }): volumes.Volume {
    return volumes.createVolume(this.daemon, request);
  }

  volumes(): readonly volumes.Volume[] {
    return volumes.listVolumes(this.daemon);
  }

  /** GET /volumes/{name}: the volume, or EngineError not-found. */
  findVolume(name: string): volumes.Volume {
    return volumes.findVolume(this.daemon, name);
  }

  /** The containers that reference a volume (a volume's RefCount). */
  volumeUsers(name: string): readonly Container[] {
    return volumes.volumeUsers(this.daemon, name);
  }

  /** DELETE /volumes/{name}. */
  removeVolume(name: string, force: boolean): void {
    volumes.removeVolume(this.daemon, name, force);
  }

  /** POST /volumes/prune: the names of the volumes removed. */
  pruneVolumes(matches: (volume: volumes.Volume) => boolean): string[] {
    return volumes.pruneVolumes(this.daemon, matches);
  }

  /** A container's mounts, each with the files of its volume (undefined for a bind mount, whose files are the host's). */
  containerMounts(reference: string): { mount: volumes.MountPoint; files: UpperLayer | undefined }[] {
    const container = containers.findContainer(this.daemon, reference);
    return volumes.mountPoints(container).map((mount) => ({ mount, files: mount.type === 'volume' ? this.state.volumes?.find((v) => v.name === mount.name)?.files : undefined }));
  }

  connect(networkReference: string, containerReference: string, options: containers.ConnectOptions = {}): void {
    containers.connect(this.daemon, networkReference, containerReference, options);
  }

  /** `force`: -f, as POST /networks/{id}/disconnect's Force. */
  disconnect(networkReference: string, containerReference: string, force = false): void {
    containers.disconnect(this.daemon, networkReference, containerReference, force);
  }

  /** The stored image a reference names, or undefined when the host has not pulled it. */
  findImage(reference: string): ImageInfo | undefined {
    return storedImage(this.daemon, reference);
  }

  /** Every reference in the image store with the image it names. */
  images(): { reference: string; image: ImageInfo }[] {
    return storedImages(this.daemon);
  }

  /** GET /images/{name}/json: the API object, or EngineError not-found. */
  inspectImage(refOrId: string): Record<string, unknown> {
    return inspectImage(resolveImage(this.daemon, refOrId), this.state.imageTagTimes ?? {});
  }

  /** DELETE /images/{name}: what was untagged and deleted, or EngineError (not-found, conflict). */
  removeImage(refOrId: string, force: boolean): DeleteRecord[] {
    return removeImage(this.daemon, refOrId, force);
  }

  /** POST /containers/prune: every container that is not running goes; their IDs newest first, as daemon.List() sorts them (moby daemon/prune.go). */
  pruneContainers(): string[] {
    const stopped = this.state.containers.filter((container) => container.status !== 'running').sort((a, b) => b.createdMs - a.createdMs);
    for (const container of stopped) containers.removeContainer(this.daemon, container.id, false);
    return stopped.map((container) => container.id);
  }

  /** `docker pull`: fetches the image from the registry into the store; throws EngineError when the registry refuses. */
  pullImage(reference: string): PullRecord {
    return pullImage(this.daemon, reference);
  }

  /** A running container's /etc/hosts, /etc/resolv.conf and /etc/hostname, from the host's own files. */
  containerEtcFiles(reference: string, host: HostEtc): EtcFiles {
    const own = containers.findContainer(this.daemon, reference);
    // container:NAME bind-mounts NAME's files (initializeNetworkingPaths); once NAME is gone, its own are all that is left.
    const owner = connectedContainer(own.networkMode);
    const container = (owner !== undefined && this.state.containers.find((c) => c.id === owner)) || own;
    const bridge = this.state.networks.find((network) => network.options['com.docker.network.bridge.default_bridge'] === 'true');
    const links = container.networkMode === 'bridge' || container.networkMode === 'default' ? container.config.links.flatMap((link) => legacyLink(this.daemon, link, bridge?.id)) : [];
    // daemon.json's dns stands in for --dns when the container has none (container_operations_unix.go setupDNS... via sandbox options).
    const daemonDns = this.state.service?.config.dns ?? [];
    const withDns = container.config.dns.length > 0 || daemonDns.length === 0 ? container : { ...container, config: { ...container.config, dns: daemonDns.map(formatIpv4) } };
    return containerEtcFiles(withDns, this.state.networks, host, links);
  }

  /** The programs on a container's PATH: its image's and what its package manager installed. */
  /** The container's writable layer over its image's files, made on first use; it goes when the container is removed. */
  containerFiles(reference: string): UpperLayer {
    const container = containers.findContainer(this.daemon, reference);
    return (container.files ??= emptyUpper());
  }

  containerTools(reference: string): Readonly<Record<string, string>> {
    return packages.containerTools(containers.findContainer(this.daemon, reference));
  }

  /** `apt update` in a container: its package lists are filled. */
  updatePackageLists(reference: string): void {
    packages.updateLists(containers.findContainer(this.daemon, reference));
  }

  /** Which of `names` the container's package manager can locate, and which are new to it. */
  planInstall(reference: string, names: readonly string[]): packages.InstallPlan {
    return packages.planInstall(containers.findContainer(this.daemon, reference), names);
  }

  /** `apt install` / `apk add` of packages the plan located: their tools appear in that container only. */
  installPackages(reference: string, names: readonly string[]): void {
    packages.install(containers.findContainer(this.daemon, reference), names);
  }

  /** The image's init script at `path`, if it has one. */
  serviceAt(reference: string, path: string): { name: string; service: ImageService } | undefined {
    return packages.serviceAt(containers.findContainer(this.daemon, reference), path);
  }

  /** `SCRIPT start` of the image's init script at `script`, in a running container. */
  startService(reference: string, script: string): ServiceStart | undefined {
    const container = containers.findContainer(this.daemon, reference);
    const found = packages.serviceAt(container, script);
    return found && startService(this.daemon, container, found.name, found.service);
  }

  /** What the embedded DNS server (127.0.0.11) answers a container asking for `name`. */
  resolveName(containerReference: string, name: string): Ipv4[] {
    const querier = containers.findContainer(this.daemon, containerReference);
    const found = resolveContainerName(this.daemon, querier, name);
    if (found.length < 2) return found;
    // handleIPQuery shuffles a longer answer (rand.Shuffle, libnetwork resolver.go): round robin among a
    // service's replicas. Its draws hang off a count of such answers, so the seeded stream stays as it was.
    const turn = (this.state.shuffledAnswers = (this.state.shuffledAnswers ?? 0) + 1);
    const shuffled = [...found];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = derivedInt(querier.id, `dns-answer-${turn}-${i}`, i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled;
  }

  /** What it answers for AAAA: the IPv6 addresses, none for a name with only IPv4 ones, undefined for a name it does not know. */
  resolveName6(containerReference: string, name: string): string[] | undefined {
    return resolveContainerName6(this.daemon, containers.findContainer(this.daemon, containerReference), name);
  }
}

/**
 * A --link on the default bridge as /etc/hosts lists it (addLegacyLinks in
 * daemon/container_operations_unix.go): the alias, the linked container's
 * hostname, and its name unless the alias is the name; its address.
 */
function legacyLink(daemon: Daemon, link: string, bridgeId: string | undefined): { names: string; address: string }[] {
  const [name, alias = name] = link.split(':') as [string, string | undefined];
  const child = daemon.state.containers.find((c) => c.name === name.replace(/^\//, ''));
  const endpoint = child?.endpoints.find((e) => e.networkId === bridgeId);
  if (!child || !endpoint?.address) return [];
  return [{ names: [alias, child.hostname, ...(alias === child.name ? [] : [child.name])].join(' '), address: formatIpv4(endpoint.address.address) }];
}
