import type { Engine } from '../../engine/engine';
import { managementHelp } from '../../format/cobra-help';
import { fail, ok, type Program } from '../command';
import { lazyTool } from '../lazy-tool';
import { CANNOT_CONNECT, reachDaemon } from '../docker-service';
import { runCommand, type CommandSpec, type DockerContext } from './cobra';
import { CONTAINER_COMMANDS } from './container';
import { INTERACTIVE_COMMANDS } from './interactive';
import { IMAGE_COMMANDS } from './images';
import { INFO_COMMANDS } from './info';
import { INSPECT_COMMANDS } from './inspect';
import { LOGS_COMMANDS } from './logs';
import { NETWORK_COMMANDS } from './network';
import { PRUNE_REMOVE_COMMANDS } from './prune-remove';
import { DOCKER_VERSIONS, VERSION_COMMANDS } from './version';

type Specs = Record<string, CommandSpec<DockerContext>>;

/** `docker container <verb>`: each command under its cobra name and aliases (cli/command/container/cmd.go). */
function containerGroup(): Specs {
  const { run, create, ps, rm, stop, start, restart, kill, port } = CONTAINER_COMMANDS;
  const ls = { ...ps!, usage: '[OPTIONS]' };
  const verbs: Specs = { run: run!, create: create!, ls, list: ls, ps: ls, rm: rm!, remove: rm!, stop: stop!, start: start!, restart: restart!, kill: kill!, port: port!, inspect: INSPECT_COMMANDS.containerInspect, logs: LOGS_COMMANDS.logs, exec: INTERACTIVE_COMMANDS.exec, attach: INTERACTIVE_COMMANDS.attach, prune: PRUNE_REMOVE_COMMANDS.containerPrune };
  // Usage lines and --help hints name the long form: `docker container ls`.
  return Object.fromEntries(Object.entries(verbs).map(([verb, spec]) => [verb, { ...spec, path: `docker container ${verb === 'list' || verb === 'ps' ? 'ls' : verb === 'remove' ? 'rm' : verb}` }]));
}

function imageGroup(): Specs {
  const ls = { ...IMAGE_COMMANDS.images, path: 'docker image ls', usage: '[OPTIONS] [REPOSITORY[:TAG]]' };
  // cli/command/image/remove.go newImageRemoveCommand: `rm`, aliases rmi and remove.
  const rm = { ...PRUNE_REMOVE_COMMANDS.rmi, path: 'docker image rm' };
  return { ls, list: ls, pull: { ...IMAGE_COMMANDS.pull, path: 'docker image pull' }, inspect: INSPECT_COMMANDS.imageInspect, rm, rmi: rm, remove: rm, prune: PRUNE_REMOVE_COMMANDS.imagePrune };
}

/** The top-level commands, and the management commands with their verbs. */
function registry(): { top: Specs; groups: Record<string, Specs> } {
  const { inspect } = INSPECT_COMMANDS;
  return {
    top: { ...CONTAINER_COMMANDS, ...INTERACTIVE_COMMANDS, inspect, logs: LOGS_COMMANDS.logs, version: VERSION_COMMANDS.version, images: IMAGE_COMMANDS.images, pull: IMAGE_COMMANDS.pull, rmi: PRUNE_REMOVE_COMMANDS.rmi, info: INFO_COMMANDS.info },
    groups: { container: containerGroup(), network: NETWORK_COMMANDS, image: imageGroup(), system: { info: { ...INFO_COMMANDS.info, path: 'docker system info' } } },
  };
}

/** Short texts of the management commands and their verbs (docker/cli v29.7.2 cli/command/<group>/*.go, `Short:`). */
const GROUP_HELP: Record<string, { short: string; verbs: Record<string, string> }> = {
  network: {
    short: 'Manage networks',
    verbs: { connect: 'Connect a container to a network', create: 'Create a network', disconnect: 'Disconnect a container from a network', inspect: 'Display detailed information on one or more networks', ls: 'List networks', prune: 'Remove all unused networks', rm: 'Remove one or more networks' },
  },
};

function groupHelp(group: string): string {
  const help = GROUP_HELP[group];
  if (!help) return `This simulator has no help text for 'docker ${group}' yet.\n`;
  return managementHelp(`docker ${group}`, help.short, Object.entries(help.verbs).map(([name, short]) => ({ name, short })));
}

/** The `docker` client, talking to the simulated daemon. */
export function dockerProgram(engine: Engine): Program {
  const { top, groups } = registry();
  // The Compose plugin (docker-compose-plugin) is a tool module, loaded the first time a line names it.
  const compose = lazyTool('docker', 'compose', (tools) => tools.composeProgram(engine));
  return {
    name: 'docker',
    run(args, processContext) {
      const { stdin, terminal, interruptAfterMs } = processContext;
      const context: DockerContext = { engine, stdin, ...(terminal && { terminal }), ...(interruptAfterMs !== undefined && { interruptAfterMs }) };
      const [command, verb, ...rest] = args;
      if (command === 'compose') return compose.run(args.slice(1), processContext);
      const group = command === undefined ? undefined : groups[command];
      if (group) {
        if (verb === '--help' || verb === '-h') return ok(groupHelp(command!));
        const spec = verb === undefined ? undefined : group[verb];
        if (spec && !reachDaemon(engine, processContext)) return fail(CANNOT_CONNECT, 1);
        if (spec) return runCommand(spec, rest, context);
        // cli.NoArgs on a management command.
        return fail(`docker: unknown command: docker ${command} ${verb ?? ''}\n\nUsage:  docker ${command}\n\nRun 'docker ${command} --help' for more information\n`, 1);
      }
      // The root command's version flag (cmd/docker/docker.go: `Version: "<version>, build <commit>"`, template "Docker version {{.Version}}").
      if (command === '--version' || command === '-v') return ok(`Docker version ${DOCKER_VERSIONS.client.version}, build ${DOCKER_VERSIONS.client.gitCommit}\n`);
      const spec = command === undefined ? undefined : top[command];
      if (spec && !reachDaemon(engine, processContext)) return fail(CANNOT_CONNECT, 1);
      if (spec) return runCommand(spec, args.slice(1), context);
      return fail(`docker: unknown command: docker ${command ?? ''}\n\nRun 'docker --help' for more information\n`, 1);
    },
  };
}
