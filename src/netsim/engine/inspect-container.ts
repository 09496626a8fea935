import { rfc3339Nano } from '../wire/go-time';
import { GoAddr, goStruct, NIL_MAP, NIL_POINTER, NIL_SLICE } from '../wire/go-value';
import { formatIpv4 } from '../wire/ipv4';
import { stateString, type Container, type Endpoint, type EndpointSettings } from './container';
import { connectedContainer, isUserDefined, parseLink } from './container-config';
import { derivedInt, derivedNanos } from './derived';
import { imageInfo } from './images';
import type { Network } from './network';
import { modeEndpointId } from './mode-networks';
import { sandboxIdOf, sandboxKey } from './sandbox-key';
import { mountPoints } from './volumes';
import type { Healthcheck, HealthState } from './health';

/**
 * `GET /containers/{id}/json` as Docker 29 answers API 1.52+ (moby docker-v29.7.2
 * api/types/container InspectResponse, State, HostConfig, Config,
 * NetworkSettings; network.EndpointSettings; daemon/inspect.go getInspectData),
 * fields in the order of the Go structs, which is the order the JSON has. The
 * containerd image store is the default, so there is `Storage` and no
 * `GraphDriver`, and the top-level network fields of NetworkSettings are gone.
 * Structs are marked (go-value.ts) so `--format` templates fail or print as on
 * the typed value. Defaults of a Debian 13 host (cgroup v2, AppArmor, no CPU
 * thermal_throttle directories as on a virtual machine) and of a client that is
 * not a terminal (ConsoleSize 0x0).
 */
export function inspectContainer(container: Container, networks: readonly Network[]): Record<string, unknown> {
  const { config } = container;
  const image = imageInfo(container.image)!;
  const process = [...(config.entrypoint ?? []), ...(config.cmd ?? [])];
  // From its first start, a container in container:ID mode uses that container's files (initializeNetworkingPaths).
  const filesOf = container.starts > 0 ? (connectedContainer(container.networkMode) ?? container.id) : container.id;
  const files = `/var/lib/docker/containers/${filesOf}`;
  return goStruct(
    {
      Id: container.id,
      Created: timestamp(container, 'created', container.createdMs),
      Path: process[0] ?? '',
      Args: process.slice(1),
      State: state(container),
      Image: image.digest,
      ResolvConfPath: `${files}/resolv.conf`,
      HostnamePath: `${files}/hostname`,
      HostsPath: `${files}/hosts`,
      LogPath: `/var/lib/docker/containers/${container.id}/${container.id}-json.log`,
      Name: `/${container.name}`,
      RestartCount: 0,
      Driver: 'overlayfs',
      Platform: 'linux',
      MountLabel: '',
      ProcessLabel: '',
      AppArmorProfile: 'docker-default',
      ExecIDs: NIL_SLICE,
      HostConfig: hostConfig(container),
      Storage: goStruct({ RootFS: goStruct({ Snapshot: goStruct({ Name: 'overlayfs' }) }) }),
      Mounts: mounts(container),
      Config: containerConfig(container),
      NetworkSettings: networkSettings(container, networks),
      ImageManifestDescriptor: goStruct(
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: image.manifest.digest,
          size: image.manifest.size,
          platform: goStruct(
            { architecture: 'amd64', os: 'linux' },
            { renamed: { Architecture: 'architecture', OS: 'os' } },
          ),
        },
        {
          renamed: { MediaType: 'mediaType', Digest: 'digest', Size: 'size', Platform: 'platform' },
          omitted: { URLs: NIL_SLICE, Annotations: NIL_MAP, Data: NIL_SLICE, ArtifactType: '' },
        },
      ),
    },
    { renamed: { ID: 'Id' }, omitted: { GraphDriver: NIL_POINTER, SizeRw: NIL_POINTER, SizeRootFs: NIL_POINTER } },
  );
}

const ZERO_TIME = '0001-01-01T00:00:00Z';

/** The clock's millisecond and derived nanoseconds; `lagMs` puts a start after its create in the same tick. */
function timestamp(container: Container, label: string, ms: number, lagMs = 0): string {
  const at = ms + lagMs;
  return rfc3339Nano(at, derivedNanos(container.id, label, at));
}

