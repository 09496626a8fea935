import type { AddressFamily } from '../format/ip-link';
import { STRERROR } from '../wire/strerror';
import type { NetlinkError } from '../kernel/rtnetlink';
import type { Namespace } from '../kernel/namespace';
import { fail, type CommandResult, type ProcessContext } from './command';

/** What ip needs from the host beyond the kernel: processes and files (which namespace a PID or a path holds) and running a program. */
export interface IpHooks {
  namespaceOfPid(pid: number): Namespace | undefined;
  namespaceOfFile(path: string): Namespace | undefined;
  /** Whether a process lives in the namespace (a container's), so that unnaming it leaves it alive. */
  hasProcesses(namespace: Namespace): boolean;
  /** Runs a command line's words as a program in `namespace`, or undefined when there is no such program. */
  execute(words: readonly string[], context: ProcessContext, namespace: Namespace): CommandResult | undefined;
}

/** Global options of `ip` that change what an object prints. */
export interface IpOptions {
  /** `-4` / `-6`: preferred_family. */
  family: AddressFamily | undefined;
  brief: boolean;
  /** `-d`: show_details, which `ip link` and `ip addr` honour here. */
  details?: boolean;
  /** `-o`: each record on one line (_SL_ is `\`). */
  oneline: boolean;
  /** `-s`, given N times: show_stats (ip-output.ts prints the counters). */
  stats?: number;
  /** `-j`: JSON; `-p`: pretty JSON. */
  json?: boolean;
  pretty?: boolean;
  /** `-c[=always|auto|never]`: matches_color; absent is the build's default, never. */
  color?: 'always' | 'auto' | 'never';
  /** The host's side of `ip netns exec`, `netns PID` and `ip netns identify PID`; absent, only names under /run/netns are known. */
  hooks?: IpHooks;
}

/**
 * rtnl_talk_error (lib/libnetlink.c): the kernel's extended ack message as
 * `Error: MSG.` (print_ext_ack_msg adds the full stop), else perror's
 * `RTNETLINK answers: ...`; iplink_modify and the others return -2, exit 2.
 */
export function netlinkFailure(error: NetlinkError): CommandResult {
  if (error.extack !== undefined)
    return fail(
      `Error: ${error.extack}${error.extack.endsWith('.') ? '' : '.'}
`,
      2,
    );
  return ipErrors.rtnetlink(STRERROR[error.errno]);
}

export type ObjectHandler = (args: string[], options: IpOptions, context: ProcessContext) => CommandResult;

/** iproute2's matches(): a word may be any prefix of the keyword. */
export const matches = (word: string | undefined, keyword: string) =>
  word !== undefined && word.length > 0 && keyword.startsWith(word);

export const isShow = (word: string | undefined) => matches(word, 'show') || matches(word, 'list') || word === 'lst';

/** The ways iproute2 gives up, each with its exit status (utils.c and the object's own code). */
export const ipErrors = {
  /** NEXT_ARG() past the last word: incomplete_command(), exit(-1). */
  incomplete: () => fail('Command line is not complete. Try option "help"\n', 255),
  /** invarg(): exit(-1). */
  invalidArgument: (message: string, word: string) => fail(`Error: argument "${word}" is wrong: ${message}\n`, 255),
  unknownCommand: (word: string, object: string) =>
    fail(`Command "${word}" is unknown, try "ip ${object} help".\n`, 255),
  noDevice: (name: string) => fail(`Cannot find device "${name}"\n`, 1),
  /** duparg(): exit(-1). */
  duplicate: (key: string, word: string) => fail(`Error: duplicate "${key}": "${word}" is the second value.\n`, 255),
  /** duparg2(): exit(-1). */
  duplicateOrGarbage: (key: string, word: string) =>
    fail(`Error: either "${key}" is duplicate, or "${word}" is garbage.\n`, 255),
  /** rtnl_talk() failing: the kernel's errno as perror words it, exit 2. */
  rtnetlink: (text: string) => fail(`RTNETLINK answers: ${text}\n`, 2),
};
