import type { AddressFamily } from '../format/ip-link';
import { fail, type CommandResult, type ProcessContext } from './command';

/** Global options of `ip` that change what an object prints. */
export interface IpOptions {
  /** `-4` / `-6`: preferred_family. */
  family: AddressFamily | undefined;
  brief: boolean;
}

export type ObjectHandler = (args: string[], options: IpOptions, context: ProcessContext) => CommandResult;

/** iproute2's matches(): a word may be any prefix of the keyword. */
export const matches = (word: string | undefined, keyword: string) => word !== undefined && word.length > 0 && keyword.startsWith(word);

export const isShow = (word: string | undefined) => matches(word, 'show') || matches(word, 'list') || word === 'lst';

/** The ways iproute2 gives up, each with its exit status (utils.c and the object's own code). */
export const ipErrors = {
  /** NEXT_ARG() past the last word: incomplete_command(), exit(-1). */
  incomplete: () => fail('Command line is not complete. Try option "help"\n', 255),
  /** invarg(): exit(-1). */
  invalidArgument: (message: string, word: string) => fail(`Error: argument "${word}" is wrong: ${message}\n`, 255),
  unknownCommand: (word: string, object: string) => fail(`Command "${word}" is unknown, try "ip ${object} help".\n`, 255),
  noDevice: (name: string) => fail(`Cannot find device "${name}"\n`, 1),
  /** rtnl_talk() failing: the kernel's errno as perror words it, exit 2. */
  rtnetlink: (text: string) => fail(`RTNETLINK answers: ${text}\n`, 2),
};
