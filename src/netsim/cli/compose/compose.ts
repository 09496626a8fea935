import type { Engine } from '../../engine/engine';
import { collect, ok, type CommandResult, type ProcessContext, type Program } from '../command';
import { parseFlags, type FlagSpec, type ParsedFlags } from '../docker/flags';
import { configCommand } from './config';
import { downCommand } from './down';
import { execCommand } from './exec';
import { composeRootHelp, composeSubcommandHelp } from './help';
import {
  killCommand,
  pauseCommand,
  restartCommand,
  rmCommand,
  startCommand,
  stopCommand,
  unpauseCommand,
} from './lifecycle';
import { lsCommand } from './ls';
import { logsCommand } from './logs';
import { portCommand } from './port';
import { psCommand } from './ps';
import { runCommand } from './run';
import { topCommand } from './top';
import { COMPOSE_VERSION } from './resources';
import { Session, type ProgressMode, type RootOptions } from './session';
import { applyScaleOptions, upCommand, projectFor, runUp } from './up';
import { scaleCommand } from './scale';
import { volumesCommand } from './volumes';
import { imagesCommand } from './images';
import { statsCommand } from './stats';

/**
 * The `docker compose` CLI plugin, v2.40.3 (cmd/main.go, cmd/compose/compose.go
 * RootCommand): the root's flags up to the subcommand (TraverseChildren,
 * SetInterspersed(false)), PersistentPreRunE's checks of --progress and --ansi,
 * then the subcommand. Errors are printed as plugin.Run prints them: the
 * message alone, exit status 1 (a flag error's too: SetFlagErrorFunc).
 */

const bool = (name: string, short?: string): FlagSpec => ({ name, takesValue: false, ...(short ? { short } : {}) });
const value = (name: string, short?: string): FlagSpec => ({ name, takesValue: true, ...(short ? { short } : {}) });

/** The root command's flags (addProjectFlags and RootCommand), hidden ones included. */
const ROOT_FLAGS: FlagSpec[] = [
  value('profile'),
  value('project-name', 'p'),
  value('file', 'f'),
  value('env-file'),
  value('project-directory'),
  value('workdir'),
  bool('compatibility'),
  value('progress'),
  bool('all-resources'),
  value('ansi'),
  value('parallel'),
  bool('version', 'v'),
  bool('dry-run'),
  bool('no-ansi'),
  bool('verbose'),
];

/** --dry-run is persistent: every subcommand takes it. */
const DRY_RUN = bool('dry-run');

/**
 * The plugin root's persistent --help (docker/cli setupCommonRootCommand), hidden,
 * its -h shorthand deprecated: pflag says so on the command's out stream, before the help.
 */
const HELP = bool('help', 'h');
const SHORTHAND_DEPRECATED = 'Flag shorthand -h has been deprecated, use --help\n';

interface Subcommand {
  readonly flags: FlagSpec[];
  readonly interspersed?: boolean;
  run(session: Session, parsed: ParsedFlags): CommandResult;
}

