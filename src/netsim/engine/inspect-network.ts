import { formatCidr } from '../wire/cidr';
import { formatIpv4, type Ipv4 } from '../wire/ipv4';
import { rfc3339Nano } from '../wire/go-time';
import { GoAddr, goStruct, NIL_MAP, NIL_SLICE } from '../wire/go-value';
import type { Container, Endpoint } from './container';
import { modeEndpointId } from './mode-networks';
import { poolStatus, takenInPool } from './ipam';
import type { Ipam6Config, Network } from './network';
import { formatIpv6Cidr } from '../wire/ipv6';

/**
 * `GET /networks/{id}` of API 1.52 (Docker 29): moby's network.Inspect, fields in
 * the order of its Go struct, as plain data that `--format` templates read too;
 * structs are marked, so a template reads `.ID` and fails on a field the struct
 * lacks, as it does on the typed value.
 */
export function inspectNetwork(network: Network, containers: readonly Container[], networks: readonly Network[] = [network]): Record<string, unknown> {
  const attached = containers.flatMap((container) => [
    ...container.endpoints.filter((e) => e.networkId === network.id).map((endpoint) => ({ container, endpoint: endpointResource(endpoint) })),
    ...modeAttachment(container, network),
  ]);
  // host and null are libnetwork's special drivers: no IPAM, no IPv4 (hasSpecialDriver).
  const special = network.driver === 'host' || network.driver === 'null';
  const families = ipFamilies(network);
  return goStruct({
    Name: network.name,
    Id: network.id,
    Created: rfc3339Nano(network.createdMs, network.createdNanos),
    Scope: 'local',
    Driver: network.driver,
    EnableIPv4: families.ipv4,
    EnableIPv6: families.ipv6,
    IPAM: goStruct({
      Driver: 'default',
      // The daemon creates the default bridge with no IPAM options; the CLI sends {} for the others.
      Options: !special && network.name !== 'bridge' ? {} : NIL_MAP,
      // buildIPAMResources: the IPv4 pools, then the IPv6 ones.
      Config: special ? NIL_SLICE : [...network.ipam.map(ipamConfig), ...(network.ipam6 ?? []).map(ipam6Config)],
    }),
    Internal: network.internal,
    Attachable: network.attachable,
    Ingress: false,
    ConfigFrom: goStruct({ Network: '' }),
    ConfigOnly: false,
    Options: sortedMap(network.options),
    Labels: sortedMap(network.labels),
    Containers: Object.fromEntries(
      attached
        .sort((a, b) => (a.container.id < b.container.id ? -1 : 1))
        .map(({ container, endpoint }) => [container.id, goStruct({ Name: container.name, ...endpoint })]),
    ),
    Status: goStruct({ IPAM: goStruct(special ? {} : { Subnets: subnetStatus(network, networks, containers) }, { omitted: { Subnets: NIL_MAP } }) }),
  }, { renamed: { ID: 'Id' }, omitted: { Peers: NIL_SLICE, Services: NIL_MAP } });
}

/** EndpointResource past its Name: the interface's MAC and addresses; IPv6Address is empty on an IPv4-only network. */
function endpointResource(endpoint: Endpoint): { EndpointID: string; MacAddress: string; IPv4Address: string; IPv6Address: string } {
  return { EndpointID: endpoint.endpointId, MacAddress: endpoint.mac ?? '', IPv4Address: formatCidr(endpoint.address), IPv6Address: endpoint.address6 ? formatIpv6Cidr(endpoint.address6) : '' };
}

/** A running --network host or none container: listed with its endpoint, which has no MAC and no address (zero values print as ""). */
function modeAttachment(container: Container, network: Network): { container: Container; endpoint: ReturnType<typeof endpointResource> }[] {
  const endpointId = modeEndpointId(container, network);
  return endpointId ? [{ container, endpoint: { EndpointID: endpointId, MacAddress: '', IPv4Address: '', IPv6Address: '' } }] : [];
}

/**
 * defaultipam's allocation status of each pool: the network and broadcast
 * addresses, the gateways and the endpoints of every network sharing it, and
 * what its --ip-range has left.
 */
function subnetStatus(network: Network, networks: readonly Network[], containers: readonly Container[]): Record<string, { IPsInUse: number; DynamicIPsAvailable: number }> {
  const endpoints = containers.flatMap((container) => container.endpoints);
  return Object.fromEntries(network.ipam.map((config) => [formatCidr(config.subnet), goStruct(poolStatus(config, takenInPool(config.subnet, networks, endpoints)))]));
}

/** encoding/json writes map keys sorted. */
function sortedMap(map: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.keys(map).sort().map((key) => [key, map[key]!]));
}

/**
 * network.IPAMConfig: IPRange and Gateway are omitzero and AuxAddress (JSON
 * AuxiliaryAddresses) omitempty, so absent ones leave no key; map keys sorted.
 */
function ipamConfig(config: Network['ipam'][number]): Record<string, unknown> {
  const gateway: Ipv4 | undefined = config.gateway;
  const aux = Object.keys(config.auxAddresses).sort();
  return goStruct(
    {
      Subnet: formatCidr(config.subnet),
      ...(config.ipRange ? { IPRange: formatCidr(config.ipRange) } : {}),
      ...(gateway === undefined ? {} : { Gateway: formatIpv4(gateway) }),
      ...(aux.length === 0 ? {} : { AuxiliaryAddresses: Object.fromEntries(aux.map((name) => [name, new GoAddr(formatIpv4(config.auxAddresses[name]!))])) }),
    },
    { renamed: { AuxAddress: 'AuxiliaryAddresses' }, omitted: { IPRange: new GoAddr('', 'invalid Prefix'), Gateway: new GoAddr(''), AuxAddress: NIL_MAP } },
  );
}

/** An IPv6 pool: Subnet and Gateway, the only fields the simulator's IPv6 networks fill. */
function ipam6Config(config: Ipam6Config): Record<string, unknown> {
  return goStruct(
    { Subnet: formatIpv6Cidr(config.subnet), ...(config.gateway === undefined ? {} : { Gateway: config.gateway }) },
    { renamed: { AuxAddress: 'AuxiliaryAddresses' }, omitted: { IPRange: new GoAddr('', 'invalid Prefix'), ...(config.gateway === undefined ? { Gateway: new GoAddr('') } : {}), AuxAddress: NIL_MAP } },
  );
}

/** Which address families a network has: IPv4 on all but host and none; IPv6 where --ipv6 asked for it. */
export function ipFamilies(network: Network): { ipv4: boolean; ipv6: boolean } {
  return { ipv4: network.driver !== 'host' && network.driver !== 'null', ipv6: (network.ipam6 ?? []).length > 0 };
}
