import type { Mac } from '../wire/mac';
import type { PortMapping, Protocol } from '../wire/port-spec';
import type { Container, ContainerConfig } from './container';
import { EngineError } from './errors';
import type { ImageInfo } from './images';
import type { MountRequest } from './volumes';
import type { Healthcheck } from './health';

/** What `docker create` and `docker run` send beyond the basics; every field has Docker's default. */
export interface ContainerOptions {
  /** --entrypoint; an empty string resets the image's. An API client (Compose) may send a list, an empty one resetting it too. */
  entrypoint?: string | readonly string[] | undefined;
  /** -e/--env in order: `KEY=VALUE`, or `KEY` for a variable the client could not find. */
  env?: string[] | undefined;
  labels?: Record<string, string> | undefined;
  workingDir?: string | undefined;
  tty?: boolean | undefined;
  openStdin?: boolean | undefined;
  /** Which streams the client attaches (AttachStdin/Stdout/Stderr); `docker run -d` attaches none. */
  attach?: { stdin: boolean; stdout: boolean; stderr: boolean } | undefined;
  dns?: string[] | undefined;
  dnsSearch?: string[] | undefined;
  dnsOptions?: string[] | undefined;
  extraHosts?: string[] | undefined;
  links?: string[] | undefined;
  /** --network-alias, for the container's first network. */
  aliases?: string[] | undefined;
  macAddress?: Mac | undefined;
  expose?: { port: number; protocol: Protocol }[] | undefined;
  volumes?: string[] | undefined;
  /** --health-* or Compose's healthcheck: Config.Healthcheck. */
  healthcheck?: Healthcheck | undefined;
  /** --mount: HostConfig.Mounts. */
  mounts?: MountRequest[] | undefined;
  restartPolicy?: { name: string; maximumRetryCount: number } | undefined;
  publishAll?: boolean | undefined;
}

const RESTART_POLICIES = ['no', 'always', 'unless-stopped', 'on-failure'];

