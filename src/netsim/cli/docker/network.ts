import { EngineError } from '../../engine/errors';
import { fail, ok, type CommandResult } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';
import { inspectReferences, lookupAny } from './inspect';
import { networkConnect } from './network-connect';
import { networkCreate } from './network-create';
import { networkLs } from './network-ls';

/** One API call: what it prints on success, or the daemon's error and status 1. */
function viaDaemon(call: () => string): CommandResult {
  try {
    return ok(call());
  } catch (error) {
    return fail(daemonErrorText(error), 1);
  }
}

const rm: CommandSpec<DockerContext> = {
  path: 'docker network rm',
  usage: 'NETWORK [NETWORK...]',
  args: { kind: 'at-least', count: 1 },
  flags: [{ name: 'force', short: 'f', takesValue: false }],
  run({ values, positionals }, { engine }): CommandResult {
    let stdout = '';
    let stderr = '';
    for (const reference of positionals) {
      try {
        engine.removeNetwork(reference);
        stdout += `${reference}\n`;
      } catch (error) {
        if (values.has('force') && error instanceof EngineError && error.kind === 'not-found') continue;
        stderr += daemonErrorText(error);
      }
    }
    // runRemove returns cli.StatusError{Status: "exit status 1"}, which main prints too.
    return stderr ? { stdout, stderr: `${stderr}exit status 1\n`, exitCode: 1 } : ok(stdout);
  },
};

/** `docker network disconnect NETWORK CONTAINER`: one daemon call, silent on success. */
function attachment(verb: 'disconnect', flags: CommandSpec<DockerContext>['flags']): CommandSpec<DockerContext> {
  return {
    path: `docker network ${verb}`,
    usage: '[OPTIONS] NETWORK CONTAINER',
    args: { kind: 'exactly', count: 2 },
    flags,
    run({ values, positionals: [network, container] }, { engine }) {
      return viaDaemon(() => {
        engine.disconnect(network!, container!, values.has('force'));
        return '';
      });
    },
  };
}

const disconnect = attachment('disconnect', [{ name: 'force', short: 'f', takesValue: false }]);

const inspect: CommandSpec<DockerContext> = {
  path: 'docker network inspect',
  usage: '[OPTIONS] NETWORK [NETWORK...]',
  args: { kind: 'at-least', count: 1 },
  flags: [
    { name: 'format', short: 'f', takesValue: true },
    { name: 'verbose', short: 'v', takesValue: false },
  ],
  run({ values, positionals }, { engine }) {
    return inspectReferences(positionals, values.get('format')?.at(-1), (reference) => lookupAny(engine, 'network', reference));
  },
};

const PRUNE_WARNING = 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';

const prune: CommandSpec<DockerContext> = {
  path: 'docker network prune',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [{ name: 'force', short: 'f', takesValue: false }],
  run({ values }, { engine, stdin }) {
    let prompt = '';
    if (!values.has('force')) {
      // prompt.Confirm: anything but y or Y cancels, silently and with status 0.
      prompt = PRUNE_WARNING;
      if (stdin.split('\n')[0]?.trim().toLowerCase() !== 'y') return ok(prompt);
    }
    const deleted = engine.pruneNetworks();
    return ok(deleted.length === 0 ? prompt : `${prompt}Deleted Networks:\n${deleted.map((name) => `${name}\n`).join('')}\n`);
  },
};

/** `docker network <verb>`, aliases included. */
export const NETWORK_COMMANDS: Record<string, CommandSpec<DockerContext>> = { ls: networkLs, list: networkLs, create: networkCreate, rm, remove: rm, connect: networkConnect, disconnect, inspect, prune };
