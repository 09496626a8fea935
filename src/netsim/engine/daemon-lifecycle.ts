import { linkNamed } from '../kernel/namespace';
import { cidr, contains, networkOf } from '../wire/cidr';
import { offsetIpv4 } from '../wire/ipv4';
import { parseIpv6Cidr } from '../wire/ipv6';
import type { Container } from './container';
import {
  firewallConfig,
  program,
  type CatalogReference,
  type Daemon,
  type JournalEntry,
  type ServiceState,
} from './daemon';
import { DEFAULT_DAEMON_CONFIG, type DaemonConfig, type DaemonConfigSource } from './daemon-config';
import { daemonConfigReader } from './daemon-config-loader';
import { bridgeConfig } from './bridge-driver';
import { apply, bridgeNetworkRules, installDaemonRules, removeDaemonRules } from './firewall';
import { DOCKERD_PID, HOST_BOOT_MS } from './host-processes';
import * as containers from './containers';
import * as networks from './networks';
import type { Network } from './network';

/** The default bridge's options, as dockerd reports them (initBridgeDriver). */
const DEFAULT_BRIDGE_OPTIONS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/** moby's dockerversion for the simulated engine (cli/docker/version.ts cites the tag). */
const ENGINE_VERSION = { version: '29.7.2', commit: '6a43e3d' };

/** docker.service's Description (contrib/init/systemd/docker.service), which systemd's job lines quote. */
const UNIT = 'docker.service - Docker Application Container Engine';

/**
 * dockerd's start, with the configuration it read: its chains (unless
 * `iptables` is false), the default bridge (docker0 at `bip`, or the first free
 * pool), and the host and none networks on a first start.
 */
function bringUp(daemon: Daemon, config: DaemonConfig, first: boolean): void {
  const service = (daemon.state.service ??= newService());
  // The events service lives in dockerd's memory: a new process starts with none.
  delete daemon.state.events;
  const oldBridge = daemon.state.networks.find((network) => network.name === 'bridge' && network.driver === 'bridge');
  if (config.iptables) tearDownRules(daemon, service.rulesHairpin);
  // The default network is deleted and made again at every start (initBridgeDriver), so it gets a new ID; docker0 itself stays.
  daemon.state.networks = daemon.state.networks.filter((network) => network !== oldBridge);
  service.config = config;
  if (config.iptables) {
    installDaemonRules(daemon.kernel, firewallConfig(daemon));
    service.rulesHairpin = firewallConfig(daemon).hairpin;
  }
  // The bridge driver sets up the networks it stored first (populateNetworks), then initBridgeDriver makes the default one.
  for (const network of daemon.state.networks) {
    if (network.driver === 'bridge' && network.bridgeName)
      program(daemon, networkRules(network, firewallConfig(daemon).hairpin), true);
  }
  const bridge = addDefaultBridge(daemon, config);
  if (oldBridge) renameNetwork(daemon, oldBridge.id, bridge.id);
  if (first)
    daemon.state.networks.push(
      networks.newNetwork(daemon, 'host', 'host'),
      networks.newNetwork(daemon, 'none', 'null'),
    );
}

function networkRules(network: Network, hairpin: boolean) {
  const config = bridgeConfig(network);
  // ~: an IPv6-only network's ip6tables rules are not set up again at a restart.
  if (network.ipam.length === 0) return [];
  return bridgeNetworkRules(
    network.bridgeName!,
    network.ipam[0]!.subnet,
    { internal: network.internal, icc: config.icc, masquerade: config.masquerade, gatewayMode: config.gatewayMode },
    { hairpin },
  );
}

/**
 * What an earlier run left in the kernel goes before this one adds its own
 * (NewIptabler's removeIPChains; each network's rules deleted by the spec they
 * were added with, `hairpin` as that run had it). Only a start with iptables
 * does this: with `"iptables": false` the firewaller is a stub and whatever an
 * earlier run wrote stays until a later one cleans it.
 */
function tearDownRules(daemon: Daemon, hairpin: boolean | undefined): void {
  if (hairpin === undefined) return;
  for (const network of daemon.state.networks) {
    if (network.driver === 'bridge' && network.bridgeName) apply(daemon.kernel, networkRules(network, hairpin), false);
  }
  removeDaemonRules(daemon.kernel);
}

