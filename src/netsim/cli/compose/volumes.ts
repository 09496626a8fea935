import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { formatList } from '../../format/docker-formatter';
import { VOLUME_HEADER, volumeContext, volumeFormat } from '../docker/volume';
import { mountPoints } from '../../engine/volumes';
import { servicesOf } from './load';
import { projectOrName } from './project-name';
import { LABEL, projectContainers, serviceOf } from './resources';
import type { Session } from './session';

/**
 * `docker compose volumes [SERVICE...]` (v2.40.3 cmd/compose/volumes.go,
 * pkg/compose/volumes.go): the volumes labelled for the project, or, given
 * services, those their containers mount; printed by docker/cli's volume
 * formatter (`DRIVER  VOLUME NAME`), -q the names alone.
 */
export function volumesCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const services = parsed.positionals;
  const target = projectOrName(session, services);
  if ('exitCode' in target) return target;
  for (const service of target.project ? services : []) {
    if (!servicesOf(target.project!.model).has(service)) return session.fail(`no such service: ${service}`);
  }
  const mounted = new Set(
    projectContainers(session.engine, target.name)
      .filter((container) => services.length === 0 || services.includes(serviceOf(container)))
      .flatMap((container) => mountPoints(container).map((mount) => mount.name)),
  );
  const volumes = session.engine.volumes
    .list()
    .filter(
      (volume) => volume.labels?.[LABEL.project] === target.name && (services.length === 0 || mounted.has(volume.name)),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (parsed.values.get('quiet')?.at(-1) === 'true') {
    session.out(volumes.map((volume) => `${volume.name}\n`).join(''));
    return session.result(0);
  }
  const output = formatList({
    format: volumeFormat(parsed.values.get('format')?.at(-1) ?? 'table', false),
    header: VOLUME_HEADER,
    rows: volumes.map(volumeContext),
    typeName: '*formatter.volumeContext',
  });
  if (!output.ok) return session.fail(output.error);
  session.out(output.text);
  return session.result(0);
}
