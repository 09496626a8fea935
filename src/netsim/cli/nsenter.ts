import type { Namespace } from '../kernel/namespace';
import { fail, type CommandResult, type ProcessContext, type Program } from './command';

export interface NsenterHooks {
  /** The network namespace process `pid` lives in, if such a process runs. */
  namespaceOfPid(pid: number): Namespace | undefined;
  /** The network namespace a file names (/var/run/docker/netns/ID, /run/netns/NAME, /proc/PID/ns/net), if it exists. */
  namespaceOfFile(path: string): Namespace | undefined;
  /** Runs a command line's words as a program in `namespace`. */
  execute(words: string[], context: ProcessContext, namespace: Namespace): CommandResult;
}

const TRY_HELP = "Try 'nsenter --help' for more information.\n";

/** The options of util-linux 2.41's getopt_long table (sys-utils/nsenter.c longopts) that take an argument: required, or optional and glued. */
const LONG_OPTIONS: Readonly<Record<string, 'none' | 'required' | 'optional'>> = {
  all: 'none',
  help: 'none',
  version: 'none',
  target: 'required',
  mount: 'optional',
  uts: 'optional',
  ipc: 'optional',
  net: 'optional',
  'net-socket': 'required',
  pid: 'optional',
  cgroup: 'optional',
  user: 'optional',
  'user-parent': 'none',
  time: 'optional',
  setuid: 'required',
  setgid: 'required',
  'preserve-credentials': 'none',
  'keep-caps': 'none',
  root: 'optional',
  wd: 'optional',
  wdns: 'required',
  env: 'none',
  'no-fork': 'none',
  'join-cgroup': 'none',
  'follow-context': 'none',
};
/** Short letters of the optstring "+ahVt:m::u::i::n::N:p::C::U::T::S:G:r::w::W::ecFZ" and their arguments. */
const SHORT_OPTIONS: Readonly<Record<string, 'none' | 'required' | 'optional'>> = {
  a: 'none',
  h: 'none',
  V: 'none',
  t: 'required',
  m: 'optional',
  u: 'optional',
  i: 'optional',
  n: 'optional',
  N: 'required',
  p: 'optional',
  C: 'optional',
  U: 'optional',
  T: 'optional',
  S: 'required',
  G: 'required',
  r: 'optional',
  w: 'optional',
  W: 'required',
  e: 'none',
  c: 'none',
  F: 'none',
  Z: 'none',
};
const LONG_OF: Readonly<Record<string, string>> = {
  a: 'all',
  h: 'help',
  V: 'version',
  t: 'target',
  m: 'mount',
  u: 'uts',
  i: 'ipc',
  n: 'net',
  N: 'net-socket',
  p: 'pid',
  C: 'cgroup',
  U: 'user',
  T: 'time',
  S: 'setuid',
  G: 'setgid',
  r: 'root',
  w: 'wd',
  W: 'wdns',
  e: 'env',
  c: 'join-cgroup',
  F: 'no-fork',
  Z: 'follow-context',
};

interface NsenterRequest {
  readonly pid: string | undefined;
  /** -n/--net given; with a file (`--net=FILE`, `-nFILE`) when one followed, glued. */
  readonly net: { readonly file: string | undefined } | undefined;
  readonly command: readonly string[];
}

/**
 * The command line as getopt_long reads it with "+": options until the first
 * word that is not one, the command after. An optional argument must be glued
 * (`--net=FILE`, `-nFILE`); enable_namespace drops a leading `=` (`-n=FILE`).
 */
