import { HOST_CPUS, HOST_KERNEL_RELEASE, HOST_MEM_TOTAL_KB } from '../../engine/host-processes';
import type { SwarmState } from '../../engine/swarm-state';
import { formatDockerInfo, type DockerInfoRecord, type SwarmNodeRecord } from '../../format/docker-info';
import { compileTemplate, renderInspectTemplate, TemplateError } from '../../format/go-template';
import { goStruct, NIL_SLICE } from '../../wire/go-value';
import { fail, ok } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { DOCKER_VERSIONS } from './release';

/**
 * The part of system.Info (moby docker-v29.7.2 api/types/system/info.go) this
 * host can state for sure: counts, the containerd store's `overlayfs`
 * snapshotter, the kernel and OS, and a swarm that was never initialised
 * (api/types/swarm/swarm.go Info, LocalNodeState `inactive`). The rest of the
 * struct (plugins, runtimes, security options, memory...) is not modelled.
 */
function info({ engine }: DockerContext): Record<string, unknown> {
  const containers = engine.containers.list();
  const running = containers.filter((c) => c.status === 'running').length;
  return goStruct({
    Containers: containers.length,
    ContainersRunning: running,
    ContainersPaused: 0,
    ContainersStopped: containers.length - running,
    Images: new Set(engine.images.list().map((entry) => entry.image)).size,
    Driver: 'overlayfs',
    KernelVersion: HOST_KERNEL_RELEASE,
    OperatingSystem: 'Debian GNU/Linux 13 (trixie)',
    OSType: 'linux',
    Architecture: 'x86_64',
    ServerVersion: DOCKER_VERSIONS.engine.version,
    Swarm: swarmInfo(engine.swarm.state()),
  });
}

/**
 * swarm.Info (api/types/swarm/swarm.go): a manager of one node lists itself as
 * its remote manager. ~: the Cluster struct (its spec, TLS info, pools) is not
 * in the simulator's --format data; the text report prints what it says.
 */
function swarmInfo(swarm: Readonly<SwarmState> | undefined): Record<string, unknown> {
  if (!swarm)
    return goStruct({
      NodeID: '',
      NodeAddr: '',
      LocalNodeState: 'inactive',
      ControlAvailable: false,
      Error: '',
      RemoteManagers: NIL_SLICE,
    });
  const address = `${swarm.advertiseAddr}:${swarm.advertisePort}`;
  return goStruct({
    NodeID: swarm.nodeId,
    NodeAddr: swarm.advertiseAddr,
    LocalNodeState: 'active',
    ControlAvailable: true,
    Error: '',
    RemoteManagers: [goStruct({ NodeID: swarm.nodeId, Addr: address })],
    Nodes: 1,
    Managers: 1,
  });
}

/**
 * What printSwarmInfo shows of a swarm `docker swarm init` made with its
 * defaults: swarmkit's default spec (task history 5, Raft snapshots every
 * 10000 entries, heartbeat tick 1, election tick 10, dispatcher heartbeat 5s,
 * node certificates for 2160h), the default pool 10.0.0.0/8 in /24s, VXLAN port 4789.
 */
function swarmNodeRecord(swarm: Readonly<SwarmState>): SwarmNodeRecord {
  const hour = 3_600_000;
  return {
    nodeId: swarm.nodeId,
    clusterId: swarm.clusterId,
    managers: 1,
    nodes: 1,
    defaultAddrPool: ['10.0.0.0/8'],
    subnetSize: 24,
    dataPathPort: 4789,
    taskHistoryRetentionLimit: 5,
    raft: { snapshotInterval: 10000, keepOldSnapshots: 0, heartbeatTick: 1, electionTick: 10 },
    dispatcherHeartbeatMs: 5000,
    nodeCertExpiryMs: 2160 * hour,
    forceRotate: 0,
    autolock: false,
    rootRotationInProgress: false,
    nodeAddr: swarm.advertiseAddr,
    managerAddresses: [`${swarm.advertiseAddr}:${swarm.advertisePort}`],
  };
}

/**
 * The daemon's ID (daemon/id.go loadOrCreateID: a random UUID written to
 * /var/lib/docker/engine-id at first start); fixed for this simulated host.
 */
const ENGINE_ID = '5c1f7a2e-8d3b-4e6a-9f10-2b7c4d8e6a31';

/**
 * The Compose plugin's version, as its module reports it (compose/resources.ts
 * COMPOSE_VERSION; a test holds them equal): importing it would load the Compose
 * module, which is fetched only when a line names it.
 */
export const COMPOSE_PLUGIN_VERSION = '2.40.3';