/**
 * Containers name the default network by its name, `bridge` (NetworkSettings.Networks);
 * the ID they hold for it follows the network made at this start.
 */
function renameNetwork(daemon: Daemon, from: string, to: string): void {
  for (const container of daemon.state.containers) {
    container.networks = container.networks.map((id) => (id === from ? to : id));
    const settings = container.endpointSettings[from];
    if (settings) {
      delete container.endpointSettings[from];
      container.endpointSettings[to] = settings;
    }
  }
}

/** docker0 at `bip` (its address is the gateway, its network the subnet), or the first free subnet of the pools. */
function addDefaultBridge(daemon: Daemon, config: DaemonConfig): Network {
  const root = daemon.kernel.root;
  const docker0 = linkNamed(root, 'docker0');
  for (const address of docker0?.addresses ?? [])
    daemon.kernel.deleteAddress(root, 'docker0', address.cidr.address, address.cidr.prefix);
  const subnet = config.bip ? networkOf(config.bip) : networks.defaultBridgeSubnet(daemon, config.defaultAddressPools);
  const gateway = config.bip ? config.bip.address : offsetIpv4(subnet.address, 1);
  const ipv6 = config.ipv6
    ? { fixedCidrV6: config.fixedCidrV6 === undefined ? undefined : parseIpv6Cidr(config.fixedCidrV6) }
    : undefined;
  return networks.addDefaultBridge(daemon, DEFAULT_BRIDGE_OPTIONS, cidr(subnet.address, subnet.prefix), gateway, ipv6);
}

/**
 * docker.service as the host booted it. Nothing here draws from the seed, so a
 * host's IDs and addresses stay what they were before the service was
 * modelled; ~: the boot's invocation and job IDs are plausible fixed values.
 */
function bootService(startedMs: number): ServiceState {
  return {
    active: 'active',
    pid: DOCKERD_PID,
    sinceMs: startedMs + 425,
    activeEnterMs: startedMs + 425,
    invocationId: BOOT_INVOCATION_ID,
    startsMs: [startedMs],
    inactiveExitEntry: 0,
    lastJobId: BOOT_JOB_ID,
    config: DEFAULT_DAEMON_CONFIG,
    rulesHairpin: false,
    journal: startJournal(startedMs, DOCKERD_PID, BOOT_JOB_ID),
  };
}

const BOOT_INVOCATION_ID = '5d0c3f8e7a1b4c29b6e4a07f13d2c958';
const BOOT_JOB_ID = 187;

/** A host saved before the service was modelled: dockerd as it booted. */
function newService(): ServiceState {
  return bootService(HOST_BOOT_MS + 5_000);
}

/** dockerd as the host boots it (docker.service enabled): defaults unless a snapshot says otherwise; its journal starts at boot. */
export function bootDaemon(daemon: Daemon): void {
  daemon.state.service = newService();
  bringUp(daemon, DEFAULT_DAEMON_CONFIG, true);
}

/**
 * The lines a start writes to the journal, each from where moby or systemd
 * logs it: systemd's job start (`Starting UNIT...`), dockerd's `Starting up`
 * (daemon/command/daemon.go start), `Loading containers: start.` and `done.`
 * (daemon/daemon.go restore), `Docker daemon` with its fields sorted as
 * logrus' text formatter sorts them (daemon.go NewDaemon), `Daemon has
 * completed initialization` and `API listen on /run/docker.sock` (the socket
 * docker.socket passes with -H fd://), and systemd's `Started UNIT.`. A real
 * start logs more lines between them (containerd, buildkit, the firewall).
 */
