import type { Endpoint } from './container';
import type { SwarmService } from './swarm-service-state';

/**
 * A single-node swarm, as `docker swarm init` leaves the daemon (daemon/cluster):
 * this node is its only manager. What the manager keeps (networks' VXLAN IDs,
 * their pools from 10.0.0.0/8) lives in the networks themselves (Network.swarm).
 */
export interface SwarmState {
  /** identity.NewID: 25 characters of base 36, as is the cluster's ID. */
  readonly nodeId: string;
  readonly clusterId: string;
  /** The address other nodes would reach this manager at, and its port (2377 unless given). */
  readonly advertiseAddr: string;
  readonly advertisePort: number;
  readonly createdMs: number;
  /** NetworkDB's name for this node (networkdb DefaultConfig: 12 hex digits), which `Peers` lists. */
  readonly networkDbNodeId: string;
  readonly workerToken: string;
  readonly managerToken: string;
  /**
   * ingress-sbox (daemon/network.go setupIngress): a namespace of its own with
   * ingress-endpoint on the ingress network and gateway_ingress-sbox on
   * docker_gwbridge; no container owns it, so its endpoints are kept here.
   */
  ingressSandbox: { readonly namespaceId: number; endpoints: Endpoint[] } | undefined;
  /** `docker service create` adds them; the tool module that brings services keeps them up. */
  services: SwarmService[];
}

/** The key and Name `docker network inspect` lists the ingress sandbox's endpoints under. */
export const INGRESS_SANDBOX = 'ingress-sbox';
