import type { Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import type { Mac } from '../wire/mac';

export type ContainerStatus = 'created' | 'running' | 'exited';

/** A container's attachment to one network (libnetwork's endpoint). */
export interface Endpoint {
  readonly networkId: string;
  readonly endpointId: string;
  readonly address: Cidr;
  readonly gateway: Ipv4;
  readonly mac: Mac;
  readonly aliases: readonly string[];
  /** Host end of the veth while the container runs. */
  hostVeth: string | undefined;
  /** Name of the interface inside the container: eth0, eth1... */
  readonly interfaceName: string;
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
  /** --ip for the network given at run time. */
  readonly requestedIp: Ipv4 | undefined;
}
