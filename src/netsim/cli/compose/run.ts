import type { Container } from '../../engine/container';
import type { CommandResult } from '../command';
import { foregroundRun } from '../docker/interactive';
import type { ParsedFlags } from '../docker/flags';
import { ModelError, parsePorts } from './canonical';
import { servicesOf, type Project } from './load';
import { dependencyOrder } from './order';
import { containerLabels, containerRequest, LABEL } from './resources';
import type { Session } from './session';
import {
  daemonError,
  ensureNetworks,
  ensureService,
  hashed,
  networkModeOf,
  projectFor,
  pullMissing,
  serviceMap,
  startServices,
  TAKES_MS,
  UpFailure,
} from './up';
import { isRawMap, type Raw, type RawMap } from './yaml-read';

/**
 * `docker compose run SERVICE [COMMAND]` (v2.40.3 cmd/compose/run.go,
 * pkg/compose/run.go): the service's dependencies created and started
 * (startDependencies: Create then Start, each with its progress), then a
 * one-off container `<project>-<service>-run-<slug>` with the service's
 * networks but none of its ports (unless --service-ports or -p) and only its
 * own name as an alias (unless --use-aliases), started and attached as
 * `docker run` attaches; -d prints its ID instead. A TTY and open stdin by
 * default, at a terminal.
 */
export function runCommand(session: Session, parsed: ParsedFlags): CommandResult {
  const values = (name: string) => parsed.values.get(name) ?? [];
  const flag = (name: string) => values(name).at(-1) === 'true';
  const [serviceName, ...command] = parsed.positionals;
  if (serviceName === undefined) return session.fail('requires at least 1 arg(s), only received 0');
  if (values('publish').length > 0 && flag('service-ports'))
    return session.fail('--service-ports and --publish are incompatible');
  if (parsed.values.has('tty') && parsed.values.has('no-TTY'))
    return session.fail("--tty and --no-TTY can't be used together");
  for (const unsupported of ['volume', 'build', 'entrypoint', 'env-from-file']) {
    if (parsed.values.has(unsupported))
      return session.fail(`netsim: docker compose run --${unsupported} is not simulated yet`);
  }
  const labels: Record<string, string> = {};
  for (const label of values('label')) {
    const at = label.indexOf('=');
    if (at < 0) return session.fail('label must be set as KEY=VALUE');
    labels[label.slice(0, at)] = label.slice(at + 1);
  }
  // Compose's default: a TTY, unless -T, or stdout is not a terminal.
  const tty = parsed.values.has('tty')
    ? flag('tty')
    : parsed.values.has('no-TTY')
      ? !flag('no-TTY')
      : session.process.stdoutIsTerminal === true;
  const interactive = values('interactive').at(-1) !== 'false';
  const project = projectFor(session, [serviceName]);
  if (!('model' in project)) return project;
  const services = servicesOf(project.model);
  if (!services.has(serviceName)) return session.fail(`no such service: ${serviceName}`);
  const dependencies = flag('no-deps')
    ? []
    : dependencyOrder(services, [serviceName]).filter((name) => name !== serviceName);
  let container: Container;
  try {
    pullMissing(session, project, dependencies);
    const creating = session.progress('Creating');
    try {
      ensureNetworks(session, project, creating);
      for (const name of dependencies) ensureService(session, project, name, 'diverged', creating);
    } finally {
      creating.end();
    }
    if (dependencies.length > 0) {
      const starting = session.progress('Running');
      try {
        startServices(session, project, dependencies, starting);
      } finally {
        starting.end();
      }
    }
    pullMissing(session, project, [serviceName]);
    container = createOneOff(session, project, serviceName, command, { tty, interactive, labels, values, flag });
  } catch (error) {
    if (error instanceof UpFailure) return session.fail(error.message);
    if (error instanceof ModelError) return session.fail(error.message);
    throw error;
  }
  try {
    session.engine.containers.start(container.id);
  } catch (error) {
    return session.fail(daemonError(error));
  }
  session.engine.clock.advance(TAKES_MS.containerStart);
  if (flag('detach')) {
    session.out(`${container.id}\n`);
    return session.result(0);
  }
  const { terminal, interruptAfterMs } = session.process;
  const ran = foregroundRun(session.engine, container, {
    engine: session.engine,
    stdin: '',
    ...(terminal !== undefined && { terminal }),
    ...(interruptAfterMs !== undefined && { interruptAfterMs }),
  });
  // What the command printed comes after the dependencies' progress.
  const before = session.result(0);
  return {
    ...ran,
    stdout: before.stdout + ran.stdout,
    stderr: before.stderr + ran.stderr,
    output: [
      ...(before.output ?? []),
      ...(ran.output ?? [
        { stream: 'stdout', text: ran.stdout },
        { stream: 'stderr', text: ran.stderr },
      ]),
    ],
  };
}

interface OneOffOptions {
  readonly tty: boolean;
  readonly interactive: boolean;
  readonly labels: Record<string, string>;
  readonly values: (name: string) => string[];
  readonly flag: (name: string) => boolean;
}

/** prepareRun: the service as run changes it (applyRunOptions, options.apply), created with the one-off labels. */
function createOneOff(
  session: Session,
  project: Project,
  serviceName: string,
  command: readonly string[],
  options: OneOffOptions,
): Container {
  const service: RawMap = new Map(serviceMap(project, serviceName));
  const slug = session.process.random.hex(64);
  const name = options.values('name').at(-1) ?? `${project.name}-${serviceName}-run-${slug.slice(0, 12)}`;
  service.set('container_name', name);
  service.set('tty', options.tty);
  service.set('stdin_open', options.interactive);
  service.delete('restart');
  if (command.length > 0) service.set('command', [...command]);
  if (!options.flag('service-ports'))
    service.set(
      'ports',
      options.values('publish').flatMap((spec): Raw[] => parsePorts(spec)),
    );
  const given = service.get('environment');
  const environment: RawMap = new Map(isRawMap(given) ? given : []);
  for (const entry of options.values('env')) {
    const at = entry.indexOf('=');
    environment.set(at < 0 ? entry : entry.slice(0, at), at < 0 ? null : entry.slice(at + 1));
  }
  service.set('environment', environment);
  const user = options.values('user').at(-1);
  if (user !== undefined) service.set('user', user);
  const workdir = options.values('workdir').at(-1);
  if (workdir !== undefined) service.set('working_dir', workdir);
  const mode = networkModeOf(session, project, service);
  const imageId = session.engine.images.find(String(service.get('image') ?? ''))?.digest;
  const labels = {
    ...containerLabels(project, serviceName, service, -1, imageId, hashed(service, mode)),
    ...options.labels,
    [LABEL.slug]: slug,
    [LABEL.oneoff]: 'True',
  };
  try {
    const { container } = session.engine.containers.create(
      containerRequest(project, serviceName, service, -1, mode, labels, {
        useAliases: options.flag('use-aliases'),
        autoRemove: options.flag('rm'),
      }),
    );
    session.engine.clock.advance(TAKES_MS.containerCreate);
    return container;
  } catch (error) {
    throw new UpFailure(daemonError(error));
  }
}
