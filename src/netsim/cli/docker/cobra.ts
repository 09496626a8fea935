import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import { fail, ok, type CommandResult, type TerminalControl } from '../command';
import { parseFlags, type FlagSpec, type ParsedFlags } from './flags';

/** What a docker command talks to: the daemon, and the user's typing for prompts. */
export interface DockerContext {
  engine: Engine;
  stdin: string;
  /** The terminal the client runs in: containers' shells and programs are reached through it. */
  terminal?: TerminalControl;
  /** When Ctrl-C comes for a command that waits forever (a foreground server, `logs -f`). */
  interruptAfterMs?: number;
}

/** Positional-argument rules of docker/cli (cli/required.go). */
export type ArgsRule = { kind: 'none' } | { kind: 'exactly'; count: number } | { kind: 'at-least'; count: number };

/** One docker/cli command: its cobra `Use` line, flags, argument rule and action. */
export interface CommandSpec<Context> {
  /** Full command path, e.g. `docker network create`. */
  path: string;
  /** The rest of the usage line after the path, e.g. `[OPTIONS] NETWORK`. */
  usage: string;
  args: ArgsRule;
  flags: FlagSpec[];
  /** The text `--help` prints, for the commands that have it. */
  help?: () => string;
  /** False for commands that pass what follows their first argument to a program (`docker run`). */
  interspersed?: boolean;
  run(parsed: ParsedFlags, context: Context): CommandResult;
}

/** Parses, validates and runs a command, failing exactly as docker/cli does. */
export function runCommand<Context>(spec: CommandSpec<Context>, args: readonly string[], context: Context): CommandResult {
  const useLine = `${spec.path} ${spec.usage}`;
  // cobra's hidden --help flag: once the flags parse, help wins over the arguments' checks.
  const flags = spec.help ? [...spec.flags, { name: 'help', takesValue: false }] : spec.flags;
  const parsed = parseFlags(args, flags, spec.interspersed ?? true);
  if ('error' in parsed) {
    // cli.FlagErrorFunc: status 125.
    return fail(`${parsed.error}\n\nUsage:  ${useLine}\n\nRun '${spec.path} --help' for more information\n`, 125);
  }
  if (spec.help && parsed.values.has('help')) return ok(spec.help());
  const problem = argumentProblem(spec.args, parsed.positionals.length, spec.path);
  if (problem) return fail(`${problem}\n\nUsage:  ${useLine}\n\n${problem.includes('at least') ? 'See' : 'Run'} '${spec.path} --help' for more information\n`, 1);
  return spec.run(parsed, context);
}

function argumentProblem(rule: ArgsRule, given: number, path: string): string | undefined {
  const plural = (count: number) => (count === 1 ? 'argument' : 'arguments');
  switch (rule.kind) {
    case 'none':
      return given === 0 ? undefined : `docker: '${path}' accepts no arguments`;
    case 'exactly':
      return given === rule.count ? undefined : `docker: '${path}' requires ${rule.count} ${plural(rule.count)}`;
    case 'at-least':
      return given >= rule.count ? undefined : `docker: '${path}' requires at least ${rule.count} ${plural(rule.count)}`;
  }
}

/** An API error as the CLI prints it: the daemon's message after `Error response from daemon: `. */
export function daemonErrorText(error: unknown): string {
  if (error instanceof EngineError) return `Error response from daemon: ${error.message}\n`;
  throw error;
}
