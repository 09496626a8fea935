import type { LogEntry } from '../../engine/container';
import type { Engine } from '../../engine/engine';
import type { SwarmService } from '../../engine/swarm-service-state';
import {
  createService,
  findService,
  NOT_A_MANAGER,
  removeService,
  scaleService,
  updateServicePorts,
} from '../../engine/swarm-services';
import type { ServicePort } from '../../engine/swarm-service-state';
import { runServiceInspect } from './service-inspect';
import { formatServicePorts, parseServicePort, updatedPorts } from './service-publish';
import { cobraHelp, type CommandHelpTable } from '../../format/cobra-help';
import { formatList } from '../../format/docker-formatter';
import { humanDuration } from '../../format/human-duration';
import { CONVERGE_MS, convergedScreen, convergeLines } from '../../format/service-progress';
import { goStruct } from '../../wire/go-value';
import { fail, ok, type CommandResult, type Program, type ProcessContext } from '../command';
import { CANNOT_CONNECT, reachDaemon } from '../docker-service';
import { daemonErrorText, runCommand, type CommandSpec, type DockerContext } from './cobra';
import { logOutput } from './log-output';
import { naturalCompare } from './natural-order';

/**
 * `docker service` on the single-node swarm (cli/command/service): replicated
 * services whose tasks are containers on this host, their ports published on
 * the routing mesh or on the host, and `inspect`. Rolling updates and global
 * mode are not modelled.
 */

/** cli/command/service/cmd.go: the subcommands and their Short texts. */
const SERVICE_HELP: CommandHelpTable = {
  description: 'Manage Swarm services',
  aliases: [],
  subcommands: [
    { name: 'create', short: 'Create a new service' },
    { name: 'inspect', short: 'Display detailed information on one or more services' },
    { name: 'logs', short: 'Fetch the logs of a service or task' },
    { name: 'ls', short: 'List services' },
    { name: 'ps', short: 'List the tasks of one or more services' },
    { name: 'rm', short: 'Remove one or more services' },
    { name: 'rollback', short: "Revert changes to a service's configuration" },
    { name: 'scale', short: 'Scale one or multiple replicated services' },
    { name: 'update', short: 'Update a service' },
  ],
  flags: [],
};

/** The node's hostname, which `docker info` prints as Name and `service ps` as NODE. */
const NODE_NAME = 'docker-host';

/** Every service call needs this node to manage a swarm; without one the daemon answers cluster.errNoManager. */
const notManager = () => fail(`Error response from daemon: ${NOT_A_MANAGER}\n`, 1);

/** Uint64Opt.Set: strconv.ParseUint's refusal, as pflag words it. */
function checkUint(value: string): string | undefined {
  if (/^\d+$/.test(value))
    return BigInt(value) < 2n ** 64n
      ? undefined
      : `strconv.ParseUint: parsing ${JSON.stringify(value)}: value out of range`;
  return `strconv.ParseUint: parsing ${JSON.stringify(value)}: invalid syntax`;
}

/** PortOpt.Set's refusal of a --publish value, which pflag words as an invalid argument. */
function publishProblem(value: string): string | undefined {
  const parsed = parseServicePort(value);
  return 'error' in parsed ? parsed.error : undefined;
}

/** The ports of every --publish (or --publish-add, --publish-rm) given, in order; each was checked while parsing. */
function publishedPorts(values: readonly string[] | undefined): ServicePort[] {
  return (values ?? []).flatMap((value) => parseServicePort(value) as ServicePort[]);
}

/** What the service commands run with: docker's context and the terminal's width, for the progress bar. */
type ServiceContext = DockerContext & { columns: number };

/** WaitOnService: the service ID already printed, the client follows the tasks until the monitor period has passed. */
function waitOnService(context: ServiceContext, serviceId: string, replicas: number, quiet: boolean): string {
  context.engine.clock.advance(CONVERGE_MS);
  if (quiet) return '';
  const record = { serviceId, replicas, terminal: context.stdoutIsTerminal === true, columns: context.columns };
  return record.terminal ? convergedScreen(record) : convergeLines(record);
}

