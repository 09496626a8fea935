import {
  collect,
  type BackgroundJob,
  type CommandResult,
  type ExecOptions,
  type FileAccess,
  type MachineName,
  type MachineShell,
  type OutputChunk,
  type ReadFileResult,
  type TerminalControl,
} from '../cli/command';
import type { ShellProcess } from '../engine/processes';
import { processEnvironment } from '../engine/process-environment';
import { ashDialect, bashDialect, dashDialect, type Dialect } from './dialect';
import { shellExtras } from './shell-extras-loader';
import { Interpreter, type Invocation, type LineOutcome, type ShellJob, type ShellState } from './interpreter';

/** Where a shell runs: on the host, inside a container, or on the LAN machine. */
export type Place =
  { readonly kind: 'host' } | { readonly kind: 'container'; readonly id: string } | { readonly kind: 'lan' };

/** What the session needs of the machine: running programs, files, containers' facts. */
export interface Machine {
  /** Runs a program where `place` is; undefined when that place has no program of that name. */
  runProgram(
    place: Place,
    argv: readonly string[],
    invocation: Invocation & { isRoot: boolean; terminal: TerminalControl },
  ): CommandResult | undefined;
  readFile(place: Place, path: string): ReadFileResult;
  directoryExists(place: Place, path: string): boolean;
  /** The files where `place` is, as root or as the user; undefined once a container has stopped. */
  files(place: Place, isRoot: boolean): FileAccess | undefined;
  /** A running container's hostname and image, for its shell's prompt and dialect; undefined once it has stopped. */
  container(
    id: string,
  ): { readonly hostname: string; readonly image: string; readonly env: readonly string[] } | undefined;
  /** The container's first process ended with `status`: the container stops. */
  firstProcessExited(id: string, status: number): void;
  /** The busybox-based images, whose `sh` is BusyBox ash. */
  isBusyBox(image: string): boolean;
  /** A new shell's process: its PID on the host, its $$ where it runs, when it started. */
  spawnShell(place: Place, firstProcess: boolean, nested?: boolean): ShellPid;
  /** The hostname of the host or of the LAN machine, for a prompt drawn there. */
  hostname(place: Exclude<Place, { kind: 'container' }>): string;
  /** What a background job printed since `printed` lines, and whether it has ended. */
  pollJob?(job: BackgroundJob, printed: number): { output: readonly OutputChunk[]; printed: number; done: boolean };
  /** The virtual clock, and how long after a line starts Ctrl-C comes. */
  clock?(): { readonly nowMs: number; readonly interruptAfterMs: number };
  /** A number from the machine's seeded random source, which seeds a shell's $RANDOM. */
  randomSeed?(): number;
}

export interface ShellPid {
  readonly pid: number;
  readonly visiblePid: number;
  readonly startedMs: number;
}

interface Frame {
  readonly place: Place;
  /** How the shell was started (`bash`, `sh`, `/bin/sh`): decides its dialect. */
  readonly argv0: string;
  readonly interpreter: Interpreter;
  readonly state: ShellState;
  readonly dialect: Dialect;
  readonly user: string;
  readonly home: string;
  /** The container's PID 1 (run -it, attach): leaving it stops the container. */
  readonly firstProcess: boolean;
  readonly process: ShellPid;
  /** A login shell: bash's `exit` says `logout`. */
  readonly login: boolean;
  /** What the program that started the shell prints once it ends (ssh's `Connection to lan-pc closed.`). */
  readonly farewell: string | undefined;
}

/** A shell of the stack as plain data, for a host snapshot. */
export interface FrameState {
  readonly place: Place;
  readonly argv0: string;
  readonly user: string;
  readonly home: string;
  readonly firstProcess: boolean;
  readonly viaAttach: boolean;
  readonly variables: readonly (readonly [string, string])[];
  readonly exported: readonly string[];
  readonly status: number;
  readonly cwd: string;
  readonly line: number;
  /** What redirections wrote, in snapshots taken before the machine had files; ignored. */
  readonly files?: readonly (readonly [string, string])[];
  /** Absent in snapshots taken before shells had PIDs: a new one is taken. */
  readonly process?: ShellPid;
  /** Jobs started with `&`; absent when there were none. */
  readonly jobs?: readonly ShellJob[];
  readonly login?: boolean;
  readonly farewell?: string | undefined;
  /** Functions, arrays, `set` options, traps, aliases, `history`...: absent in older snapshots and when there are none. */
  readonly language?: SavedLanguage;
  /** A program of this shell's line owns the terminal's input (the top shell only). */
  readonly program?: ProgramFrame;
}

