import type { Container } from '../../engine/container';
import { plainProgress } from '../../format/compose-progress';
import { EngineError } from '../../engine/errors';
import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { loadProject, networksOf, ProjectError, servicesOf, type Project } from './load';
import { dependencyOrder } from './order';
import {
  containerLabels,
  containerName,
  containerRequest,
  LABEL,
  networkCreateRequest,
  networkName,
  projectContainers,
  serviceOf,
  volumeCreateRequest,
  volumesOf,
} from './resources';
import { serviceHash } from './hash';
import type { Progress, Session } from './session';
import { isRawMap, type RawMap } from './yaml-read';
import { LogPrinter, printLogs, shortName } from './logs';
import { PROBE_MS, runDueProbes } from '../docker/health-probes';

/**
 * `docker compose up` and `create` (v2.40.3 cmd/compose/up.go, pkg/compose/up.go,
 * create.go, convergence.go, start.go): pull what is missing, create the
 * project's networks, converge each service's containers in dependency order,
 * then start them; the progress as Compose shows it.
 */

/** How long the daemon takes over each call, on the simulated clock (any value would do; these read like a fast host). */
export const TAKES_MS = { networkCreate: 100, containerCreate: 60, containerStart: 280, containerRemove: 40 } as const;

/** The daemon's error as the Go client returns it. */
export function daemonError(error: unknown): string {
  if (error instanceof EngineError) return `Error response from daemon: ${error.message}`;
  throw error;
}

export class UpFailure extends Error {}

export function serviceMap(project: Project, name: string): RawMap {
  const service = servicesOf(project.model).get(name);
  return isRawMap(service) ? service : new Map();
}

/** ensureImagesExists: images missing from the store are pulled, each service's progress under its name. */
export function pullMissing(session: Session, project: Project, services: readonly string[]): void {
  const missing = services.filter((name) => {
    const image = String(serviceMap(project, name).get('image') ?? '');
    const policy = String(serviceMap(project, name).get('pull_policy') ?? 'missing');
    return (
      image !== '' &&
      policy !== 'never' &&
      policy !== 'build' &&
      (policy === 'always' || !session.engine.images.find(image))
    );
  });
  if (missing.length === 0) return;
  const progress = session.progress('Running');
  const failures: string[] = [];
  for (const name of missing) {
    const image = String(serviceMap(project, name).get('image'));
    progress.event(name, 'working', '', 'Pulling');
    const started = session.engine.clock.now();
    let pulled;
    try {
      pulled = session.engine.images.pull(image);
    } catch (error) {
      const message = daemonError(error);
      progress.event(name, 'error', message.replace(/^Error response from daemon: /, ''), 'Error');
      failures.push(message);
      continue;
    }
    // The pull took its time as a whole; its layers' events are spread over it.
    const took = session.engine.clock.now() - started;
    pulled.events.forEach((event, index) => {
      const done = event.action !== 'Pulling fs layer';
      progress.eventAt(
        started + Math.round((took * (index + 1)) / (pulled.events.length + 1)),
        event.layer,
        done ? 'done' : 'working',
        '',
        event.action,
        name,
      );
    });
    progress.event(name, 'done', '', 'Pulled');
  }
  progress.end();
  if (failures.length > 0) throw new UpFailure(failures[0]);
}

