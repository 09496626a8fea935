import { parseCidr } from '../wire/cidr';
import { parseIpv4 } from '../wire/ipv4';
import { parseIpv6Cidr } from '../wire/ipv6';
import {
  DAEMON_CONFIG_FILE,
  DEFAULT_DAEMON_CONFIG,
  type DaemonConfigResult,
  type DaemonConfigSource,
} from './daemon-config';
import { parseGoJson } from './go-json';

// dockerd reading daemon.json, apart from the configuration's shape (daemon-config.ts): only a
// (re)start of the daemon reads the file, so the reader's browser fetches this on first use
// (daemon-config-loader.browser.ts).

/**
 * The names daemon.json may use: dockerd's flags and the names of its named
 * options (daemon/command/config.go, config_unix.go, options.go at
 * docker-v29.7.2), and the keys findConfigurationConflicts skips.
 */
const KNOWN_KEYS = new Set([
  'add-runtime',
  'allow-direct-routing',
  'authorization-plugin',
  'authorization-plugins',
  'bip',
  'bip6',
  'bridge',
  'bridge-accept-fwmark',
  'builder',
  'cdi-spec-dir',
  'cdi-spec-dirs',
  'cgroup-parent',
  'config-file',
  'containerd',
  'containerd-namespace',
  'containerd-plugins-namespace',
  'cpu-rt-period',
  'cpu-rt-runtime',
  'cri-containerd',
  'data-root',
  'debug',
  'default-address-pool',
  'default-address-pools',
  'default-cgroupns-mode',
  'default-gateway',
  'default-gateway-v6',
  'default-ipc-mode',
  'default-network-opt',
  'default-network-opts',
  'default-runtime',
  'default-shm-size',
  'default-stop-timeout',
  'default-ulimit',
  'default-ulimits',
  'dns',
  'dns-opt',
  'dns-opts',
  'dns-search',
  'exec-opt',
  'exec-opts',
  'exec-root',
  'experimental',
  'feature',
  'features',
  'firewall-backend',
  'fixed-cidr',
  'fixed-cidr-v6',
  'group',
  'host',
  'host-gateway-ip',
  'host-gateway-ips',
  'hosts',
  'http-proxy',
  'https-proxy',
  'icc',
  'init',
  'init-path',
  'insecure-registries',
  'insecure-registry',
  'ip',
  'ip-forward',
  'ip-forward-no-drop',
  'ip-masq',
  'ip6tables',
  'iptables',
  'ipv6',
  'label',
  'labels',
  'live-restore',
  'log-driver',
  'log-format',
  'log-level',
  'log-opt',
  'log-opts',
  'max-concurrent-downloads',
  'max-concurrent-uploads',
  'max-download-attempts',
  'metrics-addr',
  'min-api-version',
  'mtu',
  'network-control-plane-mtu',
  'network-diagnostic-port',
  'no-new-privileges',
  'no-proxy',
  'node-generic-resource',
  'node-generic-resources',
  'nri-opts',
  'pidfile',
  'raw-logs',
  'registry-mirror',
  'registry-mirrors',
  'rootless',
  'runtimes',
  'seccomp-profile',
  'selinux-enabled',
  'shutdown-timeout',
  'storage-driver',
  'storage-opt',
  'storage-opts',
  'swarm-default-advertise-addr',
  'tls',
  'tlscacert',
  'tlscert',
  'tlskey',
  'tlsverify',
  'userland-proxy',
  'userland-proxy-path',
  'userns-remap',
  'validate',
]);

/** Keys whose object value is one option, not a group of options (config.go flatOptions). */
const FLAT_OPTIONS = new Set([
  'cluster-store-opts',
  'default-network-opts',
  'log-opts',
  'runtimes',
  'default-ulimits',
  'features',
  'builder',
  'nri-opts',
]);

/**
 * The flags docker.service starts dockerd with (contrib/init/systemd/docker.service:
 * `-H fd:// --containerd=/run/containerd/containerd.sock`), by the name the file
 * would use, with their value as pflag prints it.
 */
const SERVICE_FLAGS: Readonly<Record<string, string>> = {
  hosts: '[fd://]',
  containerd: '/run/containerd/containerd.sock',
};

/**
 * config.Reload and getConflictFreeConfiguration: no file (or only spaces) is the
 * defaults; otherwise the JSON must parse, every key must be dockerd's, none may
 * repeat a flag of the unit, and each value must have its field's type. The
 * error is the one dockerd exits with.
 */
