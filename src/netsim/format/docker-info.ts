import { humanDuration } from './human-duration';

/**
 * `docker info` without --format: docker/cli v29.7.2 cli/command/system/info.go
 * prettyPrintInfo, prettyPrintClientInfo and prettyPrintServerInfo, for a daemon
 * in no swarm (printSwarmInfo prints nothing for `inactive`) or managing one. Go's
 * fmt.Fprintln puts a space between its operands: `" Containers:", 3` prints
 * ` Containers: 3`.
 */
export interface DockerInfoRecord {
  readonly client: {
    readonly platform: string;
    readonly version: string;
    readonly context: string;
    readonly plugins: readonly {
      name: string;
      shortDescription: string;
      vendor: string;
      version: string;
      path: string;
    }[];
  };
  readonly server: {
    readonly containers: number;
    readonly running: number;
    readonly paused: number;
    readonly stopped: number;
    readonly images: number;
    readonly serverVersion: string;
    readonly driver: string;
    readonly driverStatus: readonly (readonly [string, string])[];
    readonly loggingDriver: string;
    readonly cgroupDriver: string;
    readonly cgroupVersion: string;
    readonly plugins: {
      readonly volume: readonly string[];
      readonly network: readonly string[];
      readonly log: readonly string[];
    };
    readonly cdiSpecDirs: readonly string[];
    readonly swarm: string;
    /** An active swarm's report (printSwarmInfo), after the `Swarm:` line. */
    readonly swarmNode?: SwarmNodeRecord;
    readonly runtimes: readonly string[];
    readonly defaultRuntime: string;
    readonly initBinary: string;
    readonly containerdCommit: string;
    readonly runcCommit: string;
    readonly initCommit: string;
    /** security.DecodeOptions of SecurityOptions: each name, and its profile if it has one. */
    readonly securityOptions: readonly { name: string; profile?: string }[];
    readonly kernelVersion: string;
    readonly operatingSystem: string;
    readonly osType: string;
    readonly architecture: string;
    readonly cpus: number;
    readonly memTotalBytes: number;
    readonly name: string;
    readonly id: string;
    readonly dockerRootDir: string;
    readonly debug: boolean;
    readonly experimental: boolean;
    readonly insecureRegistries: readonly string[];
    readonly liveRestore: boolean;
    readonly firewallBackend: { readonly driver: string; readonly info: readonly (readonly [string, string])[] };
  };
}

/** go-units BytesSize: binary units, `%.4g`, no space (`3.833GiB`). */
export function bytesSize(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  const text = size.toPrecision(4);
  return `${text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text}${units[unit]}`;
}

export function formatDockerInfo({ client, server }: DockerInfoRecord): string {
  const lines = [
    `Client: ${client.platform}`,
    ` Version:    ${client.version}`,
    ` Context:    ${client.context}`,
    ' Debug Mode: false',
  ];
  if (client.plugins.length > 0) {
    lines.push(' Plugins:');
    for (const plugin of client.plugins)
      lines.push(
        `  ${plugin.name}: ${plugin.shortDescription} (${plugin.vendor})`,
        `    Version:  ${plugin.version}`,
        `    Path:     ${plugin.path}`,
      );
  }
  lines.push('', 'Server:');
  lines.push(
    ` Containers: ${server.containers}`,
    `  Running: ${server.running}`,
    `  Paused: ${server.paused}`,
    `  Stopped: ${server.stopped}`,
    ` Images: ${server.images}`,
  );
  lines.push(
    ` Server Version: ${server.serverVersion}`,
    ` Storage Driver: ${server.driver}`,
    ...server.driverStatus.map(([key, value]) => `  ${key}: ${value}`),
  );
  lines.push(
    ` Logging Driver: ${server.loggingDriver}`,
    ` Cgroup Driver: ${server.cgroupDriver}`,
    ` Cgroup Version: ${server.cgroupVersion}`,
  );
  lines.push(
    ' Plugins:',
    `  Volume: ${server.plugins.volume.join(' ')}`,
    `  Network: ${server.plugins.network.join(' ')}`,
    `  Log: ${server.plugins.log.join(' ')}`,
  );
  if (server.cdiSpecDirs.length > 0)
    lines.push(' CDI spec directories:', ...server.cdiSpecDirs.map((dir) => `  ${dir}`));
  lines.push(
    ` Swarm: ${server.swarm}`,
    ...(server.swarmNode ? swarmLines(server.swarmNode) : []),
    ` Runtimes: ${server.runtimes.join(' ')}`,
    ` Default Runtime: ${server.defaultRuntime}`,
  );
  lines.push(
    ` Init Binary: ${server.initBinary}`,
    ` containerd version: ${server.containerdCommit}`,
    ` runc version: ${server.runcCommit}`,
    ` init version: ${server.initCommit}`,
  );
  if (server.securityOptions.length > 0) {
    lines.push(' Security Options:');
    for (const option of server.securityOptions)
      lines.push(`  ${option.name}`, ...(option.profile ? [`   Profile: ${option.profile}`] : []));
  }
  lines.push(
    ` Kernel Version: ${server.kernelVersion}`,
    ` Operating System: ${server.operatingSystem}`,
    ` OSType: ${server.osType}`,
    ` Architecture: ${server.architecture}`,
  );
  lines.push(
    ` CPUs: ${server.cpus}`,
    ` Total Memory: ${bytesSize(server.memTotalBytes)}`,
    ` Name: ${server.name}`,
    ` ID: ${server.id}`,
  );
  lines.push(
    ` Docker Root Dir: ${server.dockerRootDir}`,
    ` Debug Mode: ${server.debug}`,
    ` Experimental: ${server.experimental}`,
  );
  if (server.insecureRegistries.length > 0)
    lines.push(' Insecure Registries:', ...server.insecureRegistries.map((cidr) => `  ${cidr}`));
  lines.push(
    ` Live Restore Enabled: ${server.liveRestore}`,
    ` Firewall Backend: ${server.firewallBackend.driver}`,
    ...server.firewallBackend.info.map(([key, value]) => `  ${key}: ${value}`),
  );
  // prettyPrintServerInfo ends with an empty line; the daemon's warnings would follow on stderr.
  return `${lines.join('\n')}\n\n`;
}

