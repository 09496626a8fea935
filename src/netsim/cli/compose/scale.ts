import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { servicesOf } from './load';
import type { Session } from './session';
import { projectFor, runUp, setScale } from './up';

/**
 * `docker compose scale SERVICE=REPLICAS...` (v2.40.3 cmd/compose/scale.go,
 * pkg/compose/scale.go): the replica counts parsed as parseServicesReplicasArgs
 * does, set on the services (SetScale), then create and start those services.
 */
export function scaleCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const replicas = new Map<string, number>();
  for (const arg of parsed.positionals) {
    const at = arg.indexOf('=');
    const key = at < 0 ? '' : arg.slice(0, at);
    const value = at < 0 ? '' : arg.slice(at + 1);
    if (key === '' || value === '') return session.fail(`invalid scale specifier: ${arg}`);
    if (!/^[-+]?\d+$/.test(value))
      return session.fail(`invalid scale specifier: can't parse replica value as int: ${arg}`);
    replicas.set(key, Number(value));
  }
  const services = [...replicas.keys()].sort();
  const project = projectFor(session, services);
  if (!('model' in project)) return project;
  for (const [name, count] of replicas) {
    if (!servicesOf(project.model).has(name)) return session.fail(`no such service: ${name}: not found`);
    setScale(project, name, count);
  }
  return runUp(session, project, services, {
    detach: true,
    noStart: false,
    recreate: 'diverged',
    removeOrphans: false,
  });
}
