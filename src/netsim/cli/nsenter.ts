import type { Namespace } from '../kernel/namespace';
import { fail, type CommandResult, type ProcessContext, type Program } from './command';

export interface NsenterHooks {
  /** The network namespace process `pid` lives in, if such a process runs. */
  namespaceOfPid(pid: number): Namespace | undefined;
  /** Runs a command line's words as a program in `namespace`. */
  execute(words: string[], context: ProcessContext, namespace: Namespace): CommandResult;
}

/** util-linux nsenter, for the network namespace: `nsenter -t PID -n CMD...`. */
export function nsenterProgram(hooks: NsenterHooks): Program {
  return {
    name: 'nsenter',
    run(args, context) {
      let pid: string | undefined;
      let network = false;
      let index = 0;
      for (; index < args.length; index++) {
        const word = args[index]!;
        if (word === '-t' || word === '--target') pid = args[++index];
        else if (word.startsWith('--target=')) pid = word.slice('--target='.length);
        else if (/^-t\d+$/.test(word)) pid = word.slice(2);
        else if (word === '-n' || word === '--net') network = true;
        else if (word === '--') {
          index++;
          break;
        } else if (word.startsWith('-')) return fail(`nsenter: unrecognized option '${word}'\nTry 'nsenter --help' for more information.\n`, 1);
        else break;
      }
      if (pid !== undefined && !/^\d+$/.test(pid)) return fail(`nsenter: failed to parse pid: '${pid}'\n`, 1);
      if (!network) return fail('nsenter: neither filename nor target pid supplied for ns/net\n', 1);
      if (pid === undefined) return fail('nsenter: neither filename nor target pid supplied for ns/net\n', 1);
      if (!context.isRoot) return fail(`nsenter: cannot open /proc/${pid}/ns/net: Permission denied\n`, 1);
      const namespace = hooks.namespaceOfPid(Number(pid));
      if (!namespace) return fail(`nsenter: cannot open /proc/${pid}/ns/net: No such file or directory\n`, 1);
      const command = args.slice(index);
      // With no command, nsenter starts $SHELL; interactive shells belong to the terminal layer.
      if (command.length === 0) return fail('nsenter: an interactive shell needs a terminal session\n', 1);
      return hooks.execute([...command], context, namespace);
    },
  };
}
