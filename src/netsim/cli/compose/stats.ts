import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { statsSample } from '../docker/stats';
import { projectOrName } from './project-name';
import { LABEL } from './resources';
import type { Session } from './session';

/**
 * `docker compose stats [SERVICE]` (v2.40.3 cmd/compose/stats.go runStats):
 * docker/cli's RunStats with a filter on the project's label and, given a
 * service, the first one's; as `docker stats`, one sample with --no-stream only.
 */
export function statsCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const flag = (name: string) => parsed.values.get(name)?.at(-1) === 'true';
  if (!flag('no-stream'))
    return session.fail(
      'This simulator prints docker compose stats with --no-stream only: the live view redraws the screen until Ctrl-C.',
    );
  const target = projectOrName(session, []);
  if ('exitCode' in target) return target;
  const [service] = parsed.positionals;
  const trunc = !flag('no-trunc');
  const chosen = [...session.engine.containers.list()]
    .reverse()
    .filter(
      (container) =>
        container.config.labels[LABEL.project] === target.name &&
        (service === undefined || container.config.labels[LABEL.service] === service),
    )
    .filter((container) => flag('all') || container.status === 'running')
    .map((container) => ({ container, given: trunc ? container.id.slice(0, 12) : container.id }));
  const sample = statsSample(
    session.engine,
    session.process.terminal,
    chosen,
    trunc,
    parsed.values.get('format')?.at(-1) || 'table',
  );
  if (sample.exitCode !== 0) return session.fail(sample.stderr.replace(/\n$/, ''));
  session.out(sample.stdout);
  return session.result(0);
}
