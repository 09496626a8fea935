import { contains } from '../wire/cidr';
import { parseIpv4 } from '../wire/ipv4';
import { ipv6Contains } from '../wire/ipv6';
import { isUserDefined } from './container-config';
import { EngineError } from './errors';
import { joinProblems } from './ipam';
import type { Network } from './network';

/** The addresses and aliases an endpoint configuration asks for, as text (Go's netip prints them). */
export interface RequestedEndpoint {
  readonly ipv4?: string | undefined;
  readonly ipv6?: string | undefined;
  readonly linkLocalIps?: readonly string[] | undefined;
  readonly aliases?: readonly string[] | undefined;
}

/**
 * validateEndpointSettings (moby docker-v29.7.2 daemon/container_operations.go),
 * which updateNetworkConfig runs for `docker network connect` and
 * validateNetworkingConfig for create: static addresses and aliases only on
 * user-defined networks, well-formed addresses (normalizeEndpointIPAMConfig),
 * each inside one of the network's subnets (validateIPAMConfigIsInRange; the
 * subnets of both families). All problems are reported at once.
 */
export function endpointSettingsProblems(
  networkName: string,
  network: Network | undefined,
  requested: RequestedEndpoint,
): string[] {
  const problems: string[] = [];
  const { ipv4, ipv6 } = requested;
  if (!isUserDefined(networkName)) {
    if (ipv4 !== undefined || ipv6 !== undefined)
      problems.push('user-specified IP address is supported on user-defined networks only');
    if ((requested.aliases ?? []).length > 0)
      problems.push('network-scoped aliases are only supported for user-defined networks');
  }
  const v4 = ipv4 === undefined ? undefined : parseIpv4(ipv4);
  if (ipv4 !== undefined && (v4 === undefined || ipv4 === '0.0.0.0')) problems.push(`invalid IPv4 address: ${ipv4}`);
  // An IPv4-mapped address (what `--ip6 10.0.0.1` sends) is Is4In6: refused, then Unmap()ped for the range check.
  const mapped = ipv6?.startsWith('::ffff:') === true && ipv6.includes('.');
  if (ipv6 !== undefined && (!ipv6.includes(':') || ipv6 === '::' || mapped))
    problems.push(`invalid IPv6 address: ${ipv6}`);
  for (const address of requested.linkLocalIps ?? [])
    if (address === '0.0.0.0' || address === '::') problems.push(`invalid link-local IP address: ${address}`);
  if (network) {
    if (ipv4 !== undefined && (v4 === undefined || !network.ipam.some((config) => contains(config.subnet, v4))))
      problems.push(`no configured subnet contains IP address ${ipv4}`);
    const inSubnet =
      ipv6 !== undefined && !mapped && (network.ipam6 ?? []).some((config) => ipv6Contains(config.subnet, ipv6));
    if (ipv6 !== undefined && !inSubnet)
      problems.push(`no configured subnet contains IP address ${mapped ? ipv6.slice('::ffff:'.length) : ipv6}`);
  }
  return problems;
}

/** The problems as the daemon words them: `invalid endpoint settings:` and multierror.Join's list. */
export function checkEndpointSettings(
  networkName: string,
  network: Network | undefined,
  requested: RequestedEndpoint,
  prefix = '',
): void {
  const problems = endpointSettingsProblems(networkName, network, requested);
  if (problems.length > 0)
    throw new EngineError('invalid-parameter', `${prefix}invalid endpoint settings:\n${joinProblems(problems)}`);
}
