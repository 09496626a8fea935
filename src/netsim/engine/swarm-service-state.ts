import type { Cidr } from '../wire/cidr';

/**
 * A replicated service of the single-node swarm, as swarmkit's store keeps it:
 * its spec (name, image, arguments, replicas, networks), the virtual IP the
 * allocator gave it on each network (endpoint mode vip), and its tasks, each a
 * container on this node.
 */
export interface SwarmService {
  /** identity.NewID, 25 characters, as the swarm's other objects. */
  readonly id: string;
  readonly name: string;
  /** The image as the spec names it, tagged (`nginx:latest`). */
  readonly image: string;
  /** ContainerSpec.Args: what follows the image on the command line. */
  readonly args: readonly string[];
  replicas: number;
  /** The networks' IDs, in the order --network gave them. */
  readonly networkIds: readonly string[];
  /** Endpoint.VirtualIPs: one address per network, taken from its pool before any task's. */
  vips: { readonly networkId: string; readonly address: Cidr }[];
  /** EndpointSpec.Ports as the client sent them (PublishedPort 0: the allocator's to choose). */
  specPorts: ServicePort[];
  /** Endpoint.Ports: the same, each ingress port given its published port. */
  ports: ServicePort[];
  readonly createdMs: number;
  updatedMs: number;
  /** Meta.Version.Index: 1 when created, one more at each update. */
  version: number;
  tasks: SwarmTask[];
}

/** swarm.PortConfig: what `--publish` makes of one port. */
export interface ServicePort {
  readonly protocol: 'tcp' | 'udp' | 'sctp';
  readonly targetPort: number;
  readonly publishedPort: number;
  /** `ingress` publishes on the routing mesh, `host` on the node the task runs on. */
  readonly publishMode: 'ingress' | 'host';
}

/** A task: one slot of the service, run by a container named `service.slot.taskID`. */
export interface SwarmTask {
  readonly id: string;
  readonly slot: number;
  /** Empty while the task is pending: the scheduler found no node for it. */
  readonly containerId: string;
  readonly createdMs: number;
  /** Status.Err of a task the scheduler could not place (scheduler.go: `no suitable node (...)`). */
  readonly pendingError?: string;
}