function startJournal(atMs: number, pid: number, jobId: number): JournalEntry[] {
  const dockerd = (message: string, offsetMs: number) => ({
    timeMs: atMs + offsetMs,
    identifier: `dockerd[${pid}]`,
    message: logfmt(atMs + offsetMs, pid, message),
  });
  return [
    systemd(atMs, `Starting ${UNIT}...`, { kind: 'start-begun', jobId }),
    dockerd('msg="Starting up"', 12),
    dockerd('msg="Loading containers: start."', 140),
    dockerd('msg="Loading containers: done."', 310),
    dockerd(
      `msg="Docker daemon" commit=${ENGINE_VERSION.commit} containerd-snapshotter=true storage-driver=overlayfs version=${ENGINE_VERSION.version}`,
      330,
    ),
    dockerd('msg="Daemon has completed initialization"', 420),
    dockerd('msg="API listen on /run/docker.sock"', 425),
    systemd(atMs + 425, `Started ${UNIT}.`, { kind: 'start-done', jobId }),
  ];
}

/** A line systemd logs about docker.service, with its catalog entry if it has one. */
function systemd(timeMs: number, message: string, catalog?: CatalogReference): JournalEntry {
  return { timeMs, identifier: 'systemd[1]', message, ...(catalog ? { catalog } : {}) };
}

/** The next job ID systemd hands out: other units' jobs (timers, sessions) take a few in between, ~: a plausible count. */
function nextJob(service: ServiceState): number {
  service.lastJobId = (service.lastJobId ?? 187) + 1 + (service.journal.length % 7);
  return service.lastJobId;
}

/**
 * logrus' TextFormatter as dockerd sets it up (daemon/command: RFC3339Nano with
 * nine digits, `jsonmessage.RFC3339NanoFixed`): `time="..." level=info msg=...`.
 * The nanoseconds are the millisecond's, padded, and the PID's last digits, so
 * two lines never share a stamp.
 */
function logfmt(atMs: number, pid: number, fields: string): string {
  const iso = new Date(atMs).toISOString();
  const nanos = `${iso.slice(20, 23)}${String((pid * 7919 + atMs) % 1_000_000).padStart(6, '0')}`;
  return `time="${iso.slice(0, 19)}.${nanos}Z" level=info ${fields}`;
}

/**
 * What `systemctl stop docker` does: SIGTERM to dockerd, which stops every
 * container (Daemon.Shutdown) and exits. A restart's stop and start are one
 * job, under one ID.
 */
export function stopDaemon(daemon: Daemon, jobId?: number): void {
  const service = (daemon.state.service ??= newService());
  if (service.active !== 'active') return;
  const job = jobId ?? nextJob(service);
  const now = daemon.clock.now();
  const dockerd = (message: string, offsetMs = 0) => ({
    timeMs: now + offsetMs,
    identifier: `dockerd[${service.pid}]`,
    message: logfmt(now + offsetMs, service.pid, message),
  });
  service.journal.push(
    systemd(now, `Stopping ${UNIT}...`, { kind: 'stop-begun', jobId: job }),
    dockerd(`msg="Processing signal 'terminated'"`),
  );
  // Shutdown stops them all at once (shutdownContainer in parallel): one grace period at most, not one each.
  const running = daemon.state.containers.filter((container) => container.status === 'running');
  for (const container of running.filter((c) => c.stopsOnSigterm)) containers.exitContainer(daemon, container, 0);
  const killed = running.filter((c) => !c.stopsOnSigterm);
  if (killed.length > 0) daemon.clock.advance(10_000);
  for (const container of killed) containers.exitContainer(daemon, container, 137);
  const end = daemon.clock.now() - now;
  service.journal.push(
    dockerd('msg="Daemon shutdown complete"', end),
    systemd(now + end, 'docker.service: Deactivated successfully.', { kind: 'unit-succeeded' }),
    systemd(now + end, `Stopped ${UNIT}.`, { kind: 'stop-done', jobId: job, jobResult: 'done' }),
  );
  Object.assign(service, { active: 'inactive', sinceMs: now + end, activeExitMs: now, exitStatus: 0 });
}

/** docker.service's StartLimitBurst=3 in StartLimitIntervalSec=60, and RestartSec=2 between automatic restarts (Restart=always). */
const START_LIMIT = { burst: 3, intervalMs: 60_000 };
const RESTART_SEC_MS = 2_000;

export type StartOutcome = 'started' | 'failed' | 'start-limit-hit';