function state(container: Container): Record<string, unknown> {
  const running = container.status === 'running';
  return goStruct(
    {
      Status: stateString(container),
      Running: running,
      Paused: container.paused ?? false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: running ? (container.pid ?? 0) : 0,
      ExitCode: container.exitCode,
      Error: '',
      // runc takes a few hundred milliseconds to start the first process.
      StartedAt:
        container.startedMs === undefined
          ? ZERO_TIME
          : timestamp(
              container,
              `started-${container.starts}`,
              container.startedMs,
              40 + derivedInt(container.id, `lag-${container.starts}`, 300),
            ),
      FinishedAt:
        container.finishedMs === undefined
          ? ZERO_TIME
          : timestamp(container, `finished-${container.finishedMs}`, container.finishedMs),
      ...(container.health && { Health: healthState(container.health) }),
    },
    { omitted: container.health ? {} : { Health: NIL_POINTER } },
  );
}

/** container.Health: the status, the failing streak, the last probes (HealthcheckResult, times as RFC 3339 with nanoseconds). */
function healthState(health: HealthState): Record<string, unknown> {
  const time = (ms: number) => rfc3339Nano(ms, (ms % 1000) * 1_000_000);
  return goStruct({
    Status: health.status,
    FailingStreak: health.failingStreak,
    Log: health.log.map((entry) =>
      goStruct({ Start: time(entry.startMs), End: time(entry.endMs), ExitCode: entry.exitCode, Output: entry.output }),
    ),
  });
}

/** HealthConfig: the durations in nanoseconds (time.Duration), each omitted when zero, as Retries is. */
function healthConfig(check: Healthcheck): Record<string, unknown> {
  const ns = (ms: number) => ms * 1_000_000;
  return goStruct({
    Test: [...check.test],
    ...(check.intervalMs > 0 && { Interval: ns(check.intervalMs) }),
    ...(check.timeoutMs > 0 && { Timeout: ns(check.timeoutMs) }),
    ...(check.startPeriodMs > 0 && { StartPeriod: ns(check.startPeriodMs) }),
    ...(check.startIntervalMs > 0 && { StartInterval: ns(check.startIntervalMs) }),
    ...(check.retries > 0 && { Retries: check.retries }),
  });
}

/** The masks runc applies when the container is not privileged (daemon/pkg/oci/defaults.go). */
const MASKED_PATHS = [
  '/proc/acpi',
  '/proc/asound',
  '/proc/interrupts',
  '/proc/kcore',
  '/proc/keys',
  '/proc/latency_stats',
  '/proc/sched_debug',
  '/proc/scsi',
  '/proc/timer_list',
  '/proc/timer_stats',
  '/sys/devices/virtual/powercap',
  '/sys/firmware',
];
const READONLY_PATHS = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

const HOST_CONFIG_NAMES = {
  DNS: 'Dns',
  DNSOptions: 'DnsOptions',
  DNSSearch: 'DnsSearch',
  CPUShares: 'CpuShares',
  NanoCPUs: 'NanoCpus',
  CPUPeriod: 'CpuPeriod',
  CPUQuota: 'CpuQuota',
  CPURealtimePeriod: 'CpuRealtimePeriod',
  CPURealtimeRuntime: 'CpuRealtimeRuntime',
  CPUCount: 'CpuCount',
  CPUPercent: 'CpuPercent',
};

