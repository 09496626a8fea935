import type { VirtualClock } from '../clock';
import type { ShellProcess } from '../engine/processes';
import type { World } from '../kernel/datapath';
import type { Kernel } from '../kernel/kernel';
import { STRERROR } from '../wire/strerror';
import type { Credentials, FileSystem } from '../kernel/filesystem';
import type { Namespace } from '../kernel/namespace';
import type { SeededRandom } from '../random';

/** A process holding a socket, as `ss -p` and `netstat -p` name it. */
export interface SocketOwner {
  readonly name: string;
  readonly pid: number;
  readonly fd: number;
}

/** What one program prints and returns, as a terminal would show it. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /**
   * The same output in the order the terminal shows it, when the order matters:
   * stdout and stderr interleaved, or `^C` echoed by the terminal (stream `tty`)
   * between what came before and after it. Absent: stdout, then stderr.
   */
  output?: readonly OutputChunk[];
  /** Files the program wrote (`curl -o page.html`), kept where the shell keeps what its redirections write. */
  files?: readonly { readonly path: string; readonly content: string }[];
  /** Started with `&`, the program goes on as a job: its process, and what the machine needs to hear from it later. */
  job?: BackgroundJob;
  /** It reads the terminal and has read all that was typed: it waits for the next line (session.ts, program frames). */
  awaitsInput?: boolean;
}

/** stdin is the terminal: `stdin` holds the lines typed to the program so far; `ended` once Ctrl-D came. */
export interface Typing {
  readonly ended: boolean;
}

/**
 * A program that goes on in the background (`tcpdump ... &`): it records while
 * later commands run, and the shell asks the machine after each command what it
 * printed since and whether it has ended. Plain data, so a snapshot keeps it.
 */
export interface BackgroundJob {
  readonly pid: number;
  /** The packet capture the job reads. */
  readonly captureId: number;
  /** How it prints what it reads (tcpdump's -n, -e, the "any" device, -v, -A). */
  readonly display: {
    readonly numeric: boolean;
    readonly linkHeader: boolean;
    readonly cooked: boolean;
    readonly verbose?: number;
    readonly ascii?: boolean;
  };
  /** tcpdump -w: the file the packets go to, written when the capture ends. */
  readonly writeFile?: string;
}

/** A piece of what a program wrote, and where to. `tty` is what the terminal itself echoes, such as `^C`. */
export interface OutputChunk {
  readonly stream: 'stdout' | 'stderr' | 'tty';
  readonly text: string;
}

/** A program's result from what it wrote in order: each stream's text, and the order kept for the terminal. */
export function collect(output: readonly OutputChunk[], exitCode: number): CommandResult {
  const text = (stream: OutputChunk['stream']) =>
    output
      .filter((chunk) => chunk.stream === stream)
      .map((chunk) => chunk.text)
      .join('');
  return { stdout: text('stdout'), stderr: text('stderr'), exitCode, output };
}

/** Files a program can read: `cat`, `grep`, `< file`. Errors are errno kinds, their text is the program's. */
export type ReadFileResult =
  { readonly content: string } | { readonly error: 'ENOENT' | 'EISDIR' | 'EACCES' | 'ENOTDIR' };

/** strerror(3) of the errors reading a file gives (kernel/errno.ts), as programs and shells print them. */
export const READ_ERROR_TEXT: Readonly<Record<Extract<ReadFileResult, { error: unknown }>['error'], string>> = STRERROR;

/** A machine's files as one process reaches them: the file system of where it runs, and who it is. */
export interface FileAccess {
  readonly fs: FileSystem;
  readonly who: Credentials;
}

/** A FileSystem read as ReadFileResult: the errors `cat` and the shell know by name; any other is ENOENT. */
export function readThrough(access: FileAccess, path: string): ReadFileResult {
  const read = access.fs.read(path, access.who);
  if ('content' in read) return read;
  return {
    error: read.error === 'EISDIR' || read.error === 'EACCES' || read.error === 'ENOTDIR' ? read.error : 'ENOENT',
  };
}