function parseNsenter(args: readonly string[]): NsenterRequest | CommandResult {
  let pid: string | undefined;
  let net: NsenterRequest['net'];
  let index = 0;
  const take = (name: string, value: string | undefined): CommandResult | undefined => {
    if (name === 'target') pid = value;
    else if (name === 'net') net = { file: value?.replace(/^=/, '') || undefined };
    // The other namespaces, credentials, root and cgroup are not simulated: only the network namespace changes here.
    else return fail(`nsenter: only --target and --net are simulated, not --${name}\n`);
    return undefined;
  };
  for (; index < args.length; index++) {
    const word = args[index]!;
    if (word === '--') {
      index++;
      break;
    }
    if (word.startsWith('--')) {
      const [given, inline] = word.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const found = Object.keys(LONG_OPTIONS).filter((name) => name.startsWith(given));
      const name = found.includes(given) ? given : found.length === 1 ? found[0]! : undefined;
      if (name === undefined)
        return fail(
          `nsenter: ${found.length > 1 ? `option '${word}' is ambiguous` : `unrecognized option '${word}'`}\n${TRY_HELP}`,
        );
      const kind = LONG_OPTIONS[name]!;
      if (kind === 'none' && inline !== undefined)
        return fail(`nsenter: option '--${name}' doesn't allow an argument\n${TRY_HELP}`);
      let value = inline;
      if (kind === 'required' && value === undefined) {
        if (index + 1 >= args.length) return fail(`nsenter: option '--${name}' requires an argument\n${TRY_HELP}`);
        value = args[++index];
      }
      const refused = take(name, value);
      if (refused) return refused;
      continue;
    }
    if (!word.startsWith('-') || word === '-') break;
    for (let at = 1; at < word.length; at++) {
      const letter = word[at]!;
      const kind = SHORT_OPTIONS[letter];
      if (kind === undefined) return fail(`nsenter: invalid option -- '${letter}'\n${TRY_HELP}`);
      if (kind === 'none') {
        const refused = take(LONG_OF[letter]!, undefined);
        if (refused) return refused;
        continue;
      }
      let value: string | undefined = word.slice(at + 1) || undefined;
      if (kind === 'required' && value === undefined) {
        if (index + 1 >= args.length) return fail(`nsenter: option requires an argument -- '${letter}'\n${TRY_HELP}`);
        value = args[++index];
      }
      const refused = take(LONG_OF[letter]!, value);
      if (refused) return refused;
      break;
    }
  }
  return { pid, net, command: args.slice(index) };
}

/**
 * util-linux 2.41's nsenter (sys-utils/nsenter.c), for the network namespace:
 * `-t PID -n`, `--net=FILE`, then the command, which it execs. -t's PID goes
 * through strtoul_or_err; a file is opened as the option is read
 * (open_target_fd); -n without a file needs a target PID. With a PID, Linux
 * > 5.7 joins through a pidfd, so a user who may not is told so by setns
 * (`reassociate to namespaces failed`); an absent PID falls back to
 * /proc/PID/ns/net, which does not exist. Docker's /run/docker is root's only.
 */
export function nsenterProgram(hooks: NsenterHooks): Program {
  return {
    name: 'nsenter',
    run(args, context) {
      const request = parseNsenter(args);
      if ('exitCode' in request) return request;
      const { pid, net, command } = request;
      if (pid !== undefined && !/^\d+$/.test(pid)) return fail(`nsenter: failed to parse pid: '${pid}'\n`, 1);
      let namespace = context.namespace;
      if (net?.file !== undefined) {
        const found = hooks.namespaceOfFile(net.file);
        if (!found) return fail(`nsenter: cannot open ${net.file}: No such file or directory\n`, 1);
        if (!context.isRoot) return fail(`nsenter: cannot open ${net.file}: Permission denied\n`, 1);
        namespace = found;
      } else if (net) {
        if (pid === undefined) return fail('nsenter: no target PID specified\n', 1);
        const found = hooks.namespaceOfPid(Number(pid));
        if (!found) return fail(`nsenter: cannot open /proc/${pid}/ns/net: No such file or directory\n`, 1);
        if (!context.isRoot) return fail('nsenter: reassociate to namespaces failed: Operation not permitted\n', 1);
        namespace = found;
      }
      // With no command, nsenter starts $SHELL; interactive shells belong to the terminal layer.
      if (command.length === 0) return fail('nsenter: an interactive shell needs a terminal session\n', 1);
      return hooks.execute([...command], context, namespace);
    },
  };
}
