import type { Namespace } from '../kernel/namespace';
import type { Ipv4 } from '../wire/ipv4';
import type { Mac } from '../wire/mac';
import type { Endpoint } from './container';
import type { Daemon } from './daemon';
import type { Network } from './network';

/**
 * What a network driver does to the host, after libnetwork's driverapi.Driver
 * reduced to the calls the simulator makes. Errors are EngineErrors carrying the
 * driver's own text, which the daemon returns as it is.
 */
export interface Driver {
  /** Whether IPAM picks a gateway address when the request names none (GetSkipGwAlloc answers the opposite). */
  readonly needsGateway: boolean;
  /** Whether Join gives the endpoint its gateway (JoinInfo.SetGateway); the overlay driver does not, so libnetwork adds docker_gwbridge. */
  readonly setsGateway: boolean;
  /** CreateEndpoint's MAC: the one asked for (--mac-address), a random one, or one made from the address; undefined when the interface keeps its own. */
  endpointMac(daemon: Daemon, requested: Mac | undefined, address: Ipv4 | undefined): Mac | undefined;
  /** CreateNetwork: checks the driver options, sets up the host, and returns the network with the driver's part filled in. */
  create(daemon: Daemon, network: Network): Network;
  /** DeleteNetwork: undoes what create did. */
  remove(daemon: Daemon, network: Network): void;
  /** Join: puts the endpoint's interface in the container's namespace; returns the host end of a veth, if it made one. */
  join(
    daemon: Daemon,
    sandbox: Namespace,
    network: Network,
    endpoint: Endpoint,
    isGateway: boolean,
  ): string | undefined;
  /** Leave and DeleteEndpoint: the interface and its rules go. `sandbox` is undefined once the namespace is gone. */
  leave(daemon: Daemon, sandbox: Namespace | undefined, network: Network, endpoint: Endpoint): void;
}