/** api/types/container ValidateRestartPolicy, which the daemon runs before anything else. */
export function validateRestartPolicy(policy: { name: string; maximumRetryCount: number }): void {
  const fail = (message: string) => new EngineError('invalid-parameter', `invalid restart policy: ${message}`);
  if (policy.name === '' || policy.name === 'on-failure') {
    if (policy.name !== '' && policy.maximumRetryCount < 0) throw fail('maximum retry count cannot be negative');
    return;
  }
  if (!RESTART_POLICIES.includes(policy.name))
    throw fail(`unknown policy '${policy.name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  if (policy.maximumRetryCount !== 0)
    throw fail(
      `maximum retry count can only be used with 'on-failure'${policy.maximumRetryCount < 0 ? ' and cannot be negative' : ''}`,
    );
}

/** The request merged with the image's config as moby's daemon/commit.go merge does. */
export function mergeConfig(
  image: ImageInfo,
  command: string[],
  options: ContainerOptions,
  interactive: boolean,
): ContainerConfig {
  const given = options.entrypoint;
  const entrypoint =
    given === undefined ? undefined : typeof given !== 'string' ? [...given] : given === '' ? [] : [given];
  const userEnv = options.env ?? [];
  const keyOf = (entry: string) => entry.split('=')[0];
  const attach = options.attach ?? { stdin: false, stdout: false, stderr: false };
  const openStdin = options.openStdin ?? interactive;
  return {
    // An entrypoint given with --entrypoint drops the image's command too; `--entrypoint ""` resets both.
    entrypoint: entrypoint === undefined ? nonEmpty(image.entrypoint) : nonEmpty(entrypoint),
    cmd: command.length > 0 ? command : entrypoint === undefined ? nonEmpty(image.cmd) : null,
    env: [...userEnv, ...image.env.filter((entry) => !userEnv.some((own) => keyOf(own) === keyOf(entry)))],
    labels: { ...image.labels, ...(options.labels ?? {}) },
    workingDir: options.workingDir || image.workingDir,
    stopSignal: image.stopSignal,
    tty: options.tty ?? false,
    openStdin,
    attachStdin: attach.stdin,
    attachStdout: attach.stdout,
    attachStderr: attach.stderr,
    stdinOnce: openStdin && attach.stdin,
    dns: options.dns ?? [],
    dnsSearch: options.dnsSearch ?? [],
    dnsOptions: options.dnsOptions ?? [],
    extraHosts: options.extraHosts ?? [],
    links: options.links ?? [],
    volumes: withImageVolumes(image.volumes, options),
    ...(options.mounts && options.mounts.length > 0 && { mounts: options.mounts }),
    ...(options.healthcheck && { healthcheck: options.healthcheck }),
    restartPolicy: options.restartPolicy ?? { name: 'no', maximumRetryCount: 0 },
    portBindings: [],
    publishAll: options.publishAll ?? false,
  };
}

/**
 * -v as given, then the image's VOLUMEs that nothing given mounts: merge adds
 * them to Config.Volumes, and createContainerOSSpecificSettings gives each an
 * anonymous volume unless IsDestinationMounted (daemon/create_unix.go).
 */
function withImageVolumes(imageVolumes: readonly string[], options: ContainerOptions): string[] {
  const given = options.volumes ?? [];
  const destination = (spec: string) => spec.split(':')[spec.includes(':') ? 1 : 0]!.replace(/\/+$/, '');
  const mounted = new Set([
    ...given.map(destination),
    ...(options.mounts ?? []).map((mount) => mount.target.replace(/\/+$/, '')),
  ]);
  return [...given, ...imageVolumes.filter((path) => !mounted.has(path))];
}

function nonEmpty(list: readonly string[]): string[] | null {
  return list.length > 0 ? [...list] : null;
}

/** Ports the image exposes, --expose adds and -p publishes, each once (the CLI adds published ports to ExposedPorts). */
export function exposedPorts(
  image: ImageInfo,
  options: ContainerOptions,
  publish: readonly PortMapping[],
): { port: number; protocol: Protocol }[] {
  const all = [
    ...image.exposed.map((port) => ({ port, protocol: 'tcp' as Protocol })),
    ...(options.expose ?? []),
    ...publish.map((mapping) => ({ port: mapping.containerPort, protocol: mapping.protocol })),
  ];
  // The first of each port/protocol, found through a set: a range of 65,535 ports stays linear.
  const seen = new Set<string>();
  return all.filter((entry) => {
    const key = `${entry.port}/${entry.protocol}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** -P: every exposed port that -p does not publish gets an ephemeral host port. */
export function withPublishAll(
  publish: readonly PortMapping[],
  exposed: readonly { port: number; protocol: Protocol }[],
  publishAll: boolean,
): PortMapping[] {
  if (!publishAll) return [...publish];
  const published = new Set(publish.map((m) => `${m.containerPort}/${m.protocol}`));
  const extra = exposed.filter((e) => !published.has(`${e.port}/${e.protocol}`));
  return [
    ...publish,
    ...extra.map((e) => ({ hostIp: '', hostPort: undefined, containerPort: e.port, protocol: e.protocol })),
  ];
}

/** opts.ParseLink: `db` links db as db, `db:web` as web. */
export function parseLink(link: string): { name: string; alias: string } {
  const [name, alias] = link.split(':') as [string, string | undefined];
  return { name, alias: alias ?? name };
}

/** Whether a network mode names a user-defined network (not default, bridge, host, none or container:). */
export function isUserDefined(networkMode: string): boolean {
  return !['default', 'bridge', 'host', 'none'].includes(networkMode) && !networkMode.startsWith('container:');
}

/** NetworkMode.ConnectedContainer: the name or ID after `container:`, or undefined for any other mode. */
export function connectedContainer(networkMode: string): string | undefined {
  return networkMode.startsWith('container:') ? networkMode.slice('container:'.length) : undefined;
}

/** What validateNetContainerMode looks at: the request as the CLI sends it. */
export interface NetModeRequest {
  readonly networkMode: string;
  readonly hostname: string | undefined;
  readonly links?: readonly string[] | undefined;
  readonly dns?: readonly string[] | undefined;
  readonly extraHosts?: readonly string[] | undefined;
  readonly publish: readonly unknown[];
  readonly publishAll?: boolean | undefined;
  /** Config.ExposedPorts as the CLI sends it: --expose and the ports of -p (the image's come later, at merge). */
  readonly expose?: readonly unknown[] | undefined;
}

/**
 * runconfig validateNetMode (moby docker-v29.7.2 daemon/internal/runconfig
 * hostconfig.go validateNetContainerMode, hostconfig_unix.go), run while the
 * router decodes POST /containers/create, before the daemon looks at anything:
 * a container sharing another's namespace has no name, DNS, hosts or ports of
 * its own. A network named `container` (no colon) is taken for the mode too.
 * --mac-address, --dns-search and --dns-option are not checked: API 1.44+ sends
 * the MAC in an endpoint config that the container mode never reads.
 */
export function validateNetMode(request: NetModeRequest): void {
  const invalid = (message: string) => new EngineError('invalid-parameter', message);
  if (request.networkMode === 'container' || request.networkMode.startsWith('container:')) {
    if (!connectedContainer(request.networkMode))
      throw invalid('invalid network mode: invalid container format container:<name|id>');
    if (request.hostname) throw invalid('conflicting options: hostname and the network mode');
    if ((request.links ?? []).length > 0)
      throw invalid(
        "conflicting options: container type network can't be used with links. This would result in undefined behavior",
      );
    if ((request.dns ?? []).length > 0) throw invalid('conflicting options: dns and the network mode');
    if ((request.extraHosts ?? []).length > 0)
      throw invalid('conflicting options: custom host-to-IP mapping and the network mode');
    if (request.publish.length > 0 || request.publishAll)
      throw invalid('conflicting options: port publishing and the container type network mode');
    if ((request.expose ?? []).length > 0)
      throw invalid('conflicting options: port exposing and the container type network mode');
  }
  if (request.networkMode === 'host' && (request.links ?? []).length > 0) {
    throw invalid(
      "conflicting options: host type networking can't be used with links. This would result in undefined behavior",
    );
  }
}

/** registerLinks at create time: every legacy link names an existing container not on the host network. */
export function checkLinks(
  networkMode: string,
  links: readonly string[],
  find: (reference: string) => Container,
): void {
  if (isUserDefined(networkMode)) return;
  for (const link of links) {
    let child = linkTarget(parseLink(link).name, find);
    // A child sharing another container's namespace is checked as that container.
    for (
      let owner = connectedContainer(child.networkMode);
      owner !== undefined;
      owner = connectedContainer(child.networkMode)
    )
      child = linkTarget(owner, find);
    if (child.networkMode === 'host')
      throw new EngineError(
        'invalid-parameter',
        "conflicting options: host type networking can't be used with links. This would result in undefined behavior",
      );
  }
}

function linkTarget(name: string, find: (reference: string) => Container): Container {
  try {
    return find(name);
  } catch (error) {
    // Linking to a missing container is an invalid parameter, not a missing image (moby#39823).
    if (error instanceof EngineError)
      throw new EngineError('invalid-parameter', `could not get container for ${name}: ${error.message}`);
    throw error;
  }
}

/** setupLinkedContainers at start: a linked container must be running. */
export function checkLinkedRunning(container: Container, find: (reference: string) => Container): void {
  if (isUserDefined(container.networkMode)) return;
  for (const link of container.config.links) {
    const { name, alias } = parseLink(link);
    const child = find(name);
    if (child.status !== 'running')
      throw new EngineError(
        'invalid-parameter',
        `Cannot link to a non running container: /${child.name} AS /${container.name}/${alias}`,
      );
  }
}
