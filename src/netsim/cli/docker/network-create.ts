import type { IpamRequest } from '../../engine/ipam';
import { contains, formatCidr, networkOf, parseCidr, type Cidr } from '../../wire/cidr';
import { goParseAddr, goParsePrefix } from '../../wire/go-netip';
import { parseGoBool } from '../../wire/go-strconv';
import { formatIpv4, parseIpv4, type Ipv4 } from '../../wire/ipv4';
import { ipv6Contains, ipv6NetworkOf, ipv6Overlaps, isIpv6Text, parseIpv6Cidr, type Ipv6Cidr } from '../../wire/ipv6';
import type { Ipam6Request } from '../../engine/ipam6';
import { fail, ok } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';

/** pflag's slice flags read their value as one CSV record, quotes removed (readAsCSV). */
const csv = (value: string) => (value === '' ? [] : value.replace(/["'`]/g, '').split(','));

/** strconv.ParseBool, as pflag's bool flags check `--ipv6=VALUE`. */
const checkBool = (value: string) =>
  parseGoBool(value) !== undefined ? undefined : `strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`;
const isTrue = (value: string | undefined) => value !== undefined && parseGoBool(value) === true;

/** opts.ValidateLabel. */
function checkLabel(value: string): string | undefined {
  const key = value.split('=')[0]!.replace(/^[ \t]+/, '');
  if (key === '') return `invalid label '${value}': empty name`;
  if (/[ \t]/.test(key)) return `label '${key}' contains whitespaces`;
  return undefined;
}

/** IPNetSlice: each item through net.ParseCIDR. */
const checkRanges = (value: string) =>
  csv(value)
    .map((item) =>
      parseCidr(item.trim()) || isIpv6Text(item.trim().split('/')[0]!)
        ? undefined
        : `invalid string being converted to CIDR: ${item}`,
    )
    .find(Boolean);
/** IPSlice: each item through net.ParseIP. */
const checkIps = (value: string) =>
  csv(value)
    .map((item) =>
      parseIpv4(item.trim()) !== undefined || isIpv6Text(item.trim())
        ? undefined
        : `invalid string being converted to IP address: ${item}`,
    )
    .find(Boolean);

/** Flags this simulator parses but does not model: it says so instead of pretending. */
const NOT_MODELLED = ['ipam-opt', 'config-only', 'config-from'];

/** MapOpts and ConvertKVStringsToMap: `k=v`, or `k` alone for an empty value; a later key wins. */
function keyValues(pairs: readonly string[] | undefined): Record<string, string> {
  return Object.fromEntries(
    (pairs ?? []).map((pair) =>
      pair.includes('=') ? [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] : [pair, ''],
    ),
  );
}

const ipv6Subnet = (text: string) => text.includes(':');

/**
 * createIPAMConfig of docker/cli: every --ip-range, --gateway and --aux-address
 * needs the subnet that holds it, subnets may not overlap, and each subnet gets
 * at most one range and one gateway. Errors are Go's, printed as they are.
 */
function ipamRequests(
  subnets: readonly string[],
  ranges: readonly Cidr[],
  gateways: readonly Ipv4[],
  auxAddresses: Readonly<Record<string, string>>,
): IpamRequest[] | { error: string } {
  if (subnets.length < ranges.length || subnets.length < gateways.length)
    return { error: 'every ip-range or gateway must have a corresponding subnet' };
  const configs: {
    text: string;
    subnet: Cidr;
    ipRange: Cidr | undefined;
    gateway: Ipv4 | undefined;
    auxAddresses: Record<string, Ipv4>;
  }[] = [];
  for (const text of subnets) {
    if (configs.length > 0) {
      // subnetMatches parses the new subnet with net.ParseCIDR before comparing.
      const parsed = parseCidr(text);
      if (!parsed) return { error: `invalid subnet: invalid CIDR address: ${text}` };
      if (
        configs.some(
          ({ subnet }) => contains(networkOf(parsed), subnet.address) || contains(networkOf(subnet), parsed.address),
        )
      )
        return { error: 'multiple overlapping subnet configuration is not supported' };
    }
    const prefix = goParsePrefix(text);
    if (!prefix.ok) return { error: prefix.error };
    configs.push({ text, subnet: prefix.value, ipRange: undefined, gateway: undefined, auxAddresses: {} });
  }
  for (const range of ranges) {
    const config = configs.find(({ subnet }) => contains(networkOf(subnet), range.address));
    const shown = formatCidr(range);
    if (!config) return { error: `no matching subnet for range ${shown}` };
    if (config.ipRange)
      return {
        error: `cannot configure multiple ranges (${shown}, ${formatCidr(config.ipRange)}) on the same subnet (${config.text})`,
      };
    config.ipRange = range;
  }
  for (const gateway of gateways) {
    const config = configs.find(({ subnet }) => contains(networkOf(subnet), gateway));
    if (!config) return { error: `no matching subnet for gateway ${formatIpv4(gateway)}` };
    if (config.gateway !== undefined)
      return {
        error: `cannot configure multiple gateways (${formatIpv4(gateway)}, ${formatIpv4(config.gateway)}) for the same subnet (${config.text})`,
      };
    config.gateway = gateway;
  }
  for (const [name, text] of Object.entries(auxAddresses)) {
    // An empty value (`--aux-address NAME` or `NAME=`) is skipped; the subnets are IPv4 here, so an IPv6 address matches none.
    if (text === '') continue;
    const parsed = isIpv6Text(text) ? undefined : goParseAddr(text);
    if (parsed && !parsed.ok) return { error: parsed.error };
    const config = parsed && configs.find(({ subnet }) => contains(networkOf(subnet), parsed.value));
    if (!parsed || !config) return { error: `no matching subnet for aux-address ${text}` };
    config.auxAddresses[name] = parsed.value;
  }
  return configs.map(({ subnet, ipRange, gateway, auxAddresses: aux }) => ({
    subnet,
    ipRange,
    gateway,
    auxAddresses: aux,
  }));
}

/**
 * createIPAMConfig for the IPv6 subnets and gateways: each gateway in one
 * subnet, one gateway per subnet, with Go's errors. The subnet keeps its host
 * bits (netip.ParsePrefix), for the daemon to refuse.
 */
function ipam6Requests(subnets: readonly string[], gateways: readonly string[]): Ipam6Request[] | { error: string } {
  const configs: { text: string; subnet: Ipv6Cidr; gateway: string | undefined }[] = [];
  for (const text of subnets) {
    const subnet = parseIpv6Cidr(text.trim());
    if (!subnet) return { error: `invalid subnet: invalid CIDR address: ${text}` };
    if (configs.some((config) => ipv6Overlaps(ipv6NetworkOf(config.subnet), ipv6NetworkOf(subnet))))
      return { error: 'multiple overlapping subnet configuration is not supported' };
    configs.push({ text, subnet, gateway: undefined });
  }
  for (const gateway of gateways) {
    const config = configs.find(({ subnet }) => ipv6Contains(ipv6NetworkOf(subnet), gateway));
    if (!config) return { error: `no matching subnet for gateway ${gateway}` };
    if (config.gateway !== undefined)
      return {
        error: `cannot configure multiple gateways (${gateway}, ${config.gateway}) for the same subnet (${config.text})`,
      };
    config.gateway = gateway;
  }
  return configs.map(({ subnet, gateway }) => ({ subnet, gateway }));
}

/**
 * `docker network create` (cli/command/network/create.go, v29.7.2). Flag values
 * are checked while parsing (status 125), the IPAM flags by createIPAMConfig
 * (status 1, Go's error alone), the rest by the daemon.
 */
export const networkCreate: CommandSpec<DockerContext> = {
  path: 'docker network create',
  usage: '[OPTIONS] NETWORK',
  args: { kind: 'exactly', count: 1 },
  flags: [
    { name: 'driver', short: 'd', takesValue: true },
    { name: 'opt', short: 'o', takesValue: true },
    { name: 'label', takesValue: true, check: checkLabel },
    { name: 'internal', takesValue: false, check: checkBool },
    { name: 'ipv4', takesValue: false, check: checkBool },
    { name: 'ipv6', takesValue: false, check: checkBool },
    { name: 'attachable', takesValue: false, check: checkBool },
    { name: 'ingress', takesValue: false, check: checkBool },
    { name: 'scope', takesValue: true },
    { name: 'config-only', takesValue: false, check: checkBool },
    { name: 'config-from', takesValue: true },
    { name: 'ipam-driver', takesValue: true },
    { name: 'subnet', takesValue: true },
    { name: 'ip-range', takesValue: true, check: checkRanges },
    { name: 'gateway', takesValue: true, check: checkIps },
    { name: 'aux-address', takesValue: true },
    { name: 'ipam-opt', takesValue: true },
  ],
  run({ values, positionals }, { engine }) {
    const last = (name: string) => values.get(name)?.at(-1);
    const unmodelled =
      NOT_MODELLED.find((name) => values.has(name) && last(name) !== 'false') ??
      ((last('ipam-driver') ?? 'default') !== 'default' ? 'ipam-driver' : undefined);
    if (unmodelled) return fail(`docker network create --${unmodelled} is not available in this simulator yet.\n`, 1);
    const subnets = (values.get('subnet') ?? []).flatMap(csv);
    const ranges = (values.get('ip-range') ?? []).flatMap(csv).map((item) => item.trim());
    const gateways = (values.get('gateway') ?? []).flatMap(csv).map((item) => item.trim());
    // Without an IPv6 subnet, createIPAMConfig finds none for an IPv6 aux-address and says so below.
    if (
      ranges.some(ipv6Subnet) ||
      (subnets.some(ipv6Subnet) && Object.values(keyValues(values.get('aux-address'))).some(ipv6Subnet))
    )
      return fail('IPv6 ranges and auxiliary addresses are not available in this simulator yet.\n', 1);
    const ipam6 = ipam6Requests(subnets.filter(ipv6Subnet), gateways.filter(ipv6Subnet));
    if ('error' in ipam6) return fail(`${ipam6.error}\n`, 1);
    // pflag's IPNetSlice keeps net.ParseCIDR's network, host bits cleared.
    const ipam = ipamRequests(
      subnets.filter((item) => !ipv6Subnet(item)),
      ranges.map((item) => networkOf(parseCidr(item)!)),
      gateways.filter((item) => !ipv6Subnet(item)).map((item) => parseIpv4(item)!),
      keyValues(values.get('aux-address')),
    );
    if ('error' in ipam) return fail(`${ipam.error}\n`, 1);
    const flag = (name: string) => (values.has(name) ? isTrue(last(name)) : undefined);
    try {
      const network = engine.networks.create({
        name: positionals[0]!,
        driver: last('driver') ?? 'bridge',
        ipam,
        ipam6,
        internal: flag('internal') ?? false,
        attachable: flag('attachable') ?? false,
        ingress: flag('ingress') ?? false,
        scope: last('scope') ?? '',
        enableIpv4: flag('ipv4'),
        enableIpv6: flag('ipv6'),
        labels: keyValues(values.get('label')),
        options: keyValues(values.get('opt')),
      });
      return ok(`${network.id}\n`);
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
  },
};