/**
 * A program that owns the terminal's input until it ends (`read` at a terminal, a
 * connected telnet). The simulator is deterministic, so it is kept as the line
 * that started it and what was typed since: each typed line runs that line again
 * with all of it as the terminal's input, and what was shown already is not shown again.
 * The host goes back to where it was before the line first (Host.run keeps a copy), so
 * what the line's commands did before it waited is done once.
 */
export interface ProgramFrame {
  readonly line: string;
  readonly typed: string;
  /** The text the line printed so far. */
  readonly shown: string;
  /** What it printed last after its last newline: the prompt the next line is typed at (`Name: `, `telnet> `). */
  readonly prompt: string;
  /** The shell's line count and history length before the line, put back for each run (the host may have no copy to go back to). */
  readonly lineNumber: number;
  readonly historyLength: number;
}

/** A shell's state beyond its variables (functions, arrays, options, traps, aliases, history...) as JSON, its maps and sets tagged. */
type SavedLanguage = string;

const LANGUAGE_KEYS = [
  'functions',
  'arrays',
  'traps',
  'aliases',
  'options',
  'integers',
  'positional',
  'history',
  'random',
] as const;

function saveLanguage(state: ShellState): SavedLanguage {
  const kept = Object.fromEntries(LANGUAGE_KEYS.map((key) => [key, state[key]]));
  return JSON.stringify(kept, (_key, value: unknown) =>
    value instanceof Map ? { $map: [...value] } : value instanceof Set ? { $set: [...value] } : value,
  );
}

function restoreLanguage(saved: SavedLanguage | undefined): Partial<ShellState> {
  if (saved === undefined) return {};
  return JSON.parse(saved, (_key, value: { $map?: [unknown, unknown][]; $set?: unknown[] } | null) =>
    value?.$map ? new Map(value.$map) : value?.$set ? new Set(value.$set) : value,
  ) as Partial<ShellState>;
}

/** The terminal's shells, bottom first: what a snapshot keeps so that a restored host types into the same shell. */
export type TerminalState = readonly FrameState[];

export interface LineOptions {
  readonly stdin: string;
  /** The host line is typed at a root prompt (`# `). */
  readonly asRoot: boolean;
  /** Typed at a reader's terminal: a program may read the lines typed next (`read`, telnet). */
  readonly typing?: boolean;
}

export interface LineResult {
  readonly prompt: string;
  readonly output: readonly OutputChunk[];
  readonly exitCode: number;
}

/** Typed as a line, the detach keys: Ctrl-P then Ctrl-Q (docker's default --detach-keys). */
export const DETACH_KEYS = '^P^Q';

/** Typed as a line, Ctrl-D: the end of the shell's input. */
export const END_OF_INPUT = '^D';

/** Typed as a line while a program owns the terminal, Ctrl-C (the terminal echoes `^C` itself). */
export const INTERRUPT = '^C';

/**
 * A terminal: the host user's shell at the bottom, and above it the container
 * shells that `docker run -it`, `docker exec -it` and `docker attach` entered.
 * Each line goes to the shell on top.
 */
export class TerminalSession {
  private readonly frames: Frame[] = [];
  /** Shells that a command of the current line asked to enter, entered once the line has run. */
  private pending: Frame[] = [];
  /** The program of the top shell's line that reads what is typed, if one does. */
  private program: ProgramFrame | undefined;

  /**
   * `opensOn`: the terminal is open on another machine than the host (a second
   * tab, on the LAN machine), whose login shell is then at the bottom.
   */
  constructor(
    private readonly machine: Machine,
    private readonly host: { user: string; home: string; env: Record<string, string> },
    saved?: TerminalState,
    private readonly opensOn?: { readonly machine: MachineName; readonly shell: MachineShell },
  ) {
    if (!saved || saved.length === 0) this.frames.push(this.loginFrame());
    else saved.forEach((frame, index) => this.frames.push(this.revive(frame, index === 0)));
    this.program = saved?.at(-1)?.program;
  }

  /** The shell the terminal opens with, and gets again when it is left. */
  private loginFrame(): Frame {
    return this.opensOn ? this.machineFrame(this.opensOn.machine, this.opensOn.shell) : this.hostFrame();
  }

