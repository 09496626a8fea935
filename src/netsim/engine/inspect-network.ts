import { formatCidr, sizeOf } from '../wire/cidr';
import { formatIpv4 } from '../wire/ipv4';
import { rfc3339Nano } from '../format/go-time';
import type { Container } from './container';
import type { Network } from './network';

/**
 * `GET /networks/{id}` of API 1.52 (Docker 29): moby's network.Inspect, fields in
 * the order of its Go struct, as plain data that `--format` templates read too.
 */
export function inspectNetwork(network: Network, containers: readonly Container[]): Record<string, unknown> {
  const attached = containers.flatMap((container) =>
    container.endpoints.filter((e) => e.networkId === network.id).map((endpoint) => ({ container, endpoint })),
  );
  const isBridge = network.driver === 'bridge';
  return {
    Name: network.name,
    Id: network.id,
    Created: rfc3339Nano(network.createdMs, network.createdNanos),
    Scope: 'local',
    Driver: network.driver,
    EnableIPv4: isBridge,
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      // The daemon creates the default bridge with no IPAM options; the CLI sends {} for the others.
      Options: isBridge && network.name !== 'bridge' ? {} : null,
      Config: isBridge ? network.ipam.map((config) => ({ Subnet: formatCidr(config.subnet), Gateway: formatIpv4(config.gateway) })) : null,
    },
    Internal: network.internal,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Options: { ...network.options },
    Labels: { ...network.labels },
    Containers: Object.fromEntries(
      attached
        .sort((a, b) => (a.container.id < b.container.id ? -1 : 1))
        .map(({ container, endpoint }) => [
          container.id,
          { Name: container.name, EndpointID: endpoint.endpointId, MacAddress: endpoint.mac, IPv4Address: formatCidr(endpoint.address), IPv6Address: '' },
        ]),
    ),
    Status: { IPAM: isBridge ? { Subnets: subnetStatus(network, attached.length) } : {} },
  };
}

/**
 * defaultipam's allocation status: the network and broadcast addresses and the
 * gateway are taken from the start, then one address per endpoint.
 */
function subnetStatus(network: Network, endpoints: number): Record<string, { IPsInUse: number; DynamicIPsAvailable: number }> {
  return Object.fromEntries(
    network.ipam.map((config) => {
      const inUse = 3 + endpoints;
      return [formatCidr(config.subnet), { IPsInUse: inUse, DynamicIPsAvailable: sizeOf(config.subnet) - inUse }];
    }),
  );
}
