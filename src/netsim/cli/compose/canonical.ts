import { YamlFloat } from '../../format/go-yaml';
import { parsePortSpec } from '../../wire/port-spec';
import { parseGoBool } from '../../wire/go-strconv';
import { isRawMap, type Raw, type RawMap } from './yaml-read';

/**
 * compose-go v2.9.1's passes over the model between validation and the Go
 * structs: transform.Canonical (short syntaxes to long ones), SetDefaultValues,
 * Normalize (the implicit `default` network, resource names, depends_on from
 * `network_mode: service:`), and the DecodeMapstructure hooks of types/ that
 * turn `command: a b` into a list and `environment: [A=1]` into a mapping.
 */

export class ModelError extends Error {}

function entries(value: Raw | undefined): [string, Raw][] {
  return isRawMap(value) ? [...value] : [];
}

function mapOf(value: Raw | undefined): RawMap {
  return isRawMap(value) ? value : new Map();
}

/** fmt.Sprint of a scalar. */
export function goSprint(value: Raw): string {
  if (value === null) return '<nil>';
  if (value instanceof YamlFloat) return Number.isInteger(value.value) ? String(value.value) : String(value.value);
  return String(value);
}

/** types.ParsePortConfig: nat.ParsePortSpecs, keys sorted as strings, one long-syntax port per binding. */
export function parsePorts(text: string): RawMap[] {
  const parsed = parsePortSpec(text);
  if ('error' in parsed) throw new ModelError(parsed.error);
  return [...parsed]
    .sort((a, b) => (`${a.containerPort}/${a.protocol}` < `${b.containerPort}/${b.protocol}` ? -1 : 1))
    .map((port) => {
      const long: RawMap = new Map<string, Raw>([['mode', 'ingress']]);
      if (port.hostIp !== '') long.set('host_ip', port.hostIp);
      long.set('target', port.containerPort);
      if (port.hostPort !== undefined) long.set('published', String(port.hostPort));
      long.set('protocol', port.protocol);
      return long;
    });
}

/** transformPorts. */
function canonicalPorts(value: Raw, path: string): Raw {
  if (!Array.isArray(value)) throw new ModelError(`${path}: invalid type for port`);
  return value.flatMap((entry): Raw[] => {
    if (typeof entry === 'number' || typeof entry === 'string') return parsePorts(String(entry));
    if (isRawMap(entry)) return [entry];
    throw new ModelError(`${path}: invalid type for port`);
  });
}

/** transformDependsOn: a list becomes `name: {condition: service_started, required: true}`. */
function canonicalDependsOn(value: Raw): Raw {
  if (Array.isArray(value))
    return new Map(
      value.map(
        (name) =>
          [
            String(name),
            new Map<string, Raw>([
              ['condition', 'service_started'],
              ['required', true],
            ]),
          ] as const,
      ),
    );
  for (const [, dependency] of entries(value)) {
    if (!isRawMap(dependency)) continue;
    if (!dependency.has('condition')) dependency.set('condition', 'service_started');
    if (!dependency.has('required')) dependency.set('required', true);
  }
  return value;
}

/**
 * transformVolumeMount (transform/volume.go): a short-syntax mount parsed as
 * format.ParseVolume reads it (format/volume.go): `[SOURCE:]TARGET[:MODE]`, a
 * bind mount when SOURCE starts with `.`, `/` or `~` (with create_host_path, as
 * docker-compose v1 made missing host paths), a volume otherwise; the target
 * cleaned as path.Clean does.
 */
function canonicalVolume(value: Raw, path: string): Raw {
  if (isRawMap(value)) return value;
  const spec = String(value);
  if (spec === '') throw new ModelError(`${path}: invalid empty volume spec`);
  const fields = new Map<string, Raw>();
  const parts = spec.length <= 2 ? [spec] : spec.split(':');
  if (parts.length > 3 || parts.some((part) => part === ''))
    throw new ModelError(
      `invalid spec: ${spec}: ${parts.length > 3 ? 'too many colons' : 'empty section between colons'}`,
    );
  const [first, second, mode] = parts as [string, string | undefined, string | undefined];
  const source = second === undefined ? '' : first;
  const bind = source !== '' && ['.', '/', '~'].includes(source[0]!);
  fields.set('type', bind ? 'bind' : 'volume');
  if (source !== '') fields.set('source', source);
  fields.set('target', cleanPath(second ?? first));
  const options = (mode ?? '').split(',');
  if (options.includes('ro')) fields.set('read_only', true);
  const bindOptions = new Map<string, Raw>();
  const selinux = options.find((option) => option === 'z' || option === 'Z');
  if (selinux) bindOptions.set('selinux', selinux);
  const propagation = options.find((option) =>
    ['rprivate', 'private', 'rshared', 'shared', 'rslave', 'slave'].includes(option),
  );
  if (propagation) bindOptions.set('propagation', propagation);
  if (bind) {
    bindOptions.set('create_host_path', true);
    fields.set('bind', bindOptions);
  } else fields.set('volume', new Map<string, Raw>(options.includes('nocopy') ? [['nocopy', true]] : []));
  return fields;
}

