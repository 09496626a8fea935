import { sortedGoMap, YamlFloat, YamlMap, type YamlValue } from '../../format/go-yaml';
import { isRawMap, type Raw } from './yaml-read';

/**
 * compose-go v2.9.1's types as `docker compose config` (go-yaml) and the
 * config hash (encoding/json) print them: each struct's fields in declaration
 * order, with their yaml and json names and omitempty (types/types.go,
 * types/project.go). A value is the canonical model: a struct is a map by yaml
 * name, a missing field its zero value. Fields whose Go type this simulator does
 * not model field by field are `any`: printed as the model holds them, maps sorted.
 */
export type Kind =
  | 'string'
  | 'int'
  | 'bool'
  | 'float'
  | 'any'
  | 'command'
  | { list: Kind }
  | { map: Kind }
  | { struct: readonly Field[] }
  | { pointer: Kind };

export interface Field {
  readonly yaml: string;
  /** The json name; absent for `json:"-"`. */
  readonly json?: string;
  readonly kind: Kind;
  /** Only ServiceDependency.required and a few others lack omitempty. */
  readonly keepEmpty?: boolean;
  /** `command` and `entrypoint`: json without omitempty. */
  readonly jsonKeepEmpty?: boolean;
}

const f = (yaml: string, kind: Kind, options: Partial<Field> = {}): Field => ({ yaml, json: yaml, kind, ...options });
const strings: Kind = { list: 'string' };
const stringMap: Kind = { map: 'string' };

/** types.ServicePortConfig. */
export const PORT: readonly Field[] = [
  f('name', 'string'),
  f('mode', 'string'),
  f('host_ip', 'string'),
  f('target', 'int'),
  f('published', 'string'),
  f('protocol', 'string'),
  f('app_protocol', 'string'),
];

/** types.ServiceNetworkConfig. */
export const SERVICE_NETWORK: readonly Field[] = [
  f('aliases', strings),
  f('driver_opts', stringMap),
  f('gw_priority', 'int'),
  f('interface_name', 'string'),
  f('ipv4_address', 'string'),
  f('ipv6_address', 'string'),
  f('link_local_ips', strings),
  f('mac_address', 'string'),
  f('priority', 'int'),
];

/** types.ServiceVolumeBind, ServiceVolumeVolume and ServiceVolumeConfig (types/types.go); tmpfs and image are not modelled field by field. */
export const SERVICE_VOLUME_BIND: readonly Field[] = [
  f('selinux', 'string'),
  f('propagation', 'string'),
  f('create_host_path', 'bool'),
  f('recursive', 'string'),
];
export const SERVICE_VOLUME_VOLUME: readonly Field[] = [
  f('labels', stringMap),
  f('nocopy', 'bool'),
  f('subpath', 'string'),
];
export const SERVICE_VOLUME: readonly Field[] = [
  f('type', 'string'),
  f('source', 'string'),
  f('target', 'string'),
  f('read_only', 'bool'),
  f('consistency', 'string'),
  f('bind', { pointer: { struct: SERVICE_VOLUME_BIND } }),
  f('volume', { pointer: { struct: SERVICE_VOLUME_VOLUME } }),
  f('tmpfs', 'any'),
  f('image', 'any'),
];

/** types.VolumeConfig (CustomLabels is `json:"-"`, `yaml:"-"`). */
export const VOLUME: readonly Field[] = [
  f('name', 'string'),
  f('driver', 'string'),
  f('driver_opts', stringMap),
  f('external', 'bool'),
  f('labels', stringMap),
];

/** types.HealthCheckConfig: the durations as types.Duration marshals them, time.Duration's String. */
export const HEALTHCHECK: readonly Field[] = [
  f('test', strings),
  f('timeout', 'string'),
  f('interval', 'string'),
  f('retries', { pointer: 'int' }),
  f('start_period', 'string'),
  f('start_interval', 'string'),
  f('disable', 'bool'),
];

/** types.ServiceDependency: `required` has no omitempty. */
export const DEPENDENCY: readonly Field[] = [
  f('condition', 'string'),
  f('restart', 'bool'),
  f('required', 'bool', { keepEmpty: true }),
];