function hostConfig(container: Container): Record<string, unknown> {
  const { config } = container;
  const binds = config.volumes.filter((spec) => spec.includes(':'));
  // getInspectData lists legacy links as `/child:/parent/alias`; a user-defined network keeps them on the endpoint.
  const links = isUserDefined(container.networkMode)
    ? []
    : config.links.map((link) => `/${parseLink(link).name}:/${container.name}/${parseLink(link).alias}`);
  return goStruct(
    {
      Binds: binds.length > 0 ? binds : NIL_SLICE,
      ContainerIDFile: '',
      LogConfig: goStruct({ Type: 'json-file', Config: {} }),
      NetworkMode: container.networkMode,
      PortBindings: portMap(
        config.portBindings.map((m) => ({
          key: `${m.containerPort}/${m.protocol}`,
          hostIp: m.hostIp,
          hostPort: m.hostPort === undefined ? '' : String(m.hostPort),
        })),
      ),
      RestartPolicy: goStruct({
        Name: config.restartPolicy.name,
        MaximumRetryCount: config.restartPolicy.maximumRetryCount,
      }),
      AutoRemove: container.autoRemove,
      VolumeDriver: '',
      VolumesFrom: NIL_SLICE,
      ConsoleSize: [0, 0],
      CapAdd: NIL_SLICE,
      CapDrop: NIL_SLICE,
      CgroupnsMode: 'private',
      // The CLI sends nil for no --dns (toNetipAddrSlice) but empty lists for the others.
      Dns: config.dns.length > 0 ? config.dns.map((dns) => new GoAddr(dns)) : NIL_SLICE,
      DnsOptions: [...config.dnsOptions],
      DnsSearch: [...config.dnsSearch],
      ExtraHosts: config.extraHosts.length > 0 ? [...config.extraHosts] : NIL_SLICE,
      GroupAdd: NIL_SLICE,
      IpcMode: 'private',
      Cgroup: '',
      Links: links.length > 0 ? links : NIL_SLICE,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: false,
      PublishAllPorts: config.publishAll,
      ReadonlyRootfs: false,
      SecurityOpt: NIL_SLICE,
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      CpuShares: 0,
      Memory: 0,
      NanoCpus: 0,
      CgroupParent: '',
      BlkioWeight: 0,
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: [],
      BlkioDeviceWriteBps: [],
      BlkioDeviceReadIOps: [],
      BlkioDeviceWriteIOps: [],
      CpuPeriod: 0,
      CpuQuota: 0,
      CpuRealtimePeriod: 0,
      CpuRealtimeRuntime: 0,
      CpusetCpus: '',
      CpusetMems: '',
      Devices: [],
      DeviceCgroupRules: NIL_SLICE,
      DeviceRequests: NIL_SLICE,
      MemoryReservation: 0,
      MemorySwap: 0,
      // cgroup v2 has no swappiness nor OOM-kill switch: the daemon drops both (verifyPlatformContainerResources).
      MemorySwappiness: NIL_POINTER,
      OomKillDisable: NIL_POINTER,
      PidsLimit: NIL_POINTER,
      Ulimits: [],
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      // mount.Mount (api/types/mount): Source, Target and ReadOnly omitted when empty; VolumeOptions only when set.
      ...(config.mounts &&
        config.mounts.length > 0 && {
          Mounts: config.mounts.map((m) => ({
            Type: m.type,
            ...(m.source !== '' && { Source: m.source }),
            Target: m.target,
            ...(m.readOnly && { ReadOnly: true }),
            ...(m.noCopy && { VolumeOptions: { NoCopy: true } }),
          })),
        }),
      MaskedPaths: [...MASKED_PATHS],
      ReadonlyPaths: [...READONLY_PATHS],
    },
    {
      renamed: HOST_CONFIG_NAMES,
      omitted: {
        Annotations: NIL_MAP,
        StorageOpt: NIL_MAP,
        Tmpfs: NIL_MAP,
        Sysctls: NIL_MAP,
        Mounts: NIL_SLICE,
        Init: NIL_POINTER,
      },
    },
  );
}

/** A PortMap: bindings grouped by `port/proto`, keys sorted as encoding/json sorts map keys. */
function portMap(
  bindings: { key: string; hostIp: string; hostPort: string }[],
  unbound: string[] = [],
): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const key of [...new Set([...bindings.map((b) => b.key), ...unbound])].sort()) {
    const own = bindings.filter((b) => b.key === key);
    map[key] =
      own.length === 0
        ? NIL_SLICE
        : own.map((b) =>
            goStruct({ HostIp: new GoAddr(b.hostIp), HostPort: b.hostPort }, { renamed: { HostIP: 'HostIp' } }),
          );
  }
  return map;
}