const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  up: {
    flags: [
      bool('detach', 'd'),
      bool('build'),
      bool('no-build'),
      value('pull'),
      bool('remove-orphans'),
      value('scale'),
      bool('no-color'),
      bool('no-log-prefix'),
      bool('force-recreate'),
      bool('no-recreate'),
      bool('no-start'),
      bool('abort-on-container-exit'),
      bool('abort-on-container-failure'),
      value('exit-code-from'),
      value('timeout', 't'),
      bool('timestamps'),
      bool('no-deps'),
      bool('always-recreate-deps'),
      bool('renew-anon-volumes', 'V'),
      bool('quiet-pull'),
      bool('quiet-build'),
      value('attach'),
      value('no-attach'),
      bool('attach-dependencies'),
      bool('wait'),
      value('wait-timeout'),
      bool('watch', 'w'),
      bool('menu'),
      bool('yes', 'y'),
    ],
    run: upCommand,
  },
  create: {
    flags: [
      bool('build'),
      bool('no-build'),
      value('pull'),
      bool('remove-orphans'),
      value('scale'),
      bool('force-recreate'),
      bool('no-recreate'),
      bool('quiet-pull'),
      bool('yes', 'y'),
    ],
    run(session, parsed) {
      const project = projectFor(session, parsed.positionals);
      if (!('model' in project)) return project;
      const scaleProblem = applyScaleOptions(project, parsed.values.get('scale') ?? []);
      if (scaleProblem) return session.fail(scaleProblem);
      const flag = (name: string) => parsed.values.get(name)?.at(-1) === 'true';
      return runUp(session, project, parsed.positionals, {
        detach: true,
        noStart: true,
        recreate: flag('force-recreate') ? 'force' : flag('no-recreate') ? 'never' : 'diverged',
        removeOrphans: flag('remove-orphans'),
      });
    },
  },
  scale: { flags: [bool('no-deps')], run: scaleCommand },
  volumes: { flags: [bool('quiet', 'q'), value('format')], run: volumesCommand },
  images: { flags: [value('format'), bool('quiet', 'q')], run: imagesCommand },
  stats: { flags: [bool('all', 'a'), value('format'), bool('no-stream'), bool('no-trunc')], run: statsCommand },
  down: {
    flags: [bool('remove-orphans'), value('timeout', 't'), bool('volumes', 'v'), value('rmi')],
    run: downCommand,
  },
  ps: {
    flags: [
      value('format'),
      value('filter'),
      value('status'),
      bool('quiet', 'q'),
      bool('services'),
      bool('orphans'),
      bool('all', 'a'),
      bool('no-trunc'),
    ],
    run: psCommand,
  },
  logs: {
    flags: [
      bool('follow', 'f'),
      value('index'),
      value('since'),
      value('until'),
      bool('no-color'),
      bool('no-log-prefix'),
      bool('timestamps', 't'),
      value('tail', 'n'),
    ],
    run: logsCommand,
  },
  exec: {
    flags: [
      bool('detach', 'd'),
      value('env', 'e'),
      value('index'),
      bool('privileged'),
      value('user', 'u'),
      bool('no-tty', 'T'),
      value('workdir', 'w'),
      bool('interactive', 'i'),
      bool('tty', 't'),
    ],
    interspersed: false,
    run: execCommand,
  },
  config: {
    flags: [
      value('format'),
      bool('resolve-image-digests'),
      bool('lock-image-digests'),
      bool('quiet', 'q'),
      bool('no-interpolate'),
      bool('no-normalize'),
      bool('no-path-resolution'),
      bool('no-consistency'),
      bool('no-env-resolution'),
      bool('services'),
      bool('volumes'),
      bool('networks'),
      bool('models'),
      bool('profiles'),
      bool('images'),
      value('hash'),
      bool('variables'),
      bool('environment'),
      value('output', 'o'),
    ],
    run: configCommand,
  },
  run: {
    flags: [
      bool('detach', 'd'),
      value('env', 'e'),
      value('env-from-file'),
      value('label', 'l'),
      bool('rm'),
      bool('no-TTY', 'T'),
      value('name'),
      value('user', 'u'),
      value('workdir', 'w'),
      value('entrypoint'),
      value('cap-add'),
      value('cap-drop'),
      bool('no-deps'),
      value('volume', 'v'),
      value('publish', 'p'),
      bool('use-aliases'),
      bool('service-ports', 'P'),
      value('pull'),
      bool('quiet', 'q'),
      bool('quiet-build'),
      bool('quiet-pull'),
      bool('build'),
      bool('remove-orphans'),
      bool('interactive', 'i'),
      bool('tty', 't'),
    ],
    interspersed: false,
    run: runCommand,
  },
  stop: { flags: [value('timeout', 't')], run: stopCommand },
  pause: { flags: [], run: pauseCommand },
  unpause: { flags: [], run: unpauseCommand },
  top: { flags: [], run: topCommand },
  start: { flags: [], run: startCommand },
  restart: { flags: [value('timeout', 't'), bool('no-deps')], run: restartCommand },
  kill: { flags: [bool('remove-orphans'), value('signal', 's')], run: killCommand },
  rm: { flags: [bool('force', 'f'), bool('stop', 's'), bool('volumes', 'v'), bool('all', 'a')], run: rmCommand },
  ls: { flags: [value('format'), bool('quiet', 'q'), value('filter'), bool('all', 'a')], run: lsCommand },
  port: { flags: [value('protocol'), value('index')], run: portCommand },
  version: {
    flags: [value('format', 'f'), bool('short')],
    run(session, parsed) {
      // cmd/compose/version.go: `Docker Compose version v2.40.3`, the bare number with --short, JSON with --format json.
      const format = parsed.values.get('format')?.at(-1) ?? '';
      if (parsed.values.has('short')) session.out(`${COMPOSE_VERSION}\n`);
      else if (format === 'json') session.out(`{"version":"v${COMPOSE_VERSION}"}\n`);
      else session.out(`Docker Compose version v${COMPOSE_VERSION}\n`);
      return session.result(0);
    },
  },
};

/** The subcommands of v2.40.3 this simulator lacks, named so that typing one says so instead of "unknown". */
const NOT_SIMULATED = [
  'attach',
  'export',
  'commit',
  'events',
  'build',
  'push',
  'pull',
  'cp',
  'wait',
  'watch',
  'publish',
  'alpha',
  'bridge',
];

const PROGRESS_MODES: readonly string[] = ['auto', 'tty', 'plain', 'json', 'quiet', 'none'];

