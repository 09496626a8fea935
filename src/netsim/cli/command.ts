import type { VirtualClock } from '../clock';
import type { ShellProcess } from '../engine/processes';
import type { World } from '../kernel/datapath';
import type { Kernel } from '../kernel/kernel';
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
}

/** A piece of what a program wrote, and where to. `tty` is what the terminal itself echoes, such as `^C`. */
export interface OutputChunk {
  readonly stream: 'stdout' | 'stderr' | 'tty';
  readonly text: string;
}

/** A program's result from what it wrote in order: each stream's text, and the order kept for the terminal. */
export function collect(output: readonly OutputChunk[], exitCode: number): CommandResult {
  const text = (stream: OutputChunk['stream']) => output.filter((chunk) => chunk.stream === stream).map((chunk) => chunk.text).join('');
  return { stdout: text('stdout'), stderr: text('stderr'), exitCode, output };
}

/** Files a program can read: `cat`, `grep`, `< file`. Errors are errno kinds, their text is the program's. */
export type ReadFileResult = { readonly content: string } | { readonly error: 'ENOENT' | 'EISDIR' | 'EACCES' | 'ENOTDIR' };

/** strerror(3) of the errors reading a file gives, as programs and shells print them. */
export const READ_ERROR_TEXT: Readonly<Record<Extract<ReadFileResult, { error: unknown }>['error'], string>> = {
  ENOENT: 'No such file or directory',
  EISDIR: 'Is a directory',
  EACCES: 'Permission denied',
  ENOTDIR: 'Not a directory',
};

/** A machine's files as one process reaches them: the file system of where it runs, and who it is. */
export interface FileAccess {
  readonly fs: FileSystem;
  readonly who: Credentials;
}

/** A FileSystem read as ReadFileResult: the errors `cat` and the shell know by name; any other is ENOENT. */
export function readThrough(access: FileAccess, path: string): ReadFileResult {
  const read = access.fs.read(path, access.who);
  if ('content' in read) return read;
  return { error: read.error === 'EISDIR' || read.error === 'EACCES' || read.error === 'ENOTDIR' ? read.error : 'ENOENT' };
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
  /**
   * Milliseconds until the user presses Ctrl-C, for a program that would run
   * until interrupted (`ping` without -c, a foreground server). Absent: there
   * is no terminal, and such a program is refused.
   */
  interruptAfterMs?: number;
  /** Programs that run other programs in containers (`docker run`, `docker exec`, `docker attach`) reach the terminal through this. */
  terminal?: TerminalControl;
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
  enterShell(containerId: string, argv: readonly string[], options: ExecOptions & { firstProcess: boolean; viaAttach?: boolean }): void;
  /** The terminal's shells, bottom first: the last is the one the current line was typed into (`ps` lists them). */
  shells?(): readonly ShellProcess[];
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