/**
 * What `docker info` prints for this host. Client: the docker-ce-cli package and
 * the plugins of its Recommends in /usr/libexec/docker/cli-plugins (buildx at
 * moby docker-v29.7.2 Dockerfile's BUILDX_VERSION, compose as netsim's Compose
 * module reports itself). Server: moby docker-v29.7.2 daemon/info.go SystemInfo on
 * Debian 13 with cgroup v2 and systemd: the containerd image store's `overlayfs`
 * snapshotter (daemon/containerd/service.go: driver-type), json-file logging,
 * the CDI directories, runc under both names, AppArmor, seccomp's `builtin`
 * profile and cgroupns (fillSecurityOptions), the loopback registries
 * (daemon/pkg/registry/config.go), and the firewall backend with the userland
 * proxy (libnetwork/controller_linux.go FirewallBackend). Layout and the values
 * Docker 29 prints for them as in a user's Docker 29.4.1 capture
 * (github.com/caprover/caprover/issues/2377).
 */
function infoRecord({ engine }: DockerContext): DockerInfoRecord {
  const swarm = engine.swarm.state();
  const containers = engine.containers.list();
  const running = containers.filter((c) => c.status === 'running').length;
  const { client, engine: server, containerd, runc, dockerInit } = DOCKER_VERSIONS;
  const plugin = (name: string, shortDescription: string, version: string) => ({
    name,
    shortDescription,
    vendor: 'Docker Inc.',
    version,
    path: `/usr/libexec/docker/cli-plugins/docker-${name}`,
  });
  return {
    client: {
      platform: 'Docker Engine - Community',
      version: client.version,
      context: 'default',
      plugins: [
        plugin('buildx', 'Docker Buildx', 'v0.36.0'),
        plugin('compose', 'Docker Compose', `v${COMPOSE_PLUGIN_VERSION}`),
      ],
    },
    server: {
      containers: containers.length,
      running,
      paused: 0,
      stopped: containers.length - running,
      images: new Set(engine.images.list().map((entry) => entry.image)).size,
      serverVersion: server.version,
      driver: 'overlayfs',
      driverStatus: [['driver-type', 'io.containerd.snapshotter.v1']],
      loggingDriver: 'json-file',
      cgroupDriver: 'systemd',
      cgroupVersion: '2',
      plugins: {
        volume: ['local'],
        network: ['bridge', 'host', 'ipvlan', 'macvlan', 'null', 'overlay'],
        log: ['awslogs', 'fluentd', 'gcplogs', 'gelf', 'journald', 'json-file', 'local', 'splunk', 'syslog'],
      },
      cdiSpecDirs: ['/etc/cdi', '/var/run/cdi'],
      swarm: engine.swarm.state() ? 'active' : 'inactive',
      ...(swarm && { swarmNode: swarmNodeRecord(swarm) }),
      // A Go map's names, in the order one run printed them.
      runtimes: ['io.containerd.runc.v2', 'runc'],
      defaultRuntime: 'runc',
      initBinary: 'docker-init',
      containerdCommit: containerd.gitCommit,
      runcCommit: runc.gitCommit,
      initCommit: dockerInit.gitCommit,
      securityOptions: [{ name: 'apparmor' }, { name: 'seccomp', profile: 'builtin' }, { name: 'cgroupns' }],
      kernelVersion: HOST_KERNEL_RELEASE,
      operatingSystem: 'Debian GNU/Linux 13 (trixie)',
      osType: 'linux',
      architecture: 'x86_64',
      cpus: HOST_CPUS,
      memTotalBytes: HOST_MEM_TOTAL_KB * 1024,
      name: 'docker-host',
      id: ENGINE_ID,
      dockerRootDir: '/var/lib/docker',
      debug: false,
      experimental: false,
      insecureRegistries: ['::1/128', '127.0.0.0/8'],
      liveRestore: false,
      firewallBackend: {
        driver: 'iptables',
        info: [
          ['EnableUserlandProxy', 'true'],
          ['UserlandProxyPath', '/usr/bin/docker-proxy'],
        ],
      },
    },
  };
}

/** `docker info` / `docker system info` (docker/cli v29.7.2 cli/command/system/info.go). */
const infoCommand: CommandSpec<DockerContext> = {
  path: 'docker info',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [{ name: 'format', short: 'f', takesValue: true }],
  run({ values }, context) {
    const format = values.get('format')?.at(-1) ?? '';
    if (format === '') return ok(formatDockerInfo(infoRecord(context)));
    try {
      return ok(
        `${renderInspectTemplate(compileTemplate(format === 'json' ? '{{json .}}' : format), info(context))}\n`,
      );
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      return fail(`template parsing error: ${error.message}\n`, 64);
    }
  },
};

export const INFO_COMMANDS = { info: infoCommand };
