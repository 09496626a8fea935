import type { LogEntry } from './container';
import type { ImageInfo } from './images';
import { entrypointLines } from './nginx-log';

/**
 * An image's entrypoint script given a command other than the image's server:
 * each of them ends in `exec "$@"`, so the command runs in its place, after
 * whatever the script does first for it. `server` is a command the script
 * would set up as the image's own server with other arguments (not modelled:
 * the caller runs it as given). Sources, each script's own text:
 * nginx/docker-nginx mainline/debian/docker-entrypoint.sh (`nginx` or
 * `nginx-debug` first: the /docker-entrypoint.d/ scripts and their lines);
 * MariaDB/mariadb-docker docker-entrypoint.sh (`-...` becomes `mariadbd -...`;
 * mariadbd/mysqld are initialised); docker-library/wordpress
 * docker-entrypoint.sh (`apache2*`, `php-fpm`); curl/curl-container
 * etc/entrypoint.sh (an option, or a word that is no command, becomes
 * `curl ...`).
 */
export type EntrypointExec =
  | {
      readonly kind: 'exec';
      readonly argv: readonly string[];
      readonly logs: readonly Omit<LogEntry, 'timeMs'>[];
      /** What the script's shell says when `exec "$@"` finds no such program (it exits 127). */
      readonly notFound: string;
    }
  | { readonly kind: 'server' };

type Script = (
  args: readonly string[],
  image: ImageInfo,
) => { readonly argv: readonly string[]; readonly logs?: readonly Omit<LogEntry, 'timeMs'>[] } | 'server';

const exec = (argv: readonly string[], logs: readonly Omit<LogEntry, 'timeMs'>[] = []) => ({ argv, logs });

/**
 * The shell's complaint for `exec "$@"` at `line` of `script`: dash names the
 * line bare and the builtin after it (error.c exvwarning2: `%s: %d: %s: `),
 * bash as `line N:` before it (`$0: line N: exec: prog: not found`), BusyBox
 * ash the builtin first (ash_vmsg: `exec: line N: `).
 */
function notFoundText(shell: 'dash' | 'bash' | 'ash', script: string, line: number, program: string): string {
  switch (shell) {
    case 'dash':
      return `${script}: ${line}: exec: ${program}: not found\n`;
    case 'bash':
      return `${script}: line ${line}: exec: ${program}: not found\n`;
    case 'ash':
      return `${script}: exec: line ${line}: ${program}: not found\n`;
  }
}

/**
 * Each script: the entrypoint word as the image's config names it, the file the
 * shell runs (runc finds a bare name on PATH: /usr/local/bin), its shell, and
 * the line of its `exec "$@"`.
 */
interface ScriptModel {
  readonly path: string;
  readonly file: string;
  readonly shell: 'dash' | 'bash' | 'ash';
  readonly execLine: number;
  readonly run: Script;
}

const SCRIPTS: Readonly<Record<string, ScriptModel>> = {
  nginx: {
    path: '/docker-entrypoint.sh',
    file: '/docker-entrypoint.sh',
    shell: 'dash',
    execLine: 47,
    run: (args) => exec(args, args[0] === 'nginx' || args[0] === 'nginx-debug' ? entrypointLines() : []),
  },
  mariadb: {
    path: 'docker-entrypoint.sh',
    file: '/usr/local/bin/docker-entrypoint.sh',
    shell: 'bash',
    execLine: 720,
    run: (args) => {
      const argv = args[0]?.startsWith('-') ? ['mariadbd', ...args] : args;
      return argv[0] === 'mariadbd' || argv[0] === 'mysqld' ? 'server' : exec(argv);
    },
  },
  wordpress: {
    path: 'docker-entrypoint.sh',
    file: '/usr/local/bin/docker-entrypoint.sh',
    shell: 'bash',
    execLine: 99,
    run: (args) => (args[0]?.startsWith('apache2') || args[0] === 'php-fpm' ? 'server' : exec(args)),
  },
  // `command -v` finds a program on PATH or a shell builtin of BusyBox ash; an empty `$1` is no command either.
  'curlimages/curl': {
    path: '/entrypoint.sh',
    file: '/entrypoint.sh',
    shell: 'ash',
    execLine: 14,
    run: (args, image) =>
      exec(
        args[0] === undefined || args[0].startsWith('-') || !(args[0] in image.tools || ASH_BUILTINS.has(args[0]))
          ? ['curl', ...args]
          : args,
      ),
  },
};

/** BusyBox ash's builtins that `command -v` names without a path (shell/ash.c builtintab), those a reader might type. */
const ASH_BUILTINS = new Set([
  'cd',
  'echo',
  'exit',
  'export',
  'printf',
  'pwd',
  'read',
  'set',
  'test',
  'true',
  'false',
  'type',
  'ulimit',
  'umask',
  'wait',
]);

/** How the image's entrypoint runs `argv` (entrypoint then command), or undefined when argv does not start with its script. */
export function throughEntrypointScript(image: ImageInfo, argv: readonly string[]): EntrypointExec | undefined {
  const script = SCRIPTS[image.repository];
  if (!script || argv[0] !== script.path) return undefined;
  const ran = script.run(argv.slice(1), image);
  if (ran === 'server') return { kind: 'server' };
  return {
    kind: 'exec',
    argv: ran.argv,
    logs: ran.logs ?? [],
    notFound: notFoundText(script.shell, script.file, script.execLine, ran.argv[0] ?? ''),
  };
}