/** path.Clean for an absolute or relative target. */
function cleanPath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts.at(-1) !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** transformStringSliceToMap (`networks: [front]`) and transformStringOrList (`dns: 8.8.8.8`). */
function sliceToMap(value: Raw): Raw {
  return Array.isArray(value) ? new Map(value.map((name) => [String(name), null] as const)) : value;
}

function stringOrList(value: Raw): Raw {
  return typeof value === 'string' ? [value] : value;
}

/** transformMaybeExternal: `external: {name: x}` is the deprecated spelling of `name: x` with `external: true`. */
function canonicalResource(value: Raw, path: string, warn: (message: string) => void): Raw {
  if (!isRawMap(value)) return value;
  const external = value.get('external');
  if (isRawMap(external)) {
    value.set('external', true);
    if (external.has('name')) {
      warn(`${path}: external.name is deprecated. Please set name and external: true`);
      if (value.has('name') && value.get('name') !== external.get('name'))
        throw new ModelError(`${path}: name and external.name conflict; only use name`);
      if (!value.has('name')) value.set('name', external.get('name')!);
    }
  }
  return value;
}

/** transform.Canonical, and portDefaults of SetDefaultValues. */
export function canonical(model: RawMap, warn: (message: string) => void): RawMap {
  for (const [name, service] of entries(model.get('services'))) {
    if (!isRawMap(service)) continue;
    const path = `services.${name}`;
    if (service.has('ports')) service.set('ports', canonicalPorts(service.get('ports')!, `${path}.ports`));
    if (service.has('depends_on')) service.set('depends_on', canonicalDependsOn(service.get('depends_on')!));
    if (service.has('networks')) service.set('networks', sliceToMap(service.get('networks')!));
    if (service.has('dns')) service.set('dns', stringOrList(service.get('dns')!));
    if (Array.isArray(service.get('volumes')))
      service.set(
        'volumes',
        (service.get('volumes') as Raw[]).map((volume) => canonicalVolume(volume, `services.${name}.volumes`)),
      );
    // transformBuild: `build: ./dir` is `build: {context: ./dir}`.
    if (typeof service.get('build') === 'string')
      service.set('build', new Map<string, Raw>([['context', service.get('build')!]]));
    for (const port of Array.isArray(service.get('ports')) ? (service.get('ports') as Raw[]) : []) {
      if (!isRawMap(port)) continue;
      if (!port.has('protocol')) port.set('protocol', 'tcp');
      if (!port.has('mode')) port.set('mode', 'ingress');
    }
    // OmitEmpty: an empty `dns` entry is dropped.
    const dns = service.get('dns');
    if (Array.isArray(dns))
      service.set(
        'dns',
        dns.filter((entry) => entry !== null && entry !== ''),
      );
  }
  for (const kind of ['networks', 'volumes', 'secrets', 'configs']) {
    for (const [key, resource] of entries(model.get(kind)))
      mapOf(model.get(kind)).set(key, canonicalResource(resource, `${kind}.${key}`, warn));
  }
  return model;
}

/** validation.Validate's checkIPAddress: a long-syntax port's host_ip must be an IP address. */
export function checkPorts(model: RawMap): void {
  for (const [name, service] of entries(model.get('services'))) {
    const ports = mapOf(service).get('ports');
    if (!Array.isArray(ports)) continue;
    for (const port of ports) {
      const hostIp = mapOf(port).get('host_ip');
      if (typeof hostIp === 'string' && !isIp(hostIp))
        throw new ModelError(`services.${name}.ports.[]: invalid ip address: ${hostIp}`);
    }
  }
}

function isIp(text: string): boolean {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text))
    return text.split('.').every((part) => Number(part) <= 255 && !/^0\d/.test(part));
  return /^[0-9a-fA-F:.]+$/.test(text) && text.includes(':');
}

const SHARED_NAMESPACES = ['network_mode', 'ipc', 'pid', 'uts', 'cgroup'];

