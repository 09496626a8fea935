import type { Engine } from '../../engine/engine';
import { swarmInit, swarmLeave } from '../../engine/swarm';
import type { SwarmState } from '../../engine/swarm-state';
import { cobraHelp, type CommandHelpTable } from '../../format/cobra-help';
import { fail, ok, type CommandResult, type Program } from '../command';
import { CANNOT_CONNECT, reachDaemon } from '../docker-service';
import { daemonErrorText, runCommand, type CommandSpec, type DockerContext } from './cobra';
import { serviceProgram } from './service';

/**
 * `docker swarm`, a tool module of its own (tool-modules.ts): a single-node
 * swarm, enough for overlay networks that standalone containers attach to.
 * Joining other nodes, services, autolock and CA rotation are not modelled.
 */

/** cli/command/swarm/cmd.go: the subcommands and their Short texts, for `docker swarm` alone (cobra sorts them). */
const SWARM_HELP: CommandHelpTable = {
  description: 'Manage Swarm',
  aliases: [],
  subcommands: [
    { name: 'ca', short: 'Display and rotate the root CA' },
    { name: 'init', short: 'Initialize a swarm' },
    { name: 'join', short: 'Join a swarm as a node and/or manager' },
    { name: 'join-token', short: 'Manage join tokens' },
    { name: 'leave', short: 'Leave the swarm' },
    { name: 'unlock', short: 'Unlock swarm' },
    { name: 'unlock-key', short: 'Manage the unlock key' },
    { name: 'update', short: 'Update the swarm' },
  ],
  flags: [],
};

/** The subcommands the simulator does not model: a second node, locking, CA rotation and swarm settings. */
const NOT_SIMULATED = ['ca', 'join', 'unlock', 'unlock-key', 'update'];

/** printJoinCommand of join_token.go: the command a worker or a manager would run, with the manager's address. */
function joinCommand(swarm: SwarmState, role: 'worker' | 'manager'): string {
  const token = role === 'worker' ? swarm.workerToken : swarm.managerToken;
  return `To add a ${role} to this swarm, run the following command:\n\n    docker swarm join --token ${token} ${swarm.advertiseAddr}:${swarm.advertisePort}\n\n`;
}

/** opts.ParseTCPAddr with the default 0.0.0.0:2377: a missing host or port comes from the default. */
function nodeAddr(value: string): string {
  const colon = value.lastIndexOf(':');
  if (colon < 0 || (value.startsWith('[') && !value.includes(']:'))) return `${value}:2377`;
  const host = value.slice(0, colon) || '0.0.0.0';
  return `${host}:${value.slice(colon + 1) || '2377'}`;
}

const init: CommandSpec<DockerContext> = {
  path: 'docker swarm init',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'advertise-addr', takesValue: true },
    { name: 'listen-addr', takesValue: true },
    { name: 'force-new-cluster', takesValue: false },
    { name: 'data-path-addr', takesValue: true },
    { name: 'data-path-port', takesValue: true },
    { name: 'default-addr-pool', takesValue: true },
    { name: 'default-addr-pool-mask-length', takesValue: true },
    { name: 'availability', takesValue: true },
    { name: 'autolock', takesValue: false },
  ],
  run({ values }, { engine }) {
    const unmodelled = [
      'data-path-addr',
      'data-path-port',
      'default-addr-pool',
      'default-addr-pool-mask-length',
      'availability',
      'autolock',
    ].find((name) => values.has(name));
    if (unmodelled) return fail(`netsim: docker swarm init --${unmodelled} is not simulated yet\n`, 1);
    const last = (name: string) => values.get(name)?.at(-1);
    try {
      const swarm = engine.swarm.run((daemon) =>
        swarmInit(daemon, {
          listenAddr: nodeAddr(last('listen-addr') ?? '0.0.0.0:2377'),
          advertiseAddr: last('advertise-addr') ?? '',
          forceNewCluster: values.has('force-new-cluster') && last('force-new-cluster') !== 'false',
        }),
      );
      // runInit: the node, the worker's join command, and where the manager's is.
      return ok(
        `Swarm initialized: current node (${swarm.nodeId}) is now a manager.\n\n${joinCommand(swarm, 'worker')}To add a manager to this swarm, run 'docker swarm join-token manager' and follow the instructions.\n`,
      );
    } catch (error) {
      const text = daemonErrorText(error);
      // runInit asks for --advertise-addr when the daemon could not pick an address.
      const unresolved =
        text.includes('could not choose an IP address to advertise') ||
        text.includes("could not find the system's IP address");
      return fail(unresolved ? `${text.trimEnd()} - specify one with --advertise-addr\n` : text, 1);
    }
  },
};

