import type { Daemon } from '../daemon';
import type { Network } from '../network';
import * as containers from '../containers';
import * as networks from '../networks';

/** The daemon's networks: /networks of the Engine API, and a container's endpoints on them. */
export interface NetworkApi {
  list(): readonly Network[];
  find(reference: string): Network;
  create(request: networks.NetworkCreateRequest): Network;
  remove(reference: string): Network;
  /** POST /networks/prune: the unused networks `matches` accepts (the prune filter), removed. */
  prune(matches?: (network: Network) => boolean): string[];
  connect(networkReference: string, containerReference: string, options?: containers.ConnectOptions): void;
  /** `force`: -f, as POST /networks/{id}/disconnect's Force. */
  disconnect(networkReference: string, containerReference: string, force?: boolean): void;
}

export function networkApi(daemon: Daemon): NetworkApi {
  return {
    list: () => daemon.state.networks,
    find: (reference) => networks.findNetwork(daemon, reference),
    create: (request) => networks.createNetwork(daemon, request),
    remove: (reference) => networks.removeNetwork(daemon, reference),
    prune: (matches = () => true) => networks.pruneNetworks(daemon, matches),
    connect: (networkReference, containerReference, options = {}) =>
      containers.connect(daemon, networkReference, containerReference, options),
    disconnect: (networkReference, containerReference, force = false) =>
      containers.disconnect(daemon, networkReference, containerReference, force),
  };
}
