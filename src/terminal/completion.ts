/**
 * Tab completion as bash-completion does it for the commands a learner types: the
 * first word from the programs and builtins, then docker's subcommands and flags,
 * and container, network and image names where docker expects them.
 */
export interface CompletionContext {
  /** Programs and builtins the current shell can run. */
  commands: readonly string[];
  containers: readonly string[];
  networks: readonly string[];
  images: readonly string[];
}

export interface Completion {
  /** Where the word being completed starts in the line. */
  from: number;
  /** Every word that fits, sorted. */
  candidates: string[];
  /** What to put in place of the word: the single candidate and a space, or the longest common prefix. */
  replacement: string;
}

/** docker/cli 29's commands a networking learner uses, and what each takes as arguments. */
export const DOCKER_COMMANDS: Record<string, readonly string[]> = {
  attach: ['--detach-keys', '--no-stdin', '--sig-proxy'],
  container: [],
  compose: ['-f', '--file', '-p', '--project-name', '--progress', '--ansi'],
  cp: ['-a', '--archive', '-L', '--follow-link', '-q', '--quiet'],
  create: [],
  events: ['--since', '--until', '-f', '--filter', '--format'],
  history: ['-H', '--human', '--no-trunc', '-q', '--quiet', '--format'],
  exec: [
    '-d',
    '--detach',
    '-e',
    '--env',
    '-i',
    '--interactive',
    '-t',
    '--tty',
    '-u',
    '--user',
    '-w',
    '--workdir',
    '--privileged',
  ],
  image: [],
  images: ['-a', '--all', '-q', '--quiet', '--format', '--filter', '--no-trunc'],
  info: ['--format'],
  inspect: ['-f', '--format', '--type', '-s', '--size'],
  kill: ['-s', '--signal'],
  logs: ['-f', '--follow', '--tail', '-n', '-t', '--timestamps', '--since', '--until'],
  network: [],
  pause: [],
  port: [],
  ps: [
    '-a',
    '--all',
    '-q',
    '--quiet',
    '--format',
    '--filter',
    '-f',
    '--no-trunc',
    '-l',
    '--latest',
    '-n',
    '-s',
    '--size',
  ],
  pull: ['-q', '--quiet', '--platform'],
  rename: [],
  restart: ['-t', '--time'],
  rm: ['-f', '--force', '-v', '--volumes', '-l', '--link'],
  rmi: ['-f', '--force'],
  run: [
    '-d',
    '--detach',
    '-i',
    '--interactive',
    '-t',
    '--tty',
    '--rm',
    '--name',
    '--network',
    '--net',
    '--network-alias',
    '-p',
    '--publish',
    '-P',
    '--publish-all',
    '--expose',
    '-e',
    '--env',
    '--hostname',
    '-h',
    '--dns',
    '--dns-search',
    '--add-host',
    '--ip',
    '--link',
    '--mac-address',
    '--cap-add',
    '--privileged',
    '-v',
    '--volume',
    '--mount',
    '-w',
    '--workdir',
    '--health-cmd',
    '--health-interval',
    '--health-retries',
    '--no-healthcheck',
  ],
  start: ['-a', '--attach', '-i', '--interactive'],
  stats: ['-a', '--all', '--no-stream', '--no-trunc', '--format'],
  stop: ['-t', '--time', '-s', '--signal'],
  system: [],
  top: [],
  unpause: [],
  version: ['-f', '--format'],
  wait: [],
};

export const NETWORK_COMMANDS: Record<string, readonly string[]> = {
  connect: ['--alias', '--ip', '--ip6', '--link', '--driver-opt'],
  create: [
    '-d',
    '--driver',
    '--subnet',
    '--gateway',
    '--ip-range',
    '--internal',
    '--attachable',
    '--ipv6',
    '-o',
    '--opt',
    '--label',
    '--aux-address',
    '--scope',
  ],
  disconnect: ['-f', '--force'],
  inspect: ['-f', '--format', '-v', '--verbose'],
  ls: ['-f', '--filter', '--format', '-q', '--quiet', '--no-trunc'],
  prune: ['-f', '--force', '--filter'],
  rm: ['-f', '--force'],
};

/** `docker system`'s subcommands netsim runs, and their flags. */
export const SYSTEM_COMMANDS: Record<string, readonly string[]> = {
  df: ['-v', '--verbose', '--format'],
  events: ['--since', '--until', '-f', '--filter', '--format'],
  info: ['-f', '--format'],
  prune: ['-a', '--all', '-f', '--force', '--volumes', '--filter'],
};

/**
 * The Compose subcommands netsim runs, and their usual flags (a test holds them to
 * the compose module's own lists; the module itself is fetched only when typed).
 */
