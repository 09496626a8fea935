import { formatCidr } from '../wire/cidr';
import { formatIpv4, type Ipv4 } from '../wire/ipv4';
import { rfc3339Nano } from '../wire/go-time';
import { GoAddr, goStruct, NIL_MAP, NIL_SLICE } from '../wire/go-value';
import type { Container, Endpoint } from './container';
import { modeEndpointId } from './mode-networks';
import { poolStatus, takenInPool } from './ipam';
import { networkScope, type Ipam6Config, type Network } from './network';
import { GATEWAY_BRIDGE } from './networks';
import { INGRESS_SANDBOX, type SwarmState } from './swarm-state';
import { formatIpv6Cidr } from '../wire/ipv6';

/**
 * `GET /networks/{id}` of API 1.52 (Docker 29): moby's network.Inspect, fields in
 * the order of its Go struct, as plain data that `--format` templates read too;
 * structs are marked, so a template reads `.ID` and fails on a field the struct
 * lacks, as it does on the typed value.
 */
export function inspectNetwork(
  network: Network,
  containers: readonly Container[],
  networks: readonly Network[] = [network],
  swarm?: SwarmState,
): Record<string, unknown> {
  const attached = [
    ...containers.flatMap((container) => [
      ...container.endpoints
        .filter((e) => e.networkId === network.id)
        .map((endpoint) => ({
          key: container.id,
          name: endpoint.name ?? container.name,
          endpoint: endpointResource(endpoint),
        })),
      ...modeAttachment(container, network).map(({ endpoint }) => ({
        key: container.id,
        name: container.name,
        endpoint,
      })),
    ]),
    // The ingress sandbox is no container: daemon.getNetworkResources lists it under its own name.
    ...(swarm?.ingressSandbox?.endpoints ?? [])
      .filter((e) => e.networkId === network.id)
      .map((endpoint) => ({ key: INGRESS_SANDBOX, name: endpoint.name!, endpoint: endpointResource(endpoint) })),
  ];
  // host and null are libnetwork's special drivers: no IPAM, no IPv4 (hasSpecialDriver).
  const special = network.driver === 'host' || network.driver === 'null';
  const families = ipFamilies(network);
  // A swarm network this node has no sandbox of comes from the manager (convert.BasicNetworkFromGRPC): no Peers.
  const local = network.swarm === undefined || network.swarm.namespaceId !== undefined;
  return goStruct(
    {
      Name: network.name,
      Id: network.id,
      Created: rfc3339Nano(network.createdMs, network.createdNanos),
      Scope: networkScope(network),
      Driver: network.driver,
      EnableIPv4: families.ipv4,
      EnableIPv6: families.ipv6,
      IPAM: goStruct({
        Driver: 'default',
        // The daemon makes the default bridge and docker_gwbridge with no IPAM options, and the swarm's allocator keeps none; the CLI sends {} for the others.
        Options:
          special || network.name === 'bridge' || network.name === GATEWAY_BRIDGE || network.swarm ? NIL_MAP : {},
        // buildIPAMResources: the IPv4 pools, then the IPv6 ones.
        Config: special ? NIL_SLICE : [...network.ipam.map(ipamConfig), ...(network.ipam6 ?? []).map(ipam6Config)],
      }),
      Internal: network.internal,
      Attachable: network.attachable,
      Ingress: network.swarm?.ingress ?? false,
      ConfigFrom: goStruct({ Network: '' }),
      ConfigOnly: false,
      Options: sortedMap(network.options),
      // The manager's copy went through protobuf, where an empty map comes back nil.
      Labels: !local && Object.keys(network.labels).length === 0 ? NIL_MAP : sortedMap(network.labels),
      // buildPeerInfoResources: NetworkDB's nodes on the network, this one alone, named by its NetworkDB ID.
      ...(network.swarm && local && swarm
        ? { Peers: [goStruct({ Name: swarm.networkDbNodeId, IP: swarm.advertiseAddr })] }
        : {}),
      Containers: Object.fromEntries(
        attached
          .sort((a, b) => (a.key < b.key ? -1 : 1))
          .map(({ key, name, endpoint }) => [key, goStruct({ Name: name, ...endpoint })]),
      ),
      Status: goStruct({
        IPAM: goStruct(special ? {} : { Subnets: subnetStatus(network, networks, containers, swarm) }, {
          omitted: { Subnets: NIL_MAP },
        }),
      }),
    },
    {
      renamed: { ID: 'Id' },
      omitted: { ...(network.swarm && local && swarm ? {} : { Peers: NIL_SLICE }), Services: NIL_MAP },
    },
  );
}