/** loader/normalize.go Normalize, for what this simulator reads. */
export function normalize(model: RawMap, projectName: string, workingDir: string): RawMap {
  normalizeNetworks(model);
  for (const [, value] of entries(model.get('services'))) {
    const service = mapOf(value);
    const build = service.get('build');
    if (isRawMap(build)) {
      if (build.get('context') === undefined || build.get('context') === null) build.set('context', '.');
      if (!build.has('dockerfile') && !build.has('dockerfile_inline')) build.set('dockerfile', 'Dockerfile');
      // paths.ResolveRelativePaths: a local context becomes absolute, against the project directory.
      const context = String(build.get('context'));
      if (!/^[a-z]+:\/\//.test(context) && !context.startsWith('/') && !context.includes('@'))
        build.set('context', resolvePath(workingDir, context));
    }
    if (service.get('pull_policy') === 'if_not_present') service.set('pull_policy', 'missing');
    // paths.ResolveRelativePaths: a bind mount's relative source becomes absolute, against the project directory.
    for (const volume of Array.isArray(service.get('volumes')) ? (service.get('volumes') as Raw[]) : []) {
      const mount = mapOf(volume);
      const source = mount.get('source');
      if (mount.get('type') === 'bind' && typeof source === 'string' && source.startsWith('.'))
        mount.set('source', resolvePath(workingDir, source));
    }
    const dependsOn = mapOf(service.get('depends_on'));
    for (const link of Array.isArray(service.get('links')) ? (service.get('links') as Raw[]) : []) {
      const parts = String(link).split(':');
      const target = parts.length === 2 ? parts[0]! : String(link);
      if (!dependsOn.has(target))
        dependsOn.set(
          target,
          new Map<string, Raw>([
            ['condition', 'service_started'],
            ['restart', true],
            ['required', true],
          ]),
        );
    }
    for (const namespace of SHARED_NAMESPACES) {
      const reference = service.get(namespace);
      if (typeof reference === 'string' && reference.startsWith('service:')) {
        const shared = reference.slice('service:'.length);
        if (!dependsOn.has(shared))
          dependsOn.set(
            shared,
            new Map<string, Raw>([
              ['condition', 'service_started'],
              ['restart', true],
              ['required', true],
            ]),
          );
      }
    }
    if (dependsOn.size > 0) service.set('depends_on', dependsOn);
  }
  // setNameFromKey: a resource without a name is `<project>_<key>`, an external one its key.
  for (const kind of ['networks', 'volumes', 'configs', 'secrets']) {
    const resources = model.get(kind);
    if (!isRawMap(resources)) continue;
    for (const [key, value] of resources) {
      const resource = isRawMap(value) ? value : new Map<string, Raw>();
      if (resource.get('name') === undefined || resource.get('name') === null)
        resource.set('name', isTrue(resource.get('external')) ? key : `${projectName}_${key}`);
      resources.set(key, resource);
    }
  }
  return model;
}

function resolvePath(base: string, path: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${path}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

function isTrue(value: Raw | undefined): boolean {
  return value === true || (typeof value === 'string' && parseGoBool(value) === true);
}

/** normalizeNetworks: a service with neither network_mode nor networks joins `default`, declared only if used. */
function normalizeNetworks(model: RawMap): void {
  const networks = mapOf(model.get('networks'));
  let usesDefault = false;
  for (const [name, value] of entries(model.get('services'))) {
    const service = mapOf(value);
    if (service.has('provider') || service.has('network_mode')) continue;
    const declared = service.get('networks');
    if (!isRawMap(declared) || declared.size === 0) {
      service.set('networks', new Map([['default', null]]));
      usesDefault = true;
    } else if (declared.has('default')) usesDefault = true;
    mapOf(model.get('services')).set(name, service);
  }
  if (!networks.has('default') && usesDefault) networks.set('default', null);
  if (networks.size > 0) model.set('networks', networks);
}

/** mattn/go-shellwords Parse, as ShellCommand's decoder runs it: quotes and backslashes, no variables. */
export function shellwords(line: string): string[] {
  const args: string[] = [];
  let buffer = '';
  let escaped = false;
  let single = false;
  let double = false;
  let started = false;
  for (const char of line) {
    if (escaped) {
      buffer += char;
      escaped = false;
      started = true;
      continue;
    }
    if (char === '\\' && !single) {
      if (double) {
        escaped = true;
        continue;
      }
      escaped = true;
      continue;
    }
    if (/\s/.test(char) && !single && !double) {
      if (started) args.push(buffer);
      buffer = '';
      started = false;
      continue;
    }
    if (char === '"' && !single) {
      double = !double;
      started = true;
      continue;
    }
    if (char === "'" && !double) {
      single = !single;
      started = true;
      continue;
    }
    buffer += char;
    started = true;
  }
  if (single || double || escaped) throw new ModelError('invalid command line string');
  if (started) args.push(buffer);
  return args;
}

/** The DecodeMapstructure hooks: the Go value each field of a service holds. */
export function decodeService(service: RawMap): RawMap {
  const decoded: RawMap = new Map(service);
  for (const key of ['command', 'entrypoint']) {
    const value = service.get(key);
    if (typeof value === 'string') decoded.set(key, shellwords(value));
    else if (Array.isArray(value)) decoded.set(key, value.map(goSprint));
  }
  const environment = service.get('environment');
  if (environment !== undefined) decoded.set('environment', mappingWithEquals(environment));
  for (const key of ['labels', 'annotations', 'sysctls']) {
    const value = service.get(key);
    if (value !== undefined) decoded.set(key, labels(value));
  }
  for (const key of [
    'expose',
    'dns',
    'dns_search',
    'tmpfs',
    'cap_add',
    'cap_drop',
    'security_opt',
    'volumes_from',
    'links',
    'external_links',
    'profiles',
    'dns_opt',
    'group_add',
  ]) {
    const value = service.get(key);
    if (typeof value === 'string' || typeof value === 'number') decoded.set(key, [String(value)]);
    else if (Array.isArray(value)) decoded.set(key, value.map(goSprint));
  }
  const healthcheck = service.get('healthcheck');
  if (isRawMap(healthcheck)) decoded.set('healthcheck', decodeHealthcheck(healthcheck));
  const extraHosts = service.get('extra_hosts');
  if (extraHosts !== undefined) decoded.set('extra_hosts', hostsList(extraHosts));
  return decoded;
}

/** HealthCheckTest.DecodeMapstructure (a string is `CMD-SHELL` and it) and Duration's (str2duration, printed back by time.Duration.String). */
function decodeHealthcheck(value: RawMap): RawMap {
  const decoded: RawMap = new Map(value);
  const test = value.get('test');
  if (typeof test === 'string') decoded.set('test', ['CMD-SHELL', test]);
  else if (Array.isArray(test)) decoded.set('test', test.map(goSprint));
  for (const key of ['timeout', 'interval', 'start_period', 'start_interval']) {
    const duration = value.get(key);
    if (duration === undefined || duration === null) continue;
    const ms = parseDuration(goSprint(duration));
    if (ms === undefined) throw new ModelError(`services.healthcheck.${key}: invalid duration ${goSprint(duration)}`);
    decoded.set(key, goDurationString(ms));
  }
  return decoded;
}

const DURATION_UNITS_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** str2duration.ParseDuration: Go's units, and days and weeks. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  const parts = [...text.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h|d|w)/gy)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) return undefined;
  return parts.reduce((total, part) => total + Number(part[1]) * DURATION_UNITS_MS[part[2]!]!, 0);
}

/** time.Duration.String for whole milliseconds: `500ms`, `1.5s`, `1m30s`, `1h0m0s`. */
export function goDurationString(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = `${(ms % 60_000) / 1000}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  return minutes > 0 ? `${minutes}m${seconds}` : seconds;
}

/** MappingWithEquals: `K=V` entries, a bare `K` with no value (nil). */
function mappingWithEquals(value: Raw): RawMap {
  const mapping: RawMap = new Map();
  if (isRawMap(value)) {
    for (const [key, item] of value) mapping.set(key, item === null ? null : goSprint(item));
    return mapping;
  }
  for (const entry of Array.isArray(value) ? value : []) {
    const text = goSprint(entry);
    const at = text.indexOf('=');
    const key = at < 0 ? text : text.slice(0, at);
    if (key !== '' && /\s$/.test(key))
      throw new ModelError(`environment variable ${key} is declared with a trailing space`);
    mapping.set(key, at < 0 ? null : text.slice(at + 1));
  }
  return mapping;
}

function labels(value: Raw): RawMap {
  const mapping: RawMap = new Map();
  if (isRawMap(value)) {
    for (const [key, item] of value) mapping.set(key, item === null ? '' : goSprint(item));
    return mapping;
  }
  for (const entry of Array.isArray(value) ? value : []) {
    const text = goSprint(entry);
    const at = text.indexOf('=');
    mapping.set(at < 0 ? text : text.slice(0, at), at < 0 ? '' : text.slice(at + 1));
  }
  return mapping;
}

/** HostsList: `host=ip` or `host:ip` entries (or a mapping), printed back sorted as `host=ip`. */
function hostsList(value: Raw): Raw {
  const hosts: string[] = [];
  if (isRawMap(value)) {
    for (const [host, ips] of value)
      for (const ip of Array.isArray(ips) ? ips : [ips ?? '']) hosts.push(`${host}=${goSprint(ip)}`);
  } else {
    for (const entry of Array.isArray(value) ? value : []) {
      const text = goSprint(entry);
      const separator = ['=', ':'].find((candidate) => text.includes(candidate));
      if (!separator) throw new ModelError(`invalid additional host, missing IP: ${text}`);
      const at = text.indexOf(separator);
      for (const ip of text.slice(at + 1).split(',')) hosts.push(`${text.slice(0, at)}=${ip}`);
    }
  }
  return hosts.sort();
}