/** Where a program runs: which namespace, as whom. */
export interface ProcessContext {
  kernel: Kernel;
  namespace: Namespace;
  isRoot: boolean;
  /** What the user types while the program runs (answers to prompts); empty is end of input. */
  stdin: string;
  /** The host's clock: programs that take time (ping -c 3) advance it; iptables-save prints it. */
  clock: VirtualClock;
  /** The host's seeded random source: round-trip times, ephemeral ports. */
  random: SeededRandom;
  /** What lies beyond the host's NIC: the LAN and the internet; none for a bare kernel. */
  world?: World;
  /** Exported variables the shell passes on (`env`, `VAR=value cmd`); absent outside a shell. */
  env?: ReadonlyMap<string, string>;
  /** The working directory, for relative paths. */
  cwd?: string;
  /** The container whose PID namespace the program runs in (a --network host container shares only the network); absent on the host. */
  containerId?: string | undefined;
  /** Reads a file where the program runs (the host or a container); absent means no file exists. */
  readFile?(path: string): ReadFileResult;
  /** The files where the program runs, as the user it runs as; absent for a bare kernel. */
  files?: FileAccess;
  /** Whether stdout is a terminal (isatty(1)): `ls` prints columns there, one name a line into a pipe or a file. */
  stdoutIsTerminal?: boolean;
  /** stdin is the terminal (isatty(0)), read a line at a time as typed; absent: a pipe, a file, a lesson's input. */
  typing?: Typing;
  /** Whether stderr is a terminal (isatty(2)): Docker Compose draws its progress display there, plain lines elsewhere. */
  stderrIsTerminal?: boolean;
  /** The terminal's width (ioctl TIOCGWINSZ's ws_col), present only when stdout is a terminal: `ss` spreads its columns over it. */
  terminalColumns?: number;
  /**
   * Milliseconds until the user presses Ctrl-C, for a program that would run
   * until interrupted (`ping` without -c, a foreground server). Absent: there
   * is no terminal, and such a program is refused.
   */
  interruptAfterMs?: number;
  /** Programs that run other programs in containers (`docker run`, `docker exec`, `docker attach`) reach the terminal through this. */
  terminal?: TerminalControl;
  /** Started with `&`: a program that can go on as a job returns one instead of running to its end. */
  background?: boolean;
  /**
   * Runs another program where this one runs, as execvp would find it on PATH
   * (xargs, timeout, watch); undefined when there is no such program.
   */
  exec?(argv: readonly string[], options: ExecRequest): CommandResult | undefined;
}

/** What a program that runs another gives it: its stdin, and a clock or a Ctrl-C of its own (timeout's deadline). */
export interface ExecRequest {
  readonly stdin: string;
  readonly clock?: VirtualClock;
  readonly interruptAfterMs?: number;
}

/**
 * What the terminal session offers the docker client: running a command in a
 * container with the container's own programs, and handing the terminal to a
 * container's shell for the lines typed next.
 */
export interface TerminalControl {
  /**
   * Runs `argv` in a running container to its end (or to Ctrl-C); `shell` when it
   * is an interactive shell that needs the terminal, `not-found` when the container has no such program.
   */
  exec(containerId: string, argv: readonly string[], options: ExecOptions): CommandResult | 'shell' | 'not-found';
  /** From the next line on, the user types into `argv`, an interactive shell in the container. */
  enterShell(
    containerId: string,
    argv: readonly string[],
    options: ExecOptions & { firstProcess: boolean; viaAttach?: boolean },
  ): void;
  /** The terminal's shells, bottom first: the last is the one the current line was typed into (`ps` lists them). */
  shells?(): readonly ShellProcess[];
  /**
   * From the next line on, the user types into a shell of a machine reached
   * without Docker: a root shell on the host (`sudo -i`, `sudo su -`), or a login
   * on the LAN machine (`ssh lan-pc`).
   */
  enterMachine?(machine: MachineName, shell: MachineShell): void;
  /** Runs `script` to its end in a non-interactive shell of that machine (`ssh lan-pc ip a`: sshd's `$SHELL -c`; `sh -c`, reading `stdin`). */
  runOnMachine?(machine: MachineName, shell: MachineShell, script: string, stdin?: string): CommandResult;
}

/** The machines the terminal reaches without Docker: the host itself, and the LAN machine. */
export type MachineName = 'host' | 'lan';

/** A shell started on a machine: as whom, where, and what it says when it ends. */
export interface MachineShell {
  readonly user: string;
  readonly home: string;
  readonly cwd: string;
  /** `bash`, `sh`: decides the dialect (dash for sh). */
  readonly argv0: string;
  /** A login shell (`sudo -i`, `su -`, sshd's): `exit` makes bash say `logout`. */
  readonly login: boolean;
  /** What the program that started the shell prints once it ends (ssh's `Connection to lan-pc closed.`), on stderr. */
  readonly farewell?: string;
}

export interface ExecOptions {
  readonly tty: boolean;
  readonly interactive: boolean;
  readonly user?: string;
  readonly workdir?: string;
  /** `-e NAME=value` of docker exec and the container's own environment. */
  readonly env?: readonly string[];
}

/** A program on the simulated PATH: a name and a function of its arguments. */
export interface Program {
  readonly name: string;
  run(args: readonly string[], context: ProcessContext): CommandResult;
}

export const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1): CommandResult => ({ stdout: '', stderr, exitCode });
