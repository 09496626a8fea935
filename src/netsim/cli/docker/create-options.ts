import { formatIpv6Groups, ipv4MappedText, ipv6Groups } from '../../wire/ipv6';
import { isUserDefined } from '../../engine/container-config';
import type { ContainerCreateRequest } from '../../engine/engine';
import { goParseAddr } from '../../wire/go-netip';
import type { Mac } from '../../wire/mac';
import { parsePortSpec, type PortMapping, type Protocol } from '../../wire/port-spec';
import { fail, type CommandResult } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import type { ParsedFlags } from './flags';
import { parseNetworkOpt, type NetworkAttachment } from './network-opt';
import { mountOption } from './mount-option-loader';
import type { MountRequest } from '../../engine/volumes';
import type { Healthcheck } from '../../engine/health';
import { parseGoDuration } from './timestamp';

/** NetworkOpt.Set runs while pflag parses: its error is the flag's. */
const networkCheck = (value: string) => {
  const parsed = parseNetworkOpt(value);
  return 'error' in parsed ? parsed.error : undefined;
};

/**
 * The options `docker create` and `docker run` share, and the request they build,
 * as docker/cli v29.7.2 parses them (cli/command/container/opts.go addFlags and
 * parse; opts/*.go validators). Errors come in the CLI's three forms: a flag
 * value refused while parsing flags (pflag's `invalid argument` and the usage),
 * an option refused by parse() (`docker: ...` and the --help hint), both 125.
 */
export const CREATE_FLAGS: CommandSpec<DockerContext>['flags'] = [
  { name: 'detach', short: 'd', takesValue: false },
  { name: 'interactive', short: 'i', takesValue: false },
  { name: 'tty', short: 't', takesValue: false },
  { name: 'name', takesValue: true },
  { name: 'network', takesValue: true, check: networkCheck },
  { name: 'net', takesValue: true, check: networkCheck },
  { name: 'network-alias', takesValue: true },
  { name: 'net-alias', takesValue: true },
  { name: 'ip', takesValue: true },
  // pflag's ipValue.Set: net.ParseIP, an empty value left unset.
  {
    name: 'ip6',
    takesValue: true,
    check: (value) =>
      value === '' || netParseIp(value.trim()) ? undefined : `failed to parse IP: ${JSON.stringify(value)}`,
  },
  { name: 'mac-address', takesValue: true },
  { name: 'hostname', short: 'h', takesValue: true },
  { name: 'dns', takesValue: true },
  { name: 'dns-search', takesValue: true },
  { name: 'dns-option', takesValue: true },
  { name: 'dns-opt', takesValue: true },
  { name: 'add-host', takesValue: true },
  { name: 'link', takesValue: true },
  { name: 'expose', takesValue: true },
  { name: 'env', short: 'e', takesValue: true },
  { name: 'volume', short: 'v', takesValue: true },
  { name: 'mount', takesValue: true },
  { name: 'health-cmd', takesValue: true },
  { name: 'health-interval', takesValue: true },
  { name: 'health-retries', takesValue: true },
  { name: 'health-timeout', takesValue: true },
  { name: 'health-start-period', takesValue: true },
  { name: 'health-start-interval', takesValue: true },
  { name: 'no-healthcheck', takesValue: false },
  { name: 'label', short: 'l', takesValue: true },
  { name: 'restart', takesValue: true },
  { name: 'entrypoint', takesValue: true },
  { name: 'workdir', short: 'w', takesValue: true },
  { name: 'rm', takesValue: false },
  { name: 'publish', short: 'p', takesValue: true },
  { name: 'publish-all', short: 'P', takesValue: false },
];

type Verb = 'create' | 'run';
type Values = ParsedFlags['values'];
type Refusal = { flag: string; value: string; message: string } | { parse: string } | { unmodelled: string };

const all = (values: Values, ...names: string[]) => names.flatMap((name) => values.get(name) ?? []);
const last = (values: Values, name: string) => values.get(name)?.at(-1);

