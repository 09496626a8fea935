import { stateString, type Container } from '../../engine/container';
import { formatList } from '../../format/docker-formatter';
import { displayablePorts } from '../../format/docker-ports';
import { containerStatus } from '../../format/docker-ps';
import { runDueProbes } from '../docker/health-probes';
import { goStruct } from '../../wire/go-value';
import { humanDuration } from '../../format/human-duration';
import type { CommandResult } from '../command';
import { portSummaries } from '../docker/ps';
import type { ParsedFlags } from '../docker/flags';
import { projectOrName } from './project-name';
import { LABEL, projectContainers, serviceOf } from './resources';
import type { Session } from './session';

/**
 * `docker compose ps` (v2.40.3 cmd/compose/ps.go, pkg/compose/ps.go,
 * cmd/formatter/container.go): the project's running containers (all with -a),
 * sorted by name, in the table `NAME IMAGE COMMAND SERVICE CREATED STATUS PORTS`.
 */
const DEFAULT_TABLE =
  'table {{.Name}}\\t{{.Image}}\\t{{.Command}}\\t{{.Service}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}';

const HEADER: Readonly<Record<string, string>> = {
  ID: 'CONTAINER ID',
  Name: 'NAME',
  Project: 'PROJECT',
  Service: 'SERVICE',
  Image: 'IMAGE',
  Command: 'COMMAND',
  CreatedAt: 'CREATED AT',
  RunningFor: 'CREATED',
  Ports: 'PORTS',
  State: 'STATE',
  Status: 'STATUS',
  Size: 'SIZE',
  Labels: 'LABELS',
};

/** formatter.Ellipsis: at most 20 characters, the last an ellipsis. */
function ellipsis(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}

function row(session: Session, container: Container, trunc: boolean): Record<string, unknown> {
  const now = session.engine.clock.now();
  // Ps sorts the API's ports by private port before DisplayablePorts groups them.
  const ports = [...portSummaries(container)].sort((a, b) => a.privatePort - b.privatePort);
  const created = Math.floor(container.createdMs / 1000);
  return goStruct({
    ID: trunc ? container.id.slice(0, 12) : container.id,
    Name: container.name,
    Names: container.name,
    Service: serviceOf(container),
    Project: container.config.labels[LABEL.project] ?? '',
    Image: container.image,
    Command: JSON.stringify(trunc ? ellipsis(container.command, 20) : container.command),
    CreatedAt: new Date(created * 1000).toISOString(),
    RunningFor: `${humanDuration(now - created * 1000)} ago`,
    ExitCode: container.status === 'exited' ? container.exitCode : 0,
    State: stateString(container),
    Status: containerStatus(
      stateString(container),
      container.exitCode,
      container.startedMs,
      container.finishedMs,
      now,
      container.health?.status,
    ),
    Health: container.health?.status ?? '',
    Ports: displayablePorts(ports),
    Labels: Object.entries(container.config.labels)
      .map(([key, value]) => `${key}=${value}`)
      .join(','),
  });
}

export function psCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const flag = (name: string) => parsed.values.get(name)?.at(-1) === 'true';
  const target = projectOrName(session, parsed.positionals);
  if ('exitCode' in target) return target;
  const services = parsed.positionals;
  for (const service of target.project && services.length > 0 ? services : []) {
    if (
      !target.project!.model.get('services') ||
      !(target.project!.model.get('services') as Map<string, unknown>).has(service)
    )
      return session.fail(`no such service: ${service}`);
  }
  const statuses = parsed.values.get('status') ?? [];
  const filter = parsed.values.get('filter')?.at(-1);
  if (filter !== undefined) {
    const [key, value] = filter.split(/=(.*)/s);
    if (value === undefined) return session.fail('arguments to --filter should be in form KEY=VAL');
    if (key !== 'status') return session.fail(key === 'source' ? 'not implemented' : `unknown filter ${key}`);
    statuses.push(value);
  }
  const all = flag('all') || statuses.length > 0;
  runDueProbes(session.engine, session.process.terminal);
  let containers = projectContainers(session.engine, target.name).filter(
    (container) => all || container.status === 'running',
  );
  if (services.length > 0) containers = containers.filter((container) => services.includes(serviceOf(container)));
  if (statuses.length > 0) containers = containers.filter((container) => statuses.includes(stateString(container)));
  if (flag('quiet')) {
    session.out(containers.map((container) => `${container.id}\n`).join(''));
    return session.result(0);
  }
  if (flag('services')) {
    session.out(`${[...new Set(containers.map(serviceOf))].join('\n')}\n`);
    return session.result(0);
  }
  const source = parsed.values.get('format')?.at(-1) ?? 'table';
  const format = source === 'table' || source === '' ? DEFAULT_TABLE : source === 'json' ? 'json' : source;
  const listed = formatList({
    format,
    header: HEADER,
    rows: containers.map((container) => row(session, container, !flag('no-trunc'))),
    typeName: '*formatter.ContainerContext',
  });
  if (!listed.ok) return session.fail(listed.error);
  session.out(listed.text);
  return session.result(0);
}
