import { normalizePath } from '../../kernel/filesystem';
import type { FileAccess } from '../command';
import { canonical, checkPorts, decodeService, ModelError, normalize } from './canonical';
import { dependencyCycle } from './order';
import { interpolate, interpolateText, InterpolationError, type Lookup } from './interpolate';
import { schemaProblem } from './schema';
import { isRawMap, readYaml, type Raw, type RawMap } from './yaml-read';

/**
 * compose-go v2.9.1 cli/options.go and loader/loader.go as `docker compose`
 * v2.40.3 drives them (cmd/compose/compose.go ToProject): find the file, name
 * the project, read, interpolate, validate, canonicalise, normalise and check
 * the model, each failure in the words of the step that finds it.
 */

/** cli.DefaultFileNames and DefaultOverrideFileNames, in order of preference. */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_FILE_NAMES = [
  'compose.override.yml',
  'compose.override.yaml',
  'docker-compose.override.yml',
  'docker-compose.override.yaml',
];

export interface ProjectOptions {
  /** -f, as typed. */
  readonly files: readonly string[];
  /** -p. */
  readonly projectName: string | undefined;
  /** --project-directory. */
  readonly projectDirectory: string | undefined;
  /** ToProject keeps every declared network with --all-resources. */
  readonly allResources: boolean;
  /** --profile, as typed; COMPOSE_PROFILES when none. */
  readonly profiles?: readonly string[];
}

export interface ProjectEnvironment {
  readonly cwd: string;
  readonly env: ReadonlyMap<string, string>;
  readonly files: FileAccess | undefined;
  /** A logrus warning on stderr. */
  readonly warn: (message: string) => void;
}

/** A loaded project: its name and directory, and the model in canonical form (services decoded, networks named). */
export interface Project {
  readonly name: string;
  readonly workingDir: string;
  readonly composeFiles: readonly string[];
  readonly model: RawMap;
}

export class ProjectError extends Error {}

/** Go's syscall.Errno strings, as os.ReadFile's *PathError prints them. */
const ERRNO: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
};

function absolute(cwd: string, path: string): string {
  return normalizePath(path.startsWith('/') ? path : `${cwd}/${path}`);
}

function isFile(files: FileAccess | undefined, path: string): boolean {
  const found = files?.fs.stat(path);
  return found !== undefined && 'inode' in found;
}

function readFile(files: FileAccess | undefined, path: string, op = 'open'): string {
  const read = files?.fs.read(path, files.who) ?? { error: 'ENOENT' as const };
  if ('content' in read) return read.content;
  const problem = ERRNO[read.error] ?? 'no such file or directory';
  throw new ProjectError(`${read.error === 'EISDIR' ? 'read' : op} ${path}: ${problem}`);
}

function dirname(path: string): string {
  const at = path.lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** WithDefaultConfigPath: the first directory from here up holding a compose file, and its override. */
function defaultConfigPaths(start: string, environment: ProjectEnvironment): string[] {
  for (let directory = start; ; directory = dirname(directory)) {
    const candidates = DEFAULT_FILE_NAMES.map((name) => normalizePath(`${directory}/${name}`)).filter((path) =>
      isFile(environment.files, path),
    );
    if (candidates.length > 0) {
      if (candidates.length > 1) {
        environment.warn(`Found multiple config files with supported names: ${candidates.join(', ')}`);
        environment.warn(`Using ${candidates[0]}`);
      }
      const overrides = OVERRIDE_FILE_NAMES.map((name) => normalizePath(`${directory}/${name}`)).filter((path) =>
        isFile(environment.files, path),
      );
      if (overrides.length > 1) {
        environment.warn(`Found multiple override files with supported names: ${overrides.join(', ')}`);
        environment.warn(`Using ${overrides[0]}`);
      }
      return [candidates[0]!, ...overrides.slice(0, 1)];
    }
    if (directory === '/') return [];
  }
}

/** loader.NormalizeProjectName: lower case, only [a-z0-9_-], no leading `_` or `-`. */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

function invalidProjectName(name: string): ProjectError {
  return new ProjectError(
    `invalid project name ${JSON.stringify(name)}: must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`,
  );
}

/** dotenv: `KEY=value` lines of the project directory's .env, quotes stripped, comments skipped. */
function dotEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at < 0) continue;
    let value = line.slice(at + 1).trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    values.set(line.slice(0, at).trim(), value);
  }
  return values;
}

interface Source {
  readonly path: string;
  readonly text: string;
}

/**
 * The project's name, in loader.go projectName's order: -p or COMPOSE_PROJECT_NAME
 * (refused unless already normal), a `name:` in the files (interpolated, normalised),
 * else the working directory's base name, normalised.
 */