function mounts(container: Container): Record<string, unknown>[] {
  return mountPoints(container).map((mount) => {
    const shape = { omitted: mount.type === 'bind' ? { Name: '', Driver: '' } : {} };
    return mount.type === 'bind'
      ? goStruct(
          {
            Type: 'bind',
            Source: mount.source,
            Destination: mount.destination,
            Mode: mount.mode,
            RW: mount.rw,
            Propagation: 'rprivate',
          },
          shape,
        )
      : goStruct(
          {
            Type: 'volume',
            Name: mount.name,
            Source: mount.source,
            Destination: mount.destination,
            Driver: 'local',
            Mode: mount.mode,
            RW: mount.rw,
            Propagation: '',
          },
          shape,
        );
  });
}

function containerConfig(container: Container): Record<string, unknown> {
  const { config } = container;
  const exposed = Object.fromEntries(
    container.exposed
      .map((e) => `${e.port}/${e.protocol}`)
      .sort()
      .map((key) => [key, goStruct({})]),
  );
  // Config.Volumes: -v's anonymous volumes and, merged in, the image's VOLUMEs, mounted or not (daemon/commit.go merge).
  const anonymous = [
    ...new Set([
      ...config.volumes.filter((spec) => !spec.includes(':')),
      ...(imageInfo(container.image)?.volumes ?? []),
    ]),
  ].sort();
  const fields: Record<string, unknown> = {
    Hostname: container.hostname,
    Domainname: '',
    User: '',
    AttachStdin: config.attachStdin,
    AttachStdout: config.attachStdout,
    AttachStderr: config.attachStderr,
    ...(Object.keys(exposed).length > 0 ? { ExposedPorts: exposed } : {}),
    Tty: config.tty,
    OpenStdin: config.openStdin,
    StdinOnce: config.stdinOnce,
    Env: [...config.env],
    Cmd: config.cmd ? [...config.cmd] : NIL_SLICE,
    ...(config.healthcheck && { Healthcheck: healthConfig(config.healthcheck) }),
    Image: container.imageName ?? container.image,
    Volumes: anonymous.length > 0 ? Object.fromEntries(anonymous.map((path) => [path, goStruct({})])) : NIL_MAP,
    WorkingDir: config.workingDir,
    Entrypoint: config.entrypoint ? [...config.entrypoint] : NIL_SLICE,
    Labels: Object.fromEntries(
      Object.keys(config.labels)
        .sort()
        .map((key) => [key, config.labels[key]]),
    ),
    ...(config.stopSignal ? { StopSignal: config.stopSignal } : {}),
  };
  return goStruct(fields, {
    omitted: {
      ExposedPorts: NIL_MAP,
      Healthcheck: NIL_POINTER,
      ArgsEscaped: false,
      NetworkDisabled: false,
      OnBuild: NIL_SLICE,
      StopSignal: '',
      StopTimeout: NIL_POINTER,
      Shell: NIL_SLICE,
    },
  });
}

function networkSettings(container: Container, networks: readonly Network[]): Record<string, unknown> {
  const running = container.status === 'running';
  const sandboxId = sandboxIdOf(container);
  const published = container.endpoints
    .flatMap((e) => e.published)
    .map((p) => ({
      key: `${p.containerPort}/${p.protocol}`,
      hostIp: p.hostIp,
      hostPort: p.hostPort === 0 ? '' : String(p.hostPort),
    }));
  const exposedKeys = container.exposed.map((e) => `${e.port}/${e.protocol}`);
  return goStruct({
    SandboxID: running && sandboxKey(container) !== undefined ? sandboxId : '',
    SandboxKey: sandboxKey(container) ?? '',
    // releaseNetwork drops the port map when the container stops.
    Ports: running ? portMap(published, exposedKeys) : {},
    Networks: Object.fromEntries(
      endpointsOf(container, networks)
        .sort((a, b) => (a.network.name < b.network.name ? -1 : 1))
        .map(({ network, settings, endpoint }) => [
          network.name,
          endpointSettings(container, network, settings, endpoint),
        ]),
    ),
  });
}