/** EndpointResource past its Name: the interface's MAC and addresses; IPv6Address is empty on an IPv4-only network. */
function endpointResource(endpoint: Endpoint): {
  EndpointID: string;
  MacAddress: string;
  IPv4Address: string;
  IPv6Address: string;
} {
  return {
    EndpointID: endpoint.endpointId,
    MacAddress: endpoint.mac ?? '',
    IPv4Address: endpoint.address ? formatCidr(endpoint.address) : '',
    IPv6Address: endpoint.address6 ? formatIpv6Cidr(endpoint.address6) : '',
  };
}

/** A running --network host or none container: listed with its endpoint, which has no MAC and no address (zero values print as ""). */
function modeAttachment(container: Container, network: Network): { endpoint: ReturnType<typeof endpointResource> }[] {
  const endpointId = modeEndpointId(container, network);
  return endpointId ? [{ endpoint: { EndpointID: endpointId, MacAddress: '', IPv4Address: '', IPv6Address: '' } }] : [];
}

/**
 * defaultipam's allocation status of each pool: the network and broadcast
 * addresses, the gateways and the endpoints of every network sharing it, and
 * what its --ip-range has left.
 */
function subnetStatus(
  network: Network,
  networks: readonly Network[],
  containers: readonly Container[],
  swarm: SwarmState | undefined,
): Record<string, { IPsInUse: number; DynamicIPsAvailable: number }> {
  const endpoints = [
    ...containers.flatMap((container) => container.endpoints),
    ...(swarm?.ingressSandbox?.endpoints ?? []),
  ];
  return Object.fromEntries(
    network.ipam.map((config) => [
      formatCidr(config.subnet),
      goStruct(poolStatus(config, takenInPool(config.subnet, networks, endpoints))),
    ]),
  );
}

/** encoding/json writes map keys sorted. */
function sortedMap(map: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(map)
      .sort()
      .map((key) => [key, map[key]!]),
  );
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
      ...(aux.length === 0
        ? {}
        : {
            AuxiliaryAddresses: Object.fromEntries(
              aux.map((name) => [name, new GoAddr(formatIpv4(config.auxAddresses[name]!))]),
            ),
          }),
    },
    {
      renamed: { AuxAddress: 'AuxiliaryAddresses' },
      omitted: { IPRange: new GoAddr('', 'invalid Prefix'), Gateway: new GoAddr(''), AuxAddress: NIL_MAP },
    },
  );
}

/** An IPv6 pool: Subnet and Gateway, the only fields the simulator's IPv6 networks fill. */
function ipam6Config(config: Ipam6Config): Record<string, unknown> {
  return goStruct(
    { Subnet: formatIpv6Cidr(config.subnet), ...(config.gateway === undefined ? {} : { Gateway: config.gateway }) },
    {
      renamed: { AuxAddress: 'AuxiliaryAddresses' },
      omitted: {
        IPRange: new GoAddr('', 'invalid Prefix'),
        ...(config.gateway === undefined ? { Gateway: new GoAddr('') } : {}),
        AuxAddress: NIL_MAP,
      },
    },
  );
}

/** Which address families a network has: IPv4 on all but host and none; IPv6 where --ipv6 asked for it. */
export function ipFamilies(network: Network): { ipv4: boolean; ipv6: boolean } {
  return {
    ipv4: network.driver !== 'host' && network.driver !== 'null' && network.ipam.length > 0,
    ipv6: (network.ipam6 ?? []).length > 0,
  };
}