function projectName(
  options: ProjectOptions,
  environment: Map<string, string>,
  sources: readonly Source[],
  workingDir: string,
  lookup: Lookup,
): string {
  const imperative = options.projectName || environment.get('COMPOSE_PROJECT_NAME') || '';
  if (imperative !== '') {
    if (normalizeProjectName(imperative) !== imperative) throw invalidProjectName(imperative);
    return imperative;
  }
  let fromFile = '';
  for (const source of sources) {
    const read = readYaml(source.text);
    if ('error' in read) break;
    for (const document of read.documents) {
      const name = isRawMap(document) ? document.get('name') : undefined;
      if (typeof name === 'string' && name !== '') fromFile = name;
    }
  }
  const named = normalizeProjectName(interpolateText(fromFile, lookup));
  return named !== '' ? named : normalizeProjectName(basename(workingDir));
}

/** override.Merge, simplified: later files' mappings merged into earlier ones key by key, anything else replaced. */
function merge(base: RawMap, next: RawMap): RawMap {
  for (const [key, value] of next) {
    const before = base.get(key);
    if (isRawMap(before) && isRawMap(value)) base.set(key, merge(before, value));
    else base.set(key, value);
  }
  return base;
}

/** loadYamlFile for one file: each document decoded, interpolated, merged, validated and made canonical. */
function loadFile(source: Source, model: RawMap, lookup: Lookup, warn: (message: string) => void): RawMap {
  const read = readYaml(source.text);
  if ('error' in read)
    throw new ProjectError(
      `failed to parse ${source.path}: ${read.error.kind === 'syntax' ? 'yaml: ' : ''}${read.error.message}`,
    );
  for (const document of read.documents) {
    if (!isRawMap(document)) throw new ProjectError('top-level object must be a mapping');
    let merged = merge(model, interpolate(document, lookup));
    const problem = schemaProblem(merged);
    if (problem !== undefined) throw new ProjectError(`validating ${source.path}: ${problem}`);
    if (merged.has('version')) {
      warn(
        `${source.path}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`,
      );
      merged.delete('version');
    }
    merged = canonical(merged, warn);
    model = merged;
  }
  return model;
}

/** The names of the services, as Go's sort.Strings sorts them. */
export function serviceNames(model: RawMap): string[] {
  return [...(isRawMap(model.get('services')) ? (model.get('services') as RawMap).keys() : [])].sort();
}

export function servicesOf(model: RawMap): RawMap {
  const services = model.get('services');
  return isRawMap(services) ? services : new Map();
}

export function networksOf(model: RawMap): RawMap {
  const networks = model.get('networks');
  return isRawMap(networks) ? networks : new Map();
}

function get(map: Raw | undefined, key: string): Raw | undefined {
  return isRawMap(map) ? map.get(key) : undefined;
}

/** loader/validate.go checkConsistency, for the attributes this simulator reads. */
function checkConsistency(model: RawMap): void {
  const services = servicesOf(model);
  const networks = networksOf(model);
  for (const name of serviceNames(model)) {
    const service = services.get(name) as RawMap;
    if (!service.has('build') && !service.get('image') && !service.has('provider'))
      throw new ProjectError(
        `service ${JSON.stringify(name)} has neither an image nor a build context specified: invalid compose project`,
      );
    const serviceNetworks = get(service, 'networks');
    if (service.get('network_mode') && isRawMap(serviceNetworks) && serviceNetworks.size > 0)
      throw new ProjectError(
        `service ${name} declares mutually exclusive \`network_mode\` and \`networks\`: invalid compose project`,
      );
    for (const network of isRawMap(serviceNetworks) ? serviceNetworks.keys() : []) {
      if (!networks.has(network))
        throw new ProjectError(
          `service ${JSON.stringify(name)} refers to undefined network ${network}: invalid compose project`,
        );
    }
    const dependsOn = get(service, 'depends_on');
    for (const dependency of isRawMap(dependsOn) ? dependsOn.keys() : []) {
      if (!services.has(dependency))
        throw new ProjectError(
          `service ${JSON.stringify(name)} depends on undefined service ${JSON.stringify(dependency)}: invalid compose project`,
        );
    }
    const mode = service.get('network_mode');
    if (typeof mode === 'string' && mode.startsWith('service:') && !services.has(mode.slice('service:'.length))) {
      const target = mode.slice('service:'.length);
      throw new ProjectError(`service ${JSON.stringify(target)} not found for network_mode 'service:${target}'`);
    }
    const test = get(service.get('healthcheck'), 'test');
    if (Array.isArray(test) && test.length > 0 && !['CMD', 'CMD-SHELL', 'NONE'].includes(String(test[0])))
      throw new ProjectError('healthcheck.test must start either by "CMD", "CMD-SHELL" or "NONE"');
    const volumes = get(model, 'volumes');
    for (const mount of Array.isArray(service.get('volumes')) ? (service.get('volumes') as Raw[]) : []) {
      const source = get(mount, 'source');
      if (
        get(mount, 'type') === 'volume' &&
        typeof source === 'string' &&
        source !== '' &&
        !(isRawMap(volumes) && volumes.has(source))
      ) {
        throw new ProjectError(
          `service ${JSON.stringify(name)} refers to undefined volume ${source}: invalid compose project`,
        );
      }
    }
  }
  const cycle = dependencyCycle(services);
  if (cycle) throw new ProjectError(cycle);
}