/** types.ServiceConfig, in field order. */
export const SERVICE: readonly Field[] = [
  f('profiles', strings),
  f('annotations', stringMap),
  f('attach', { pointer: 'bool' }),
  f('build', 'any'),
  f('develop', 'any'),
  f('blkio_config', 'any'),
  f('cap_add', strings),
  f('cap_drop', strings),
  f('cgroup_parent', 'string'),
  f('cgroup', 'string'),
  f('cpu_count', 'int'),
  f('cpu_percent', 'float'),
  f('cpu_period', 'int'),
  f('cpu_quota', 'int'),
  f('cpu_rt_period', 'int'),
  f('cpu_rt_runtime', 'int'),
  f('cpus', 'float'),
  f('cpuset', 'string'),
  f('cpu_shares', 'int'),
  f('command', 'command', { jsonKeepEmpty: true }),
  f('configs', 'any'),
  f('container_name', 'string'),
  f('credential_spec', 'any'),
  f('depends_on', { map: { struct: DEPENDENCY } }),
  f('deploy', 'any'),
  f('device_cgroup_rules', strings),
  f('devices', 'any'),
  f('dns', strings),
  f('dns_opt', strings),
  f('dns_search', strings),
  f('dockerfile', 'string'),
  f('domainname', 'string'),
  f('entrypoint', 'command', { jsonKeepEmpty: true }),
  f('provider', 'any'),
  f('environment', { map: { pointer: 'string' } }),
  f('env_file', 'any'),
  f('expose', strings),
  f('extends', 'any'),
  f('external_links', strings),
  f('extra_hosts', 'any'),
  f('group_add', strings),
  f('gpus', 'any'),
  f('hostname', 'string'),
  f('healthcheck', { pointer: { struct: HEALTHCHECK } }),
  f('image', 'string'),
  f('init', { pointer: 'bool' }),
  f('ipc', 'string'),
  f('isolation', 'string'),
  f('labels', stringMap),
  f('label_file', strings),
  f('links', strings),
  f('logging', 'any'),
  f('log_driver', 'string'),
  f('log_opt', stringMap),
  f('mem_limit', 'any'),
  f('mem_reservation', 'any'),
  f('memswap_limit', 'any'),
  f('mem_swappiness', 'any'),
  f('mac_address', 'string'),
  f('models', 'any'),
  f('net', 'string'),
  f('network_mode', 'string'),
  f('networks', { map: { pointer: { struct: SERVICE_NETWORK } } }),
  f('oom_kill_disable', 'bool'),
  f('oom_score_adj', 'int'),
  f('pid', 'string'),
  f('pids_limit', 'int'),
  f('platform', 'string'),
  f('ports', { list: { struct: PORT } }),
  f('privileged', 'bool'),
  f('pull_policy', 'string'),
  f('read_only', 'bool'),
  f('restart', 'string'),
  f('runtime', 'string'),
  f('scale', { pointer: 'int' }),
  f('secrets', 'any'),
  f('security_opt', strings),
  f('shm_size', 'any'),
  f('stdin_open', 'bool'),
  f('stop_grace_period', 'any'),
  f('stop_signal', 'string'),
  f('storage_opt', stringMap),
  f('sysctls', stringMap),
  f('tmpfs', strings),
  f('tty', 'bool'),
  f('ulimits', 'any'),
  f('use_api_socket', 'bool'),
  f('user', 'string'),
  f('userns_mode', 'string'),
  f('uts', 'string'),
  f('volume_driver', 'string'),
  f('volumes', { list: { struct: SERVICE_VOLUME } }),
  f('volumes_from', strings),
  f('working_dir', 'string'),
  f('post_start', 'any'),
  f('pre_stop', 'any'),
];

/** types.IPAMPool and types.IPAMConfig. */
export const IPAM_POOL: readonly Field[] = [
  f('subnet', 'string'),
  f('gateway', 'string'),
  f('ip_range', 'string'),
  f('aux_addresses', stringMap),
];
export const IPAM: readonly Field[] = [
  f('driver', 'string'),
  f('config', { list: { pointer: { struct: IPAM_POOL } } }),
];

/** types.NetworkConfig (CustomLabels is `json:"-"`, `yaml:"-"`). */
export const NETWORK: readonly Field[] = [
  f('name', 'string'),
  f('driver', 'string'),
  f('driver_opts', stringMap),
  f('ipam', { struct: IPAM }),
  f('external', 'bool'),
  f('internal', 'bool'),
  f('attachable', 'bool'),
  f('labels', stringMap),
  f('enable_ipv4', { pointer: 'bool' }),
  f('enable_ipv6', { pointer: 'bool' }),
];

/** types.Project: `services` has no omitempty. */
export const PROJECT: readonly Field[] = [
  f('name', 'string'),
  f('services', { map: { struct: SERVICE } }, { keepEmpty: true }),
  f('networks', { map: { struct: NETWORK } }),
  f('volumes', { map: { struct: VOLUME } }),
  f('secrets', 'any'),
  f('configs', 'any'),
  f('models', 'any'),
];

function entriesOf(value: Raw | undefined): [string, Raw][] {
  return isRawMap(value) ? [...value] : [];
}