const create: CommandSpec<ServiceContext> = {
  path: 'docker service create',
  usage: '[OPTIONS] IMAGE [COMMAND] [ARG...]',
  args: { kind: 'at-least', count: 1 },
  interspersed: false,
  flags: [
    { name: 'name', takesValue: true },
    { name: 'network', takesValue: true },
    { name: 'replicas', takesValue: true, check: checkUint },
    { name: 'detach', short: 'd', takesValue: false },
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'publish', short: 'p', takesValue: true, check: publishProblem },
    { name: 'mode', takesValue: true },
    { name: 'endpoint-mode', takesValue: true },
    { name: 'env', short: 'e', takesValue: true },
    { name: 'label', short: 'l', takesValue: true },
    { name: 'hostname', takesValue: true },
  ],
  run({ values, positionals }, context) {
    const unmodelled = ['mode', 'endpoint-mode', 'env', 'label', 'hostname'].find((name) => values.has(name));
    if (unmodelled) return fail(`netsim: docker service create --${unmodelled} is not simulated yet\n`, 1);
    const [image, ...args] = positionals;
    const engine = context.engine;
    if (!engine.swarm.state()) return notManager();
    try {
      const replicas = Number(values.get('replicas')?.at(-1) ?? '1');
      const name = values.get('name')?.at(-1) ?? '';
      if (name === '') return fail('netsim: services without --name are not simulated yet\n', 1);
      const ports = publishedPorts(values.get('publish'));
      if (ports.some((port) => port.protocol === 'sctp'))
        return fail('netsim: services publishing SCTP ports are not simulated yet\n', 1);
      const service = engine.swarm.run((daemon) =>
        createService(daemon, { name, image: image!, args, replicas, networks: values.get('network') ?? [], ports }),
      );
      if (values.has('detach')) return ok(`${service.id}\n`);
      return ok(`${service.id}\n${waitOnService(context, service.id, replicas, values.has('quiet'))}`);
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
  },
};

/** cli/command/service/formatter.go: the default table and its column titles. */
const LS_TABLE = 'table {{.ID}}\t{{.Name}}\t{{.Mode}}\t{{.Replicas}}\t{{.Image}}\t{{.Ports}}';
const LS_HEADER = { ID: 'ID', Name: 'NAME', Mode: 'MODE', Replicas: 'REPLICAS', Image: 'IMAGE', Ports: 'PORTS' };

/** Running tasks: the task containers that are up (ServiceStatus.RunningTasks). */
function runningTasks(engine: Engine, service: SwarmService): number {
  return service.tasks.filter((task) =>
    engine.containers.list().some((c) => c.id === task.containerId && c.status === 'running'),
  ).length;
}

const ls: CommandSpec<ServiceContext> = {
  path: 'docker service ls',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'format', takesValue: true },
  ],
  run({ values }, { engine }) {
    const swarm = engine.swarm.state();
    if (!swarm) return notManager();
    const quiet = values.has('quiet');
    const given = values.get('format')?.at(-1) || 'table';
    const format = given === 'table' ? (quiet ? '{{.ID}}' : LS_TABLE) : given;
    // runList sorts by name (sortorder.NaturalLess); -q prints full IDs.
    const rows = [...swarm.services]
      .sort((a, b) => naturalCompare(a.name, b.name))
      .map((service) =>
        goStruct({
          ID: quiet ? service.id : service.id.slice(0, 12),
          Name: service.name,
          Mode: 'replicated',
          Replicas: `${runningTasks(engine, service)}/${service.replicas}`,
          Image: service.image,
          Ports: formatServicePorts(service.ports),
        }),
      );
    const output = formatList({ format, header: LS_HEADER, rows, typeName: '*service.serviceContext' });
    return output.ok ? ok(output.text) : fail(`${output.error}\n`, 1);
  },
};