/** The create request, or the CLI's own error for bad options. */
export function createRequest(
  verb: Verb,
  path: string,
  { values, positionals }: ParsedFlags,
): ContainerCreateRequest | CommandResult {
  const checked = validated(values);
  if ('flag' in checked || 'parse' in checked || 'unmodelled' in checked) return refusal(verb, path, checked);
  const network = firstNetwork(values, checked);
  if ('parse' in network) return refusal(verb, path, network);
  const { dns, dnsSearch, extraHosts, expose, restartPolicy, publish } = checked;
  const { networkMode, aliases, ip, ip6, macAddress } = network;
  const detached = verb === 'run' && values.has('detach');
  const interactive = values.has('interactive');
  return {
    name: last(values, 'name'),
    image: positionals[0]!,
    command: positionals.slice(1),
    networkMode,
    ip,
    ...(ip6 !== undefined && { ip6 }),
    hostname: last(values, 'hostname'),
    autoRemove: values.has('rm'),
    interactive: interactive || values.has('tty'),
    publish,
    entrypoint: last(values, 'entrypoint'),
    env: all(values, 'env'),
    labels: Object.fromEntries(all(values, 'label').map((label) => splitOnce(label, '='))),
    workingDir: last(values, 'workdir'),
    tty: values.has('tty'),
    openStdin: interactive,
    // -a is not modelled: stdout and stderr are attached, stdin with -i; `run -d` detaches all (run.go).
    attach: detached
      ? { stdin: false, stdout: false, stderr: false }
      : { stdin: interactive, stdout: true, stderr: true },
    dns,
    dnsSearch,
    dnsOptions: all(values, 'dns-option', 'dns-opt'),
    extraHosts,
    links: all(values, 'link'),
    aliases,
    macAddress,
    expose,
    volumes: all(values, 'volume'),
    mounts: checked.mounts,
    ...(checked.healthcheck && { healthcheck: checked.healthcheck }),
    restartPolicy,
    publishAll: values.has('publish-all'),
  };
}

interface FirstNetwork {
  networkMode: string;
  aliases: string[];
  ip: ContainerCreateRequest['ip'];
  ip6: string | undefined;
  macAddress: Mac | undefined;
}

/**
 * parseNetworkOpts and applyContainerOptions (docker/cli v29.7.2
 * cli/command/container/opts.go): the first --network takes --network-alias,
 * --ip, --ip6 and --mac-address, each refused when its per-network form is
 * given too; parseNetworkAttachmentOpt then checks it. The network mode is the
 * first network's target (NetworkOpt.NetworkMode). Without --network the
 * request names `bridge`, which the daemon reads as the default does.
 */
function firstNetwork(values: Values, checked: Checked): FirstNetwork | { parse: string } {
  const given = all(values, 'network', 'net').map((value) => parseNetworkOpt(value) as NetworkAttachment);
  const first = given[0] ?? {
    target: 'bridge',
    aliases: [],
    ipv4: undefined,
    ipv6: undefined,
    macAddress: undefined,
    unmodelled: [],
  };
  const flagAliases = all(values, 'network-alias', 'net-alias');
  const conflict = (what: string) => ({ parse: `conflicting options: cannot specify both ${what}` });
  if (first.aliases.length > 0 && flagAliases.length > 0) return conflict('--network-alias and per-network alias');
  if (first.ipv4 !== undefined && checked.ip !== undefined) return conflict('--ip and per-network IPv4 address');
  if (first.ipv6 !== undefined && checked.ip6 !== undefined) return conflict('--ip6 and per-network IPv6 address');
  if (first.macAddress !== undefined && checked.macText) return conflict('--mac-address and per-network MAC address');
  const aliases = flagAliases.length > 0 ? flagAliases : [...first.aliases];
  if (first.target.trim() === '') return { parse: 'no name set for network' };
  // parseNetworkAttachmentOpt: aliases belong to user-defined networks (not container:NAME either).
  if (aliases.length > 0 && !isUserDefined(first.target))
    return { parse: 'network-scoped aliases are only supported for user-defined networks' };
  const macText = checked.macText || first.macAddress;
  const macAddress = macText === undefined ? undefined : parseMacLike(macText);
  if (macText !== undefined && !macAddress) return { parse: `${macText} is not a valid mac address` };
  const targets = new Set<string>();
  for (const attachment of given) {
    if (targets.has(attachment.target))
      return { parse: `network ${JSON.stringify(attachment.target)} is specified multiple times` };
    targets.add(attachment.target);
  }
  if (given.some((a) => isUserDefined(a.target)) && given.some((a) => !isUserDefined(a.target)))
    return { parse: 'conflicting options: cannot attach both user-defined and non-user-defined network-modes' };
  if (given.length > 1)
    return {
      parse:
        'connecting a container to more than one network at create time is not available in this simulator yet; use docker network connect',
    };
  const unmodelled = first.unmodelled[0];
  if (unmodelled !== undefined)
    return { parse: `the ${unmodelled} field of --network is not available in this simulator yet` };
  let ip = checked.ip;
  if (first.ipv4 !== undefined) {
    // NetworkOpt.Set accepted any address; an IPv6 one in ip= is the daemon's `invalid IPv4 address`, not modelled here.
    const parsed = goParseAddr(first.ipv4);
    if (!parsed.ok)
      return { parse: 'an IPv6 address in the ip field of --network is not available in this simulator yet' };
    ip = parsed.value;
  }
  return { networkMode: first.target, aliases, ip, ip6: first.ipv6 ?? checked.ip6, macAddress };
}