/**
 * What `systemctl start docker` does (and docker.socket's activation): systemd
 * refuses a fourth start within a minute (unit_test_start_limit); otherwise
 * dockerd reads daemon.json. A configuration it refuses ends it at once,
 * status 1, and Restart=always tries again every RestartSec until the start
 * limit gives up, each try reading the same file. A start that succeeds sets
 * the host up again and starts the containers whose restart policy says so
 * (restartmanager ShouldRestart: always; unless-stopped unless stopped by
 * hand; on-failure after a non-zero exit).
 */
export function startDaemon(daemon: Daemon, source: DaemonConfigSource, jobId?: number): StartOutcome {
  const service = (daemon.state.service ??= newService());
  if (service.active === 'active') return 'started';
  let job = jobId ?? nextJob(service);
  if (startLimited(service, daemon.clock.now())) {
    refuseStart(daemon, service, 'start-limit-hit', job);
    return 'start-limit-hit';
  }
  for (let restart = 1; ; restart++) {
    if (tryStart(daemon, service, source, job)) return 'started';
    daemon.clock.advance(RESTART_SEC_MS);
    const now = daemon.clock.now();
    // Each automatic restart is a job of its own: its stop half ends at once, its start half is the next try.
    job = nextJob(service);
    service.journal.push(
      systemd(now, `docker.service: Scheduled restart job, restart counter is at ${restart}.`, {
        kind: 'restart-scheduled',
      }),
      systemd(now, `Stopped ${UNIT}.`, { kind: 'stop-done', jobId: job, jobResult: 'done' }),
    );
    if (startLimited(service, now)) {
      refuseStart(daemon, service, 'exit-code', job);
      return 'failed';
    }
  }
}

/** `systemctl restart docker`: one restart job, its stop and then its start. */
export function restartDaemon(daemon: Daemon, source: DaemonConfigSource): StartOutcome {
  const service = (daemon.state.service ??= newService());
  const job = nextJob(service);
  stopDaemon(daemon, job);
  return startDaemon(daemon, source, job);
}

function startLimited(service: ServiceState, now: number): boolean {
  return (service.startsMs ?? []).filter((at) => now - at < START_LIMIT.intervalMs).length >= START_LIMIT.burst;
}

/** The start limit says no: the unit fails with the result it had (or start-limit-hit for a start asked for), and docker.socket with it. */
function refuseStart(
  daemon: Daemon,
  service: ServiceState,
  result: 'exit-code' | 'start-limit-hit',
  jobId: number,
): void {
  const now = daemon.clock.now();
  service.journal.push(
    systemd(now, 'docker.service: Start request repeated too quickly.'),
    systemd(now, `docker.service: Failed with result '${result}'.`, { kind: 'unit-failed', result }),
    systemd(now, `Failed to start ${UNIT}.`, { kind: 'start-failed', jobId, jobResult: 'failed' }),
  );
  // docker.socket gives up with it (`Failed with result 'service-start-limit-hit'`): the socket is closed.
  Object.assign(service, { active: 'failed', result, sinceMs: now, socket: 'failed' });
}

/**
 * `systemctl stop docker.socket`, which Debian's `service docker stop` runs
 * first (init-system-helpers' service stops the sockets that trigger the
 * unit): docker.service, which Requires= it, stops too, and nothing listens on
 * /run/docker.sock until a start.
 */
export function stopSocket(daemon: Daemon): void {
  stopDaemon(daemon);
  const service = (daemon.state.service ??= newService());
  if (service.socket !== 'failed') service.socket = 'inactive';
}

/** `systemctl reset-failed docker`: the failed state and the start counter go. */
export function resetFailed(daemon: Daemon): void {
  const service = daemon.state.service;
  if (!service) return;
  service.startsMs = [];
  if (service.active === 'failed') Object.assign(service, { active: 'inactive', result: 'success' });
}