/** cli/command/task/formatter.go: the default table of tasks. */
const PS_TABLE =
  'table {{.ID}}\t{{.Name}}\t{{.Image}}\t{{.Node}}\t{{.DesiredState}}\t{{.CurrentState}}\t{{.Error}}\t{{.Ports}}';
const PS_HEADER = {
  ID: 'ID',
  Name: 'NAME',
  Image: 'IMAGE',
  Node: 'NODE',
  DesiredState: 'DESIRED STATE',
  CurrentState: 'CURRENT STATE',
  Error: 'ERROR',
  Ports: 'PORTS',
};

/** A task as taskContext shows it: `service.slot`, the state since its container started, in go-units' words. */
function taskRow(
  engine: Engine,
  service: SwarmService,
  task: SwarmService['tasks'][number],
  trunc: boolean,
): Record<string, unknown> {
  const container = engine.containers.list().find((c) => c.id === task.containerId);
  const running = container?.status === 'running';
  const since = engine.clock.now() - (container?.startedMs ?? task.createdMs);
  const state = task.pendingError !== undefined ? 'Pending' : running ? 'Running' : 'Shutdown';
  // taskContext.Error: formatter.Ellipsis to 30 columns unless --no-trunc, then quoted.
  const error = task.pendingError ?? '';
  const shown = trunc && error.length > 30 ? `${error.slice(0, 29)}…` : error;
  return goStruct({
    ID: trunc ? task.id.slice(0, 12) : task.id,
    Name: `${service.name}.${task.slot}`,
    Image: service.image,
    // A pending task has no node yet.
    Node: task.pendingError !== undefined ? '' : NODE_NAME,
    DesiredState: 'Running',
    CurrentState: `${state} ${humanDuration(since).toLowerCase()} ago`,
    Error: shown === '' ? '' : `"${shown}"`,
    // task/formatter.go Ports: the ports the task itself publishes (mode=host), as `*:8080->80/tcp`.
    Ports: running
      ? service.ports
          .filter((port) => port.publishMode === 'host')
          .map((port) => `*:${port.publishedPort}->${port.targetPort}/${port.protocol}`)
          .join(',')
      : '',
  });
}

const ps: CommandSpec<ServiceContext> = {
  path: 'docker service ps',
  usage: '[OPTIONS] SERVICE [SERVICE...]',
  args: { kind: 'at-least', count: 1 },
  flags: [
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'no-trunc', takesValue: false },
    { name: 'format', takesValue: true },
  ],
  run({ values, positionals }, { engine }) {
    if (!engine.swarm.state()) return notManager();
    const found: SwarmService[] = [];
    const notFound: string[] = [];
    for (const reference of positionals) {
      try {
        found.push(engine.swarm.run((daemon) => findService(daemon, reference)));
      } catch {
        notFound.push(`no such service: ${reference}`);
      }
    }
    // createFilter: with no service found, only the names that were not.
    if (found.length === 0) return fail(`${notFound.join('\n')}\n`, 1);
    const trunc = !values.has('no-trunc');
    const quiet = values.has('quiet');
    const given = values.get('format')?.at(-1) || 'table';
    const format = given === 'table' ? (quiet ? '{{.ID}}' : PS_TABLE) : given;
    const rows = found.flatMap((service) =>
      service.tasks.map((task) => ({
        sortName: `${service.name}.${task.slot}`,
        row: taskRow(engine, service, task, trunc),
      })),
    );
    rows.sort((a, b) => naturalCompare(a.sortName, b.sortName));
    const output = formatList({
      format,
      header: PS_HEADER,
      rows: rows.map((r) => r.row),
      typeName: '*task.taskContext',
    });
    if (!output.ok) return fail(`${output.error}\n`, 1);
    return notFound.length > 0
      ? { stdout: output.text, stderr: `${notFound.join('\n')}\n`, exitCode: 1 }
      : ok(output.text);
  },
};