  /** The shells as plain data. */
  state(): TerminalState {
    return this.frames.map((frame, index) => ({
      ...(this.program && index === this.frames.length - 1 ? { program: this.program } : {}),
      place: frame.place,
      argv0: frame.argv0,
      user: frame.user,
      home: frame.home,
      firstProcess: frame.firstProcess,
      viaAttach: this.attachedByAttach.has(frame),
      variables: [...frame.state.variables],
      exported: [...frame.state.exported],
      status: frame.state.status,
      cwd: frame.state.cwd,
      line: frame.state.line,
      process: frame.process,
      ...(frame.state.jobs?.length ? { jobs: frame.state.jobs.map((job) => ({ ...job })) } : {}),
      login: frame.login,
      farewell: frame.farewell,
      language: saveLanguage(frame.state),
    }));
  }

  private revive(saved: FrameState, bottom: boolean): Frame {
    const state: ShellState = {
      variables: new Map(saved.variables),
      exported: new Set(saved.exported),
      status: saved.status,
      cwd: saved.cwd,
      line: saved.line,
      ...(saved.jobs ? { jobs: saved.jobs.map((job) => ({ ...job })) } : {}),
      ...restoreLanguage(saved.language),
    };
    const container = saved.place.kind === 'container' ? this.machine.container(saved.place.id) : undefined;
    const dialect =
      saved.place.kind === 'container'
        ? dialectFor(saved.argv0, container !== undefined && this.machine.isBusyBox(container.image), false)
        : dialectFor(saved.argv0, false, false);
    const isRoot = bottom && !this.opensOn ? () => this.rootLine : () => saved.user === 'root';
    const process = saved.process ?? this.machine.spawnShell(saved.place, saved.firstProcess);
    const interpreter = this.interpreterFor(saved.place, state, dialect, saved.home, isRoot, process.visiblePid);
    const frame: Frame = {
      place: saved.place,
      argv0: saved.argv0,
      interpreter,
      state,
      dialect,
      user: saved.user,
      home: saved.home,
      firstProcess: saved.firstProcess,
      process,
      login: saved.login ?? bottom,
      farewell: saved.farewell,
    };
    if (saved.viaAttach) this.attachedByAttach.add(frame);
    return frame;
  }

  /** The prompt the next line is typed at. */
  prompt(asRoot = false): string {
    if (this.program) return this.program.prompt;
    const frame = this.top();
    // The host user's own shell: lessons write its prompt bare, `$ ` (`# ` for a line typed as root).
    if (frame === this.frames[0] && !this.opensOn) return asRoot ? '# ' : '$ ';
    const hostname =
      frame.place.kind === 'container'
        ? (this.machine.container(frame.place.id)?.hostname ?? '')
        : this.machine.hostname(frame.place);
    return frame.dialect.prompt({
      user: frame.user,
      hostname,
      cwd: frame.state.cwd,
      home: frame.home,
      isRoot: frame.user === 'root',
    });
  }

  /** Runs `script` to its end in a new shell of a machine, leaving the terminal's shells as they are. */
  runDetached(machine: MachineName, shell: MachineShell, script: string, stdin = ''): CommandResult {
    const frame = this.machineFrame(machine, shell, true);
    const outcome = frame.interpreter.runLine(script.endsWith('\n') ? script : `${script}\n`, stdin);
    return collect(outcome.output, outcome.exited ?? frame.state.status);
  }

  /** Whether the line typed next goes to the LAN machine's shell. */
  onLanMachine(): boolean {
    return this.top().place.kind === 'lan';
  }

  /** Whether the line typed next goes to a container's shell. */
  inContainer(): string | undefined {
    const place = this.top().place;
    return place.kind === 'container' ? place.id : undefined;
  }

  /** Whether a program owns the terminal's input: the next line is typed to it, not to a shell. */
  reading(): boolean {
    return this.program !== undefined;
  }

  /** The program that owns the terminal's input, if one does. */
  waitingProgram(): ProgramFrame | undefined {
    return this.program;
  }

  /** `program` owns the input again: the host went back to before its line (Host.run), and the next typed line runs it from there. */
  resume(program: ProgramFrame): void {
    this.program = program;
  }