interface Checked {
  ip: ContainerCreateRequest['ip'];
  /** --ip6 as the CLI sends it: netip.AddrFromSlice(ip.To16()), so an IPv4 text arrives mapped (::ffff:a.b.c.d). */
  ip6: string | undefined;
  dns: string[];
  dnsSearch: string[];
  extraHosts: string[];
  macText: string | undefined;
  expose: { port: number; protocol: Protocol }[];
  restartPolicy: { name: string; maximumRetryCount: number };
  publish: PortMapping[];
  mounts: MountRequest[];
  healthcheck: Healthcheck | undefined;
}

/** The flag validators first (pflag runs them while parsing), then parse()'s own checks in its order. */
function validated(values: Values): Checked | Refusal {
  for (const [flag, names, check] of FLAG_VALIDATORS) {
    for (const value of all(values, ...names)) {
      const message = check(value);
      if (message !== undefined) return { flag, value, message };
    }
  }
  const ipText = last(values, 'ip');
  const ip = ipText === undefined ? undefined : goParseAddr(ipText);
  if (ip && !ip.ok) return { flag: '--ip', value: ipText!, message: ip.error };
  const macText = last(values, 'mac-address');
  // parse() checks --mac-address before the ports (opts.go); a per-network one waits for parseNetworkAttachmentOpt.
  if (macText !== undefined && macText !== '' && !parseMacLike(macText))
    return { parse: `${macText} is not a valid mac address` };
  const ip6Text = last(values, 'ip6');
  const publish: PortMapping[] = [];
  for (const spec of values.get('publish') ?? []) {
    const parsed = parsePortSpec(spec);
    if ('error' in parsed) return { parse: parsed.error };
    publish.push(...parsed);
  }
  const expose: { port: number; protocol: Protocol }[] = [];
  for (const spec of values.get('expose') ?? []) {
    const parsed = portRange(spec);
    if ('error' in parsed) return { parse: `invalid range format for --expose: ${parsed.error}` };
    expose.push(...parsed);
  }
  const mounts: MountRequest[] = [];
  for (const value of values.get('mount') ?? []) {
    const parsed = mountOption().parseMountOption(value);
    if ('error' in parsed) return { flag: '--mount', value, message: parsed.error };
    if ('unmodelled' in parsed) return { unmodelled: parsed.unmodelled };
    mounts.push(parsed);
  }
  const healthcheck = healthcheckOf(values);
  if (healthcheck !== undefined && !('test' in healthcheck)) return healthcheck;
  const restart = restartPolicyOf(last(values, 'restart') ?? 'no');
  if ('error' in restart) return { parse: restart.error };
  if (values.has('rm') && restart.name !== 'no' && restart.name !== '')
    return { parse: 'conflicting options: cannot specify both --restart and --rm' };
  return {
    ip: ip?.value,
    ip6: ip6Text === undefined || ip6Text === '' ? undefined : netParseIp(ip6Text.trim()),
    dns: all(values, 'dns').map((dns) => dns.trim()),
    dnsSearch: all(values, 'dns-search').map((domain) => domain.trim().replace(/\s+$/, '')),
    extraHosts: all(values, 'add-host').map(normaliseExtraHost),
    macText,
    expose,
    restartPolicy: restart,
    publish,
    mounts,
    healthcheck,
  };
}

/**
 * The --health-* flags as parse() turns them into a HealthConfig
 * (cli/command/container/opts.go): pflag's Duration and Int values first, then
 * the conflicts and signs in its order; --no-healthcheck alone is Test ["NONE"].
 */