/** Normalize's resolve of `environment`: a variable given without a value takes the shell's, if it has one. */
function resolveEnvironment(service: RawMap, env: ReadonlyMap<string, string>): RawMap {
  const environment = service.get('environment');
  if (!isRawMap(environment)) return service;
  for (const [key, value] of environment) if (value === null && env.has(key)) environment.set(key, env.get(key)!);
  return service;
}

/**
 * Project.WithProfiles and WithServicesEnabled: a service with `profiles` runs only
 * when one of them is active (`*` activates all) or when it is named on the command line.
 */
function withProfiles(model: RawMap, active: readonly string[], selected: readonly string[]): void {
  const services = servicesOf(model);
  for (const [name, service] of [...services]) {
    const profiles = isRawMap(service) ? service.get('profiles') : undefined;
    if (!Array.isArray(profiles) || profiles.length === 0 || selected.includes(name)) continue;
    if (active.includes('*') || profiles.some((profile) => active.includes(String(profile)))) continue;
    services.delete(name);
  }
}

/** Project.WithoutUnnecessaryResources: only the networks some service uses stay. */
function withoutUnusedNetworks(model: RawMap): void {
  const used = new Set<string>();
  for (const [, service] of servicesOf(model))
    for (const key of isRawMap(get(service, 'networks')) ? (get(service, 'networks') as RawMap).keys() : [])
      used.add(key);
  const networks = networksOf(model);
  for (const key of [...networks.keys()]) if (!used.has(key)) networks.delete(key);
  if (networks.size === 0) model.delete('networks');
}

/** Where the files are: -f (relative to the working directory), COMPOSE_FILE, or the search from the project directory up. */
function configPaths(
  options: ProjectOptions,
  env: ReadonlyMap<string, string>,
  environment: ProjectEnvironment,
): string[] {
  if (options.files.length > 0)
    return options.files.map((path) => (path === '-' ? path : absolute(environment.cwd, path)));
  const fromEnv = env.get('COMPOSE_FILE');
  if (fromEnv)
    return fromEnv.split(env.get('COMPOSE_PATH_SEPARATOR') ?? ':').map((path) => absolute(environment.cwd, path));
  const start = options.projectDirectory ? absolute(environment.cwd, options.projectDirectory) : environment.cwd;
  return defaultConfigPaths(start, environment);
}

/** ProjectOptions.ToProject: the project, or ProjectError with the text docker compose prints. */
export function loadProject(
  options: ProjectOptions,
  environment: ProjectEnvironment,
  selected: readonly string[] = [],
): Project {
  const env = new Map(environment.env);
  if (!env.has('PWD')) env.set('PWD', environment.cwd);
  const paths = configPaths(options, env, environment);
  if (paths.length === 0) throw new ProjectError('no configuration file provided: not found');
  const workingDir = options.projectDirectory
    ? absolute(environment.cwd, options.projectDirectory)
    : dirname(paths[0]!);
  const dotEnvPath = `${workingDir}/.env`;
  if (isFile(environment.files, dotEnvPath))
    for (const [key, value] of dotEnv(readFile(environment.files, dotEnvPath))) if (!env.has(key)) env.set(key, value);
  const sources = paths.map((path) => ({ path, text: readFile(environment.files, path) }));
  const lookup: Lookup = { get: (name) => env.get(name), warn: environment.warn };
  // cli/options.go prepare: without -p each file is decoded once for its `name`, and a syntax error stops there as go-yaml words it.
  if (!options.projectName) {
    for (const source of sources) {
      const read = readYaml(source.text);
      if ('error' in read && read.error.kind === 'syntax') throw new ProjectError(`yaml: ${read.error.message}`);
    }
  }
  try {
    const name = projectName(options, env, sources, workingDir, lookup);
    env.set('COMPOSE_PROJECT_NAME', name);
    let model: RawMap = new Map();
    for (const source of sources) model = loadFile(source, model, lookup, environment.warn);
    checkPorts(model);
    if (model.size === 0) throw new ProjectError('empty compose file');
    if (name === '') throw new ProjectError('project name must not be empty');
    model.set('name', name);
    normalize(model, name, workingDir);
    const services = servicesOf(model);
    for (const [key, service] of services)
      services.set(key, resolveEnvironment(decodeService(isRawMap(service) ? service : new Map()), env));
    const profiles =
      options.profiles && options.profiles.length > 0
        ? options.profiles
        : (env.get('COMPOSE_PROFILES') ?? '').split(',').map((profile) => profile.trim());
    withProfiles(model, profiles, selected);
    checkConsistency(model);
    for (const service of selected) if (!services.has(service)) throw new ProjectError(`no such service: ${service}`);
    if (!options.allResources) withoutUnusedNetworks(model);
    return { name, workingDir, composeFiles: paths, model };
  } catch (error) {
    if (error instanceof ModelError || error instanceof InterpolationError) throw new ProjectError(error.message);
    throw error;
  }
}