export const COMPOSE_COMMANDS: Record<string, readonly string[]> = {
  config: ['--format', '-q', '--quiet', '--services', '--networks'],
  create: ['--force-recreate', '--no-recreate', '--remove-orphans'],
  down: ['--remove-orphans', '-t', '--timeout', '-v', '--volumes'],
  exec: ['-d', '--detach', '-e', '--env', '-T', '--no-tty', '-u', '--user', '-w', '--workdir'],
  images: ['-q', '--quiet', '--format'],
  kill: ['-s', '--signal', '--remove-orphans'],
  logs: ['-f', '--follow', '-n', '--tail', '-t', '--timestamps', '--no-color', '--no-log-prefix'],
  ls: ['-a', '--all', '-q', '--quiet', '--format', '--filter'],
  pause: [],
  port: ['--index', '--protocol'],
  ps: ['-a', '--all', '-q', '--quiet', '--format', '--services', '--filter', '--status'],
  restart: ['-t', '--timeout', '--no-deps'],
  run: [
    '-d',
    '--detach',
    '--rm',
    '-e',
    '--env',
    '--name',
    '-T',
    '--no-TTY',
    '-p',
    '--publish',
    '-P',
    '--service-ports',
    '--use-aliases',
    '--no-deps',
  ],
  rm: ['-f', '--force', '-s', '--stop'],
  scale: ['--no-deps'],
  start: [],
  stats: ['-a', '--all', '--no-stream', '--no-trunc', '--format'],
  stop: ['-t', '--timeout'],
  top: [],
  unpause: [],
  up: [
    '-d',
    '--detach',
    '--force-recreate',
    '--no-recreate',
    '--remove-orphans',
    '--wait',
    '--no-color',
    '--timestamps',
    '--scale',
  ],
  version: ['--short', '-f', '--format'],
  volumes: ['-q', '--quiet', '--format'],
};

/** `netsim`, the terminal's own command (not a Linux tool): what it answers to. */
const NETSIM_COMMANDS = ['trace'];

const DRIVERS = ['bridge', 'host', 'ipvlan', 'macvlan', 'none', 'overlay'];

/** Which names a docker command's positional arguments are. */
function positionalNames(path: readonly string[], context: CompletionContext): readonly string[] {
  const [command, sub] = path;
  if (['run', 'create', 'pull', 'history'].includes(command!) || (command === 'image' && sub)) return context.images;
  if (command === 'rmi') return context.images;
  if (command === 'network') {
    if (sub === 'connect' || sub === 'disconnect') return path.length <= 2 ? context.networks : context.containers;
    if (sub === 'inspect' || sub === 'rm') return context.networks;
    return [];
  }
  if (command === 'inspect') return [...context.containers, ...context.networks];
  if (
    [
      'attach',
      'cp',
      'exec',
      'kill',
      'logs',
      'pause',
      'port',
      'rename',
      'restart',
      'rm',
      'start',
      'stats',
      'stop',
      'top',
      'unpause',
      'wait',
    ].includes(command!)
  )
    return context.containers;
  return [];
}

const RUN_VALUES = [
  '--name',
  '--network',
  '--net',
  '--network-alias',
  '-p',
  '--publish',
  '--expose',
  '-e',
  '--env',
  '--hostname',
  '-h',
  '--dns',
  '--dns-search',
  '--add-host',
  '--ip',
  '--link',
  '--mac-address',
  '--cap-add',
  '-v',
  '--volume',
  '-w',
  '--workdir',
];

/**
 * Flags that take a value, per command: the word after them is that value, not a
 * positional argument. The same letter differs by command (`-d` detaches a run but
 * names a network's driver; `-f` forces an rm but formats an inspect).
 */
