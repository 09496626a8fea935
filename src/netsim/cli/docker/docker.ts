import type { Engine } from '../../engine/engine';
import { fail, ok, type CommandResult, type Program } from '../command';
import { lazyTool } from '../lazy-tool';
import { CANNOT_CONNECT, reachDaemon } from '../docker-service';
import { helpTableOf, runCommand, type CommandSpec, type DockerContext } from './cobra';
import { toolModule } from '../tool-loader';
import { CONTAINER_COMMANDS } from './container';
import { INTERACTIVE_COMMANDS } from './interactive';
import { IMAGE_COMMANDS } from './images';
import { INSPECT_COMMANDS } from './inspect';
import { LOGS_COMMANDS } from './logs';
import { NETWORK_COMMANDS } from './network';
import { PRUNE_REMOVE_COMMANDS } from './prune-remove';
import { DOCKER_VERSIONS } from './release';
import type { ToolModules } from '../tool-modules';

type Specs = Record<string, CommandSpec<DockerContext>>;
type Extras = ToolModules['dockerExtras'];

/**
 * Adds commands whose code is in the dockerExtras tool module, each a getter: only
 * looking one up (running it, or its --help) needs the module, so a line that runs
 * one stops before doing anything and runs again once the module is there.
 */
function withExtras(specs: Specs, extras: Record<string, (tools: Extras) => CommandSpec<DockerContext>>): Specs {
  for (const [word, spec] of Object.entries(extras))
    Object.defineProperty(specs, word, { enumerable: true, get: () => spec(toolModule('dockerExtras')) });
  return specs;
}

/** docker/cli's swarm management commands besides `docker swarm` (cli/command/commands/commands.go). */
const SWARM_ONLY = ['node', 'stack', 'secret', 'config'];

/** `docker --help`, from the help tool module. */
const rootHelp = (home: string) => toolModule('dockerHelp').rootHelp(home);

/** A command with the help docker/cli's reference page gives it (help-tables.ts, keyed `container ls`; a test holds every key to a table). */
function helped(spec: CommandSpec<DockerContext>, key: string): CommandSpec<DockerContext> {
  return { ...spec, helpKey: key };
}

/** `docker container <verb>`: each command under its cobra name and aliases (cli/command/container/cmd.go). */
function containerGroup(): Specs {
  const { run, create, ps, rm, stop, start, restart, kill, port } = CONTAINER_COMMANDS;
  const ls = { ...ps!, usage: '[OPTIONS]' };
  const verbs: Specs = {
    run: run!,
    create: create!,
    ls,
    list: ls,
    ps: ls,
    rm: rm!,
    remove: rm!,
    stop: stop!,
    start: start!,
    restart: restart!,
    kill: kill!,
    port: port!,
    inspect: INSPECT_COMMANDS.containerInspect,
    logs: LOGS_COMMANDS.logs,
    exec: INTERACTIVE_COMMANDS.exec,
    attach: INTERACTIVE_COMMANDS.attach,
    prune: PRUNE_REMOVE_COMMANDS.containerPrune,
  };
  // Usage lines and --help hints name the long form: `docker container ls`.
  const canonical = (verb: string) => (verb === 'list' || verb === 'ps' ? 'ls' : verb === 'remove' ? 'rm' : verb);
  const inGroup = (verb: string, spec: CommandSpec<DockerContext>) =>
    helped({ ...spec, path: `docker container ${canonical(verb)}` }, `container ${canonical(verb)}`);
  return withExtras(Object.fromEntries(Object.entries(verbs).map(([verb, spec]) => [verb, inGroup(verb, spec)])), {
    rename: (tools) => inGroup('rename', tools.rename),
    top: (tools) => inGroup('top', tools.top),
    stats: (tools) => inGroup('stats', tools.stats),
    cp: (tools) => inGroup('cp', tools.cp),
    pause: (tools) => inGroup('pause', tools.pause),
    unpause: (tools) => inGroup('unpause', tools.unpause),
    wait: (tools) => inGroup('wait', tools.wait),
    diff: (tools) => inGroup('diff', tools.diff),
    commit: (tools) => inGroup('commit', tools.commit),
  });
}

function imageGroup(): Specs {
  const ls = helped(
    { ...IMAGE_COMMANDS.images, path: 'docker image ls', usage: '[OPTIONS] [REPOSITORY[:TAG]]' },
    'image ls',
  );
  // cli/command/image/remove.go newImageRemoveCommand: `rm`, aliases rmi and remove.
  const rm = helped({ ...PRUNE_REMOVE_COMMANDS.rmi, path: 'docker image rm' }, 'image rm');
  const image: Specs = {
    ls,
    list: ls,
    pull: helped({ ...IMAGE_COMMANDS.pull, path: 'docker image pull' }, 'image pull'),
    inspect: helped(INSPECT_COMMANDS.imageInspect, 'image inspect'),
    rm,
    rmi: rm,
    remove: rm,
    prune: helped(PRUNE_REMOVE_COMMANDS.imagePrune, 'image prune'),
  };
  return withExtras(image, {
    history: (tools) => helped({ ...tools.history, path: 'docker image history' }, 'image history'),
    tag: (tools) => helped({ ...tools.tag, path: 'docker image tag' }, 'image tag'),
    save: (tools) => helped({ ...tools.save, path: 'docker image save' }, 'image save'),
    load: (tools) => helped({ ...tools.load, path: 'docker image load' }, 'image load'),
  });
}

