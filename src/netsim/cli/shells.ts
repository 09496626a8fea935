import type { CommandResult, MachineName, MachineShell, ProcessContext, Program } from './command';

/**
 * Shells started from a shell of the host or of the LAN machine: `bash`, `sh`,
 * util-linux's `su`, and sudo's `-i` and `-s`. Each hands the terminal to a new
 * shell of the same machine (TerminalControl.enterMachine), or runs its `-c`
 * script to its end. The user is root when the caller is (sudo ran it).
 */

/** root's home and login directory on Debian (/etc/passwd). */
const ROOT_HOME = '/root';

/** Who runs the new shell, and where it starts. */
function shellAs(context: ProcessContext, user: string, argv0: string, login: boolean): MachineShell {
  const home = user === 'root' ? ROOT_HOME : `/home/${user}`;
  // A login shell starts in the user's home; any other where its parent was.
  return { user, home, cwd: login ? home : (context.cwd ?? home), argv0, login };
}

/** The user the caller runs as: root under sudo, else the machine's own user (its $USER). */
function callerOf(context: ProcessContext): string {
  return context.isRoot ? 'root' : (context.env?.get('USER') ?? 'root');
}

/** Enters `shell` on `machine`, or runs `script` there; without a terminal, an interactive shell reads empty input and ends at once. */
function startShell(
  context: ProcessContext,
  machine: MachineName,
  shell: MachineShell,
  script: string | undefined,
): CommandResult {
  const terminal = context.terminal;
  if (script !== undefined)
    return terminal?.runOnMachine?.(machine, shell, script, context.stdin) ?? { stdout: '', stderr: '', exitCode: 0 };
  terminal?.enterMachine?.(machine, shell);
  return { stdout: '', stderr: '', exitCode: 0 };
}

/** `bash`, `bash -l`, `bash -c 'ip a'`, and `sh` (dash on Debian): a shell of the caller's machine. */
export function shellProgram(name: 'bash' | 'sh', machine: MachineName): Program {
  return {
    name,
    run(args, context) {
      const c = args.findIndex((arg) => /^-[a-z]*c[a-z]*$/.test(arg));
      const login = args.some((arg) => arg === '-l' || arg === '--login' || /^-[a-z]*l[a-z]*$/.test(arg));
      return startShell(
        context,
        machine,
        shellAs(context, callerOf(context), name, login),
        c >= 0 ? (args[c + 1] ?? '') : undefined,
      );
    },
  };
}

/**
 * util-linux su: root's password is asked through PAM. Debian's installer, when
 * sudo is set up, leaves root without a password (`*` in /etc/shadow), so every
 * answer fails: pam_unix waits its failure delay (about 2 s) and su says
 * `su: Authentication failure` (su-common.c supam_authenticate). Root needs no
 * password (pam_rootok, first in /etc/pam.d/su): `sudo su -` is a root shell.
 * Captured on Debian 12: `su -`, Enter at `Password: ` (no echo, then a newline).
 */
export const suProgram: Program = {
  name: 'su',
  run(args, context) {
    const login = args.some((arg) => arg === '-' || arg === '-l' || arg === '--login');
    const c = args.findIndex((arg) => arg === '-c' || arg === '--command');
    const user = args.find((arg, index) => !arg.startsWith('-') && index !== c + 1) ?? 'root';
    // Root, or the host's user (uid 1000 in /etc/passwd): `sudo su - usuario` is a new login.
    const passwd = context.readFile?.('/etc/passwd');
    if (user !== 'root' && !(passwd && 'content' in passwd && passwd.content.includes(`\n${user}:x:1000:`)))
      return {
        stdout: '',
        stderr: `su: user ${user} does not exist or the user entry does not contain all the required fields\n`,
        exitCode: 1,
      };
    if (!context.isRoot) {
      context.clock.advance(PAM_FAIL_DELAY_MS);
      return { stdout: '', stderr: 'Password: \nsu: Authentication failure\n', exitCode: 1 };
    }
    return startShell(context, 'host', shellAs(context, user, 'bash', login), c >= 0 ? (args[c + 1] ?? '') : undefined);
  },
};

/** pam_unix's delay after a failed password (pam_unix_auth.c: pam_fail_delay 2,000,000 us). */
const PAM_FAIL_DELAY_MS = 2000;

/** What sudo 1.9 prints with no command (sudo.c usage()). */
const SUDO_USAGE = `usage: sudo -h | -K | -k | -V
usage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]
usage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user]
            [command [arg ...]]
usage: sudo [-ABbEHkNnPS] [-r role] [-t type] [-C num] [-D directory] [-g
            group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user]
            [VAR=value] [-i | -s] [command [arg ...]]
usage: sudo -e [-ABkNnS] [-r role] [-t type] [-C num] [-D directory] [-g group]
            [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...
`;

/** Shell builtins sudo refuses by name (sudo 1.9's exec error for a command it cannot find). */
const SHELL_BUILTINS = new Set([
  'cd',
  'export',
  'exit',
  'source',
  'alias',
  'unset',
  'set',
  'ulimit',
  'umask',
  'history',
]);

/**
 * sudo on the host, whose user may run anything as root without a password:
 * `-i` runs root's login shell (in /root; with a command, that shell's `-c`),
 * `-s` the shell of $SHELL where the caller is (sudo.c, parse_args.c). Other
 * commands run as root; a name sudo cannot find, or a shell builtin, is its own error.
 */
export function sudo(
  args: readonly string[],
  context: ProcessContext,
  runAsRoot: (argv: readonly string[]) => CommandResult | undefined,
): CommandResult {
  const mode =
    args[0] === '-i' || args[0] === '--login'
      ? 'login'
      : args[0] === '-s' || args[0] === '--shell'
        ? 'shell'
        : undefined;
  if (mode) {
    const rest = args.slice(1);
    const root = { ...context, isRoot: true };
    return startShell(
      root,
      'host',
      shellAs(root, 'root', 'bash', mode === 'login'),
      rest.length > 0 ? rest.join(' ') : undefined,
    );
  }
  const [name] = args;
  if (name === undefined) return { stdout: '', stderr: SUDO_USAGE, exitCode: 1 };
  const result = runAsRoot(args);
  if (result) return result;
  const builtin = SHELL_BUILTINS.has(name)
    ? `sudo: "${name}" is a shell built-in command, it cannot be run directly.\nsudo: the -s option may be used to run a privileged shell.\nsudo: the -D option may be used to run a command in a specific directory.\n`
    : '';
  return { stdout: '', stderr: `sudo: ${name}: command not found\n${builtin}`, exitCode: 1 };
}