const VALUE_FLAGS: Record<string, readonly string[]> = {
  run: RUN_VALUES,
  create: RUN_VALUES,
  exec: ['-e', '--env', '-u', '--user', '-w', '--workdir'],
  ps: ['--format', '--filter', '-f', '-n'],
  images: ['--format', '--filter'],
  inspect: ['-f', '--format', '--type'],
  logs: ['--tail', '-n', '--since', '--until'],
  kill: ['-s', '--signal'],
  stop: ['-t', '--time', '-s', '--signal'],
  restart: ['-t', '--time'],
  attach: ['--detach-keys'],
  pull: ['--platform'],
  version: ['-f', '--format'],
  info: ['--format'],
  stats: ['--format'],
  'system df': ['--format'],
  'system info': ['-f', '--format'],
  'system prune': ['--filter'],
  'network create': [
    '-d',
    '--driver',
    '--subnet',
    '--gateway',
    '--ip-range',
    '-o',
    '--opt',
    '--label',
    '--aux-address',
    '--scope',
  ],
  'network connect': ['--alias', '--ip', '--ip6', '--link', '--driver-opt'],
  'network inspect': ['-f', '--format'],
  'network ls': ['-f', '--filter', '--format'],
  'network prune': ['--filter'],
  compose: ['-f', '--file', '-p', '--project-name', '--progress', '--ansi'],
  'compose config': ['--format'],
  'compose down': ['-t', '--timeout'],
  'compose exec': ['-e', '--env', '-u', '--user', '-w', '--workdir'],
  'compose logs': ['-n', '--tail'],
  'compose ps': ['--format', '--filter', '--status'],
  'compose ls': ['--format', '--filter'],
  'compose kill': ['-s', '--signal'],
  'compose port': ['--index', '--protocol'],
  'compose restart': ['-t', '--timeout'],
  'compose run': ['-e', '--env', '--name', '-p', '--publish', '-u', '--user', '-w', '--workdir', '-l', '--label'],
  'compose stop': ['-t', '--timeout'],
  'compose up': ['--scale'],
  'compose version': ['-f', '--format'],
};

export function complete(line: string, cursor: number, context: CompletionContext): Completion {
  const before = line.slice(0, cursor);
  const from = before.search(/\S*$/);
  const word = before.slice(from);
  // Words of the current command only: after a pipe, `;` or `&&`, a new command starts.
  const command = before
    .slice(0, from)
    .split(/\|\|?|&&|;/)
    .at(-1)!
    .trim();
  const typed = command === '' ? [] : command.split(/\s+/);
  // `sudo docker ...` completes as `docker ...`.
  const words = typed[0] === 'sudo' ? typed.slice(1) : typed;
  let pool: readonly string[];
  if (words.length === 0) pool = context.commands;
  else if (words[0] === 'docker') pool = dockerWords(words.slice(1), word, context);
  else if (words[0] === 'netsim' && words.length === 1) pool = NETSIM_COMMANDS;
  else pool = [];
  const candidates = [...new Set(pool.filter((candidate) => candidate.startsWith(word)))].sort();
  if (candidates.length === 1) return { from, candidates, replacement: `${candidates[0]} ` };
  return { from, candidates, replacement: commonPrefix(candidates) || word };
}

function dockerWords(args: readonly string[], word: string, context: CompletionContext): readonly string[] {
  const positional: string[] = [];
  const takesValue = (flag: string) => {
    const [command, sub] = positional;
    return (
      VALUE_FLAGS[
        (command === 'network' || command === 'compose' || command === 'system') && sub
          ? `${command} ${sub}`
          : (command ?? '')
      ] ?? []
    ).includes(flag);
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg.startsWith('-')) {
      if (takesValue(arg) && index === args.length - 1) return valuesAfter(positional, arg, context);
      if (takesValue(arg)) index++;
      continue;
    }
    positional.push(arg);
  }
  const [command, sub] = positional;
  if (!command) return word.startsWith('-') ? ['--help', '--version'] : Object.keys(DOCKER_COMMANDS);
  if (command === 'network' && !sub) return word.startsWith('-') ? ['--help'] : Object.keys(NETWORK_COMMANDS);
  if (command === 'system' && !sub) return word.startsWith('-') ? ['--help'] : Object.keys(SYSTEM_COMMANDS);
  if (command === 'compose' && !sub)
    return word.startsWith('-') ? [...DOCKER_COMMANDS.compose!, '--help'] : Object.keys(COMPOSE_COMMANDS);
  const flags =
    command === 'network'
      ? (NETWORK_COMMANDS[sub!] ?? [])
      : command === 'compose'
        ? (COMPOSE_COMMANDS[sub!] ?? [])
        : command === 'system'
          ? (SYSTEM_COMMANDS[sub!] ?? [])
          : (DOCKER_COMMANDS[command] ?? []);
  if (word.startsWith('-')) return [...flags, '--help'];
  // `docker run IMAGE cmd...`: after the image come the container's own words.
  if (['run', 'create'].includes(command) && positional.length > 1) return [];
  return positionalNames(positional, context);
}

/** Values of the flag the word follows: networks after --network, drivers after network create -d. */
function valuesAfter(positional: readonly string[], flag: string, context: CompletionContext): readonly string[] {
  if (['--network', '--net'].includes(flag)) return [...new Set([...context.networks, 'host', 'none'])];
  if (['-d', '--driver'].includes(flag) && positional[0] === 'network') return DRIVERS;
  return [];
}

function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const word of words) while (!word.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