/** One run of dockerd: up, or ended at once by its configuration or by a clash of docker0 with a network. */
function tryStart(daemon: Daemon, service: ServiceState, source: DaemonConfigSource, jobId: number): boolean {
  const now = daemon.clock.now();
  service.startsMs = [...(service.startsMs ?? []).filter((at) => now - at < START_LIMIT.intervalMs), now];
  service.inactiveExitEntry = service.journal.length;
  daemon.state.lastPid += 1 + daemon.random.int(0, 40);
  const pid = daemon.state.lastPid;
  const dockerd = (message: string, offsetMs: number): JournalEntry => ({
    timeMs: now + offsetMs,
    identifier: `dockerd[${pid}]`,
    message,
  });
  const failed = (lines: JournalEntry[], endMs: number) => {
    service.journal.push(
      systemd(now, `Starting ${UNIT}...`, { kind: 'start-begun', jobId }),
      ...lines,
      ...failureLines(now + endMs, jobId),
    );
    Object.assign(service, {
      active: 'failed',
      result: 'exit-code',
      pid,
      sinceMs: now + endMs,
      exitStatus: 1,
      invocationId: daemon.random.hex(32),
    });
    return false;
  };
  const read = daemonConfigReader().readDaemonConfig(source);
  if ('error' in read) return failed([dockerd(read.error, 40)], 45);
  const problem = defaultBridgeProblem(daemon, read.config);
  if (problem !== undefined) {
    const error = `failed to start daemon: Error initializing network controller: error creating default "bridge" network: ${problem}`;
    // start()'s deferred log line carries the error (logrus quotes it), then main prints it to stderr.
    return failed(
      [
        dockerd(logfmt(now + 12, pid, 'msg="Starting up"'), 12),
        dockerd(logfmt(now + 150, pid, `msg="Daemon shutdown complete" error=${JSON.stringify(error)}`), 150),
        dockerd(error, 150),
      ],
      155,
    );
  }
  bringUp(daemon, read.config, false);
  Object.assign(service, {
    active: 'active',
    result: 'success',
    socket: 'active',
    pid,
    sinceMs: now + 425,
    activeEnterMs: now + 425,
    exitStatus: undefined,
    invocationId: daemon.random.hex(32),
  });
  service.journal.push(...startJournal(now, pid, jobId));
  for (const container of daemon.state.containers.filter(shouldRestart)) {
    try {
      containers.startContainer(daemon, container.id);
    } catch {
      // A container that cannot start again (its port taken meanwhile) stays exited, as restore logs and goes on.
    }
  }
  return true;
}

/** What systemd logs when dockerd exits with status 1 before it is ready. */
function failureLines(atMs: number, jobId: number): JournalEntry[] {
  return [
    systemd(atMs, 'docker.service: Main process exited, code=exited, status=1/FAILURE', {
      kind: 'process-exited',
      status: 1,
    }),
    systemd(atMs, "docker.service: Failed with result 'exit-code'.", { kind: 'unit-failed', result: 'exit-code' }),
    systemd(atMs, `Failed to start ${UNIT}.`, { kind: 'start-failed', jobId, jobResult: 'failed' }),
  ];
}

/**
 * Whether docker0 at `bip` would clash with a bridge network that exists:
 * the bridge driver's checkConflict, which fails the daemon's start before it
 * changes anything. Pools only offer subnets no network uses.
 */
function defaultBridgeProblem(daemon: Daemon, config: DaemonConfig): string | undefined {
  if (!config.bip) return undefined;
  const subnet = networkOf(config.bip);
  const other = daemon.state.networks.find(
    (network) =>
      network.driver === 'bridge' &&
      network.name !== 'bridge' &&
      network.bridgeName &&
      network.ipam[0] &&
      (contains(network.ipam[0]!.subnet, config.bip!.address) || contains(subnet, network.ipam[0]!.gateway!)),
  );
  if (!other) return undefined;
  return `cannot create network ${daemon.random.hex(64)} (docker0): conflicts with network ${other.id} (${other.bridgeName}): networks have overlapping IPv4`;
}

/** container.ShouldRestart at restore (restartmanager.go): the policy, the exit code and whether a user stopped it. */
function shouldRestart(container: Container): boolean {
  if (container.status !== 'exited' || container.starts === 0) return false;
  const { name } = container.config.restartPolicy;
  if (name === 'always') return true;
  if (name === 'unless-stopped') return !container.manuallyStopped;
  if (name === 'on-failure') return container.exitCode !== 0;
  return false;
}
