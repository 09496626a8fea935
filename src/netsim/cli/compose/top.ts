import { goTabwriter } from '../../format/go-tabwriter';
import { EngineError } from '../../engine/errors';
import type { CommandResult } from '../command';
import { containerTop } from '../docker/top';
import type { ParsedFlags } from '../docker/flags';
import { projectNameOnly } from './project-name';
import { LABEL, serviceOf } from './resources';
import type { Session } from './session';
import { daemonError } from './up';

/**
 * `docker compose top [SERVICE...]` (v2.40.3 cmd/compose/top.go, pkg/compose/top.go):
 * ContainerTop of each running container of the project, one-off ones too, by
 * name; one table with SERVICE and # (the replica) before ps's columns, CMD
 * last, through Go's text/tabwriter (minwidth 4, padding 2). Nothing running
 * prints nothing.
 */
export function topCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const name = projectNameOnly(session);
  if (typeof name !== 'string') return name;
  const services = parsed.positionals;
  const containers = session.engine.containers
    .list()
    .filter(
      (container) => container.config.labels[LABEL.project] === name.toLowerCase() && container.status === 'running',
    )
    .filter((container) => services.length === 0 || services.includes(serviceOf(container)))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const header = ['SERVICE', '#'];
  const rows: Record<string, string>[] = [];
  for (const container of containers) {
    let top;
    try {
      top = containerTop(session.engine, container.id, session.process.terminal?.shells?.() ?? []);
    } catch (error) {
      if (error instanceof EngineError) return session.fail(daemonError(error));
      throw error;
    }
    for (const title of top.titles) if (!header.includes(title)) header.push(title);
    for (const process of top.processes) {
      const row: Record<string, string> = {
        SERVICE: serviceOf(container) || container.name,
        '#': container.config.labels[LABEL.number] ?? '',
      };
      top.titles.forEach((title, index) => (row[title] = process[index] ?? ''));
      rows.push(row);
    }
  }
  if (rows.length === 0) return session.result(0);
  // CMD is moved to the right-most column.
  const columns = header.includes('CMD') ? [...header.filter((title) => title !== 'CMD'), 'CMD'] : header;
  const text = [columns.join('\t'), ...rows.map((row) => columns.map((title) => row[title] ?? '').join('\t')), ''].join(
    '\n',
  );
  session.out(goTabwriter(text, 4, 2));
  return session.result(0);
}