function networkGroup(): Specs {
  const canonical = (verb: string) => (verb === 'list' ? 'ls' : verb === 'remove' ? 'rm' : verb);
  return Object.fromEntries(
    Object.entries(NETWORK_COMMANDS).map(([verb, spec]) => [verb, helped(spec, `network ${canonical(verb)}`)]),
  );
}

/** `docker volume <verb>`: from the volume tool module, loaded the first time a line names `volume`. */
function volumeGroup(): Specs {
  const canonical = (verb: string) => (verb === 'list' ? 'ls' : verb === 'remove' ? 'rm' : verb);
  return Object.fromEntries(
    Object.entries(toolModule('volume').VOLUME_COMMANDS).map(([verb, spec]) => [
      verb,
      helped(spec, `volume ${canonical(verb)}`),
    ]),
  );
}

/** Top-level commands and the management command whose page they share (cli/command/commands/commands.go). */
const TOP_HELP: Record<string, string> = {
  run: 'container run',
  create: 'container create',
  ps: 'container ls',
  rm: 'container rm',
  stop: 'container stop',
  start: 'container start',
  restart: 'container restart',
  kill: 'container kill',
  port: 'container port',
  exec: 'container exec',
  attach: 'container attach',
  inspect: 'inspect',
  logs: 'container logs',
  version: 'version',
  images: 'image ls',
  pull: 'image pull',
  rmi: 'image rm',
  info: 'system info',
  rename: 'container rename',
  top: 'container top',
  stats: 'container stats',
  cp: 'container cp',
  history: 'image history',
  pause: 'container pause',
  unpause: 'container unpause',
  wait: 'container wait',
  events: 'system events',
  diff: 'container diff',
  tag: 'image tag',
  commit: 'container commit',
  save: 'image save',
  load: 'image load',
};

/** The top-level commands, and the management commands with their verbs. */
function registry(): { top: Specs; groups: Record<string, Specs> } {
  const { inspect } = INSPECT_COMMANDS;
  const top: Specs = {
    ...CONTAINER_COMMANDS,
    ...INTERACTIVE_COMMANDS,
    inspect,
    logs: LOGS_COMMANDS.logs,
    images: IMAGE_COMMANDS.images,
    pull: IMAGE_COMMANDS.pull,
    rmi: PRUNE_REMOVE_COMMANDS.rmi,
  };
  const topLevel = (name: string, spec: CommandSpec<DockerContext>) => helped(spec, TOP_HELP[name]!);
  return {
    top: withExtras(Object.fromEntries(Object.entries(top).map(([name, spec]) => [name, topLevel(name, spec)])), {
      version: (tools) => topLevel('version', tools.VERSION_COMMANDS.version),
      info: (tools) => topLevel('info', tools.INFO_COMMANDS.info),
      rename: (tools) => topLevel('rename', tools.rename),
      top: (tools) => topLevel('top', tools.top),
      stats: (tools) => topLevel('stats', tools.stats),
      cp: (tools) => topLevel('cp', tools.cp),
      history: (tools) => topLevel('history', tools.history),
      pause: (tools) => topLevel('pause', tools.pause),
      unpause: (tools) => topLevel('unpause', tools.unpause),
      wait: (tools) => topLevel('wait', tools.wait),
      events: (tools) => topLevel('events', tools.events),
      diff: (tools) => topLevel('diff', tools.diff),
      tag: (tools) => topLevel('tag', tools.tag),
      commit: (tools) => topLevel('commit', tools.commit),
      save: (tools) => topLevel('save', tools.save),
      load: (tools) => topLevel('load', tools.load),
    }),
    groups: {
      container: containerGroup(),
      network: networkGroup(),
      image: imageGroup(),
      get volume() {
        return volumeGroup();
      },
      system: withExtras(
        {},
        {
          info: (tools) => helped({ ...tools.INFO_COMMANDS.info, path: 'docker system info' }, 'system info'),
          df: (tools) => helped(tools.systemDf, 'system df'),
          prune: (tools) => helped(tools.systemPrune, 'system prune'),
          events: (tools) => helped({ ...tools.events, path: 'docker system events' }, 'system events'),
        },
      ),
    },
  };
}

/**
 * A management command alone or with --help: its help (cobra.go usageTemplate);
 * alone, ShowHelp writes it to stderr, status 0 (cli/command/cli.go).
 */
function groupHelp(group: string, toStderr: boolean): CommandResult {
  const text = toolModule('dockerHelp').cobraHelp(`docker ${group}`, '', helpTableOf(group)!);
  return toStderr ? { stdout: '', stderr: text, exitCode: 0 } : ok(text);
}

