import { formatIpv6Groups, ipv4MappedText, ipv6Groups } from '../../wire/ipv6';
import type { ConnectOptions } from '../../engine/containers';
import { goParseAddr } from '../../wire/go-netip';
import { fail, ok, type CommandResult } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';

/**
 * `docker network connect` as docker/cli v29.7.2 has it (cli/command/network/
 * connect.go): its flags, their pflag value types (ip, ipSlice, stringSlice,
 * opts.ListOpts with ValidateLink, int) and runConnect's EndpointConfig.
 */
const PATH = 'docker network connect';
const USAGE = '[OPTIONS] NETWORK CONTAINER';

/** net.ParseIP, then netip.AddrFromSlice(...).Unmap() as toNetipAddr does: the address as Go prints it. */
function goIp(text: string): string | undefined {
  const trimmed = text.trim();
  if (goParseAddr(trimmed).ok) return trimmed;
  const groups = trimmed.includes(':') ? ipv6Groups(trimmed) : undefined;
  return groups && (ipv4MappedText(groups) ?? formatIpv6Groups(groups));
}

/** pflag's stringSlice and ipSlice read each value as one CSV record. */
const csv = (value: string) => value.split(',');

export const networkConnect: CommandSpec<DockerContext> = {
  path: PATH,
  usage: USAGE,
  args: { kind: 'exactly', count: 2 },
  flags: [
    {
      name: 'ip',
      takesValue: true,
      check: (value) => (value === '' || goIp(value) ? undefined : `failed to parse IP: ${JSON.stringify(value)}`),
    },
    {
      name: 'ip6',
      takesValue: true,
      check: (value) => (value === '' || goIp(value) ? undefined : `failed to parse IP: ${JSON.stringify(value)}`),
    },
    // opts.ValidateLink
    {
      name: 'link',
      takesValue: true,
      check: (value) =>
        value === ''
          ? 'empty string specified for links'
          : value.split(':').length > 2
            ? `bad format for links: ${value}`
            : undefined,
    },
    { name: 'alias', takesValue: true },
    {
      name: 'link-local-ip',
      takesValue: true,
      check: (value) =>
        csv(value.replace(/["'`]/g, ''))
          .map((ip) => (goIp(ip) ? undefined : `invalid string being converted to IP address: ${ip}`))
          .find(Boolean),
    },
    { name: 'driver-opt', takesValue: true },
    {
      name: 'gw-priority',
      takesValue: true,
      check: (value) =>
        /^[+-]?(0x[0-9a-f]+|0o?[0-7]+|0b[01]+|\d+)$/i.test(value.replaceAll('_', ''))
          ? undefined
          : `strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`,
    },
  ],
  run({ values, positionals: [network, container] }, { engine }): CommandResult {
    const all = (name: string) => values.get(name) ?? [];
    const driverOpts: Record<string, string> = {};
    for (const option of all('driver-opt').flatMap(csv)) {
      const at = option.indexOf('=');
      const key = (at < 0 ? option : option.slice(0, at)).trim();
      // convertDriverOpt's error goes back from RunE: docker prints it alone, with status 1.
      if (at < 0 || key === '') return fail('invalid key/value pair format in driver options\n', 1);
      driverOpts[key] = option.slice(at + 1).trim();
    }
    const ipText = last(all('ip'));
    const ip = ipText === undefined ? undefined : goIp(ipText);
    const ip6 = last(all('ip6'));
    const options: ConnectOptions = {
      aliases: all('alias').flatMap(csv),
      links: all('link'),
      linkLocalIps: all('link-local-ip')
        .flatMap((value) => csv(value.replace(/["'`]/g, '')))
        .map((address) => goIp(address)!),
      driverOpts,
      gwPriority: Number(last(all('gw-priority')) ?? 0),
      ...(ip !== undefined && { ipText: ip }),
      ...(ip6 !== undefined && ip6 !== '' && { ipv6: goIp(ip6) }),
    };
    try {
      engine.networks.connect(network!, container!, options);
      return ok('');
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
  },
};

function last(list: readonly string[]): string | undefined {
  return list.at(-1);
}
