import type { Container } from '../../engine/container';
import type { ContainerCreateRequest, CreateEndpoint } from '../../engine/containers';
import type { Engine } from '../../engine/engine';
import type { IpamRequest } from '../../engine/ipam';
import type { MountRequest } from '../../engine/volumes';
import type { Network } from '../../engine/network';
import { goParseAddr, goParsePrefix } from '../../wire/go-netip';
import { parseIpv4, type Ipv4 } from '../../wire/ipv4';
import type { PortMapping, Protocol } from '../../wire/port-spec';
import { goSprint, parseDuration } from './canonical';
import type { Healthcheck } from '../../engine/health';
import { networkHash, serviceHash, volumeHash } from './hash';
import { networksOf, type Project } from './load';
import { isRawMap, type Raw, type RawMap } from './yaml-read';

/**
 * What Compose v2.40.3 asks the daemon for (pkg/compose/create.go): the labels
 * it puts on networks and containers (pkg/api/labels.go), the network create
 * options, and the container create request of a service's replica.
 */

export const COMPOSE_VERSION = '2.40.3';

export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  configHash: 'com.docker.compose.config-hash',
  number: 'com.docker.compose.container-number',
  network: 'com.docker.compose.network',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  oneoff: 'com.docker.compose.oneoff',
  image: 'com.docker.compose.image',
  dependsOn: 'com.docker.compose.depends_on',
  slug: 'com.docker.compose.slug',
  version: 'com.docker.compose.version',
  volume: 'com.docker.compose.volume',
} as const;

function text(value: Raw | undefined): string {
  return value === undefined || value === null ? '' : goSprint(value);
}

function map(value: Raw | undefined): RawMap {
  return isRawMap(value) ? value : new Map();
}

function list(value: Raw | undefined): Raw[] {
  return Array.isArray(value) ? value : [];
}

function stringRecord(value: Raw | undefined): Record<string, string> {
  return Object.fromEntries([...map(value)].map(([key, item]) => [key, text(item)]));
}