/**
 * `docker help [COMMAND]`: the help command of cli/cobra.go finds the command
 * and runs its help function, or fails with `unknown help topic`.
 */
function helpTopic(
  path: readonly string[],
  { top, groups }: { top: Specs; groups: Record<string, Specs> },
  home: string,
): CommandResult {
  const [command, verb, ...more] = path;
  if (command === undefined) return ok(rootHelp(home));
  const group = groups[command];
  if (group && verb === undefined) return groupHelp(command, false);
  const spec = group ? group[verb!] : top[command];
  const table = spec?.helpKey === undefined ? undefined : helpTableOf(spec.helpKey);
  if (!spec || !table || (group ? more.length > 0 : verb !== undefined))
    return fail(`unknown help topic: ${path.join(' ')}\n`, 1);
  return ok(toolModule('dockerHelp').cobraHelp(spec.path, spec.usage, table));
}

/** The `docker` client, talking to the simulated daemon. */
export function dockerProgram(engine: Engine): Program {
  const { top, groups } = registry();
  // The Compose plugin (docker-compose-plugin) is a tool module, loaded the first time a line names it.
  const compose = lazyTool('docker', 'compose', (tools) => tools.composeProgram(engine));
  // `docker swarm` is a tool module too; the overlay networks it makes possible are the core's.
  const swarm = lazyTool('docker', 'swarm', (tools) => tools.swarmProgram(engine));
  return {
    name: 'docker',
    run(args, processContext) {
      const { stdin, terminal, interruptAfterMs, files, cwd, stdoutIsTerminal, stderrIsTerminal } = processContext;
      const context: DockerContext = {
        engine,
        stdin,
        ...(terminal && { terminal }),
        ...(interruptAfterMs !== undefined && { interruptAfterMs }),
        ...(files && { files }),
        ...(cwd !== undefined && { cwd }),
        ...(stdoutIsTerminal !== undefined && { stdoutIsTerminal }),
        ...(stderrIsTerminal !== undefined && { stderrIsTerminal }),
      };
      const [command, verb, ...rest] = args;
      if (command === 'compose') return compose.run(args.slice(1), processContext);
      // `docker swarm` and `docker service` come in the same module, which is handed the group's name.
      if (command === 'swarm' || command === 'service') return swarm.run(args, processContext);
      // The swarm's other management commands need nodes, stacks and secrets, which a single-node swarm does without.
      if (SWARM_ONLY.includes(command!) && reachDaemon(engine.service, processContext))
        return fail(`netsim: \`docker ${command}\` is not simulated yet\n`, 1);
      const home = processContext.env?.get('HOME') ?? (processContext.isRoot ? '/root' : '/home/usuario');
      // The root command alone: ShowHelp to stderr, status 0 (cmd/docker/docker.go newDockerCommand RunE).
      if (command === undefined) return { stdout: '', stderr: rootHelp(home), exitCode: 0 };
      if (command === '--help') return ok(rootHelp(home));
      // Before the root runs, TopLevelCommand.HandleGlobalFlags parses its flags with a FlagSet of its own,
      // whose output is pflag's default, stderr; cobra's parse then prints the same notice with c.Print.
      if (command === '-h')
        return {
          stdout: `Flag shorthand -h has been deprecated, use --help\n${rootHelp(home)}`,
          stderr: 'Flag shorthand -h has been deprecated, use --help\n',
          exitCode: 0,
        };
      if (command === 'help') return helpTopic(args.slice(1), { top, groups }, home);
      const group = command === undefined ? undefined : groups[command];
      if (group) {
        if (verb === '--help') return groupHelp(command!, false);
        if (verb === '-h')
          return {
            ...groupHelp(command!, false),
            stdout: `Flag shorthand -h has been deprecated, use --help\n${groupHelp(command!, false).stdout}`,
          };
        if (verb === undefined) return groupHelp(command!, true);
        const spec = verb === undefined ? undefined : group[verb];
        if (spec && !reachDaemon(engine.service, processContext)) return fail(CANNOT_CONNECT, 1);
        if (spec) return runCommand(spec, rest, context);
        // cli.NoArgs on a management command.
        return fail(
          `docker: unknown command: docker ${command} ${verb}\n\nUsage:  docker ${command}\n\nRun 'docker ${command} --help' for more information\n`,
          1,
        );
      }
      // The root command's version flag (cmd/docker/docker.go: `Version: "<version>, build <commit>"`, template "Docker version {{.Version}}").
      if (command === '--version' || command === '-v')
        return ok(`Docker version ${DOCKER_VERSIONS.client.version}, build ${DOCKER_VERSIONS.client.gitCommit}\n`);
      const spec = command === undefined ? undefined : top[command];
      if (spec && !reachDaemon(engine.service, processContext)) return fail(CANNOT_CONNECT, 1);
      if (spec) return runCommand(spec, args.slice(1), context);
      return fail(`docker: unknown command: docker ${command ?? ''}\n\nRun 'docker --help' for more information\n`, 1);
    },
  };
}
