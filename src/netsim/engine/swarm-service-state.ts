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
  readonly vips: readonly { readonly networkId: string; readonly address: Cidr }[];
  readonly createdMs: number;
  updatedMs: number;
  tasks: SwarmTask[];
}

/** A task: one slot of the service, run by a container named `service.slot.taskID`. */
export interface SwarmTask {
  readonly id: string;
  readonly slot: number;
  readonly containerId: string;
  readonly createdMs: number;
}
