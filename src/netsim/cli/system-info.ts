import type { CommandResult, Program, ProcessContext } from './command';
import { HOST_KERNEL_RELEASE } from '../engine/host-processes';
import { getoptLong } from './getopt';
import { short } from './text/input';
import { absolute, userName } from './files/paths';
import { isExecutableFile } from '../kernel/filesystem';
import { toolModule } from './tool-loader';

type Dialect = 'gnu' | 'busybox';

const done = (stdout: string, exitCode = 0): CommandResult => ({ stdout, stderr: '', exitCode });

/** env with no command: the environment it was given, one NAME=value a line, in order (coreutils src/env.c, BusyBox coreutils/env.c). */
export const envProgram: Program = {
  name: 'env',
  run(args, context) {
    if (args.length > 0)
      return { stdout: '', stderr: 'netsim: env with options or a command is not simulated\n', exitCode: 125 };
    return done([...(context.env ?? new Map())].map(([name, value]) => `${name}=${value}\n`).join(''));
  },
};

/** printenv [NAME...]: every variable, or the values of those named; status 1 when one is unset. */
export const printenvProgram: Program = {
  name: 'printenv',
  run(args, context) {
    const env = context.env ?? new Map<string, string>();
    if (args.length === 0) return envProgram.run([], context);
    const values = args.filter((name) => env.has(name)).map((name) => `${env.get(name)}\n`);
    return done(values.join(''), values.length === args.length ? 0 : 1);
  },
};

/** The user the program runs as: uid 0 is root, else the host user (uid 1000). */
function identity(context: ProcessContext): { uid: number; gid: number; name: string } {
  const who = context.files?.who ?? { uid: context.isRoot ? 0 : 1000, gid: context.isRoot ? 0 : 1000 };
  return { ...who, name: userName(who.uid, context) };
}

/**
 * id: GNU prints `groups=`; BusyBox prints it only when there are supplementary
 * groups (coreutils/id.c), so root in a container shows none. The host user's
 * supplementary groups, once usermod changed /etc/group, are those its login
 * took (system-tools/accounts.ts, a tool module).
 */
export function idProgram(dialect: Dialect): Program {
  return {
    name: 'id',
    run(args, context) {
      const { uid, gid, name } = identity(context);
      const group = userName(gid, context, '/etc/group');
      if (args[0] === '-u') return done(args.includes('-n') ? `${name}\n` : `${uid}\n`);
      if (args[0] === '-g') return done(`${gid}\n`);
      if (args[0] === '-un' || args[0] === '-nu') return done(`${name}\n`);
      const groups =
        dialect === 'gnu' ? ` groups=${[`${gid}(${group})`, ...supplementary(context, name)].join(',')}` : '';
      return done(`uid=${uid}(${name}) gid=${gid}(${group})${groups}\n`);
    },
  };
}

/** `GID(name)` of each group the host user's login added beyond its own: none before usermod left its /etc/group- behind. */
function supplementary(context: ProcessContext, user: string): string[] {
  const changed = context.containerId === undefined && 'content' in (context.readFile?.('/etc/group-') ?? {});
  return changed ? toolModule('systemTools').supplementaryGroups(context, user) : [];
}

export const whoamiProgram: Program = { name: 'whoami', run: (_args, context) => done(`${identity(context).name}\n`) };

/** The kernel's version string (/proc/version's `#1 SMP ...`) of Debian 13's 6.12.57-1 build, as `uname -a` prints it on trixie hosts. */
const KERNEL_VERSION = '#1 SMP PREEMPT_DYNAMIC Debian 6.12.57-1 (2025-11-05)';

/**
 * uname: containers share the host's kernel, so every field but the hostname
 * (the UTS namespace's) is the host's. GNU leaves out -p and -i when unknown
 * in -a (coreutils src/uname.c); BusyBox prints `GNU/Linux` for -o
 * (CONFIG_UNAME_OSNAME's default, kept by the busybox image's defconfig).
 */
