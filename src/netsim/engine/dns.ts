import type { Ipv4 } from '../wire/ipv4';
import type { Container, Endpoint } from './container';
import type { Daemon } from './daemon';
import type { Network } from './network';
import { parseLink } from './container-config';
import { swarmServices } from './swarm-services-loader';

/** The address the embedded DNS server listens on inside every container of a user-defined network. */
export const EMBEDDED_DNS_ADDRESS = '127.0.0.11';

/** Whether a network has service discovery: every user-defined network does, the default bridge does not. */
export function hasEmbeddedDns(network: Network): boolean {
  return (
    network.driver !== 'host' &&
    network.driver !== 'null' &&
    network.options['com.docker.network.bridge.default_bridge'] !== 'true'
  );
}

/** The names a container answers to on one network (buildEndpointDNSNames): its name, its aliases there, its short ID, its hostname. */
function namesOn(container: Container, networkId: string): string[] {
  const endpoint = container.endpoints.find((e) => e.networkId === networkId);
  return [container.name, ...(endpoint?.aliases ?? []), container.id.slice(0, 12), container.hostname].map((name) =>
    name.toLowerCase(),
  );
}

/**
 * What 127.0.0.11 answers `querier` for an A query (libnetwork sandbox.go
 * ResolveName and resolveName): first the querier's own link aliases (`--link
 * NAME:ALIAS` on a user-defined network makes ALIAS a name for NAME, for this
 * container only), then the addresses, on the networks it shares with the
 * querier, of the running containers that carry the name, an alias or the short
 * ID; `name.network` picks one network. Names on the default bridge are never
 * answered, so there only `--link` entries in /etc/hosts work. Empty means
 * NXDOMAIN from Docker's side: the query then goes to the host's resolvers.
 */
export function resolveContainerName(daemon: Daemon, querier: Container, name: string): Ipv4[] {
  return (
    serviceAddresses(daemon, querier, name) ??
    resolveOn(daemon, querier, name, (endpoint) => (endpoint.address ? [endpoint.address.address] : []))
  );
}

/**
 * The swarm's service records, which the swarm tool module brings
 * (engine/swarm-services.ts serviceAddresses). A host with no service does
 * without them; one restored with services asks for the module by name, so a
 * fresh worker fetches it before answering.
 */
function serviceAddresses(daemon: Daemon, querier: Container, name: string): Ipv4[] | undefined {
  if (!daemon.state.swarm?.services.length) return undefined;
  return swarmServices().serviceAddresses(daemon, querier, name);
}

/**
 * What 127.0.0.11 answers for an AAAA query (ResolveName with types.IPv6): the
 * IPv6 addresses of the same containers, found the same way; a name that has
 * only IPv4 addresses answers with none (handleIPQuery: NOERROR, no record).
 * Undefined when no container carries the name.
 */
export function resolveContainerName6(daemon: Daemon, querier: Container, name: string): string[] | undefined {
  // A service's VIP and tasks are IPv4 here: the name is known, with no AAAA record.
  if (serviceAddresses(daemon, querier, name)) return [];
  let known = false;
  const found = resolveOn(daemon, querier, name, (endpoint) => {
    known = true;
    return endpoint.address6 ? [endpoint.address6.address] : [];
  });
  return found.length > 0 || known ? found : undefined;
}

function resolveOn<T>(daemon: Daemon, querier: Container, name: string, pick: (endpoint: Endpoint) => T[]): T[] {
  const wanted = name.toLowerCase().replace(/\.$/, '');
  for (const lookupAlias of [true, false]) {
    for (const own of querier.endpoints) {
      const network = daemon.state.networks.find((n) => n.id === own.networkId);
      if (!network || !hasEmbeddedDns(network)) continue;
      const suffix = `.${network.name.toLowerCase()}`;
      const bare = wanted.endsWith(suffix) ? wanted.slice(0, -suffix.length) : wanted;
      const aliases = linkAliases(querier, network.id);
      const target = aliases.get(wanted) ?? aliases.get(bare);
      // A regular lookup skips the endpoints where the name is a link alias.
      if (lookupAlias ? target === undefined : target !== undefined) continue;
      const carriers = carriersOn(daemon, network, lookupAlias ? [target!] : [wanted, bare]);
      if (carriers.length > 0) return carriers.flatMap(pick);
    }
  }
  return [];
}

/** The endpoint's `--link NAME:ALIAS` as libnetwork's CreateOptionAlias keeps them: alias to name. */
function linkAliases(container: Container, networkId: string): Map<string, string> {
  return new Map(
    (container.endpointSettings[networkId]?.links ?? [])
      .map((link) => parseLink(link))
      .map(({ name, alias }) => [alias.toLowerCase(), name.toLowerCase()]),
  );
}

/** Network.ResolveName: the endpoints, on the network, of the running containers that carry one of the names. */
function carriersOn(daemon: Daemon, network: Network, names: readonly string[]): Endpoint[] {
  return daemon.state.containers.flatMap((container) => {
    const endpoint = container.endpoints.find((e) => e.networkId === network.id);
    if (!endpoint || container.status !== 'running') return [];
    const carried = namesOn(container, network.id);
    return names.some((name) => carried.includes(name)) ? [endpoint] : [];
  });
}

/**
 * What 127.0.0.11 answers for a PTR query about `address` (libnetwork
 * sandbox_dns_unix.go ResolveIP): `name.network` of the running container that
 * has the address on a network it shares with the querier; undefined sends the
 * query on to the host's resolvers.
 */
export function reverseContainerAddress(
  known: { readonly networks: readonly Network[]; readonly containers: readonly Container[] },
  querier: Container,
  address: Ipv4,
): string | undefined {
  for (const own of querier.endpoints) {
    const network = known.networks.find((n) => n.id === own.networkId);
    if (!network || !hasEmbeddedDns(network)) continue;
    for (const container of known.containers) {
      const endpoint = container.endpoints.find((e) => e.networkId === network.id);
      if (endpoint && container.status === 'running' && endpoint.address?.address === address)
        return `${container.name}.${network.name}`;
    }
  }
  return undefined;
}

/** ResolveIP for an IPv6 address: `name.network` of the running container that has it, on a network shared with the querier. */
export function reverseContainerAddress6(
  known: { readonly networks: readonly Network[]; readonly containers: readonly Container[] },
  querier: Container,
  address: string,
): string | undefined {
  for (const own of querier.endpoints) {
    const network = known.networks.find((n) => n.id === own.networkId);
    if (!network || !hasEmbeddedDns(network)) continue;
    const owner = known.containers.find(
      (container) =>
        container.status === 'running' &&
        container.endpoints.some((e) => e.networkId === network.id && e.address6?.address === address),
    );
    if (owner) return `${owner.name}.${network.name}`;
  }
  return undefined;
}
