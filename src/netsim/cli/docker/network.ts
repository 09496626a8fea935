import { EngineError } from '../../engine/errors';
import { fail, ok, type CommandResult } from '../command';
import { daemonErrorText, type CommandSpec, type DockerContext } from './cobra';
import { inspectReferences, lookupAny } from './inspect';
import { networkConnect } from './network-connect';
import { networkCreate } from './network-create';
import { networkLs } from './network-ls';
import { matchLabels, parseFilters, unacceptedFilter } from './filters';
import { parseTimestamp } from './timestamp';
import type { Network } from '../../engine/network';

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
        engine.networks.remove(reference);
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
        engine.networks.disconnect(network!, container!, values.has('force'));
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
    return inspectReferences(positionals, values.get('format')?.at(-1), (reference) =>
      lookupAny(engine, 'network', reference),
    );
  },
};

/**
 * The daemon's prune filter (moby docker-v29.7.2 daemon/network/filter.go
 * NewPruneFilter): only label, label! and until, then the network's labels and
 * creation time against them (Matches).
 */
function pruneFilter(
  values: readonly string[] | undefined,
  nowMs: number,
): ((network: Network) => boolean) | { error: string } {
  const filters = parseFilters(values);
  if ('error' in filters) return { error: filters.error };
  const refused = unacceptedFilter(filters, ['label', 'label!', 'until']);
  if (refused) return { error: `Error response from daemon: ${refused}` };
  const until = filters.get('until') ?? [];
  if (until.length > 1) return { error: 'Error response from daemon: more than one until filter specified' };
  let untilMs: number | undefined;
  if (until.length === 1) {
    const parsed = parseTimestamp(until[0]!, nowMs);
    if ('unsupported' in parsed)
      return {
        error: `This simulator does not parse the time ${JSON.stringify(parsed.unsupported)}: give a duration (24h), a date (2026-12-07), an RFC 3339 time or Unix seconds.`,
      };
    if ('error' in parsed) return { error: `Error response from daemon: ${parsed.error}` };
    untilMs = parsed.ms;
  }
  return (network) =>
    matchLabels(filters, 'label', network.labels) &&
    !(filters.has('label!') && matchLabels(filters, 'label!', network.labels)) &&
    (untilMs === undefined || network.createdMs <= untilMs);
}

const PRUNE_WARNING =
  'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] ';

/** `docker network prune` (cli/command/network/prune.go): the prompt unless -f, then one API call. */
const prune: CommandSpec<DockerContext> = {
  path: 'docker network prune',
  usage: '[OPTIONS]',
  args: { kind: 'none' },
  flags: [
    { name: 'force', short: 'f', takesValue: false },
    { name: 'filter', takesValue: true },
  ],
  run({ values }, { engine, stdin }) {
    // opts.FilterOpt refuses a filter without `=` while the flags parse (status 125).
    const given = parseFilters(values.get('filter'));
    if ('error' in given)
      return fail(
        `invalid argument ${JSON.stringify(given.value)} for "--filter" flag: ${given.error}\n\nUsage:  ${this.path} ${this.usage}\n\nRun '${this.path} --help' for more information\n`,
        125,
      );
    let prompt = '';
    if (!values.has('force')) {
      // prompt.Confirm: anything but y or Y cancels, silently and with status 0.
      prompt = PRUNE_WARNING;
      if (stdin.split('\n')[0]?.trim().toLowerCase() !== 'y') return ok(prompt);
    }
    const matches = pruneFilter(values.get('filter'), engine.clock.now());
    if (typeof matches !== 'function') return { stdout: prompt, stderr: `${matches.error}\n`, exitCode: 1 };
    const deleted = engine.networks.prune(matches);
    return ok(
      deleted.length === 0 ? prompt : `${prompt}Deleted Networks:\n${deleted.map((name) => `${name}\n`).join('')}\n`,
    );
  },
};

/** `docker network <verb>`, aliases included. */
export const NETWORK_COMMANDS: Record<string, CommandSpec<DockerContext>> = {
  ls: networkLs,
  list: networkLs,
  create: networkCreate,
  rm,
  remove: rm,
  connect: networkConnect,
  disconnect,
  inspect,
  prune,
};
