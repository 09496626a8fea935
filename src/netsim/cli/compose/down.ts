import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { networksOf, servicesOf } from './load';
import { dependencyOrder } from './order';
import { projectOrName } from './project-name';
import {
  LABEL,
  networkName,
  projectContainers,
  projectNetworks,
  serviceOf,
  volumeCreateRequest,
  volumesOf,
} from './resources';
import type { Progress, Session } from './session';
import { EngineError } from '../../engine/errors';
import type { Project } from './load';
import { removeContainer } from './up';
import { isRawMap, type Raw, type RawMap } from './yaml-read';

/**
 * `docker compose down` (v2.40.3 cmd/compose/down.go, pkg/compose/down.go):
 * the containers of each service, dependents first, stopped and removed; then
 * the project's networks (ensureNetworksDown), a network still in use left with
 * a warning; with -v its volumes, and each container's anonymous ones; a
 * project with nothing left gets logrus's warning.
 */

/** The services and what they depend on, from the compose file or, without one, from the containers' labels (projectFromName). */
export function servicesWithDependencies(session: Session, name: string, fromFile: RawMap | undefined): RawMap {
  if (fromFile) return fromFile;
  const services: RawMap = new Map();
  for (const container of projectContainers(session.engine, name)) {
    const dependsOn: RawMap = new Map();
    for (const entry of (container.config.labels[LABEL.dependsOn] ?? '').split(',').filter((item) => item !== ''))
      dependsOn.set(entry.split(':')[0]!, new Map<string, Raw>());
    services.set(serviceOf(container), new Map<string, Raw>([['depends_on', dependsOn]]));
  }
  return services;
}

/** ensureVolumesDown: the file's volumes (not external), or, without a file, those labelled for the project (actualVolumes). */
function projectVolumes(session: Session, name: string, project: Project | undefined): string[] {
  if (!project)
    return session.engine.volumes
      .list()
      .filter((volume) => volume.labels?.[LABEL.project] === name)
      .map((volume) => volume.name)
      .sort();
  return [...volumesOf(project.model)]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .filter(([, config]) => !(isRawMap(config) && config.get('external') === true))
    .map(([key]) => volumeCreateRequest(project, key).name);
}

/** removeVolume (pkg/compose/down.go): one already gone is skipped; one in use is left with a warning. */
function removeVolume(session: Session, name: string, progress: Progress): void {
  if (!session.engine.volumes.list().some((volume) => volume.name === name)) return;
  const event = `Volume ${name}`;
  progress.event(event, 'working', 'Removing');
  try {
    session.engine.volumes.remove(name, true);
  } catch (error) {
    if (error instanceof EngineError && error.kind === 'conflict') {
      progress.event(event, 'warning', 'Resource is still in use');
      return;
    }
    throw error;
  }
  progress.event(event, 'done', 'Removed');
}

/** InReverseDependencyOrder: the opposite of up's order. */
function reverseOrder(services: RawMap, selected: readonly string[]): string[] {
  return dependencyOrder(services, selected).reverse();
}

export function downCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const rmi = parsed.values.get('rmi')?.at(-1);
  if (rmi !== undefined && rmi !== 'all' && rmi !== 'local')
    return session.fail(`invalid value for --rmi: ${JSON.stringify(rmi)}`);
  if (rmi !== undefined) return session.fail('netsim: docker compose down --rmi is not simulated yet');
  const removeVolumes = parsed.values.get('volumes')?.at(-1) === 'true';
  const target = projectOrName(session, parsed.positionals);
  if ('exitCode' in target) return target;
  const name = target.name.toLowerCase();
  const { engine } = session;
  const containers = projectContainers(engine, name);
  const services = servicesWithDependencies(
    session,
    name,
    target.project ? servicesOf(target.project.model) : undefined,
  );
  const selected = parsed.positionals.filter((service) => services.has(service));
  if (parsed.positionals.length > 0 && selected.length === 0) return session.result(0);
  const progress = session.progress('Running');
  for (const service of reverseOrder(services, selected)) {
    for (const container of containers.filter((c) => serviceOf(c) === service))
      removeContainer(session, container, progress, removeVolumes);
  }
  const orphans = containers.filter((container) => !services.has(serviceOf(container)));
  if (parsed.values.get('remove-orphans')?.at(-1) === 'true')
    for (const orphan of orphans) removeContainer(session, orphan, progress, removeVolumes);
  // ensureNetworksDown: the file's networks (not external), or, without a file, those labelled for the project.
  const keys = target.project
    ? [...networksOf(target.project.model)]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .filter(([, config]) => !(isRawMap(config) && config.get('external') === true))
        .map(([key]) => ({ key, name: networkName(target.project!, key) }))
    : projectNetworks(engine, name).map((network) => ({
        key: network.labels[LABEL.network] ?? '',
        name: network.name,
      }));
  for (const { key, name: networkNameText } of keys) {
    const network = engine.networks
      .list()
      .find(
        (candidate) =>
          candidate.labels[LABEL.project] === name &&
          candidate.labels[LABEL.network] === key &&
          candidate.name === networkNameText,
      );
    if (!network) continue;
    const event = `Network ${networkNameText}`;
    progress.event(event, 'working', 'Removing');
    const inUse = engine.containers
      .list()
      .some(
        (container) =>
          container.status === 'running' && container.endpoints.some((endpoint) => endpoint.networkId === network.id),
      );
    if (inUse) {
      progress.event(event, 'warning', 'Resource is still in use');
      continue;
    }
    engine.networks.remove(network.id);
    progress.event(event, 'done', 'Removed');
  }
  const volumes = removeVolumes ? projectVolumes(session, name, target.project) : [];
  for (const volume of volumes) removeVolume(session, volume, progress);
  progress.end();
  // Each network of the model is an operation, found or not: only a project with neither gets the warning.
  if (containers.length === 0 && keys.length === 0 && volumes.length === 0)
    session.warn(`Warning: No resource found to remove for project ${JSON.stringify(name)}.`);
  return session.result(0);
}