const leave: CommandSpec<DockerContext> = {
  path: 'docker swarm leave',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [{ name: 'force', short: 'f', takesValue: false }],
  run({ values }, { engine }) {
    try {
      engine.swarm.run((daemon) => swarmLeave(daemon, values.has('force') && values.get('force')!.at(-1) !== 'false'));
      return ok('Node left the swarm.\n');
    } catch (error) {
      return fail(daemonErrorText(error), 1);
    }
  },
};

/** The manager's error for a node in no swarm (cluster.errNoManager). */
const NOT_A_MANAGER =
  'Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n';

const joinToken: CommandSpec<DockerContext> = {
  path: 'docker swarm join-token',
  usage: '[OPTIONS] (worker|manager)',
  args: { kind: 'exactly', count: 1 },
  flags: [
    { name: 'quiet', short: 'q', takesValue: false },
    { name: 'rotate', takesValue: false },
  ],
  run({ values, positionals }, { engine }) {
    const role = positionals[0]!;
    if (role !== 'worker' && role !== 'manager') return fail(`unknown role ${role}\n`, 1);
    if (values.has('rotate')) return fail('netsim: docker swarm join-token --rotate is not simulated yet\n', 1);
    const swarm = engine.swarm.state();
    if (!swarm) return fail(NOT_A_MANAGER, 1);
    if (values.has('quiet')) return ok(`${role === 'worker' ? swarm.workerToken : swarm.managerToken}\n`);
    return ok(joinCommand(swarm, role));
  },
};

const COMMANDS: Record<string, CommandSpec<DockerContext>> = { init, leave, 'join-token': joinToken };

/** `docker swarm ...`: the group's help alone (to stderr, status 0, as ShowHelp does), or one of its commands. */
function runSwarm(engine: Engine, args: readonly string[], context: Parameters<Program['run']>[1]): CommandResult {
  const [verb, ...rest] = args;
  const help = cobraHelp('docker swarm', '', SWARM_HELP);
  if (verb === undefined) return { stdout: '', stderr: help, exitCode: 0 };
  if (verb === '--help') return ok(help);
  if (verb === '-h') return ok(`Flag shorthand -h has been deprecated, use --help\n${help}`);
  const spec = COMMANDS[verb];
  if (!spec && !NOT_SIMULATED.includes(verb))
    return fail(
      `docker: unknown command: docker swarm ${verb}\n\nUsage:  docker swarm\n\nRun 'docker swarm --help' for more information\n`,
      1,
    );
  if (!reachDaemon(engine.service, context)) return fail(CANNOT_CONNECT, 1);
  if (!spec)
    return fail(`netsim: \`docker swarm ${verb}\` is not simulated yet: this host is a swarm of one node\n`, 1);
  return runCommand(spec, rest, { engine, stdin: context.stdin });
}

/** `docker swarm ...` and `docker service ...`, the group's name first. */
export function swarmProgram(engine: Engine): Program {
  const services = serviceProgram(engine);
  return {
    name: 'docker swarm',
    run: ([group, ...args], context) =>
      group === 'service' ? services.run(args, context) : runSwarm(engine, args, context),
  };
}