function healthcheckOf(values: Values): Healthcheck | Refusal | undefined {
  const durations: Record<string, number> = {};
  for (const name of ['health-interval', 'health-timeout', 'health-start-period', 'health-start-interval']) {
    const text = last(values, name);
    const ms = text === undefined ? 0 : parseGoDuration(text);
    if (ms === undefined)
      return { flag: `--${name}`, value: text!, message: `time: invalid duration ${JSON.stringify(text)}` };
    durations[name] = ms;
  }
  const retriesText = last(values, 'health-retries');
  const retries = retriesText === undefined ? 0 : Number(retriesText);
  if (!Number.isInteger(retries) || !/^[-+]?\d+$/.test(retriesText ?? '0'))
    return {
      flag: '--health-retries',
      value: retriesText!,
      message: `strconv.ParseInt: parsing ${JSON.stringify(retriesText)}: invalid syntax`,
    };
  const command = last(values, 'health-cmd') ?? '';
  const anySetting = command !== '' || retries !== 0 || Object.values(durations).some((ms) => ms !== 0);
  if (values.has('no-healthcheck')) {
    if (anySetting) return { parse: '--no-healthcheck conflicts with --health-* options' };
    return { test: ['NONE'], intervalMs: 0, timeoutMs: 0, startPeriodMs: 0, startIntervalMs: 0, retries: 0 };
  }
  if (!anySetting) return undefined;
  for (const name of ['health-interval', 'health-timeout'])
    if (durations[name]! < 0) return { parse: `--${name} cannot be negative` };
  if (retries < 0) return { parse: '--health-retries cannot be negative' };
  for (const name of ['health-start-period', 'health-start-interval'])
    if (durations[name]! < 0) return { parse: `--${name} cannot be negative` };
  return {
    test: command === '' ? [] : ['CMD-SHELL', command],
    intervalMs: durations['health-interval']!,
    timeoutMs: durations['health-timeout']!,
    startPeriodMs: durations['health-start-period']!,
    startIntervalMs: durations['health-start-interval']!,
    retries,
  };
}

const DOMAIN =
  /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*\.?\s*$/;

const FLAG_VALIDATORS: [string, string[], (value: string) => string | undefined][] = [
  // opts.ValidateEnv
  [
    '-e, --env',
    ['env'],
    (value) => (value.split('=')[0] === '' ? `invalid environment variable: ${value}` : undefined),
  ],
  // opts.ValidateLabel
  [
    '-l, --label',
    ['label'],
    (value) => {
      const key = value.split('=')[0]!.replace(/^[ \t]+/, '');
      if (key === '') return `invalid label '${value}': empty name`;
      return /[ \t]/.test(key) ? `label '${key}' contains whitespaces` : undefined;
    },
  ],
  // opts.ValidateIPAddress
  ['--dns', ['dns'], (value) => (isIp(value.trim()) ? undefined : `IP address is not correctly formatted: ${value}`)],
  // opts.ValidateDNSSearch
  [
    '--dns-search',
    ['dns-search'],
    (value) => {
      const domain = value.trim();
      return domain === '.' || (/[a-zA-Z]/.test(domain) && DOMAIN.test(domain))
        ? undefined
        : `${domain} is not a valid domain`;
    },
  ],
  // opts.ValidateExtraHost
  [
    '--add-host',
    ['add-host'],
    (value) => {
      const [host, address] = extraHostParts(value);
      if (address === undefined || host === '' || host.includes(':'))
        return `bad format for add-host: ${JSON.stringify(value)}`;
      const bare =
        address.length > 2 && address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
      return address === 'host-gateway' || isIp(bare)
        ? undefined
        : `invalid IP address in add-host: ${JSON.stringify(bare)}`;
    },
  ],
  // opts.ValidateLink
  [
    '--link',
    ['link'],
    (value) =>
      value === ''
        ? 'empty string specified for links'
        : value.split(':').length > 2
          ? `bad format for links: ${value}`
          : undefined,
  ],
];

/** `host=ip` or, splitting on the first colon so IPv6 works, `host:ip`. */
function extraHostParts(value: string): [string, string | undefined] {
  const at = value.includes('=') ? value.indexOf('=') : value.indexOf(':');
  return at < 0 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}

