import type { Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import type { Ipv6Cidr } from '../wire/ipv6';
import type { Mac } from '../wire/mac';
import type { PortMapping, Protocol } from '../wire/port-spec';
import type { UpperLayer } from '../kernel/filesystem';
import type { PackageState } from './packages';
import type { MountRequest } from './volumes';
import type { Healthcheck, HealthState } from './health';

export type ContainerStatus = 'created' | 'running' | 'exited';

/** State.StateString (daemon/container/state.go): a paused container is still running, but says `paused`. */
export function stateString(container: {
  readonly status: ContainerStatus;
  readonly paused?: boolean;
}): ContainerStatus | 'paused' {
  return container.status === 'running' && container.paused ? 'paused' : container.status;
}

/** A container's attachment to one network (libnetwork's endpoint). */
export interface Endpoint {
  readonly networkId: string;
  readonly endpointId: string;
  /** None on a network with IPv4 disabled (--ipv4=false). */
  readonly address: Cidr | undefined;
  /** None on a macvlan or ipvlan network created without --gateway. */
  readonly gateway: Ipv4 | undefined;
  /** None for an ipvlan port, which uses its parent's. */
  readonly mac: Mac | undefined;
  /** The IPv6 address on a network with EnableIPv6, and that network's IPv6 gateway. */
  readonly address6?: Ipv6Cidr;
  readonly gateway6?: string | undefined;
  readonly aliases: readonly string[];
  /** Ports published through this endpoint (the container's first network). */
  published: PublishedPort[];
  /** Host end of the veth while the container runs. */
  hostVeth: string | undefined;
  /** Name of the interface inside the container: eth0, eth1... */
  readonly interfaceName: string;
  /**
   * libnetwork's name for an endpoint that is not the container's own: `gateway_` and
   * 12 hex of the sandbox ID on docker_gwbridge (default_gateway.go setupDefaultGW);
   * such an endpoint is in no NetworkSettings.Networks.
   */
  readonly name?: string;
  /** On a swarm network: the ID of the network attachment task the manager made for it (cluster.AttachNetwork). */
  readonly swarmTask?: string;
}

/** A host address and port forwarded to a container port, as `docker port` lists it. */
export interface PublishedPort {
  readonly hostIp: string;
  readonly hostPort: number;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

export interface Container {
  readonly id: string;
  /** Without the leading `/`; `docker rename` changes it, and the embedded DNS answers the new name. */
  name: string;
  /** The catalog's reference of its image, which every part of the model looks it up by. */
  readonly image: string;
  /** The image as the create request named it, when that is a `docker tag` name: what ps, inspect and events show. */
  readonly imageName?: string;
  /** The ID of the image when a commit made it: its files are the container's from the start, and it is what the container uses. */
  readonly committedImage?: string;
  /** Entrypoint and command joined, as `docker ps` shows them. */
  readonly command: string;
  readonly createdMs: number;
  /** Its own, or, from its start, that of the container whose network namespace it joined (container:NAME). */
  hostname: string;
  readonly autoRemove: boolean;
  /** `bridge`, a network name, `host` or `none`, as given to --network; `container:ID` for container:NAME. */
  readonly networkMode: string;
  status: ContainerStatus;
  /** Frozen by `docker pause` (the cgroup freezer) while it runs: State.Paused. */
  paused?: boolean;
  exitCode: number;
  startedMs: number | undefined;
  finishedMs: number | undefined;
  pid: number | undefined;
  /** The container's network namespace while it runs (the host's for --network host). */
  namespaceId: number | undefined;
  /** IDs of the networks the container is configured on, in connection order; host or none for those modes. */
  networks: string[];
  /** Live attachments, while it runs. */
  endpoints: Endpoint[];
  /** Whether the first process keeps running with the stdin it got (-i, -t, or a non-shell command). */
  readonly staysUp: boolean;
  readonly stopsOnSigterm: boolean;
  /** -p/--publish as given, ports allocated at each start. */
  readonly publish: readonly PortMapping[];
  /** Ports the image declares (EXPOSE) and --expose adds: `80/tcp` in `docker ps`. */
  readonly exposed: readonly { port: number; protocol: Protocol }[];
  /** --ip for the network given at run time. */
  readonly requestedIp: Ipv4 | undefined;
  /** What `docker create` was given and the image supplied, as the daemon keeps it for inspect. */
  readonly config: ContainerConfig;
  /** Per network ID: the endpoint configuration given at create or connect time. */
  endpointSettings: Record<string, EndpointSettings>;
  /** Stopped or killed through the API since its last start (HasBeenManuallyStopped): unless-stopped then stays down at the daemon's start. */
  manuallyStopped?: boolean;
  /** Times the container has been started; tells one sandbox from the next. */
  starts: number;
  /** What the first process wrote, for `docker logs`. */
  logs: LogEntry[];
  /** What apt or apk changed inside it; absent until the package manager first runs. */
  packages?: PackageState;
  /** The container's writable layer: what it wrote over its image's files, kept until it is removed; absent until the first write. */
  files?: UpperLayer;
  /** Services an init script started (`/etc/init.d/apache2 start`), by name, with their PID; they die with the container. */
  services?: Record<string, number>;
  /** State.Health: present once a container with a healthcheck has started. */
  health?: HealthState;
}

/**
 * Config and HostConfig as the daemon stores them: the request merged with the
 * image's defaults (moby daemon/commit.go merge) and the daemon's own defaults.
 */
export interface ContainerConfig {
  /** null when neither the image nor --entrypoint sets one. */
  readonly entrypoint: readonly string[] | null;
  readonly cmd: readonly string[] | null;
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly workingDir: string;
  readonly stopSignal: string | undefined;
  readonly tty: boolean;
  readonly openStdin: boolean;
  readonly attachStdin: boolean;
  readonly attachStdout: boolean;
  readonly attachStderr: boolean;
  readonly stdinOnce: boolean;
  readonly dns: readonly string[];
  readonly dnsSearch: readonly string[];
  readonly dnsOptions: readonly string[];
  readonly extraHosts: readonly string[];
  /** --link as given (`db` or `db:alias`); legacy links on the default bridge only. */
  readonly links: readonly string[];
  /** -v/--volume as given (HostConfig.Binds and the anonymous Volumes), mounted as engine/volumes.ts reads them. */
  readonly volumes: readonly string[];
  /** Config.Healthcheck (--health-*, Compose's healthcheck); absent when none was given. */
  readonly healthcheck?: Healthcheck;
  /** --mount (HostConfig.Mounts); absent when none was given. */
  readonly mounts?: readonly MountRequest[];
  readonly restartPolicy: { readonly name: string; readonly maximumRetryCount: number };
  /** -p as given, without what -P adds (HostConfig.PortBindings). */
  readonly portBindings: readonly PortMapping[];
  readonly publishAll: boolean;
}

/** The configuration part of a container's EndpointSettings on one network. */
export interface EndpointSettings {
  /** The key of NetworkSettings.Networks: the network's name when it was joined, kept if the network is removed. */
  readonly networkName: string;
  readonly aliases: readonly string[];
  /** --link on a user-defined network: aliases of the linked container, for this endpoint. */
  readonly links: readonly string[];
  readonly ipv4Address: Ipv4 | undefined;
  readonly macAddress: Mac | undefined;
  /** --ip6 of `docker network connect`, as Go's netip prints it. */
  readonly ipv6Address?: string | undefined;
  /** --link-local-ip, each added to the interface with a /16 (IPv4) mask (CreateOptionIPAM). */
  readonly linkLocalIps?: readonly string[] | undefined;
  /** --driver-opt; docker network connect always sends a map, even empty. */
  readonly driverOpts?: Readonly<Record<string, string>> | undefined;
  /** --gw-priority: the highest provides the default gateway (libnetwork Endpoint.Less). */
  readonly gwPriority?: number | undefined;
  /** Whether IPAMConfig and Aliases were sent as (maybe empty) values, not nil: docker network connect sends both. */
  readonly sentByConnect?: boolean | undefined;
  /** Whether the container has joined the network once: inspect keeps NetworkID and DNSNames after a stop. */
  joined: boolean;
}

export interface LogEntry {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
  readonly timeMs: number;
}