/** isZero as go-yaml (and, for what omitempty means there, encoding/json) reads it. */
function isZero(kind: Kind, value: Raw | undefined, forJson: boolean): boolean {
  // A struct is never empty for encoding/json; go-yaml omits one whose fields are all zero.
  if (typeof kind === 'object' && 'struct' in kind)
    return (
      !forJson && (!isRawMap(value) || kind.struct.every((field) => isZero(field.kind, value.get(field.yaml), false)))
    );
  if (value === undefined || value === null) return true;
  if (kind === 'string') return value === '';
  if (kind === 'int' || kind === 'float') return value === 0 || (value instanceof YamlFloat && value.value === 0);
  if (kind === 'bool') return value === false;
  // ShellCommand.IsZero: only nil; an empty command is kept.
  if (kind === 'command') return false;
  if (kind === 'any') return (Array.isArray(value) && value.length === 0) || (isRawMap(value) && value.size === 0);
  if ('list' in kind) return Array.isArray(value) && value.length === 0;
  if ('map' in kind) return isRawMap(value) && value.size === 0;
  return false;
}

/** A model value as go-yaml's encoder writes its Go type. */
export function toYaml(kind: Kind, value: Raw | undefined): YamlValue {
  if (value === undefined) value = null;
  if (kind === 'string') return value === null ? '' : String(value);
  if (kind === 'int') return typeof value === 'number' ? value : value === null ? 0 : Number(value);
  if (kind === 'float')
    return value instanceof YamlFloat ? value : new YamlFloat(typeof value === 'number' ? value : 0);
  if (kind === 'bool') return value === true;
  if (kind === 'command') return Array.isArray(value) ? value.map((item) => String(item)) : null;
  if (kind === 'any') return anyToYaml(value);
  if ('pointer' in kind) return value === null ? null : toYaml(kind.pointer, value);
  if ('list' in kind) return Array.isArray(value) ? value.map((item) => toYaml(kind.list, item)) : [];
  if ('map' in kind) return sortedGoMap(entriesOf(value).map(([key, item]) => [key, toYaml(kind.map, item)] as const));
  const map = isRawMap(value) ? value : new Map<string, Raw>();
  return new YamlMap(
    kind.struct
      .filter((field) => field.keepEmpty || !isZero(field.kind, map.get(field.yaml), false))
      .map((field) => [field.yaml, toYaml(field.kind, map.get(field.yaml))] as const),
  );
}

function anyToYaml(value: Raw): YamlValue {
  if (isRawMap(value)) return sortedGoMap([...value].map(([key, item]) => [key, anyToYaml(item)] as const));
  if (Array.isArray(value)) return value.map(anyToYaml);
  return value;
}

/** Go's json.Marshal string: HTML-safe escapes (<, >, & as \u003c...), U+2028 and U+2029 escaped. */
export function goJsonString(text: string): string {
  return JSON.stringify(text).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function goJsonNumber(value: number | YamlFloat): string {
  const number = value instanceof YamlFloat ? value.value : value;
  return Number.isInteger(number) && Math.abs(number) < 1e21 ? String(number) : JSON.stringify(number);
}

/** A model value as encoding/json marshals its Go type: struct fields in order, map keys sorted. */
export function toGoJson(kind: Kind, value: Raw | undefined): string {
  if (value === undefined) value = null;
  if (kind === 'string') return goJsonString(value === null ? '' : String(value));
  if (kind === 'int' || kind === 'float')
    return goJsonNumber(typeof value === 'number' || value instanceof YamlFloat ? value : 0);
  if (kind === 'bool') return value === true ? 'true' : 'false';
  if (kind === 'command')
    return Array.isArray(value) ? `[${value.map((item) => goJsonString(String(item))).join(',')}]` : 'null';
  if (kind === 'any') return anyToJson(value);
  if ('pointer' in kind) return value === null ? 'null' : toGoJson(kind.pointer, value);
  if ('list' in kind)
    return Array.isArray(value) ? `[${value.map((item) => toGoJson(kind.list, item)).join(',')}]` : 'null';
  if ('map' in kind)
    return isRawMap(value)
      ? `{${[...value]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, item]) => `${goJsonString(key)}:${toGoJson(kind.map, item)}`)
          .join(',')}}`
      : 'null';
  const map = isRawMap(value) ? value : new Map<string, Raw>();
  const fields = kind.struct.filter(
    (field) =>
      field.json !== undefined &&
      (field.keepEmpty || field.jsonKeepEmpty || !isZero(field.kind, map.get(field.yaml), true)),
  );
  return `{${fields.map((field) => `${goJsonString(field.json!)}:${toGoJson(field.kind, map.get(field.yaml))}`).join(',')}}`;
}

function anyToJson(value: Raw): string {
  if (value === null) return 'null';
  if (isRawMap(value))
    return `{${[...value]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${goJsonString(key)}:${anyToJson(item)}`)
      .join(',')}}`;
  if (Array.isArray(value)) return `[${value.map(anyToJson).join(',')}]`;
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'boolean') return String(value);
  return goJsonNumber(value);
}