interface Attachment {
  network: Pick<Network, 'id' | 'name'> & Partial<Network>;
  settings: EndpointSettings | undefined;
  endpoint: Endpoint | undefined;
}

/** The networks the container is configured on, under the name each had: a removed one stays until disconnected. */
function endpointsOf(container: Container, networks: readonly Network[]): Attachment[] {
  return container.networks.flatMap((id) => {
    const settings = container.endpointSettings[id];
    const network = networks.find((n) => n.id === id) ?? (settings && { id, name: settings.networkName });
    return network
      ? [{ network, settings, endpoint: container.endpoints.find((e) => e.networkId === id && e.name === undefined) }]
      : [];
  });
}

function endpointSettings(
  container: Container,
  network: Attachment['network'],
  settings: EndpointSettings | undefined,
  endpoint: Endpoint | undefined,
): Record<string, unknown> {
  const running = container.status === 'running';
  // A stop keeps NetworkID (cleanOperationalData).
  const joined = running || settings?.joined === true;
  // The host and none networks have an endpoint without addresses while the container runs.
  const endpointId =
    endpoint?.endpointId ?? (network.driver ? modeEndpointId(container, network as Network) : undefined) ?? '';
  return goStruct({
    IPAMConfig: ipamConfig(settings),
    Links: settings && settings.links.length > 0 ? [...settings.links] : NIL_SLICE,
    // docker network connect sends an empty list and map where docker run sends none (connect.go runConnect).
    Aliases: settings && (settings.aliases.length > 0 || settings.sentByConnect) ? [...settings.aliases] : NIL_SLICE,
    DriverOpts: settings?.driverOpts ? { ...settings.driverOpts } : NIL_MAP,
    GwPriority: settings?.gwPriority ?? 0,
    NetworkID: joined ? network.id : '',
    EndpointID: endpointId,
    Gateway: new GoAddr(endpoint?.gateway === undefined ? '' : formatIpv4(endpoint.gateway)),
    IPAddress: new GoAddr(endpoint?.address ? formatIpv4(endpoint.address.address) : ''),
    // Before the first start the MAC asked for shows; a stop clears it (cleanOperationalData).
    MacAddress: endpoint?.mac ?? (joined ? '' : (settings?.macAddress ?? '')),
    IPPrefixLen: endpoint?.address?.prefix ?? 0,
    IPv6Gateway: new GoAddr(endpoint?.gateway6 ?? ''),
    GlobalIPv6Address: new GoAddr(endpoint?.address6?.address ?? ''),
    GlobalIPv6PrefixLen: endpoint?.address6?.prefix ?? 0,
    DNSNames: joined && isUserDefined(network.name) ? dnsNames(container, settings) : NIL_SLICE,
  });
}

/** EndpointIPAMConfig: nil unless an address was asked for, or the request came from docker network connect, which always sends one. */
function ipamConfig(settings: EndpointSettings | undefined): unknown {
  const ipv4 = settings?.ipv4Address;
  const linkLocal = settings?.linkLocalIps ?? [];
  if (ipv4 === undefined && settings?.ipv6Address === undefined && linkLocal.length === 0 && !settings?.sentByConnect)
    return NIL_POINTER;
  // omitzero and omitempty: a field without a value is left out of the JSON, not of templates.
  const present: Record<string, unknown> = {};
  const omitted: Record<string, unknown> = {};
  (ipv4 === undefined ? omitted : present)['IPv4Address'] = new GoAddr(ipv4 === undefined ? '' : formatIpv4(ipv4));
  (settings?.ipv6Address === undefined ? omitted : present)['IPv6Address'] = new GoAddr(settings?.ipv6Address ?? '');
  if (linkLocal.length > 0) present['LinkLocalIPs'] = linkLocal.map((address) => new GoAddr(address));
  else omitted['LinkLocalIPs'] = NIL_SLICE;
  return goStruct(present, { omitted });
}

/** buildEndpointDNSNames: the name, the aliases, the short ID, then the hostname, each once. */
function dnsNames(container: Container, settings: EndpointSettings | undefined): string[] {
  return [...new Set([container.name, ...(settings?.aliases ?? []), container.id.slice(0, 12), container.hostname])];
}