  runLine(line: string, options: LineOptions): LineResult {
    const prompt = this.prompt(options.asRoot);
    const frame = this.top();
    if (this.program) return this.typeInto(frame, this.program, line, prompt, options);
    if (line.trim() === DETACH_KEYS && frame.place.kind === 'container') return this.detach(prompt, frame);
    // Ctrl-D at an empty prompt is end of input: the shell ends as `exit` would, with the last status.
    const typed = line.trim() === END_OF_INPUT ? 'exit\n' : line;
    const before = { lineNumber: frame.state.line, historyLength: frame.state.history?.length ?? 0 };
    const typing = options.typing ? { ended: false } : undefined;
    const outcome = this.withRoot(frame, options.asRoot, () => frame.interpreter.runLine(typed, options.stdin, typing));
    if (outcome.awaitsInput)
      return this.awaitInput({ line: typed, typed: '', shown: '', prompt: '', ...before }, outcome, prompt);
    const output = [...outcome.output];
    if (outcome.exited !== undefined) this.leave(frame, outcome.exited, output);
    this.frames.push(...this.pending);
    this.pending = [];
    return { prompt, output, exitCode: outcome.exited ?? frame.state.status };
  }

  /** A line typed to the program that owns the terminal: its line runs again with it; Ctrl-C and Ctrl-D as typed keys. */
  private typeInto(
    frame: Frame,
    program: ProgramFrame,
    line: string,
    prompt: string,
    options: LineOptions,
  ): LineResult {
    const key = line.trim();
    const typed =
      key === END_OF_INPUT ? program.typed : key === INTERRUPT ? `${program.typed}\x03\n` : program.typed + line;
    frame.state.line = program.lineNumber;
    frame.state.history?.splice(program.historyLength);
    this.program = undefined;
    const outcome = this.withRoot(frame, options.asRoot, () =>
      frame.interpreter.runLine(program.line, typed, { ended: key === END_OF_INPUT }),
    );
    if (outcome.awaitsInput) return this.awaitInput({ ...program, typed }, outcome, prompt);
    const { output } = shellExtras().programOutput(outcome.output, program.shown, false);
    if (outcome.exited !== undefined) this.leave(frame, outcome.exited, output);
    this.frames.push(...this.pending);
    this.pending = [];
    return { prompt, output, exitCode: outcome.exited ?? frame.state.status };
  }

  /** The line waits for a typed line: what it printed is shown but for its last, unended line, the prompt typed at. */
  private awaitInput(program: ProgramFrame, outcome: LineOutcome, prompt: string): LineResult {
    const { output, shown, prompt: next } = shellExtras().programOutput(outcome.output, program.shown, true);
    this.program = { ...program, shown, prompt: next };
    return { prompt, output, exitCode: this.top().state.status };
  }

  /** The host line typed at `# ` runs as root; the shell stays the user's. */
  private withRoot<T>(frame: Frame, asRoot: boolean, run: () => T): T {
    if (!asRoot || frame.place.kind !== 'host') return run();
    this.rootLine = true;
    try {
      return run();
    } finally {
      this.rootLine = false;
    }
  }

  private rootLine = false;

  /** `exit` in a shell: back to the shell below; a container's first process ending stops the container. */
  private leave(frame: Frame, status: number, output: OutputChunk[]): void {
    // A login shell says `logout` (bash's exit_builtin: `login_shell` set).
    const exitAt = frame.login
      ? output.findIndex((chunk) => chunk.text === frame.dialect.exitMessage && chunk.text !== '')
      : -1;
    if (exitAt >= 0) output[exitAt] = { stream: 'stderr', text: 'logout\n' };
    if (frame === this.frames[0]) {
      // The terminal would close, and the reader gets a fresh login instead.
      this.frames.splice(0, this.frames.length, this.loginFrame());
      return;
    }
    if (frame.farewell) output.push({ stream: 'stderr', text: frame.farewell });
    this.frames.pop();
    if (frame.firstProcess && frame.place.kind === 'container') this.machine.firstProcessExited(frame.place.id, status);
    this.top().state.status = status;
  }

  /**
   * Ctrl-P Ctrl-Q: the client lets go, the container keeps running. `docker run`
   * returns quietly; `docker attach` reports the escape as its error, status 1
   * (cli/command/container/run.go, attach.go; moby/term EscapeError).
   */
  private detach(prompt: string, frame: Frame): LineResult {
    this.frames.pop();
    const attached = frame.firstProcess && this.attachedByAttach.has(frame);
    const status = attached ? 1 : 0;
    this.top().state.status = status;
    return { prompt, output: attached ? [{ stream: 'stderr', text: 'read escape sequence\n' }] : [], exitCode: status };
  }

