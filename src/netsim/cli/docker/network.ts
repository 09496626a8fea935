import { EngineError } from '../../engine/errors';
import { inspectNetwork } from '../../engine/inspect-network';
import { renderTemplate, TemplateError } from '../../format/go-template';
import { fail, ok, type CommandResult } from '../command';
import type { CommandSpec, DockerContext } from './cobra';
import { networkCreate } from './network-create';
import { networkLs } from './network-ls';

/** An API error as the CLI prints it: the daemon's message after `Error response from daemon: `. */
export function daemonErrorText(error: unknown): string {
  if (error instanceof EngineError) return `Error response from daemon: ${error.message}\n`;
  throw error;
}

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

/** `docker network connect|disconnect NETWORK CONTAINER`: one daemon call, silent on success. */
function attachment(verb: 'connect' | 'disconnect', flags: CommandSpec<DockerContext>['flags']): CommandSpec<DockerContext> {
  return {
    path: `docker network ${verb}`,
    usage: '[OPTIONS] NETWORK CONTAINER',
    args: { kind: 'exactly', count: 2 },
    flags,
    run({ positionals: [network, container] }, { engine }) {
      return viaDaemon(() => {
        engine[verb](network!, container!);
        return '';
      });
    },
  };
}

const connect = attachment('connect', []);
const disconnect = attachment('disconnect', [{ name: 'force', short: 'f', takesValue: false }]);

/**
 * docker/cli's inspector: the API objects as an indented JSON array, or each one
 * through a Go template; references that fail are reported after the rest.
 */
function inspectOutput(found: unknown[], errors: string[], format: string | undefined): CommandResult {
  let stdout: string;
  try {
    if (format === undefined || format === '') stdout = `${JSON.stringify(found, null, 4)}\n`;
    // `--format json`: one compact object per line (NewJSONInspector).
    else if (format === 'json') stdout = found.map((item) => `${JSON.stringify(item)}\n`).join('');
    else stdout = found.map((item) => `${renderTemplate(format, item)}\n`).join('');
  } catch (error) {
    if (error instanceof TemplateError) return fail(`template parsing error: ${error.message}\n`, 64);
    throw error;
  }
  return { stdout, stderr: errors.join(''), exitCode: errors.length > 0 ? 1 : 0 };
}

const inspect: CommandSpec<DockerContext> = {
  path: 'docker network inspect',
  usage: '[OPTIONS] NETWORK [NETWORK...]',
  args: { kind: 'at-least', count: 1 },
  flags: [
    { name: 'format', short: 'f', takesValue: true },
    { name: 'verbose', short: 'v', takesValue: false },
  ],
  run({ values, positionals }, { engine }) {
    const found: unknown[] = [];
    const errors: string[] = [];
    for (const reference of positionals) {
      try {
        found.push(inspectNetwork(engine.findNetwork(reference), engine.containers(), engine.networks()));
      } catch (error) {
        errors.push(daemonErrorText(error));
      }
    }
    return inspectOutput(found, errors, values.get('format')?.at(-1));
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
export const NETWORK_COMMANDS: Record<string, CommandSpec<DockerContext>> = { ls: networkLs, list: networkLs, create: networkCreate, rm, remove: rm, connect, disconnect, inspect, prune };
