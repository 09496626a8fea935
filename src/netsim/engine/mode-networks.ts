import type { Container } from './container';
import { derivedHex } from './derived';
import type { Network } from './network';

/**
 * `--network host` and `--network none` put a container on the host or none
 * network without an interface of its own. The daemon still connects it there
 * at each start (moby docker-v29.7.2 daemon/container_operations.go
 * allocateNetwork -> connectToNetwork -> Network.CreateEndpoint), and the host
 * and null drivers' CreateEndpoint and Join do nothing: the endpoint has an ID
 * and a sandbox, no MAC and no address (daemon/network.go buildEndpointResource).
 */
export function isModeNetwork(network: Pick<Network, 'driver'>): boolean {
  return network.driver === 'host' || network.driver === 'null';
}

/** That endpoint's ID while the container runs on the network: a new endpoint at each start, deleted at the stop (releaseNetwork). */
export function modeEndpointId(container: Container, network: Network): string | undefined {
  if (container.status !== 'running' || !isModeNetwork(network) || !container.networks.includes(network.id))
    return undefined;
  return derivedHex(container.id, `endpoint-${network.id}-${container.starts}`, 64);
}
