import type { Ipv4 } from '../wire/ipv4';
import type { Container } from './container';
import type { Daemon } from './daemon';
import type { Network } from './network';

/** The address the embedded DNS server listens on inside every container of a user-defined network. */
export const EMBEDDED_DNS_ADDRESS = '127.0.0.11';

/** Whether a network has service discovery: every user-defined network does, the default bridge does not. */
export function hasEmbeddedDns(network: Network): boolean {
  return network.driver !== 'host' && network.driver !== 'null' && network.options['com.docker.network.bridge.default_bridge'] !== 'true';
}

/** The names a container answers to on one network (buildEndpointDNSNames): its name, its aliases there, its short ID, its hostname. */
function namesOn(container: Container, networkId: string): string[] {
  const endpoint = container.endpoints.find((e) => e.networkId === networkId);
  return [container.name, ...(endpoint?.aliases ?? []), container.id.slice(0, 12), container.hostname].map((name) => name.toLowerCase());
}

/**
 * What 127.0.0.11 answers `querier` for an A query (libnetwork's sandbox resolver):
 * the addresses, on the networks they share with the querier, of the running
 * containers that carry the name, an alias or the short ID; `name.network` picks
 * one network. Names on the default bridge are never answered, so there only
 * `--link` entries in /etc/hosts work. Empty means NXDOMAIN from Docker's side:
 * the query then goes to the host's resolvers.
 */
export function resolveContainerName(daemon: Daemon, querier: Container, name: string): Ipv4[] {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  const answers: Ipv4[] = [];
  for (const own of querier.endpoints) {
    const network = daemon.state.networks.find((n) => n.id === own.networkId);
    if (!network || !hasEmbeddedDns(network)) continue;
    const suffix = `.${network.name.toLowerCase()}`;
    const bare = wanted.endsWith(suffix) ? wanted.slice(0, -suffix.length) : wanted;
    for (const container of daemon.state.containers) {
      const endpoint = container.endpoints.find((e) => e.networkId === network.id);
      if (!endpoint || container.status !== 'running') continue;
      const names = namesOn(container, network.id);
      if (names.includes(wanted) || names.includes(bare)) answers.push(endpoint.address.address);
    }
    if (answers.length > 0) return answers;
  }
  return answers;
}

/**
 * What 127.0.0.11 answers for a PTR query about `address` (libnetwork
 * sandbox_dns_unix.go ResolveIP): `name.network` of the running container that
 * has the address on a network it shares with the querier; undefined sends the
 * query on to the host's resolvers.
 */
export function reverseContainerAddress(known: { readonly networks: readonly Network[]; readonly containers: readonly Container[] }, querier: Container, address: Ipv4): string | undefined {
  for (const own of querier.endpoints) {
    const network = known.networks.find((n) => n.id === own.networkId);
    if (!network || !hasEmbeddedDns(network)) continue;
    for (const container of known.containers) {
      const endpoint = container.endpoints.find((e) => e.networkId === network.id);
      if (endpoint && container.status === 'running' && endpoint.address.address === address) return `${container.name}.${network.name}`;
    }
  }
  return undefined;
}