/** The project's containers (getContainers with projectFilter and oneOffFilter(false)), by name. */
export function projectContainers(engine: Engine, project: string): Container[] {
  return engine.containers
    .list()
    .filter(
      (container) =>
        container.config.labels[LABEL.project] === project && container.config.labels[LABEL.oneoff] !== 'True',
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function serviceOf(container: Container): string {
  return container.config.labels[LABEL.service] ?? '';
}

/** The networks the project labelled as its own. */
export function projectNetworks(engine: Engine, project: string): Network[] {
  return engine.networks.list().filter((network) => network.labels[LABEL.project] === project);
}

/** getDefaultContainerName: `<project>-<service>-<number>`, unless container_name says otherwise. */
export function containerName(project: Project, serviceName: string, service: RawMap, number: number): string {
  const own = text(service.get('container_name'));
  return own !== '' ? own : `${project.name}-${serviceName}-${number}`;
}

/** The network's Docker name, as normalisation set it. */
export function networkName(project: Project, key: string): string {
  return text(map(networksOf(project.model).get(key)).get('name'));
}

/** prepareNetworks and resolveOrCreateNetwork: the labels of a network Compose creates, config hash included. */
export function networkLabels(project: Project, key: string): Record<string, string> {
  const network = map(networksOf(project.model).get(key));
  return {
    ...stringRecord(network.get('labels')),
    [LABEL.configHash]: networkHash(network),
    [LABEL.network]: key,
    [LABEL.project]: project.name,
    [LABEL.version]: COMPOSE_VERSION,
  };
}

/** NetworkCreate's IPAM.Config, parsed as the daemon parses each string; the daemon's refusal otherwise. */
function ipamRequests(network: RawMap): IpamRequest[] | { error: string } {
  const requests: IpamRequest[] = [];
  for (const pool of list(map(network.get('ipam')).get('config'))) {
    const entry = map(pool);
    const subnet = goParsePrefix(text(entry.get('subnet')));
    if (!subnet.ok)
      return { error: `invalid network config:\ninvalid subnet ${text(entry.get('subnet'))}: ${subnet.error}` };
    const range = entry.has('ip_range') ? goParsePrefix(text(entry.get('ip_range'))) : undefined;
    if (range && !range.ok)
      return { error: `invalid network config:\ninvalid ip-range ${text(entry.get('ip_range'))}: ${range.error}` };
    const gateway = entry.has('gateway') ? goParseAddr(text(entry.get('gateway'))) : undefined;
    if (gateway && !gateway.ok)
      return { error: `invalid network config:\ninvalid gateway ${text(entry.get('gateway'))}: ${gateway.error}` };
    const aux: Record<string, Ipv4> = {};
    for (const [name, address] of map(entry.get('aux_addresses'))) {
      const parsed = goParseAddr(text(address));
      if (!parsed.ok) return { error: `invalid network config:\ninvalid auxiliary address ${name}: ${parsed.error}` };
      aux[name] = parsed.value;
    }
    requests.push({
      subnet: subnet.value,
      ipRange: range?.ok ? range.value : undefined,
      gateway: gateway?.ok ? gateway.value : undefined,
      auxAddresses: aux,
    });
  }
  return requests;
}

function boolOf(value: Raw | undefined): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  return value === true || value === 'true';
}

/** The NetworkCreate request for a project network; the daemon's own checks run in Engine.networks.create. */
export function networkCreateRequest(
  project: Project,
  key: string,
): Parameters<Engine['networks']['create']>[0] | { error: string } {
  const network = map(networksOf(project.model).get(key));
  const ipam = ipamRequests(network);
  if ('error' in ipam) return ipam;
  return {
    name: networkName(project, key),
    driver: text(network.get('driver')) || 'bridge',
    ipam,
    internal: boolOf(network.get('internal')) ?? false,
    attachable: boolOf(network.get('attachable')) ?? false,
    ingress: false,
    scope: '',
    enableIpv4: boolOf(network.get('enable_ipv4')),
    enableIpv6: boolOf(network.get('enable_ipv6')),
    labels: networkLabels(project, key),
    options: stringRecord(network.get('driver_opts')),
  };
}

/** The project's volumes (top-level `volumes:`), by key. */
export function volumesOf(model: RawMap): RawMap {
  return map(model.get('volumes'));
}

/** createVolume's request: the volume's labels merged with ensureProjectVolumes' and the config hash. */
export function volumeCreateRequest(
  project: Project,
  key: string,
): { name: string; labels: Record<string, string>; options: Record<string, string> | null } {
  const volume = map(volumesOf(project.model).get(key));
  // CreateOptions.DriverOpts is omitempty: without driver_opts the daemon gets none, and stores null.
  const options = volume.has('driver_opts') ? stringRecord(volume.get('driver_opts')) : null;
  return {
    name: text(volume.get('name')),
    labels: {
      ...stringRecord(volume.get('labels')),
      [LABEL.volume]: key,
      [LABEL.project]: project.name,
      [LABEL.version]: COMPOSE_VERSION,
      [LABEL.configHash]: volumeHash(volume),
    },
    options,
  };
}

/**
 * buildContainerVolumes: a mount of a project volume or a bind mount goes as a
 * Binds string (toBindString: `SOURCE:TARGET:rw|ro[,selinux][,propagation][,nocopy]`),
 * preferred for compatibility; an anonymous volume as a Mounts entry.
 */
function serviceMounts(project: Project, service: RawMap): { binds: string[]; mounts: MountRequest[] } {
  const binds: string[] = [];
  const mounts: MountRequest[] = [];
  for (const entry of list(service.get('volumes')).map(map)) {
    const source = text(entry.get('source'));
    const target = text(entry.get('target'));
    const readOnly = entry.get('read_only') === true;
    const bind = map(entry.get('bind'));
    const volume = map(entry.get('volume'));
    const type = text(entry.get('type'));
    if (type === 'volume' && source === '') {
      mounts.push({ type: 'volume', source: '', target, readOnly, noCopy: volume.get('nocopy') === true });
      continue;
    }
    const name = type === 'volume' ? text(map(volumesOf(project.model).get(source)).get('name')) : source;
    const options = [
      readOnly ? 'ro' : 'rw',
      text(bind.get('selinux')),
      text(bind.get('propagation')),
      volume.get('nocopy') === true ? 'nocopy' : '',
    ].filter((option) => option !== '');
    binds.push(`${name}:${target}:${options.join(',')}`);
  }
  return { binds, mounts };
}

/** NetworksByPriority: highest priority first, then by name. */
export function networksByPriority(service: RawMap): string[] {
  const priority = (key: string) => Number(map(map(service.get('networks')).get(key)).get('priority') ?? 0);
  return [...map(service.get('networks')).keys()].sort(
    (a, b) => priority(b) - priority(a) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

/** getAliases: the container's name; with UseNetworkAliases (up, `run --use-aliases`) the service's and the network's aliases too. */
function endpoint(
  project: Project,
  serviceName: string,
  service: RawMap,
  number: number,
  key: string,
  useAliases: boolean,
): CreateEndpoint {
  const config = map(service.get('networks')).get(key);
  const settings = map(config);
  const ip = text(settings.get('ipv4_address'));
  return {
    network: networkName(project, key),
    aliases: [
      containerName(project, serviceName, service, number),
      ...(useAliases ? [serviceName, ...list(settings.get('aliases')).map(text)] : []),
    ],
    ip: ip === '' ? undefined : parseIpv4(ip),
    ipamSent: isRawMap(config),
  };
}

/** The port bindings of the long-syntax ports: a published range is its first port here. */
function portBindings(service: RawMap): PortMapping[] {
  return list(service.get('ports')).map((port) => {
    const entry = map(port);
    const published = text(entry.get('published'));
    return {
      hostIp: text(entry.get('host_ip')),
      hostPort: published === '' ? undefined : Number(published.split('-')[0]),
      containerPort: Number(entry.get('target')),
      protocol: (text(entry.get('protocol')) || 'tcp') as Protocol,
    };
  });
}

/** buildContainerPorts: `expose` entries (`80`, `80/udp`) as exposed ports. */
function exposed(service: RawMap): { port: number; protocol: Protocol }[] {
  return list(service.get('expose')).flatMap((entry) => {
    const [port = '', protocol = 'tcp'] = text(entry).split('/');
    const [first, last = first] = port.split('-').map(Number);
    if (first === undefined || Number.isNaN(first)) return [];
    return Array.from({ length: last! - first + 1 }, (_, index) => ({
      port: first + index,
      protocol: protocol as Protocol,
    }));
  });
}

/** getRestartPolicy from `restart` (`on-failure:3`): mapRestartPolicyCondition's names. */
function restartPolicy(service: RawMap): { name: string; maximumRetryCount: number } | undefined {
  const restart = text(service.get('restart'));
  if (restart === '') return undefined;
  const [condition = '', attempts = '0'] = restart.split(':');
  const name = condition === 'none' ? 'no' : condition === 'any' ? 'always' : condition;
  return { name, maximumRetryCount: Number.parseInt(attempts, 10) || 0 };
}

/** The labels of a service's container: its own, Compose's (ToProject's CustomLabels), and prepareLabels'. */
export function containerLabels(
  project: Project,
  serviceName: string,
  service: RawMap,
  number: number,
  imageId: string | undefined,
  hashed: RawMap,
): Record<string, string> {
  const dependsOn = [...map(service.get('depends_on'))]
    .map(
      ([name, dependency]) =>
        `${name}:${text(map(dependency).get('condition'))}:${map(dependency).get('restart') === true}`,
    )
    .sort();
  return {
    ...stringRecord(service.get('labels')),
    [LABEL.project]: project.name,
    [LABEL.service]: serviceName,
    [LABEL.version]: COMPOSE_VERSION,
    [LABEL.workingDir]: project.workingDir,
    [LABEL.configFiles]: project.composeFiles.join(','),
    [LABEL.oneoff]: 'False',
    ...(imageId ? { [LABEL.image]: imageId } : {}),
    [LABEL.configHash]: serviceHash(hashed),
    [LABEL.number]: String(number),
    [LABEL.dependsOn]: dependsOn.join(','),
  };
}

/**
 * getCreateConfigs and defaultNetworkSettings: the service's replica as a create
 * request. `networkMode` is the service's network_mode with `service:x` already
 * resolved to `container:ID`.
 */
export function containerRequest(
  project: Project,
  serviceName: string,
  service: RawMap,
  number: number,
  networkMode: string,
  labels: Record<string, string>,
  { useAliases = true, autoRemove = false }: { useAliases?: boolean; autoRemove?: boolean } = {},
): ContainerCreateRequest {
  const name = containerName(project, serviceName, service, number);
  const byPriority = networksByPriority(service);
  const ownMode =
    networkMode !== '' ? networkMode : byPriority.length > 0 ? networkName(project, byPriority[0]!) : 'none';
  const endpoints =
    networkMode === '' ? byPriority.map((key) => endpoint(project, serviceName, service, number, key, useAliases)) : [];
  const [primary, ...others] = endpoints;
  const environment = [...map(service.get('environment'))].map(([key, value]) =>
    value === null ? key : `${key}=${text(value)}`,
  );
  const command = service.get('command');
  const entrypoint = service.get('entrypoint');
  const hostname = text(service.get('hostname'));
  const mounts = serviceMounts(project, service);
  return {
    name,
    image: text(service.get('image')),
    command: Array.isArray(command) ? command.map(text) : [],
    ...(Array.isArray(entrypoint) ? { entrypoint: entrypoint.map(text) } : {}),
    networkMode: ownMode,
    ip: primary?.ip,
    hostname: hostname === '' ? undefined : hostname,
    autoRemove,
    interactive: service.get('stdin_open') === true || service.get('tty') === true,
    publish: portBindings(service),
    env: environment,
    labels,
    workingDir: text(service.get('working_dir')) || undefined,
    tty: service.get('tty') === true,
    openStdin: service.get('stdin_open') === true,
    attach: { stdin: false, stdout: true, stderr: true },
    dns: list(service.get('dns')).map(text),
    dnsSearch: list(service.get('dns_search')).map(text),
    dnsOptions: list(service.get('dns_opt')).map(text),
    extraHosts: list(service.get('extra_hosts')).map((entry) => text(entry).replace('=', ':')),
    aliases: primary ? [...primary.aliases] : [],
    expose: exposed(service),
    restartPolicy: restartPolicy(service),
    endpoints: others,
    ipamSent: primary?.ipamSent ?? false,
    volumes: mounts.binds,
    mounts: mounts.mounts,
    ...(isRawMap(service.get('healthcheck')) && { healthcheck: healthcheckOf(map(service.get('healthcheck'))) }),
  };
}

/** ToMobyHealthCheck (pkg/compose/convert.go): the durations as they are, `disable` as Test ["NONE"]. */
function healthcheckOf(check: RawMap): Healthcheck {
  const ms = (key: string) => (check.has(key) ? (parseDuration(text(check.get(key))) ?? 0) : 0);
  const test = check.get('disable') === true ? ['NONE'] : list(check.get('test')).map(text);
  return {
    test,
    intervalMs: ms('interval'),
    timeoutMs: ms('timeout'),
    startPeriodMs: ms('start_period'),
    startIntervalMs: ms('start_interval'),
    retries: Number(check.get('retries') ?? 0),
  };
}
