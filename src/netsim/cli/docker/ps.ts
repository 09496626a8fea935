import { stateString, type Container } from '../../engine/container';
import { mountPoints } from '../../engine/volumes';
import { runDueProbes } from './health-probes';
import type { Engine } from '../../engine/engine';
import { imageInfo } from '../../engine/images';
import { formatList } from '../../format/docker-formatter';
import type { PortSummary } from '../../format/docker-ports';
import { containerContext, containerStatus, psFormat, PS_HEADER, type ContainerSummary } from '../../format/docker-ps';
import { compileTemplate, TemplateError } from '../../format/go-template';
import { fail } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { exactMatch, match, matchLabels, parseFilters, unacceptedFilter, type Filters } from './filters';

const PATH = 'docker ps';
const USAGE = '[OPTIONS]';

/** daemon/list.go acceptedPsFilterTags. */
const ACCEPTED = [
  'ancestor',
  'before',
  'exited',
  'id',
  'isolation',
  'label',
  'name',
  'status',
  'health',
  'since',
  'volume',
  'network',
  'is-task',
  'publish',
  'expose',
];
const STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'];
const HEALTHS = ['none', 'starting', 'healthy', 'unhealthy'];

/** cli/command/container/list.go newPsCommand. */
export const ps: CommandSpec<DockerContext> = {
  path: PATH,
  usage: USAGE,
  args: { kind: 'none' },
  flags: [
    { name: 'all', short: 'a', takesValue: false },
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'size', short: 's', takesValue: false },
    { name: 'no-trunc', takesValue: false },
    { name: 'latest', short: 'l', takesValue: false },
    { name: 'last', short: 'n', takesValue: true },
    { name: 'format', takesValue: true },
    { name: 'filter', short: 'f', takesValue: true },
  ],
  run({ values }, { engine, terminal }) {
    runDueProbes(engine, terminal);
    const flagError = (value: string, flag: string, message: string) =>
      fail(
        `invalid argument "${value}" for "${flag}" flag: ${message}\n\nUsage:  ${this.path} ${USAGE}\n\nRun '${this.path} --help' for more information\n`,
        125,
      );
    const lastText = values.get('last')?.at(-1);
    const last = lastText === undefined ? -1 : Number(lastText);
    if (lastText !== undefined && !/^[+-]?\d+$/.test(lastText))
      return flagError(lastText, '-n, --last', `strconv.ParseInt: parsing ${JSON.stringify(lastText)}: invalid syntax`);
    const filters = parseFilters(values.get('filter'));
    if (!(filters instanceof Map)) return flagError(filters.value, '-f, --filter', filters.error);
    const quiet = values.has('quiet');
    const format = values.get('format')?.at(-1) ?? '';
    // runPs warns before anything else; the format is still checked.
    const warning =
      format !== '' && quiet ? 'WARNING: Ignoring custom format, because both --format and --quiet are set.\n' : '';
    const options = listOptions(
      format,
      quiet,
      values.has('size') && values.get('size')!.at(-1) !== 'false',
      values.get('size')?.at(-1) === 'false',
      last,
      values.has('latest'),
      values.has('all'),
    );
    if ('error' in options) return fail(`${warning}${options.error}\n`, 1);
    const listed = listContainers(engine, filters, options);
    if ('error' in listed) return fail(`${warning}Error response from daemon: ${listed.error}\n`, 1);
    const rows = listed.summaries.map((summary) =>
      containerContext(summary, { trunc: !values.has('no-trunc'), nowMs: engine.clock.now() }),
    );
    const output = formatList({
      format: psFormat(format, quiet, options.size),
      header: PS_HEADER,
      rows,
      typeName: '*formatter.ContainerContext',
    });
    return output.ok ? { stdout: output.text, stderr: warning, exitCode: 0 } : fail(`${warning}${output.error}\n`, 1);
  },
};

interface ListOptions {
  all: boolean;
  limit: number;
  size: boolean;
}

/**
 * buildContainerListOptions: -l is a limit of 1; a --format is parsed and run
 * once on an empty container first, and asks for sizes when it uses `.Size`.
 */