/** resolveOrCreateNetwork for each network of the project, by key. */
export function ensureNetworks(session: Session, project: Project, progress: Progress): void {
  const { engine } = session;
  for (const key of [...networksOf(project.model).keys()].sort()) {
    const config = networksOf(project.model).get(key);
    const name = networkName(project, key);
    const external = isRawMap(config) && config.get('external') === true;
    const existing = engine.networks.list().find((network) => network.name === name || network.id === name);
    if (external) {
      if (!existing) throw new UpFailure(`network ${name} declared as external, but could not be found`);
      continue;
    }
    if (existing) {
      const owner = existing.labels[LABEL.project];
      if (owner === undefined)
        session.warn(
          `a network with name ${name} exists but was not created by compose.\nSet \`external: true\` to use an existing network`,
        );
      else if (owner !== project.name)
        session.warn(
          `a network with name ${name} exists but was not created for project ${JSON.stringify(project.name)}.\nSet \`external: true\` to use an existing network`,
        );
      const label = existing.labels[LABEL.network] ?? '';
      if (label !== key)
        throw new UpFailure(
          `network ${name} was found but has incorrect label ${LABEL.network} set to ${JSON.stringify(label)} (expected: ${JSON.stringify(key)})`,
        );
      continue;
    }
    const request = networkCreateRequest(project, key);
    const event = `Network ${name}`;
    progress.event(event, 'working', 'Creating');
    try {
      if ('error' in request) throw new EngineError('invalid-parameter', request.error);
      engine.networks.create(request);
    } catch (error) {
      progress.event(event, 'error', 'Error');
      throw new UpFailure(`failed to create network ${name}: ${daemonError(error)}`);
    }
    engine.clock.advance(TAKES_MS.networkCreate);
    progress.event(event, 'done', 'Created');
  }
}

/**
 * ensureProjectVolumes and ensureVolume (pkg/compose/create.go): an external
 * volume must exist; one that exists is used (with logrus's warning when
 * another project or no Compose made it); a missing one is created, its
 * progress `Volume NAME`.
 */