  private readonly attachedByAttach = new WeakSet<Frame>();

  /** What programs started from a shell of this session may ask of the terminal. */
  private control(): TerminalControl {
    return {
      enterMachine: (machine, shell) => this.pending.push(this.machineFrame(machine, shell)),
      runOnMachine: (machine, shell, script, stdin) => this.runDetached(machine, shell, script, stdin),
      exec: (containerId, argv, options) => this.exec(containerId, argv, options),
      // The LAN machine's shells are its processes, not the host's.
      shells: () => this.frames.filter((frame) => frame.place.kind !== 'lan').map((frame) => this.shellProcess(frame)),
      enterShell: (containerId, argv, options) => {
        const frame = this.containerFrame(containerId, argv, options.firstProcess, options);
        if (!frame) return;
        if (options.viaAttach) this.attachedByAttach.add(frame);
        this.pending.push(frame);
      },
    };
  }

  /** A command run to its end in a container: a shell given `-c`, or a program. */
  private exec(
    containerId: string,
    argv: readonly string[],
    options: ExecOptions,
  ): CommandResult | 'shell' | 'not-found' {
    const shell = shellInvocation(argv);
    if (shell?.interactive && options.tty && options.interactive) return 'shell';
    const frame = this.containerFrame(containerId, argv, false, options, shell?.script !== undefined);
    if (shell && frame) {
      // A shell without -c reads its stdin, which is empty: it ends at once.
      if (shell.script === undefined) return { stdout: '', stderr: '', exitCode: 0 };
      const outcome = frame.interpreter.runLine(shell.script, '');
      return collect(outcome.output, outcome.exited ?? frame.state.status);
    }
    const place: Place = { kind: 'container', id: containerId };
    const user = options.user ?? 'root';
    const env = new Map(
      processEnvironment(
        options.env ?? [],
        this.machine.container(containerId)?.hostname ?? '',
        options.tty,
        user === 'root' ? '/root' : `/home/${user}`,
      ),
    );
    // Without -t the program's stdout is the client's pipe, not a terminal.
    const result = this.machine.runProgram(place, argv, {
      stdin: '',
      env,
      cwd: options.workdir || '/',
      isRoot: user === 'root',
      stdoutIsTerminal: options.tty,
      stderrIsTerminal: options.tty,
      terminal: this.control(),
    });
    return result ?? 'not-found';
  }

  private hostFrame(): Frame {
    const state = { ...newState(this.host.home, this.host.env), aliases: userAliases() };
    const place: Place = { kind: 'host' };
    const dialect = bashDialect();
    const process = this.machine.spawnShell(place, false);
    const interpreter = this.interpreterFor(
      place,
      state,
      dialect,
      this.host.home,
      () => this.rootLine,
      process.visiblePid,
    );
    return {
      place,
      argv0: 'bash',
      interpreter,
      state,
      dialect,
      user: this.host.user,
      home: this.host.home,
      firstProcess: false,
      process,
      login: true,
      farewell: undefined,
    };
  }

  /** A shell on the host (as root) or on the LAN machine, with a login's environment. */
  private machineFrame(machine: MachineName, shell: MachineShell, scripted = false): Frame {
    const place: Place = machine === 'lan' ? { kind: 'lan' } : { kind: 'host' };
    const env: Record<string, string> = { ...this.host.env, HOME: shell.home, USER: shell.user, LOGNAME: shell.user };
    // root's PATH has the sbin directories (Debian's /etc/profile and sudo's secure_path).
    if (shell.user === 'root') env.PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
    const state = newState(shell.cwd, env);
    // root's ~/.bashrc (base-files' dot.bashrc) has its ls aliases commented out; a user's is Debian's skeleton.
    if (shell.user !== 'root' && shell.argv0 === 'bash' && !scripted) state.aliases = userAliases();
    const dialect = dialectFor(shell.argv0, false, scripted);
    const process = this.machine.spawnShell(place, false, true);
    const interpreter = this.interpreterFor(
      place,
      state,
      dialect,
      shell.home,
      () => shell.user === 'root',
      process.visiblePid,
    );
    return {
      place,
      argv0: shell.argv0,
      interpreter,
      state,
      dialect,
      user: shell.user,
      home: shell.home,
      firstProcess: false,
      process,
      login: shell.login,
      farewell: shell.farewell,
    };
  }