/** system.Info's Swarm of a manager, and the cluster spec's values printSwarmInfo shows. */
export interface SwarmNodeRecord {
  readonly nodeId: string;
  readonly clusterId: string;
  readonly managers: number;
  readonly nodes: number;
  readonly defaultAddrPool: readonly string[];
  readonly subnetSize: number;
  readonly dataPathPort: number;
  readonly taskHistoryRetentionLimit: number;
  readonly raft: {
    readonly snapshotInterval: number;
    readonly keepOldSnapshots: number;
    readonly heartbeatTick: number;
    readonly electionTick: number;
  };
  readonly dispatcherHeartbeatMs: number;
  readonly nodeCertExpiryMs: number;
  readonly forceRotate: number;
  readonly autolock: boolean;
  readonly rootRotationInProgress: boolean;
  readonly nodeAddr: string;
  readonly managerAddresses: readonly string[];
}

/**
 * printSwarmInfo (cli/command/system/info.go) for a manager without error: each
 * pool followed by two spaces, durations through units.HumanDuration, manager
 * addresses sorted.
 */
function swarmLines(swarm: SwarmNodeRecord): string[] {
  return [
    `  NodeID: ${swarm.nodeId}`,
    '  Is Manager: true',
    `  ClusterID: ${swarm.clusterId}`,
    `  Managers: ${swarm.managers}`,
    `  Nodes: ${swarm.nodes}`,
    `  Default Address Pool: ${swarm.defaultAddrPool.map((pool) => `${pool}  `).join('')}`,
    `  SubnetSize: ${swarm.subnetSize}`,
    `  Data Path Port: ${swarm.dataPathPort}`,
    '  Orchestration:',
    `   Task History Retention Limit: ${swarm.taskHistoryRetentionLimit}`,
    '  Raft:',
    `   Snapshot Interval: ${swarm.raft.snapshotInterval}`,
    `   Number of Old Snapshots to Retain: ${swarm.raft.keepOldSnapshots}`,
    `   Heartbeat Tick: ${swarm.raft.heartbeatTick}`,
    `   Election Tick: ${swarm.raft.electionTick}`,
    '  Dispatcher:',
    `   Heartbeat Period: ${humanDuration(swarm.dispatcherHeartbeatMs)}`,
    '  CA Configuration:',
    `   Expiry Duration: ${humanDuration(swarm.nodeCertExpiryMs)}`,
    `   Force Rotate: ${swarm.forceRotate}`,
    `  Autolock Managers: ${swarm.autolock}`,
    `  Root Rotation In Progress: ${swarm.rootRotationInProgress}`,
    `  Node Address: ${swarm.nodeAddr}`,
    '  Manager Addresses:',
    ...[...swarm.managerAddresses].sort().map((address) => `   ${address}`),
  ];
}