/** The daemon only reads `host:ip`, so the CLI rewrites `=` and drops brackets. */
function normaliseExtraHost(value: string): string {
  const [host, address] = extraHostParts(value);
  return `${host}:${address!.startsWith('[') && address!.endsWith(']') ? address!.slice(1, -1) : address}`;
}

/** net.ParseIP as a 16-byte address printed by netip (RFC 5952; IPv4 as ::ffff:a.b.c.d), or undefined. */
function netParseIp(text: string): string | undefined {
  if (goParseAddr(text).ok) return `::ffff:${text}`;
  const groups = text.includes(':') ? ipv6Groups(text) : undefined;
  if (!groups) return undefined;
  const mapped = ipv4MappedText(groups);
  return mapped ? `::ffff:${mapped}` : formatIpv6Groups(groups);
}

function isIp(text: string): boolean {
  return goParseAddr(text).ok || (text.includes(':') && /^[0-9a-fA-F:.]+$/.test(text) && text.split('::').length <= 2);
}

/** net.ParseMAC for 6-byte addresses: `aa:bb:...`, `aa-bb-...` or `aabb.ccdd.eeff`, printed lowercase with colons. */
function parseMacLike(text: string): Mac | undefined {
  const trimmed = text.trim();
  const groups = /^([0-9a-f]{2})([:-])([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})\2([0-9a-f]{2})$/i.exec(
    trimmed,
  );
  const dotted = /^([0-9a-f]{4})\.([0-9a-f]{4})\.([0-9a-f]{4})$/i.exec(trimmed);
  const hex = groups
    ? [groups[1], groups[3], groups[4], groups[5], groups[6], groups[7]].join('')
    : dotted
      ? dotted.slice(1).join('')
      : undefined;
  return hex === undefined ? undefined : (hex.toLowerCase().match(/../g)!.join(':') as Mac);
}

/** network.ParsePortRange, for --expose: `80`, `7000-7002`, `53/udp`. */
function portRange(spec: string): { port: number; protocol: Protocol }[] | { error: string } {
  if (spec === '') return { error: 'invalid port range: value is empty' };
  const [range = '', protocol = 'tcp'] = spec.split('/');
  const [startText = '', endText] = range.split('-');
  const number = (text: string, which: string) => {
    if (text === '') return { error: `invalid ${which} port '${text}': value is empty` };
    if (!/^\d+$/.test(text)) return { error: `invalid ${which} port '${text}': invalid syntax` };
    return Number(text) > 65535 ? { error: `invalid ${which} port '${text}': value out of range` } : Number(text);
  };
  const start = number(startText, 'start');
  if (typeof start !== 'number') return start;
  const end = endText === undefined || endText === startText ? start : number(endText, 'end');
  if (typeof end !== 'number') return end;
  if (end < start) return { error: `invalid port range: ${spec}` };
  return Array.from({ length: end - start + 1 }, (_, i) => ({
    port: start + i,
    protocol: protocol.toLowerCase() as Protocol,
  }));
}

/** opts.ParseRestartPolicy. */
function restartPolicyOf(policy: string): { name: string; maximumRetryCount: number } | { error: string } {
  const [name = '', count] = policy.split(/:(.*)/s);
  if (policy.includes(':') && name === '')
    return { error: 'invalid restart policy format: no policy provided before colon' };
  if (count !== undefined && count !== '' && !/^[-+]?\d+$/.test(count))
    return { error: 'invalid restart policy format: maximum retry count must be an integer' };
  return { name, maximumRetryCount: count ? Number(count) : 0 };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function refusal(verb: Verb, path: string, refused: Refusal): CommandResult {
  if ('unmodelled' in refused) return fail(`netsim: ${refused.unmodelled} is not simulated yet\n`, 125);
  if ('flag' in refused) {
    // cli.FlagErrorFunc around pflag's error: usage and the command's own path.
    return fail(
      `invalid argument ${JSON.stringify(refused.value)} for ${JSON.stringify(refused.flag)} flag: ${refused.message}\n\nUsage:  ${path} [OPTIONS] IMAGE [COMMAND] [ARG...]\n\nRun '${path} --help' for more information\n`,
      125,
    );
  }
  // withHelp(err, "run"): always the short command name.
  return fail(`docker: ${refused.parse}\n\nRun 'docker ${verb} --help' for more information\n`, 125);
}