export function readDaemonConfig(source: DaemonConfigSource): DaemonConfigResult {
  const fail = (message: string) => ({
    error: `unable to configure the Docker daemon with file ${DAEMON_CONFIG_FILE}: ${message}`,
  });
  if (typeof source === 'object') return fail(source.readError);
  const text = source;
  if (text === undefined || text.trim() === '') return { config: DEFAULT_DAEMON_CONFIG };
  const parsed = parseGoJson(text.trim());
  if ('error' in parsed) return fail(`invalid JSON: ${parsed.error}`);
  if (parsed.value === null) return { config: DEFAULT_DAEMON_CONFIG };
  if (typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    return fail(
      `invalid JSON: json: cannot unmarshal ${goKind(parsed.value)} into Go value of type map[string]interface {}`,
    );
  }
  const values = flatten(parsed.value as Record<string, unknown>);
  // Go ranges over a map in no fixed order; sorted here so the message is stable.
  const unknown = Object.keys(values)
    .filter((key) => !KNOWN_KEYS.has(key))
    .sort();
  if (unknown.length > 0)
    return fail(`the following directives don't match any configuration option: ${unknown.join(', ')}`);
  const conflicts = Object.keys(SERVICE_FLAGS)
    .filter((key) => key in values)
    .map((key) => `${key}: (from flag: ${SERVICE_FLAGS[key]}, from file: ${goPrint(values[key])})`);
  if (conflicts.length > 0)
    return fail(
      `the following directives are specified both as a flag and in the configuration file: ${conflicts.join(', ')}`,
    );
  const typeError = wrongType(parsed.value as Record<string, unknown>);
  if (typeError !== undefined) return fail(`invalid JSON: ${typeError}`);
  return configOf(parsed.value as Record<string, unknown>);
}

/** configValuesSet: an object value's keys count as options of their own, unless the key is a flat option. */
function flatten(config: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && !FLAT_OPTIONS.has(key))
      Object.assign(flat, value);
    else flat[key] = value;
  }
  return flat;
}

/** What Go calls a JSON value's kind in an UnmarshalTypeError. */
function goKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  return typeof value;
}

/** fmt's %v of a decoded JSON value: slices as `[a b]`. */
function goPrint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goPrint).join(' ')}]`;
  if (typeof value === 'object' && value !== null)
    return `map[${Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${k}:${goPrint(v)}`)
      .join(' ')}]`;
  return String(value);
}

/** The Go type of each key the simulator reads (daemon/config Config, BridgeConfig). */
const FIELD_TYPES: Readonly<Record<string, 'bool' | 'string' | '[]string' | '[]*ipamutils.NetworkToSplit'>> = {
  'userland-proxy': 'bool',
  iptables: 'bool',
  ipv6: 'bool',
  bip: 'string',
  ip: 'string',
  'fixed-cidr-v6': 'string',
  dns: '[]string',
  'default-address-pools': '[]*ipamutils.NetworkToSplit',
};

/** json's UnmarshalTypeError for the first key whose value has the wrong kind: `json: cannot unmarshal string into Go struct field Config.iptables of type bool`. */
function wrongType(config: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(config)) {
    const type = FIELD_TYPES[key];
    if (type === undefined || value === null) continue;
    const kind = goKind(value);
    const expected = type === 'bool' ? 'boolean' : type === 'string' ? 'string' : 'array';
    if (kind !== expected)
      return `json: cannot unmarshal ${kind === 'boolean' ? 'bool' : kind} into Go struct field Config.${key} of type ${type}`;
  }
  return undefined;
}

function configOf(values: Record<string, unknown>): DaemonConfigResult {
  const pick = <T>(key: string, fallback: T): T =>
    values[key] === undefined || values[key] === null ? fallback : (values[key] as T);
  const bipText = pick<string | undefined>('bip', undefined);
  const bip = bipText === undefined || bipText === '' ? undefined : parseCidr(bipText);
  if (bipText && bip === undefined)
    return {
      error: `unable to configure the Docker daemon with file ${DAEMON_CONFIG_FILE}: netsim: this bip is not an IPv4 CIDR the simulator reads: ${bipText}`,
    };
  // validatePlatformConfig: bridge.ValidateFixedCIDRV6, its error wrapped twice (config_linux.go, bridge_linux.go).
  const fixedCidrV6 = pick<string | undefined>('fixed-cidr-v6', undefined);
  if (fixedCidrV6 && !fixedCidrV6.includes('/'))
    return {
      error: `invalid fixed-cidr-v6: invalid fixed-cidr-v6: netip.ParsePrefix(${JSON.stringify(fixedCidrV6)}): no '/'`,
    };
  if (fixedCidrV6 && parseIpv6Cidr(fixedCidrV6) === undefined)
    return {
      error: `unable to configure the Docker daemon with file ${DAEMON_CONFIG_FILE}: netsim: this fixed-cidr-v6 is not an IPv6 CIDR the simulator reads: ${fixedCidrV6}`,
    };
  const ipText = pick<string | undefined>('ip', undefined);
  const ip = ipText === undefined || ipText === '0.0.0.0' ? undefined : parseIpv4(ipText);
  const pools = pick<{ base?: string; size?: number }[] | undefined>('default-address-pools', undefined)?.map(
    (pool) => ({ base: parseCidr(pool.base ?? '')!, size: pool.size ?? 0 }),
  );
  return {
    config: {
      userlandProxy: pick('userland-proxy', true),
      iptables: pick('iptables', true),
      bip,
      defaultAddressPools: pools?.filter((pool) => pool.base !== undefined),
      ip,
      dns: pick<string[]>('dns', []).flatMap((address) => parseIpv4(address) ?? []),
      ipv6: pick('ipv6', false),
      fixedCidrV6: fixedCidrV6 || undefined,
    },
  };
}