const rm: CommandSpec<ServiceContext> = {
  path: 'docker service rm',
  usage: 'SERVICE [SERVICE...]',
  args: { kind: 'at-least', count: 1 },
  flags: [],
  run({ positionals }, { engine }) {
    let stdout = '';
    let stderr = '';
    // runRemove: each removed service's name as given; the errors joined at the end.
    for (const reference of positionals) {
      try {
        engine.swarm.run((daemon) => removeService(daemon, reference));
        stdout += `${reference}\n`;
      } catch (error) {
        stderr += daemonErrorText(error);
      }
    }
    return { stdout, stderr, exitCode: stderr === '' ? 0 : 1 };
  },
};

/** scaleArgs: every argument is SERVICE=REPLICAS with both sides given. */
function badSpecifier(args: readonly string[]): string | undefined {
  return args.find((arg) => {
    const equals = arg.indexOf('=');
    return equals <= 0 || equals === arg.length - 1;
  });
}

const scale: CommandSpec<ServiceContext> = {
  path: 'docker service scale',
  usage: 'SERVICE=REPLICAS [SERVICE=REPLICAS...]',
  args: { kind: 'at-least', count: 1 },
  flags: [{ name: 'detach', short: 'd', takesValue: false }],
  run({ values, positionals }, context) {
    const bad = badSpecifier(positionals);
    if (bad !== undefined)
      return fail(
        `invalid scale specifier '${bad}'.\nSee 'docker service scale --help'.\n\nUsage:  docker service scale SERVICE=REPLICAS [SERVICE=REPLICAS...]\n\nScale one or multiple replicated services\n`,
        1,
      );
    let stdout = '';
    const errors: string[] = [];
    const scaled: { reference: string; replicas: number }[] = [];
    for (const arg of positionals) {
      const [reference, count] = [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)];
      const problem = checkUint(count);
      if (problem !== undefined) {
        errors.push(`${reference}: invalid replicas value ${count}: ${problem}`);
        continue;
      }
      try {
        context.engine.swarm.run((daemon) => scaleService(daemon, reference, Number(count)));
        stdout += `${reference} scaled to ${count}\n`;
        scaled.push({ reference, replicas: Number(count) });
      } catch (error) {
        errors.push(`${reference}: ${daemonErrorText(error).trimEnd()}`);
      }
    }
    if (!values.has('detach'))
      for (const { reference, replicas } of scaled) stdout += waitOnService(context, reference, replicas, false);
    return { stdout, stderr: errors.map((e) => `${e}\n`).join(''), exitCode: errors.length === 0 ? 0 : 1 };
  },
};

const update: CommandSpec<ServiceContext> = {
  path: 'docker service update',
  usage: '[OPTIONS] SERVICE',
  args: { kind: 'exactly', count: 1 },
  flags: [
    { name: 'replicas', takesValue: true, check: checkUint },
    { name: 'detach', short: 'd', takesValue: false },
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'publish-add', takesValue: true, check: publishProblem },
    { name: 'publish-rm', takesValue: true, check: publishProblem },
  ],
  run({ values, positionals }, context) {
    const reference = positionals[0]!;
    try {
      const replicas = values.get('replicas')?.at(-1);
      const portsChange = values.has('publish-add') || values.has('publish-rm');
      const add = publishedPorts(values.get('publish-add'));
      if (add.some((port) => port.protocol === 'sctp'))
        return fail('netsim: services publishing SCTP ports are not simulated yet\n', 1);
      const service = context.engine.swarm.run((daemon) => {
        const found =
          replicas === undefined ? findService(daemon, reference) : scaleService(daemon, reference, Number(replicas));
        if (!portsChange) return found;
        const ports = updatedPorts(found.specPorts, publishedPorts(values.get('publish-rm')), add);
        return updateServicePorts(daemon, reference, ports);
      });
      if (values.has('detach')) return ok(`${reference}\n`);
      return ok(`${reference}\n${waitOnService(context, reference, service.replicas, values.has('quiet'))}`);
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
  },
};

/**
 * logs.go taskFormatter: `service.slot.taskID@node`, the slot padded to the
 * width of the replica count, then `    | `; the daemon merges the tasks' logs
 * in the order they were written.
 */