function rootOptions(values: Map<string, string[]>, env: ReadonlyMap<string, string>): RootOptions | { error: string } {
  const last = (name: string) => values.get(name)?.at(-1);
  const ansiText = last('ansi') ?? env.get('COMPOSE_ANSI') ?? 'auto';
  const noAnsi = last('no-ansi') === 'true';
  if (noAnsi && values.has('ansi'))
    return { error: 'cannot specify DEPRECATED "--no-ansi" and "--ansi". Please use only "--ansi"' };
  const ansi = noAnsi ? 'never' : ansiText === 'never' || ansiText === 'always' ? ansiText : 'auto';
  const progressText = last('progress') ?? env.get('COMPOSE_PROGRESS') ?? '';
  if (progressText !== '' && !PROGRESS_MODES.includes(progressText))
    return { error: `unsupported --progress value ${JSON.stringify(progressText)}` };
  if (progressText === 'tty' && ansi === 'never')
    return { error: "can't use --progress tty while ANSI support is disabled" };
  if (progressText === 'plain' && ansi === 'always')
    return { error: "can't use --progress plain while ANSI support is forced" };
  let progress: ProgressMode =
    progressText === '' || progressText === 'auto'
      ? 'auto'
      : progressText === 'none'
        ? 'quiet'
        : (progressText as ProgressMode);
  if (progress === 'auto' && ansi === 'never') progress = 'plain';
  if (progress === 'auto' && ansi === 'always') progress = 'tty';
  if (values.has('workdir') && values.has('project-directory'))
    return {
      error:
        'cannot specify DEPRECATED "--workdir" and "--project-directory". Please use only "--project-directory" instead',
    };
  const projectDirectory = last('project-directory') ?? last('workdir');
  return {
    files: values.get('file') ?? [],
    projectName: last('project-name'),
    projectDirectory,
    allResources: last('all-resources') === 'true',
    profiles: values.get('profile') ?? [],
    progress,
    ansi,
    dryRun: last('dry-run') === 'true',
  };
}

/** `docker compose ...` with the words after `compose`. */
export function runCompose(engine: Engine, args: readonly string[], context: ProcessContext): CommandResult {
  const failWith = (message: string, exitCode = 1) => collect([{ stream: 'stderr', text: `${message}\n` }], exitCode);
  const root = parseFlags(args, [...ROOT_FLAGS, HELP], false);
  if ('error' in root) return failWith(root.error);
  const [name, ...rest] = root.positionals;
  const deprecated = (typed: readonly string[]) => (typed.includes('-h') ? SHORTHAND_DEPRECATED : '');
  if (root.values.has('help') && (name === undefined || !Object.hasOwn(SUBCOMMANDS, name)))
    return ok(deprecated(args) + composeRootHelp());
  // cobra's help command: `docker compose help [COMMAND]`.
  if (name === 'help')
    return ok(rest[0] !== undefined ? (composeSubcommandHelp(rest[0]) ?? composeRootHelp()) : composeRootHelp());
  const options = rootOptions(root.values, context.env ?? new Map());
  if ('error' in options) return failWith(options.error);
  // The root's RunE, when no subcommand matches: no argument shows the help, -v before an unknown one the version.
  if (name === undefined) return ok(composeRootHelp());
  const subcommand = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
  if (!subcommand) {
    if (root.values.get('version')?.at(-1) === 'true')
      return SUBCOMMANDS.version!.run(new Session(engine, context, options), { values: new Map(), positionals: [] });
    if (NOT_SIMULATED.includes(name)) return failWith(`netsim: \`docker compose ${name}\` is not simulated yet`);
    // The help on stdout, then the StatusError that plugin.Run prints (compose.go RootCommand RunE).
    return collect(
      [
        { stream: 'stdout', text: composeRootHelp() },
        { stream: 'stderr', text: `unknown docker command: ${JSON.stringify(`compose ${name}`)}\n` },
      ],
      1,
    );
  }
  const parsed = parseFlags(rest, [...subcommand.flags, DRY_RUN, HELP], subcommand.interspersed ?? true);
  if ('error' in parsed) return failWith(parsed.error);
  if (parsed.values.has('help') || root.values.has('help')) return ok(deprecated(args) + composeSubcommandHelp(name)!);
  const dryRun = options.dryRun || parsed.values.get('dry-run')?.at(-1) === 'true';
  if (dryRun) return failWith('netsim: --dry-run is not simulated yet');
  return subcommand.run(new Session(engine, context, options), parsed);
}

/** The plugin as a program the docker client runs for `docker compose`. */
export function composeProgram(engine: Engine): Program {
  return { name: 'docker compose', run: (args, context) => runCompose(engine, args, context) };
}

/** Each subcommand's flags as typed (`--detach`, `-d`): what Tab completion offers is checked against these. */
export function composeFlags(): Record<string, { flags: string[]; takingValues: string[] }> {
  const typed = (spec: FlagSpec) => [`--${spec.name}`, ...(spec.short ? [`-${spec.short}`] : [])];
  return Object.fromEntries(
    Object.entries(SUBCOMMANDS).map(([name, { flags }]) => [
      name,
      { flags: flags.flatMap(typed), takingValues: flags.filter((spec) => spec.takesValue).flatMap(typed) },
    ]),
  );
}