function listOptions(
  format: string,
  quiet: boolean,
  size: boolean,
  sizeSetFalse: boolean,
  last: number,
  latest: boolean,
  all: boolean,
): ListOptions | { error: string } {
  const options = { all, limit: latest && last === -1 ? 1 : last, size };
  if (format === '') return options;
  try {
    compileTemplate(format);
  } catch (error) {
    if (error instanceof TemplateError) return { error: `failed to parse template: ${error.message}` };
    throw error;
  }
  const probe = formatList({
    format,
    header: PS_HEADER,
    rows: [containerContext(EMPTY_SUMMARY, { trunc: false, nowMs: 0 })],
    typeName: '*formatter.ContainerContext',
  });
  if (!probe.ok) return { error: probe.error.replace(/^template parsing error: /, 'failed to execute template: ') };
  if (!quiet && !size && !sizeSetFalse && /\.Size\b/.test(format)) options.size = true;
  return options;
}

const EMPTY_SUMMARY: ContainerSummary = {
  id: '',
  names: [],
  image: '',
  command: '',
  created: 0,
  ports: [],
  labels: {},
  state: '',
  status: '',
  health: '',
  sizeRw: 0,
  sizeRootFs: 0,
  mounts: [],
  networks: [],
  platform: undefined,
};

/** GET /containers/json: the daemon's checks (foldFilter), then its walk over containers, newest first (daemon/list.go). */
function listContainers(
  engine: Engine,
  filters: Filters,
  options: ListOptions,
): { summaries: ContainerSummary[] } | { error: string } {
  const checked = checkFilters(engine, filters);
  if ('error' in checked) return checked;
  const all = options.all || filters.has('status');
  const candidates = byNameOrId(engine, filters);
  const summaries: ContainerSummary[] = [];
  let before = checked.before;
  for (const container of candidates) {
    if (before) {
      if (container.id === before.id) before = undefined;
      continue;
    }
    if (checked.since && container.id === checked.since.id) break;
    const verdict = include(container, filters, { all, limit: options.limit, listed: summaries.length });
    if (verdict === 'stop') break;
    if (verdict === 'include') summaries.push(summarize(engine, container, options.size));
  }
  return { summaries };
}

