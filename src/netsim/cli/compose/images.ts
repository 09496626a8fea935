import { parseImageReference } from '../../wire/image-reference';
import { humanSize } from '../../format/docker-images';
import { goTabwriter } from '../../format/go-tabwriter';
import { humanDuration } from '../../format/human-duration';
import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { projectOrName } from './project-name';
import { projectContainers, serviceOf } from './resources';
import type { Session } from './session';

interface ImageRow {
  readonly container: string;
  readonly id: string;
  readonly repository: string;
  readonly tag: string;
  readonly size: number;
  readonly lastTagMs: number;
}

/**
 * `docker compose images [SERVICE...]` (v2.40.3 cmd/compose/images.go runImages,
 * pkg/compose/images.go Images): for each of the project's containers, the image
 * inspect of its reference (ID, Size, Metadata.LastTagTime), the repository and
 * tag as reference.ParseDockerRef reads the container's image; a table by container
 * name (PrintPrettySection), or -q the IDs once each.
 */
export function imagesCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const format = parsed.values.get('format')?.at(-1) ?? 'table';
  if (format === 'json') return session.fail('netsim: docker compose images --format json is not simulated yet');
  const target = projectOrName(session, []);
  if ('exitCode' in target) return target;
  const services = parsed.positionals;
  const rows: ImageRow[] = projectContainers(session.engine, target.name)
    .filter((container) => services.length === 0 || services.includes(serviceOf(container)))
    .map((container) => {
      const inspected = session.engine.images.inspect(container.image) as {
        Id: string;
        Size: number;
        Metadata: { LastTagTime: { text: string } };
      };
      const reference = parseImageReference(container.image);
      return {
        container: container.name,
        id: inspected.Id,
        repository: reference.familiar,
        tag: reference.tag ?? '',
        size: inspected.Size,
        lastTagMs: Date.parse(inspected.Metadata.LastTagTime.text),
      };
    })
    .sort((a, b) => (a.container < b.container ? -1 : a.container > b.container ? 1 : 0));
  if (parsed.values.get('quiet')?.at(-1) === 'true') {
    const ids = [...new Set(rows.map((row) => row.id.slice(row.id.indexOf(':') + 1)))];
    session.out(ids.map((id) => `${id}\n`).join(''));
    return session.result(0);
  }
  if (format !== 'table' && format !== 'pretty' && format !== '')
    return session.fail(`format value ${JSON.stringify(format)} could not be parsed: parsing failed`);
  const now = session.engine.clock.now();
  const lines = rows.map((row) =>
    [
      row.container,
      row.repository || '<none>',
      row.tag || '<none>',
      'linux/amd64',
      row.id.slice(row.id.indexOf(':') + 1, row.id.indexOf(':') + 13),
      humanSize(row.size, 3),
      `${humanDuration(now - row.lastTagMs)} ago`,
    ].join('\t'),
  );
  session.out(
    goTabwriter(['CONTAINER\tREPOSITORY\tTAG\tPLATFORM\tIMAGE ID\tSIZE\tCREATED', ...lines, ''].join('\n'), 20, 3),
  );
  return session.result(0);
}
