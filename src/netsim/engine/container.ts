import type { Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import type { Mac } from '../wire/mac';
import type { PortMapping, Protocol } from '../wire/port-spec';

export type ContainerStatus = 'created' | 'running' | 'exited';

/** A container's attachment to one network (libnetwork's endpoint). */
export interface Endpoint {
  readonly networkId: string;
  readonly endpointId: string;
  readonly address: Cidr;
  readonly gateway: Ipv4;
  readonly mac: Mac;
  readonly aliases: readonly string[];
  /** Ports published through this endpoint (the container's first network). */
  published: PublishedPort[];
  /** Host end of the veth while the container runs. */
  hostVeth: string | undefined;
  /** Name of the interface inside the container: eth0, eth1... */
  readonly interfaceName: string;
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
  readonly name: string;
  readonly image: string;
  /** Entrypoint and command joined, as `docker ps` shows them. */
  readonly command: string;
  readonly createdMs: number;
  readonly hostname: string;
  readonly autoRemove: boolean;
  /** `bridge`, a network name, `host` or `none`, as given to --network. */
  readonly networkMode: string;
  status: ContainerStatus;
  exitCode: number;
  startedMs: number | undefined;
  finishedMs: number | undefined;
  pid: number | undefined;
  /** The container's network namespace while it runs (the host's for --network host). */
  namespaceId: number | undefined;
  /** IDs of the networks the container is configured on, in connection order. */
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
}