/** foldFilter's value checks, in its order, and the containers `before` and `since` name. */
function checkFilters(
  engine: Engine,
  filters: Filters,
): { before: Container | undefined; since: Container | undefined } | { error: string } {
  const unaccepted = unacceptedFilter(filters, ACCEPTED);
  if (unaccepted) return { error: unaccepted };
  const exited = filters.get('exited')?.find((value) => !/^[+-]?\d+$/.test(value));
  if (exited !== undefined)
    return {
      error: `invalid filter 'exited=${exited}': strconv.Atoi: parsing ${JSON.stringify(exited)}: invalid syntax`,
    };
  const status = filters.get('status')?.find((value) => !STATES.includes(value));
  if (status !== undefined)
    return {
      error: `invalid filter 'status=${status}': invalid value for state (${status}): must be one of ${STATES.join(', ')}`,
    };
  const isTask = filters.get('is-task');
  if (
    isTask &&
    (isTask.length === 0 ||
      ['0', 'false'].some((v) => isTask.includes(v)) === ['1', 'true'].some((v) => isTask.includes(v)))
  )
    return { error: `invalid filter 'is-task=[${isTask.join(' ')}]'` };
  const health = filters.get('health')?.find((value) => !HEALTHS.includes(value));
  if (health !== undefined)
    return {
      error: `invalid filter 'health=${health}': invalid value for health (${health}): must be one of ${HEALTHS.join(', ')}`,
    };
  const named = (key: string) => {
    const value = filters.get(key)?.at(-1);
    if (value === undefined) return { found: undefined };
    const found = engine.containers.list().find((c) => c.id === value || c.name === value.replace(/^\//, ''));
    return found ? { found } : { error: `No such container: ${value}` };
  };
  const before = named('before');
  if ('error' in before) return { error: before.error! };
  const since = named('since');
  if ('error' in since) return { error: since.error! };
  for (const key of ['publish', 'expose']) {
    for (const value of filters.get(key) ?? []) {
      const problem = portFilterProblem(key, value);
      if (problem) return { error: problem };
    }
  }
  return { before: before.found, since: since.found };
}

/** portOp and network.ParsePortRange: `80`, `80/udp`, `8000-8080/tcp`. */
function portFilterProblem(key: string, value: string): string | undefined {
  if (value.includes(':')) return `filter for '${key}' should not contain ':': ${value}`;
  const [range = ''] = value.split('/');
  const [start = '', end] = range.split('-');
  const number = (text: string) =>
    text === ''
      ? 'value is empty'
      : !/^\d+$/.test(text)
        ? 'invalid syntax'
        : Number(text) > 65535
          ? 'value out of range'
          : undefined;
  if (number(start))
    return `error while looking up for ${key} ${value}: invalid start port '${start}': ${number(start)}`;
  if (end === undefined || end === start) return undefined;
  if (number(end)) return `error while looking up for ${key} ${value}: invalid end port '${end}': ${number(end)}`;
  if (Number(end) < Number(start)) return `error while looking up for ${key} ${value}: invalid port range: ${value}`;
  return undefined;
}

/** Every port `80`, `80/udp` or `8000-8080/tcp` stands for, as `PORT/PROTO`. */
function portSet(values: readonly string[] | undefined): Set<string> {
  const ports = new Set<string>();
  for (const value of values ?? []) {
    const [range = '', proto = 'tcp'] = value.split('/');
    const [start = '', end = start] = range.split('-');
    for (let port = Number(start); port <= Number(end); port++) ports.add(`${port}/${proto.toLowerCase()}`);
  }
  return ports;
}

/** The order ContainerList answers in: newest first, the later created first when two share a time. */
export function newestFirst(containers: readonly Container[]): Container[] {
  return [...containers].reverse().sort((a, b) => b.createdMs - a.createdMs);
}

/**
 * filterByNameIDMatches: with name or id filters, only the containers an ID
 * prefix resolves to uniquely, or whose name matches; otherwise all. Newest first.
 */
function byNameOrId(engine: Engine, filters: Filters): Container[] {
  const containers = newestFirst(engine.containers.list());
  const ids = filters.get('id') ?? [];
  const names = filters.get('name') ?? [];
  if (ids.length + names.length === 0) return containers;
  const byId = new Set(
    ids.flatMap((prefix) => {
      const found = containers.filter((c) => c.id.startsWith(prefix));
      return found.length === 1 ? [found[0]!.id] : [];
    }),
  );
  return containers.filter(
    (c) =>
      byId.has(c.id) ||
      (names.length > 0 &&
        (ids.length === 0 || byId.has(c.id)) &&
        (match(filters, 'name', `/${c.name}`) || match(filters, 'name', c.name))),
  );
}

/** includeContainerInList, check by check in the daemon's order. */
function include(
  container: Container,
  filters: Filters,
  state: { all: boolean; limit: number; listed: number },
): 'include' | 'exclude' | 'stop' {
  const running = container.status === 'running';
  if (!running && !state.all && state.limit <= 0) return 'exclude';
  if (!match(filters, 'name', `/${container.name}`) && !match(filters, 'name', container.name)) return 'exclude';
  if (!match(filters, 'id', container.id)) return 'exclude';
  if (filters.has('is-task') && ['1', 'true'].some((v) => filters.get('is-task')!.includes(v))) return 'exclude';
  if (!matchLabels(filters, 'label', container.config.labels)) return 'exclude';
  if (state.limit > 0 && state.listed === state.limit) return 'stop';
  const exited = filters.get('exited');
  if (
    exited &&
    !exited.some((code) => Number(code) === container.exitCode && !running && container.startedMs !== undefined)
  )
    return 'exclude';
  if (!match(filters, 'status', stateString(container))) return 'exclude';
  if (!exactMatch(filters, 'health', container.health?.status ?? 'none')) return 'exclude';
  if (
    filters.has('volume') &&
    !filters
      .get('volume')!
      .some((v) => mountsOf(container).some((m) => m.destination === v || (m.name || m.source) === v))
  )
    return 'exclude';
  if (filters.has('ancestor')) {
    const wanted = new Set(
      filters
        .get('ancestor')!
        .map((reference) => imageInfo(reference)?.digest)
        .filter(Boolean),
    );
    // An image's descendants match too: a commit's container matches the catalog image beneath it.
    if (![container.committedImage, imageInfo(container.image)?.digest].some((digest) => wanted.has(digest)))
      return 'exclude';
  }
  if (
    filters.has('network') &&
    !filters
      .get('network')!
      .some((value) => networksOf(container).some((n) => n.name === value || n.id.startsWith(value)))
  )
    return 'exclude';
  const publish = portSet(filters.get('publish'));
  const expose = portSet(filters.get('expose'));
  if (
    publish.size + expose.size > 0 &&
    !portSummaries(container).some(
      (p) => publish.has(`${p.publicPort ?? 0}/${p.type}`) || expose.has(`${p.privatePort}/${p.type}`),
    )
  )
    return 'exclude';
  return 'include';
}

/**
 * NetworkSettings.Networks: its keys are the network names (a removed network
 * keeps its own), each with the NetworkID the first join gave it.
 */
function networksOf(container: Container): { id: string; name: string }[] {
  return container.networks.flatMap((id) => {
    const settings = container.endpointSettings[id];
    return settings ? [{ id: settings.joined ? id : '', name: settings.networkName }] : [];
  });
}

/** The mounts -v made, named as inspect names them (engine/volumes.ts mountPoint). */
function mountsOf(container: Container): { name: string; source: string; destination: string; driver: string }[] {
  return mountPoints(container).map(({ name, source, destination, type }) => ({
    name,
    source,
    destination,
    driver: type === 'volume' ? 'local' : '',
  }));
}

/**
 * The API's port list, from NetworkSettings.Ports: while running, the published
 * bindings and the other exposed ports; nothing once the network is released.
 */
export function portSummaries(container: Container): PortSummary[] {
  // Exposed ports reach the list through a bridge endpoint's driver data (getEndpointPortMapInfo): host and none have none.
  if (container.status !== 'running' || container.endpoints.length === 0) return [];
  const published = container.endpoints.flatMap((e) => e.published);
  const publishedKeys = new Set(published.map((p) => `${p.containerPort}/${p.protocol}`));
  const exposed = container.exposed.filter((e) => !publishedKeys.has(`${e.port}/${e.protocol}`));
  return [
    // A routed network's binding has no host port, which the summary (before moby #53693) dropped as unparsable (moby #53692).
    ...published
      .filter((p) => p.hostPort !== 0)
      .map((p) => ({ ip: p.hostIp, privatePort: p.containerPort, publicPort: p.hostPort, type: p.protocol })),
    ...exposed.map((e) => ({ ip: undefined, privatePort: e.port, publicPort: undefined, type: e.protocol })),
  ];
}

/**
 * container.Summary of one container. The simulated containers write nothing
 * to their writable layer, so SizeRw is 0 and the virtual size is the image's
 * unpacked snapshot.
 */
export function summarize(engine: Engine, container: Container, size: boolean): ContainerSummary {
  return {
    id: container.id,
    names: [`/${container.name}`],
    image: container.imageName ?? container.image,
    command: container.command,
    created: Math.floor(container.createdMs / 1000),
    ports: portSummaries(container),
    labels: container.config.labels,
    state: stateString(container),
    // State.String(): a running container's health after its uptime.
    status: containerStatus(
      stateString(container),
      container.exitCode,
      container.startedMs,
      container.finishedMs,
      engine.clock.now(),
      container.health?.status,
    ),
    health: container.health?.status ?? 'none',
    sizeRw: 0,
    sizeRootFs: size ? (imageInfo(container.image)?.unpackedSize ?? 0) : 0,
    mounts: mountsOf(container),
    networks: networksOf(container).map((n) => n.name),
    platform: { architecture: 'amd64', os: 'linux' },
  };
}