function taskLogs(
  engine: Engine,
  service: SwarmService,
  { noTrunc, noTaskIds }: { noTrunc: boolean; noTaskIds: boolean },
): LogEntry[] {
  const width = String(service.replicas).length;
  const entries = service.tasks.flatMap((task) => {
    const container = engine.containers.list().find((c) => c.id === task.containerId);
    const id = noTaskIds ? '' : `.${noTrunc ? task.id : task.id.slice(0, 12)}`;
    const prefix = `${service.name}.${task.slot}${id}@${NODE_NAME}${' '.repeat(Math.max(0, width - String(task.slot).length))}    | `;
    return (container?.logs ?? []).map((entry) => ({ ...entry, text: `${prefix}${entry.text}` }));
  });
  return entries.sort((a, b) => a.timeMs - b.timeMs);
}

const logs: CommandSpec<ServiceContext> = {
  path: 'docker service logs',
  usage: '[OPTIONS] SERVICE|TASK',
  args: { kind: 'exactly', count: 1 },
  flags: [
    { name: 'no-trunc', takesValue: false },
    { name: 'no-task-ids', takesValue: false },
    { name: 'timestamps', short: 't', takesValue: false },
  ],
  run({ values, positionals }, { engine }) {
    const reference = positionals[0]!;
    if (!engine.swarm.state()) return notManager();
    let service: SwarmService;
    try {
      service = engine.swarm.run((daemon) => findService(daemon, reference));
    } catch {
      // ~: looking the name up as a task (TaskInspect) is not modelled; runLogs words a miss of both so.
      return fail(`no such task or service: ${reference}\n`, 1);
    }
    return logOutput(
      taskLogs(engine, service, { noTrunc: values.has('no-trunc'), noTaskIds: values.has('no-task-ids') }),
      values.has('timestamps'),
      0,
    );
  },
};

const inspect: CommandSpec<ServiceContext> = {
  path: 'docker service inspect',
  usage: '[OPTIONS] SERVICE [SERVICE...]',
  args: { kind: 'at-least', count: 1 },
  flags: [
    { name: 'format', short: 'f', takesValue: true },
    { name: 'pretty', takesValue: false },
  ],
  run({ values, positionals }, { engine }) {
    if (!engine.swarm.state()) return notManager();
    return runServiceInspect(engine, positionals, {
      format: values.get('format')?.at(-1),
      pretty: values.has('pretty'),
    });
  },
};

const COMMANDS: Record<string, CommandSpec<ServiceContext>> = {
  create,
  inspect,
  ls,
  list: ls,
  ps,
  rm,
  remove: rm,
  scale,
  update,
  logs,
};

/** `docker service ...`: the group's help alone (to stderr, status 0), or one of its commands. */
function runService(engine: Engine, args: readonly string[], context: ProcessContext): CommandResult {
  const [verb, ...rest] = args;
  const help = cobraHelp('docker service', '', SERVICE_HELP);
  if (verb === undefined) return { stdout: '', stderr: help, exitCode: 0 };
  if (verb === '--help') return ok(help);
  const spec = COMMANDS[verb];
  if (!spec && !SERVICE_HELP.subcommands.some((command) => command.name === verb))
    return fail(
      `docker: unknown command: docker service ${verb}\n\nUsage:  docker service\n\nRun 'docker service --help' for more information\n`,
      1,
    );
  if (!reachDaemon(engine.service, context)) return fail(CANNOT_CONNECT, 1);
  if (!spec) return fail(`netsim: \`docker service ${verb}\` is not simulated yet\n`, 1);
  const columns = context.terminalColumns ?? 80;
  return runCommand(spec, rest, {
    engine,
    stdin: context.stdin,
    columns,
    ...(context.stdoutIsTerminal !== undefined && { stdoutIsTerminal: context.stdoutIsTerminal }),
  });
}

export function serviceProgram(engine: Engine): Program {
  return { name: 'docker service', run: (args, context) => runService(engine, args, context) };
}
