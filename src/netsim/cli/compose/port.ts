import type { CommandResult } from '../command';
import type { ParsedFlags } from '../docker/flags';
import { portSummaries } from '../docker/ps';
import { projectNameOnly } from './project-name';
import { LABEL, projectContainers, serviceOf } from './resources';
import type { Session } from './session';

/**
 * `docker compose port SERVICE PRIVATE_PORT` (v2.40.3 cmd/compose/port.go,
 * pkg/compose/port.go): the first binding of that port in the API's list of
 * the service's running container (the lowest-numbered, or --index), printed
 * `IP:PORT`; errors as getSpecifiedContainer and portNotFoundError word them.
 */
export function portCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const [service, privatePort] = parsed.positionals;
  // cobra.MinimumNArgs(2).
  if (privatePort === undefined)
    return session.fail(`requires at least 2 arg(s), only received ${parsed.positionals.length}`);
  // strconv.ParseUint(args[1], 10, 16).
  const port = /^\d+$/.test(privatePort) ? Number(privatePort) : NaN;
  if (Number.isNaN(port))
    return session.fail(`strconv.ParseUint: parsing ${JSON.stringify(privatePort)}: invalid syntax`);
  if (port > 65535)
    return session.fail(`strconv.ParseUint: parsing ${JSON.stringify(privatePort)}: value out of range`);
  const protocol = (parsed.values.get('protocol')?.at(-1) ?? 'tcp').toLowerCase();
  const indexText = parsed.values.get('index')?.at(-1) ?? '0';
  if (!/^[+-]?\d+$/.test(indexText))
    return session.fail(
      `invalid argument ${JSON.stringify(indexText)} for "--index" flag: strconv.ParseInt: parsing ${JSON.stringify(indexText)}: invalid syntax`,
    );
  const index = Number(indexText);
  const name = projectNameOnly(session);
  if (typeof name !== 'string') return name;
  const running = projectContainers(session.engine, name.toLowerCase()).filter(
    (container) =>
      container.status === 'running' &&
      serviceOf(container) === service &&
      (index <= 0 || container.config.labels[LABEL.number] === String(index)),
  );
  if (running.length === 0)
    return session.fail(
      index > 0
        ? `service ${JSON.stringify(service)} is not running container #${index}`
        : `service ${JSON.stringify(service)} is not running`,
    );
  const container = running.sort(
    (a, b) => Number(a.config.labels[LABEL.number] ?? 0) - Number(b.config.labels[LABEL.number] ?? 0),
  )[0]!;
  const ports = portSummaries(container);
  const binding = ports.find((summary) => summary.privatePort === port && summary.type === protocol);
  if (!binding) {
    const listed = ports.map((summary) => `${summary.publicPort ?? 0}/${summary.type}`).join(', ');
    return session.fail(`no port ${port}/${protocol} for container ${container.name}: ${listed}`);
  }
  session.out(`${binding.ip ?? ''}:${binding.publicPort ?? 0}\n`);
  return session.result(0);
}
