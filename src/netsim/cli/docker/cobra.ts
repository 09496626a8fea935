import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/errors';
import { fail, ok, type CommandResult, type FileAccess, type TerminalControl } from '../command';
import type { CommandHelpTable } from '../../format/cobra-help';
import { toolModule } from '../tool-loader';
import { parseFlags, type FlagSpec, type ParsedFlags } from './flags';

/** What a docker command talks to: the daemon, and the user's typing for prompts. */
export interface DockerContext {
  engine: Engine;
  stdin: string;
  /** The terminal the client runs in: containers' shells and programs are reached through it. */
  terminal?: TerminalControl;
  /** When Ctrl-C comes for a command that waits forever (a foreground server, `logs -f`). */
  interruptAfterMs?: number;
  /** The host's files as the user who runs docker, the directory it runs in, and whether stdout is a terminal (`docker cp`). */
  files?: FileAccess;
  cwd?: string;
  stdoutIsTerminal?: boolean;
  /** Whether stderr is a terminal: a pull's progress there is redrawn in place. */
  stderrIsTerminal?: boolean;
}

/** Positional-argument rules of docker/cli (cli/required.go). */
export type ArgsRule =
  | { kind: 'none' }
  | { kind: 'exactly'; count: number }
  | { kind: 'at-least'; count: number }
  | { kind: 'range'; min: number; max: number };

/** One docker/cli command: its cobra `Use` line, flags, argument rule and action. */
export interface CommandSpec<Context> {
  /** Full command path, e.g. `docker network create`. */
  path: string;
  /** The rest of the usage line after the path, e.g. `[OPTIONS] NETWORK`. */
  usage: string;
  args: ArgsRule;
  flags: FlagSpec[];
  /** The command's entry in docker/cli's help tables (help-tables.ts, `container ls`): what `--help` prints. */
  helpKey?: string;
  /** False for commands that pass what follows their first argument to a program (`docker run`). */
  interspersed?: boolean;
  run(parsed: ParsedFlags, context: Context): CommandResult;
}

/** Parses, validates and runs a command, failing exactly as docker/cli does. */
export function runCommand<Context>(
  spec: CommandSpec<Context>,
  args: readonly string[],
  context: Context,
): CommandResult {
  const useLine = `${spec.path} ${spec.usage}`;
  const parsed = parseFlags(args, withHelpFlag(spec.flags), spec.interspersed ?? true);
  if ('error' in parsed) {
    // cli.FlagErrorFunc: status 125.
    return fail(`${parsed.error}\n\nUsage:  ${useLine}\n\nRun '${spec.path} --help' for more information\n`, 125);
  }
  if (parsed.values.has('help')) return helpOf(spec, args);
  const problem = argumentProblem(spec.args, parsed.positionals.length, spec.path);
  if (problem)
    return fail(
      `${problem}\n\nUsage:  ${useLine}\n\n${spec.args.kind === 'at-least' ? 'See' : 'Run'} '${spec.path} --help' for more information\n`,
      1,
    );
  return spec.run(parsed, context);
}

/** A command's help table, from the help tool module (fetched on the first line that asks for help). */
export function helpTableOf(key: string): CommandHelpTable | undefined {
  return toolModule('dockerHelp').DOCKER_HELP_TABLES[key];
}

/**
 * The root command's persistent `--help`, hidden, with its `-h` shorthand marked
 * deprecated (cli/cobra.go setupCommonRootCommand); a command whose own flag is
 * `-h` (`docker run -h`, --hostname) keeps it, and there --help alone asks for help.
 */
function withHelpFlag(flags: readonly FlagSpec[]): FlagSpec[] {
  const ownsH = flags.some((flag) => flag.short === 'h');
  return [...flags, { name: 'help', ...(!ownsH && { short: 'h' }), takesValue: false }];
}

/**
 * Help once the flags parse, before the arguments' checks. pflag writes the
 * deprecation of `-h` to the flag set's buffer, and cobra prints it with
 * c.Print, on the command's out stream (docker.go SetOut: stdout), before the help.
 */
function helpOf<Context>(spec: CommandSpec<Context>, args: readonly string[]): CommandResult {
  const table = spec.helpKey === undefined ? undefined : helpTableOf(spec.helpKey);
  if (!table) return fail(`This simulator has no help text for '${spec.path}' yet.\n`, 1);
  const ownsH = spec.flags.some((flag) => flag.short === 'h');
  const end = args.indexOf('--');
  const usedShorthand =
    !ownsH && (end < 0 ? args : args.slice(0, end)).some((arg) => shorthandGroupHasH(arg, spec.flags));
  return ok(
    `${usedShorthand ? 'Flag shorthand -h has been deprecated, use --help\n' : ''}${toolModule('dockerHelp').cobraHelp(spec.path, spec.usage, table)}`,
  );
}

/** Whether `-xyh` names -h among its letters, before any letter that takes the rest as its value. */
function shorthandGroupHasH(arg: string, flags: readonly FlagSpec[]): boolean {
  if (!/^-[^-]/.test(arg)) return false;
  for (const letter of arg.slice(1)) {
    if (letter === 'h') return true;
    if (flags.find((flag) => flag.short === letter)?.takesValue !== false) return false;
  }
  return false;
}

function argumentProblem(rule: ArgsRule, given: number, path: string): string | undefined {
  const plural = (count: number) => (count === 1 ? 'argument' : 'arguments');
  switch (rule.kind) {
    case 'none':
      return given === 0 ? undefined : `docker: '${path}' accepts no arguments`;
    case 'exactly':
      return given === rule.count ? undefined : `docker: '${path}' requires ${rule.count} ${plural(rule.count)}`;
    case 'at-least':
      return given >= rule.count
        ? undefined
        : `docker: '${path}' requires at least ${rule.count} ${plural(rule.count)}`;
    case 'range':
      return given >= rule.min && given <= rule.max
        ? undefined
        : `docker: '${path}' requires at least ${rule.min} and at most ${rule.max} ${plural(rule.max)}`;
  }
}

/** An API error as the CLI prints it: the daemon's message after `Error response from daemon: `. */
export function daemonErrorText(error: unknown): string {
  if (error instanceof EngineError) return `Error response from daemon: ${error.message}\n`;
  throw error;
}