export function unameProgram(dialect: Dialect, hostname: (context: ProcessContext) => string): Program {
  return {
    name: 'uname',
    run(args, context) {
      const { events } = getoptLong(
        'uname',
        args,
        ['a', 's', 'n', 'r', 'v', 'm', 'p', 'i', 'o'].map((letter) => short(letter)),
      );
      const error = events.find((event) => event.kind === 'error');
      if (error)
        return {
          stdout: '',
          stderr:
            dialect === 'gnu'
              ? `${error.message}Try 'uname --help' for more information.\n`
              : `${error.message}netsim: BusyBox's usage text for uname is not simulated\n`,
          exitCode: 1,
        };
      const flags = new Set(events.flatMap((event) => (event.kind === 'option' ? [event.spec.short!] : [])));
      const all = flags.has('a');
      const fields: [string, string][] = [
        ['s', 'Linux'],
        ['n', hostname(context)],
        ['r', HOST_KERNEL_RELEASE],
        ['v', KERNEL_VERSION],
        ['m', 'x86_64'],
        ['p', 'unknown'],
        ['i', 'unknown'],
        ['o', 'GNU/Linux'],
      ];
      const shown = fields.filter(([letter]) => flags.has(letter) || (all && letter !== 'p' && letter !== 'i'));
      return done(`${(shown.length > 0 ? shown : [fields[0]!]).map(([, value]) => value).join(' ')}\n`);
    },
  };
}

/** seq [FIRST [INCREMENT]] LAST for whole numbers (coreutils src/seq.c: missing operand, `invalid floating point argument`). */
export function seqProgram(dialect: Dialect): Program {
  return {
    name: 'seq',
    run(args, context) {
      const numbers = args.map(Number);
      const bad = args.find((arg) => !/^[+-]?\d+$/.test(arg));
      if (args.length === 0 || args.length > 3 || bad !== undefined) {
        if (dialect === 'busybox')
          return { stdout: '', stderr: "netsim: BusyBox's usage text for seq is not simulated\n", exitCode: 1 };
        const locale = context.env?.get('LANG') ?? '';
        const quoted = /utf-?8/i.test(locale) ? `‘${bad}’` : `'${bad}'`;
        const message =
          args.length === 0
            ? 'seq: missing operand\n'
            : args.length > 3
              ? `seq: extra operand '${args[3]}'\n`
              : `seq: invalid floating point argument: ${quoted}\n`;
        return { stdout: '', stderr: `${message}Try 'seq --help' for more information.\n`, exitCode: 1 };
      }
      const [first, step, last] =
        numbers.length === 1
          ? [1, 1, numbers[0]!]
          : numbers.length === 2
            ? [numbers[0]!, 1, numbers[1]!]
            : (numbers as [number, number, number]);
      let stdout = '';
      for (let value = first; step > 0 ? value <= last : value >= last; value += step) {
        stdout += `${value}\n`;
        if (step === 0) break;
      }
      return done(stdout);
    },
  };
}

/**
 * which NAME...: the first executable file of that name in PATH's directories,
 * status 1 when one is missing and nothing said (debianutils' which; BusyBox
 * debianutils/which.c alike).
 */
export const whichProgram: Program = {
  name: 'which',
  run(args, context) {
    const path = (context.env?.get('PATH') ?? '').split(':').filter(Boolean);
    let stdout = '';
    let missing = false;
    for (const name of args.filter((arg) => !arg.startsWith('-'))) {
      const candidates = name.includes('/')
        ? [absolute(name, context)]
        : path.map((directory) => `${directory}/${name}`);
      const found = candidates.find(
        (candidate) => context.files !== undefined && isExecutableFile(context.files.fs, candidate),
      );
      if (found) stdout += `${found}\n`;
      else missing = true;
    }
    return done(stdout, missing ? 1 : 0);
  },
};