export function ensureVolumes(session: Session, project: Project, progress: Progress): void {
  const { engine } = session;
  // project.Volumes is a Go map: taken here in key order, as ensureNetworks' networks are.
  for (const [key, config] of [...volumesOf(project.model)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const request = volumeCreateRequest(project, key);
    const existing = engine.volumes.list().find((volume) => volume.name === request.name);
    const external = isRawMap(config) && config.get('external') === true;
    if (!existing) {
      if (external) throw new UpFailure(`external volume ${JSON.stringify(request.name)} not found`);
      const event = `Volume ${request.name}`;
      progress.event(event, 'working', 'Creating');
      try {
        engine.volumes.create(request);
      } catch (error) {
        progress.event(event, 'error', 'Error');
        throw new UpFailure(daemonError(error));
      }
      progress.event(event, 'done', 'Created');
      continue;
    }
    if (external) continue;
    const owner = existing.labels?.[LABEL.project];
    if (owner === undefined)
      session.warn(
        `volume ${JSON.stringify(request.name)} already exists but was not created by Docker Compose. Use \`external: true\` to use an existing volume`,
      );
    else if (owner !== project.name)
      session.warn(
        `volume ${JSON.stringify(request.name)} already exists but was created for project ${JSON.stringify(owner)} (expected ${JSON.stringify(project.name)}). Use \`external: true\` to use an existing volume`,
      );
  }
}

/** resolveSharedNamespaces: `network_mode: service:db` becomes `container:<db's first container ID>`. */
export function networkModeOf(session: Session, project: Project, service: RawMap): string {
  const mode = String(service.get('network_mode') ?? '');
  if (!mode.startsWith('service:')) return mode;
  const target = mode.slice('service:'.length);
  const owner = projectContainers(session.engine, project.name).find((container) => serviceOf(container) === target);
  if (!owner) throw new UpFailure(`cannot share network namespace with service ${target}: container missing`);
  return `container:${owner.id}`;
}

/** The service as its hash sees it: network_mode resolved, CustomLabels and what ServiceHash drops left out. */
export function hashed(service: RawMap, networkMode: string): RawMap {
  const copy: RawMap = new Map(service);
  if (networkMode !== '') copy.set('network_mode', networkMode);
  return copy;
}

function createReplica(
  session: Session,
  project: Project,
  name: string,
  number: number,
  progress: Progress,
  announce = true,
): Container {
  const service = serviceMap(project, name);
  const containerNameText = containerName(project, name, service, number);
  const mode = networkModeOf(session, project, service);
  const imageId = session.engine.images.find(String(service.get('image') ?? ''))?.digest;
  const labels = containerLabels(project, name, service, number, imageId, hashed(service, mode));
  const event = `Container ${containerNameText}`;
  if (announce) progress.event(event, 'working', 'Creating');
  try {
    const { container, warnings } = session.engine.containers.create(
      containerRequest(project, name, service, number, mode, labels),
    );
    for (const warning of warnings) progress.event(name, 'warning', '', warning);
    session.engine.clock.advance(TAKES_MS.containerCreate);
    if (announce) progress.event(event, 'done', 'Created');
    return container;
  } catch (error) {
    const message = daemonError(error);
    progress.event(event, 'error', message);
    throw new UpFailure(message);
  }
}

/** GetScale (compose-go types.go): `scale`, else deploy.replicas, else 1; getScale refuses more than one with a container_name. */
export function scaleOf(name: string, service: RawMap): number {
  const deploy = service.get('deploy');
  const scale = service.get('scale') ?? (isRawMap(deploy) ? deploy.get('replicas') : undefined);
  const count = typeof scale === 'number' ? scale : scale === undefined || scale === null ? 1 : Number(scale);
  const own = service.get('container_name');
  if (count > 1 && typeof own === 'string' && own !== '') {
    throw new UpFailure(
      `WARNING: The ${JSON.stringify(name)} service is using the custom container name ${JSON.stringify(own)}. Docker requires each container to have a unique name. Remove the custom name to scale the service`,
    );
  }
  return count;
}

/** ServiceConfig.SetScale: `scale`, and deploy.replicas when there is a deploy section. */
export function setScale(project: Project, name: string, replicas: number): void {
  const service = serviceMap(project, name);
  service.set('scale', replicas);
  const deploy = service.get('deploy');
  if (isRawMap(deploy)) deploy.set('replicas', replicas);
}

/** applyScaleOpts (cmd/compose/create.go): `--scale SERVICE=NUM`, each service looked up as GetService does. */
export function applyScaleOptions(project: Project, options: readonly string[]): string | undefined {
  for (const option of options) {
    const split = option.split('=');
    if (split.length !== 2) return `invalid --scale option ${JSON.stringify(option)}. Should be SERVICE=NUM`;
    const [name, count] = split as [string, string];
    if (!/^[-+]?\d+$/.test(count)) return `strconv.Atoi: parsing ${JSON.stringify(count)}: invalid syntax`;
    if (!servicesOf(project.model).has(name)) return `no such service: ${name}: not found`;
    setScale(project, name, Number(count));
  }
  return undefined;
}

const numberOf = (container: Container) => Number(container.config.labels[LABEL.number] ?? '1');

/**
 * convergence.ensureService: the service's containers, obsolete ones first and
 * then by number, are kept up to date (or recreated) up to the scale, and the
 * rest stopped and removed (scale down); the missing replicas are created with
 * the numbers after the highest (nextContainerNumber).
 */
export function ensureService(
  session: Session,
  project: Project,
  name: string,
  recreate: 'diverged' | 'force' | 'never',
  progress: Progress,
): void {
  const service = serviceMap(project, name);
  const expected = scaleOf(name, service);
  const mode = networkModeOf(session, project, service);
  const hash = serviceHash(hashed(service, mode));
  const imageId = session.engine.images.find(String(service.get('image') ?? ''))?.digest;
  const obsolete = (container: Container) =>
    recreate === 'force' ||
    (recreate === 'diverged' &&
      (container.config.labels[LABEL.configHash] !== hash ||
        (container.config.labels[LABEL.image] ?? '') !== (imageId ?? '')));
  const existing = projectContainers(session.engine, project.name)
    .filter((container) => serviceOf(container) === name)
    .sort((a, b) => Number(obsolete(b)) - Number(obsolete(a)) || numberOf(a) - numberOf(b));
  const next = existing.reduce((highest, container) => Math.max(highest, numberOf(container)), 0) + 1;
  existing.forEach((container, index) => {
    if (index >= expected) removeContainer(session, container, progress);
    else if (obsolete(container)) {
      const event = `Container ${container.name}`;
      progress.event(event, 'working', 'Recreate');
      session.engine.containers.stop(container.id);
      session.engine.containers.remove(container.id, false);
      session.engine.clock.advance(TAKES_MS.containerRemove);
      createReplica(session, project, name, numberOf(container), progress, false);
      progress.event(event, 'done', 'Recreated');
    } else if (container.status === 'running') progress.event(`Container ${container.name}`, 'done', 'Running');
  });
  for (let i = 0; i < expected - existing.length; i++) createReplica(session, project, name, next + i, progress);
}

/** startService: each container not running is started, dependencies first; without a writer in the context (attached up), silently. */
export function startServices(
  session: Session,
  project: Project,
  order: readonly string[],
  progress: Progress | undefined,
): void {
  for (const name of order) {
    const dependsOn = serviceMap(project, name).get('depends_on');
    for (const [dependency, config] of isRawMap(dependsOn) ? dependsOn : []) {
      const condition = isRawMap(config) ? String(config.get('condition') ?? 'service_started') : 'service_started';
      if (condition === 'service_started') continue;
      if (progress) waitFor(session, project, dependency, condition, progress);
    }
    for (const container of projectContainers(session.engine, project.name).filter((c) => serviceOf(c) === name)) {
      if (container.status === 'running') continue;
      const event = `Container ${container.name}`;
      progress?.event(event, 'working', 'Starting');
      try {
        session.engine.containers.start(container.id);
      } catch (error) {
        throw new UpFailure(daemonError(error));
      }
      session.engine.clock.advance(TAKES_MS.containerStart);
      progress?.event(event, 'done', 'Started');
    }
  }
}

/**
 * waitDependencies (convergence.go): `Waiting` for each container of the
 * dependency, then, as its 500 ms ticker polls isServiceHealthy or
 * isServiceCompleted, `Healthy` or `Exited`, or the error. Health changes only
 * when a probe runs, so the wait moves the clock to each probe in turn.
 */
function waitFor(session: Session, project: Project, dependency: string, condition: string, progress: Progress): void {
  const containers = projectContainers(session.engine, project.name).filter((c) => serviceOf(c) === dependency);
  for (const container of containers) progress.event(`Container ${container.name}`, 'working', 'Waiting');
  if (condition === 'service_completed_successfully') {
    for (const container of containers) {
      if (container.status !== 'exited')
        throw new UpFailure(
          `service ${JSON.stringify(dependency)} did not complete in this simulator: it runs until stopped`,
        );
      if (container.exitCode !== 0) {
        const message = `service ${JSON.stringify(dependency)} didn't complete successfully: exit ${container.exitCode}`;
        for (const other of containers) progress.event(`Container ${other.name}`, 'error', message);
        throw new UpFailure(message);
      }
    }
    for (const container of containers) progress.event(`Container ${container.name}`, 'done', 'Exited');
    return;
  }
  // A health change needs a probe, which runs through the terminal; each turn moves the clock at least one tick.
  for (let turn = 0; ; turn++) {
    const verdict = serviceHealth(containers);
    if (verdict === 'healthy') break;
    if (verdict !== 'starting') {
      for (const container of containers) progress.event(`Container ${container.name}`, 'error', 'Error');
      throw new UpFailure(`dependency failed to start: ${verdict.error}`);
    }
    if (!session.process.terminal || turn > 10_000)
      throw new UpFailure('netsim: this session cannot run health probes');
    advanceToNextProbe(session, containers);
  }
  for (const container of containers) progress.event(`Container ${container.name}`, 'done', 'Healthy');
}

/** isServiceHealthy: every container healthy, or the first reason it is not. */
function serviceHealth(containers: readonly Container[]): 'healthy' | 'starting' | { error: string } {
  for (const container of containers) {
    if (container.status === 'exited') return { error: `container ${container.name} exited (${container.exitCode})` };
    if (!container.health) return { error: `container ${container.name} has no healthcheck configured` };
    if (container.health.status === 'unhealthy') return { error: `container ${container.name} is unhealthy` };
    if (container.health.status === 'starting') return 'starting';
  }
  return 'healthy';
}

/** The clock moves to the next probe of the containers, in 500 ms ticks as Compose polls, and the probes due run. */
function advanceToNextProbe(session: Session, containers: readonly Container[]): void {
  const next = Math.min(...containers.map((container) => container.health?.nextProbeMs ?? Infinity));
  const now = session.engine.clock.now();
  const ticks = Math.max(1, Math.ceil((next + PROBE_MS - now) / 500));
  session.engine.clock.advance(ticks * 500);
  runDueProbes(session.engine, session.process.terminal, (container) => containers.includes(container));
}

export interface UpOptions {
  readonly detach: boolean;
  /** Attached: --no-color, --no-log-prefix, --timestamps. */
  readonly color?: boolean;
  readonly prefix?: boolean;
  readonly timestamps?: boolean;
  readonly noStart: boolean;
  readonly recreate: 'diverged' | 'force' | 'never';
  readonly removeOrphans: boolean;
}

/** Up (or Create with --no-start): one progress display over creation and start. */
export function runUp(
  session: Session,
  project: Project,
  services: readonly string[],
  options: UpOptions,
): CommandResult {
  const order = dependencyOrder(servicesOf(project.model), services);
  try {
    pullMissing(session, project, order);
    const progress = session.progress(options.noStart ? 'Creating' : 'Running');
    try {
      ensureNetworks(session, project, progress);
      ensureVolumes(session, project, progress);
      const orphans = projectContainers(session.engine, project.name).filter(
        (container) => !servicesOf(project.model).has(serviceOf(container)),
      );
      if (orphans.length > 0 && !options.removeOrphans) {
        session.warn(
          `Found orphan containers ([${orphans.map((c) => c.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`,
        );
      }
      for (const orphan of options.removeOrphans ? orphans : []) removeContainer(session, orphan, progress);
      for (const name of order)
        ensureService(
          session,
          project,
          name,
          services.length === 0 || services.includes(name) ? options.recreate : 'diverged',
          progress,
        );
      if (!options.noStart && options.detach) startServices(session, project, order, progress);
    } finally {
      progress.end();
    }
    if (!options.noStart && !options.detach) return attached(session, project, order, options);
  } catch (error) {
    if (error instanceof UpFailure) return session.fail(error.message);
    throw error;
  }
  return session.result(0);
}

/**
 * Up without -d (pkg/compose/up.go, attach.go, printer.go): `Attaching to ...`,
 * the containers started without progress, their output with prefixes, an exit
 * each as `name exited with code N`; once all have exited, done. Otherwise it
 * runs until Ctrl-C: `Gracefully Stopping...`, the stop's events through the
 * mixed writer (as log status lines at a terminal, plain lines elsewhere), and
 * the cancelled context's exit status 130.
 */
function attached(session: Session, project: Project, order: readonly string[], options: UpOptions): CommandResult {
  const { engine } = session;
  const colored =
    options.color !== false &&
    session.root.ansi !== 'never' &&
    (session.root.ansi === 'always' || session.process.stdoutIsTerminal === true);
  const printer = new LogPrinter({
    colored,
    prefix: options.prefix !== false,
    timestamps: options.timestamps === true,
  });
  const containers = () =>
    projectContainers(engine, project.name).filter((container) => order.includes(serviceOf(container)));
  const wasRunning = new Set(
    containers()
      .filter((container) => container.status === 'running')
      .map((container) => container.id),
  );
  if (containers().length > 0) session.out(`Attaching to ${containers().map(shortName).join(', ')}\n`);
  const since = engine.clock.now();
  startServices(session, project, order, undefined);
  session.out(printLogs(printer, containers(), 'all', since));
  for (const container of containers().filter((c) => c.status === 'exited' && !wasRunning.has(c.id)))
    session.out(printer.status(shortName(container), `exited with code ${container.exitCode}`));
  if (containers().every((container) => container.status !== 'running')) return session.result(0);
  if (session.process.interruptAfterMs === undefined) return session.result(0);
  engine.clock.advance(session.process.interruptAfterMs);
  session.tty('^C');
  session.out('Gracefully Stopping... press Ctrl+C again to force\n');
  const mixed = session.progressMode() === 'tty' && session.root.progress === 'auto';
  const event = (id: string, statusText: string) => {
    if (session.progressMode() === 'quiet') return;
    if (mixed) session.out(printer.status('', `${id}  \x1b[32m${statusText}\x1b[0m`));
    else session.err(plainProgress([{ id, text: '', status: 'working', statusText, atMs: engine.clock.now() }]));
  };
  for (const name of [...order].reverse()) {
    for (const container of containers().filter((c) => serviceOf(c) === name && c.status === 'running')) {
      event(`Container ${container.name}`, 'Stopping');
      engine.containers.stop(container.id);
      session.out(printer.status(shortName(container), `exited with code ${container.exitCode}`));
      event(`Container ${container.name}`, 'Stopped');
    }
  }
  session.err('\n');
  return session.result(130);
}

/** stopAndRemoveContainer: Stopping, Stopped, Removing, Removed. */
/** `removeVolumes`: down -v, the container's anonymous volumes go with it (ContainerRemove's RemoveVolumes). */
export function removeContainer(
  session: Session,
  container: Container,
  progress: Progress,
  removeVolumes = false,
): void {
  const event = `Container ${container.name}`;
  progress.event(event, 'working', 'Stopping');
  session.engine.containers.stop(container.id);
  progress.event(event, 'done', 'Stopped');
  progress.event(event, 'working', 'Removing');
  session.engine.containers.remove(container.id, true, removeVolumes);
  session.engine.clock.advance(TAKES_MS.containerRemove);
  progress.event(event, 'done', 'Removed');
}

/** Loads the project for up/create, failing as ToProject does. */
export function projectFor(session: Session, services: readonly string[]): Project | CommandResult {
  try {
    return loadProject(session.root, session.projectEnvironment(), services);
  } catch (error) {
    if (error instanceof ProjectError) return session.fail(error.message);
    throw error;
  }
}

export function upCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const flag = (name: string) => parsed.values.get(name)?.at(-1) === 'true';
  if (flag('force-recreate') && flag('no-recreate'))
    return session.fail('--force-recreate and --no-recreate are incompatible');
  const loaded = projectFor(session, parsed.positionals);
  if (!('model' in loaded)) return loaded;
  const scaleProblem = applyScaleOptions(loaded, parsed.values.get('scale') ?? []);
  if (scaleProblem) return session.fail(scaleProblem);
  if (servicesOf(loaded.model).size === 0) return session.fail('no service selected');
  if ([...servicesOf(loaded.model).values()].some((service) => isRawMap(service) && service.has('build')))
    return session.fail('netsim: building images (`build:`) is not simulated yet; use an `image:` the host can pull');
  const detach = flag('detach') || flag('wait');
  return runUp(session, loaded, parsed.positionals, {
    detach,
    color: !flag('no-color'),
    prefix: !flag('no-log-prefix'),
    timestamps: flag('timestamps'),
    noStart: flag('no-start'),
    recreate: flag('force-recreate') ? 'force' : flag('no-recreate') ? 'never' : 'diverged',
    removeOrphans: flag('remove-orphans'),
  });
}