  private containerFrame(
    id: string,
    argv: readonly string[],
    firstProcess: boolean,
    options: ExecOptions,
    scripted = false,
  ): Frame | undefined {
    const container = this.machine.container(id);
    if (!container) return undefined;
    const user = options.user ?? 'root';
    const home = user === 'root' ? '/root' : `/home/${user}`;
    const env = Object.fromEntries(
      processEnvironment([...container.env, ...(options.env ?? [])], container.hostname, options.tty, home),
    );
    const state = newState(options.workdir || '/', env);
    const dialect = dialectFor(argv[0] ?? 'sh', this.machine.isBusyBox(container.image), scripted);
    const place: Place = { kind: 'container', id };
    const process = this.machine.spawnShell(place, firstProcess);
    const interpreter = this.interpreterFor(
      place,
      state,
      dialect,
      home,
      () => user === 'root',
      process.visiblePid,
      options.tty,
    );
    return {
      place,
      argv0: argv[0] ?? 'sh',
      interpreter,
      state,
      dialect,
      user,
      home,
      firstProcess,
      process,
      login: false,
      farewell: undefined,
    };
  }

  private interpreterFor(
    place: Place,
    state: ShellState,
    dialect: Dialect,
    home: string,
    isRoot: () => boolean,
    pid: number,
    tty = true,
  ): Interpreter {
    return new Interpreter(state, {
      dialect,
      tty,
      pid,
      home,
      runProgram: (argv, invocation) =>
        this.machine.runProgram(place, argv, { ...invocation, isRoot: isRoot(), terminal: this.control() }),
      readFile: (path) => this.machine.readFile(place, path),
      files: () => this.machine.files(place, isRoot()),
      directoryExists: (path) => this.machine.directoryExists(place, path),
      pollJob: (job, printed) => this.machine.pollJob?.(job, printed) ?? { output: [], printed, done: true },
      clock: () => this.machine.clock?.() ?? { nowMs: 0, interruptAfterMs: Infinity },
      randomSeed: () => this.machine.randomSeed?.() ?? 0,
    });
  }

  /** A shell as `ps` lists it. */
  private shellProcess(frame: Frame): ShellProcess {
    const container = frame.place.kind === 'container' ? frame.place.id : undefined;
    return {
      container,
      pid: frame.process.pid,
      startedMs: frame.process.startedMs,
      argv0: frame.argv0,
      user: frame.user,
      firstProcess: frame.firstProcess,
      login: frame.login,
    };
  }

  private top(): Frame {
    return this.frames.at(-1)!;
  }
}

/** `bash`, `sh -i`, `/bin/sh -c 'ip a'`: a shell, whether it is interactive, and its -c script. */
export function shellInvocation(
  argv: readonly string[],
): { name: string; interactive: boolean; script: string | undefined } | undefined {
  const [path, ...args] = argv;
  const name = path?.split('/').at(-1) ?? '';
  if (!['bash', 'sh', 'ash', 'dash', 'zsh'].includes(name)) return undefined;
  const c = args.findIndex((arg) => /^-[a-z]*c[a-z]*$/.test(arg));
  if (c >= 0) return { name, interactive: false, script: args[c + 1] ?? '' };
  return {
    name,
    interactive: args.every((arg) => ['-i', '-l', '--login', '-il', '-li'].includes(arg)),
    script: undefined,
  };
}

function dialectFor(path: string, busybox: boolean, scripted: boolean): Dialect {
  const name = path.split('/').at(-1);
  if (name === 'bash' || name === 'zsh') return bashDialect(undefined, scripted);
  if (busybox || name === 'ash') return ashDialect(path);
  return dashDialect(path);
}

/**
 * What a user's interactive bash gets from ~/.bashrc, which Debian copies from
 * bash's /etc/skel/.bashrc: `alias ls='ls --color=auto'` inside its
 * `if [ -x /usr/bin/dircolors ]` block; the grep and ll/la/l aliases are commented out.
 */
function userAliases(): Map<string, string> {
  return new Map([['ls', 'ls --color=auto']]);
}

function newState(cwd: string, env: Record<string, string>): ShellState {
  const variables = new Map(Object.entries(env));
  variables.set('PWD', cwd);
  return { variables, exported: new Set(variables.keys()), status: 0, cwd, line: 0 };
}
