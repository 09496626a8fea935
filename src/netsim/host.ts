import { DEFAULT_EPOCH_MS, VirtualClock } from './clock';
import type { CommandResult, MachineName, OutputChunk, ProcessContext } from './cli/command';
import { hostMachine, type HostParts, type LineSettings } from './host-shell';
import { installedPrograms } from './host-programs';
import type { Goal, GoalResult } from './engine/goals';
import { toolModule } from './cli/tool-loader';
import { BUILTINS } from './shell/builtins';
import { TerminalSession, type TerminalState } from './shell/session';
import { Engine, type EngineState } from './engine/engine';
import { Kernel, type KernelState } from './kernel/kernel';
import { DEBIAN_DOCKER_HOST, type HostProfile } from './profile';
import { SeededRandom } from './random';
import { parseCidr } from './wire/cidr';
import { parseIpv4, type Ipv4 } from './wire/ipv4';
import { lookupHost } from './userland/name-resolution';
import { worldOf } from './world';
import type { TopologyRecord } from './topology';
import { topology } from './topology-loader';
import { NamespaceOwners, type CommandTrace } from './trace';
import { HopRecorder } from './kernel/hop-record';
import { containerToolProgram } from './cli/host-tools';
import { hostEtc } from './etc-files';
import type { Namespace } from './kernel/namespace';
import { bootLanMachine, lanStation } from './lan-machine';
import { engineNameServices } from './cli/name-service';

const SECONDS_PER_COMMAND = 2;

export interface RunResult extends Omit<CommandResult, 'output'> {
  /** The prompt the command was typed at. */
  prompt: string;
  command: string;
  /**
   * What the terminal shows after the typed line, in order: stdout and stderr as
   * they interleave, and what the terminal echoes itself (`^C`). `stdout` and
   * `stderr` hold the two streams apart; `output` is what a reader sees.
   */
  output: string;
  /** Simulated time the command ran, from Enter to the next prompt (typing not counted). */
  elapsedMs: number;
  /** With `trace`: every step the simulated network took with the command's packets. */
  trace?: CommandTrace;
}

export interface RunOptions {
  /** What the user types while the line runs, such as a prompt's answer. */
  stdin?: string;
  /** Typed at a reader's terminal: a program may read the lines typed next (`read`, a connected telnet). */
  typing?: boolean;
  /** The line is typed at a root prompt (`# `): it runs as root. */
  asRoot?: boolean;
  /**
   * When the user presses Ctrl-C in a command that never ends by itself (`ping`
   * without -c, a foreground server, `docker logs -f`): this many seconds after it started.
   */
  interruptAfterSeconds?: number;
  /** The terminal's width in columns (TIOCGWINSZ's ws_col), which `ss` spreads its columns over; 80 unless the terminal says. */
  columns?: number;
  /**
   * Record what the datapath does with every packet the command sends, as hop
   * records (the result's `trace`). Off, the datapath records nothing.
   */
  trace?: boolean;
  /** The terminal the line is typed in: the host's (the default), or a second one open on the LAN machine. */
  terminal?: MachineName;
  /**
   * With `typing`, this host as a snapshot taken just before the line (a terminal that copies the host ahead of
   * time has one at hand): kept if the line waits for typed input. Absent, the host copies itself.
   */
  before?: HostSnapshot | undefined;
}

/** An 80-column terminal, the size a terminal emulator opens at and what `stty size` says without one set. */
export const DEFAULT_COLUMNS = 80;

/** Ctrl-C after four seconds: `ping` shows four replies. */
const DEFAULT_INTERRUPT_SECONDS = 4;

/** Everything a host is, as plain data: restoring it gives back the same future. */
export interface HostSnapshot {
  kernel: KernelState;
  engine: EngineState;
  random: readonly number[];
  clockMs: number;
  /** The terminal's shells (the host user's, and any container shell entered); absent, a fresh login. */
  terminal?: TerminalState;
  /** The shells of a terminal open on the LAN machine; absent, none was opened. */
  lanTerminal?: TerminalState;
  /** The LAN machine's network namespace (its ARP cache changes); absent, as it boots. */
  lan?: Namespace | undefined;
  /** A line of a terminal waits for typed input, and the host as it was before that line; absent, none does. */
  waiting?: WaitingLine;
}

/**
 * A line that waits for a typed line (`read`, a connected telnet) runs again from its start for each
 * line typed (session.ts, ProgramFrame). It runs from the host as it was before it, so that what the
 * commands before the waiting one did (`docker run -d nginx; read x`) is done once, as in bash.
 */
export interface WaitingLine {
  readonly terminal: MachineName;
  readonly before: HostSnapshot;
}

export interface HostOptions {
  seed?: number;
  profile?: HostProfile;
  /**
   * Time the clock moves before each command: a reader's typing (2 s, what
   * `docker ps` shows as "Up 2 seconds"); 0 replays a script as fast as a shell runs it.
   */
  secondsPerCommand?: number;
}

/**
 * A host's parts, each built from the finished ones before it: the seed and clock,
 * the kernel, the LAN machine's namespace, the daemon, the world outside, the
 * programs, and the terminal on the host. `create` boots them, `restore` rebuilds
 * them from a snapshot.
 */
interface Parts extends HostParts {
  /** What the terminal tells the line being run, which `run` sets. */
  readonly line: LineSettings;
  readonly session: TerminalSession;
}

/** A simulated Linux host running Docker: type command lines, read what they print. */
export class Host {
  private constructor(
    readonly profile: HostProfile,
    private readonly secondsPerCommand: number,
    private parts: Parts,
    /** A second terminal, open on the LAN machine, from the first line typed there. */
    private lanSession: TerminalSession | undefined,
    /** Forgotten once a line runs in the other terminal: going back would undo it, so the line runs again from the host as it is. */
    private waiting?: WaitingLine,
  ) {}

  static create({
    seed = 1,
    profile = DEBIAN_DOCKER_HOST,
    secondsPerCommand = SECONDS_PER_COMMAND,
  }: HostOptions = {}): Host {
    const random = SeededRandom.fromSeed(seed);
    const clock = new VirtualClock(DEFAULT_EPOCH_MS);
    const kernel = Kernel.boot(random);
    kernel.now = () => clock.now();
    bringUpNetwork(kernel, profile);
    const lan = bootLan(kernel, profile);
    const engine = Engine.start(kernel, random, clock, profile.pulledImages);
    return new Host(profile, secondsPerCommand, assemble(profile, { random, clock, kernel, lan, engine }), undefined);
  }

  /** A host as a snapshot left it, without booting a fresh one first: what a cache of sessions restores. */
  static fromSnapshot(
    snapshot: HostSnapshot,
    { profile = DEBIAN_DOCKER_HOST, secondsPerCommand = SECONDS_PER_COMMAND }: Omit<HostOptions, 'seed'> = {},
  ): Host {
    const { parts, lanSession } = restored(profile, snapshot);
    return new Host(profile, secondsPerCommand, parts, lanSession, snapshot.waiting);
  }

  /**
   * Runs one command line (with its continuation lines) in the shell the
   * terminal is in: the host user's, or a container's that an earlier line entered.
   */
  run(
    commandLine: string,
    {
      stdin = '',
      asRoot = false,
      interruptAfterSeconds = DEFAULT_INTERRUPT_SECONDS,
      columns = DEFAULT_COLUMNS,
      trace = false,
      terminal = 'host',
      typing = false,
      before,
    }: RunOptions = {},
  ): RunResult {
    const from = this.lineStart(terminal, typing, before);
    const session = this.terminal(terminal);
    const { clock, kernel, engine, lanNamespace: lan, line: settings } = this.parts;
    clock.advance(this.secondsPerCommand * 1000);
    settings.interruptAfterMs = interruptAfterSeconds * 1000;
    settings.columns = columns;
    // Enter ends the line: the shell reads it with its newline.
    const typed = commandLine.endsWith('\n') ? commandLine : `${commandLine}\n`;
    const startedMs = clock.now();
    const owners = trace
      ? new NamespaceOwners(kernel, engine, {
          host: this.profile.hostname,
          lan: this.profile.lanMachine?.hostname,
          lanNamespace: lan?.id,
        })
      : undefined;
    const recorder = owners && new HopRecorder((hop) => owners.meet(hop));
    kernel.recorder = recorder;
    let line;
    try {
      line = session.runLine(typed, { stdin, asRoot, typing });
    } finally {
      kernel.recorder = undefined;
    }
    if (from && session.reading()) this.waiting = { terminal, before: from };
    const { prompt, output, exitCode } = line;
    const text = (streams: readonly OutputChunk['stream'][]) =>
      output
        .filter((chunk) => streams.includes(chunk.stream))
        .map((chunk) => chunk.text)
        .join('');
    const result: RunResult = {
      prompt,
      command: commandLine,
      stdout: text(['stdout']),
      stderr: text(['stderr']),
      exitCode,
      output: text(['stdout', 'stderr', 'tty']),
      elapsedMs: clock.now() - startedMs,
    };
    // A copy: the records name rule specs that later commands may replace.
    if (recorder && owners) result.trace = structuredClone({ hops: recorder.hops, namespaces: owners.list() });
    return result;
  }

  /**
   * Where a line starts, and the copy of the host kept if it waits for typed input: a line typed to a
   * waiting program starts from the copy kept for it; a line typed at a prompt, from the host as it is
   * (copied only when a reader types it, and only if the caller has no copy).
   */
  private lineStart(
    terminal: MachineName,
    typing: boolean,
    before: HostSnapshot | undefined,
  ): HostSnapshot | undefined {
    const waiting = this.waiting;
    this.waiting = undefined;
    if (this.terminal(terminal).reading()) {
      if (waiting?.terminal !== terminal) return undefined;
      const program = this.terminal(terminal).waitingProgram()!;
      this.restore(waiting.before);
      this.terminal(terminal).resume(program);
      return waiting.before;
    }
    if (!typing) return undefined;
    const { waiting: _other, ...host } = before ?? this.snapshot();
    return host;
  }

  /**
   * The prompt the next command line is typed at: `$ ` (`# ` as root) on the host, the container shell's inside one;
   * in the LAN machine's terminal, bash's full prompt there (`usuario@lan-pc:~$ `).
   */
  prompt({ asRoot = false, terminal = 'host' }: { asRoot?: boolean; terminal?: MachineName } = {}): string {
    return this.terminal(terminal).prompt(asRoot);
  }

  /** Whether a program owns that terminal's input: the next line is typed to it, not to a shell. */
  reading({ terminal = 'host' }: { terminal?: MachineName } = {}): boolean {
    return this.terminal(terminal).reading();
  }

  /** The host's own terminal, or the one open on the LAN machine (opened by the first ask). */
  private terminal(name: MachineName): TerminalSession {
    if (name === 'host') return this.parts.session;
    this.lanSession ??= lanSession(this.parts);
    return this.lanSession;
  }

  /** The machines a terminal can be open on: the host, and the LAN machine when the profile has one. */
  terminals(): { name: MachineName; hostname: string }[] {
    const lan = this.profile.lanMachine;
    return [
      { name: 'host', hostname: this.profile.hostname },
      ...(lan ? [{ name: 'lan' as const, hostname: lan.hostname }] : []),
    ];
  }

  /** The container whose shell the next line is typed into, if any. */
  currentContainer(): string | undefined {
    return this.parts.session.inContainer();
  }

  /**
   * Names a terminal completes, read without running anything (the clock and the
   * random source do not move): the programs and builtins of the shell the next
   * line runs in, and the daemon's containers, networks and images.
   */
  names({ terminal = 'host' }: { terminal?: MachineName } = {}): {
    commands: string[];
    containers: string[];
    networks: string[];
    images: string[];
  } {
    const { engine, programs, lanPrograms } = this.parts;
    const container = terminal === 'host' ? this.currentContainer() : undefined;
    const installed =
      terminal === 'lan'
        ? lanPrograms.names()
        : container === undefined
          ? programs.names()
          : Object.keys(engine.packages.tools(container));
    return {
      commands: [...new Set([...installed, ...BUILTINS.keys()])].sort(),
      containers: engine.containers.list().map((c) => c.name),
      networks: engine.networks.list().map((network) => network.name),
      images: engine.images.list().map((entry) => entry.reference),
    };
  }

  /**
   * A name looked up as a program in the container looks it up: glibc's or
   * musl's getaddrinfo with `hosts: files dns`, so the /etc/hosts Docker wrote
   * (--add-host, --link) first, then the servers of its resolv.conf (127.0.0.11
   * on a user-defined network), from its own namespace; `dnsOnly` skips the
   * hosts file, as dig and nslookup do.
   */
  private resolveInContainer(reference: string, name: string, dnsOnly: boolean): Ipv4[] {
    const { kernel, engine, clock, random, world } = this.parts;
    const container = engine.containers.find(reference);
    const namespace = container.namespaceId === undefined ? undefined : kernel.namespace(container.namespaceId);
    if (!namespace) return [];
    const context: ProcessContext = {
      kernel,
      namespace,
      isRoot: true,
      stdin: '',
      clock,
      random,
      world,
      containerId: container.id,
    };
    const service = engineNameServices(engine, () => hostEtc(this.profile))(context);
    const lookup = lookupHost(
      dnsOnly
        ? { hosts: '', nameservers: service.nameservers, query: (server, question) => service.query(server, question) }
        : service,
      name,
    );
    return lookup.kind === 'found' ? [...lookup.addresses] : [];
  }

  /**
   * Whether the host meets each goal, read on a copy of it at a fresh root shell:
   * checking runs tools (iptables, curl) but never changes this host.
   */
  checkGoals(goals: readonly Goal[]): GoalResult[] {
    // The checks are a tool module: only an exercise's page asks for them.
    const { evaluateGoal, goalView } = toolModule('goals');
    const { terminal: _shells, lanTerminal: _lanShells, ...machine } = this.snapshot();
    const copy = Host.fromSnapshot(machine, { profile: this.profile, secondsPerCommand: 0 });
    const { engine, kernel, lanNamespace: lan, world, clock, random } = copy.parts;
    const view = goalView({
      engine,
      kernel,
      lan,
      world,
      clock,
      random,
      resolveName: (container, name, dnsOnly) => copy.resolveInContainer(container, name, dnsOnly ?? false),
      run: (line) => {
        const result = copy.run(line, { asRoot: true });
        return { stdout: result.stdout, exitCode: result.exitCode };
      },
      runOnLan: (line) => copy.runOnLan(line),
    });
    return goals.map((goal) => evaluateGoal(view, goal));
  }

  /** The host's network as a figure draws it: devices, what is plugged into what, and Docker's networks and containers. Reads, never changes. */
  topology(): TopologyRecord {
    return topology().readTopology(this.parts.kernel, this.parts.engine, this.profile);
  }

  /** A command line run to its end on the LAN machine, as its user: what a goal `from: 'lan'` reads. */
  private runOnLan(line: string): { stdout: string; exitCode: number } | undefined {
    if (!this.parts.lanNamespace) return undefined;
    const result = this.parts.session.runDetached(
      'lan',
      {
        user: this.profile.user,
        home: `/home/${this.profile.user}`,
        cwd: `/home/${this.profile.user}`,
        argv0: 'bash',
        login: false,
      },
      line,
    );
    return { stdout: result.stdout, exitCode: result.exitCode };
  }

  snapshot(): HostSnapshot {
    const { kernel, engine, random, clock, session, lanNamespace: lan } = this.parts;
    const lanTerminal = this.lanSession && { lanTerminal: this.lanSession.state() };
    const copy: HostSnapshot = structuredClone({
      kernel: kernel.state,
      engine: engine.state,
      random: random.state(),
      clockMs: clock.now(),
      terminal: session.state(),
      lan,
      ...lanTerminal,
    });
    // The copy before a waiting line is never changed (restoring copies it): shared, not copied again.
    if (this.waiting) copy.waiting = this.waiting;
    return copy;
  }

  restore(snapshot: HostSnapshot): void {
    const { parts, lanSession } = restored(this.profile, snapshot);
    this.parts = parts;
    this.lanSession = lanSession;
    this.waiting = snapshot.waiting;
  }
}

/** The parts a host is booted or restored with, in the order they are made (the kernel on the clock); the rest are made from them. */
interface Booted {
  readonly random: SeededRandom;
  readonly clock: VirtualClock;
  readonly kernel: Kernel;
  readonly lan: Namespace | undefined;
  readonly engine: Engine;
}

/** The host's parts as a snapshot left them, and its LAN terminal if one was open. */
function restored(
  profile: HostProfile,
  snapshot: HostSnapshot,
): { parts: Parts; lanSession: TerminalSession | undefined } {
  const copy = structuredClone(snapshot);
  const random = SeededRandom.fromState(copy.random);
  const clock = new VirtualClock(copy.clockMs);
  const kernel = new Kernel(copy.kernel, random);
  kernel.now = () => clock.now();
  const lan = copy.lan ?? bootLan(kernel, profile);
  const engine = new Engine(copy.engine, kernel, random, clock);
  const parts = assemble(profile, { random, clock, kernel, lan, engine }, copy.terminal);
  return { parts, lanSession: copy.lanTerminal && lanSession(parts, copy.lanTerminal) };
}

/** The rest of a host, made from its booted parts in order: the kernel's tie to the daemon, the world, the programs, the terminal. */
function assemble(profile: HostProfile, booted: Booted, terminal?: TerminalState): Parts {
  const { random, clock, kernel, lan, engine } = booted;
  kernel.httpServed = (namespace, served) => engine.webServers.recordServed(namespace, served);
  const world = worldOf(profile, () => {
    const station = lan && lanStation(lan);
    return station ? [station] : [];
  });
  const { host: programs, lan: lanPrograms } = installedPrograms({ kernel, engine, profile, lan });
  const containerProgram = (tool: string, provider: string, image: string) =>
    containerToolProgram(tool, provider, { engine, hostEtc: () => hostEtc(profile) }, image);
  const line: LineSettings = { interruptAfterMs: DEFAULT_INTERRUPT_SECONDS * 1000, columns: DEFAULT_COLUMNS };
  const machine: HostParts = {
    kernel,
    engine,
    clock,
    random,
    world,
    profile,
    programs,
    lanNamespace: lan,
    lanPrograms,
    containerProgram,
    line,
  };
  return { ...machine, session: newSession(machine, terminal) };
}

function newSession(
  machine: HostParts,
  saved?: TerminalState,
  opensOn?: ConstructorParameters<typeof TerminalSession>[3],
): TerminalSession {
  const { user } = machine.profile;
  const home = `/home/${user}`;
  return new TerminalSession(
    hostMachine(machine),
    {
      user,
      home,
      env: {
        HOME: home,
        USER: user,
        LOGNAME: user,
        SHELL: '/bin/bash',
        PATH: '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games',
        LANG: 'C.UTF-8',
      },
    },
    saved,
    opensOn,
  );
}

/** A terminal on the LAN machine, as its own user's login there: what a second window on that desk shows. */
function lanSession(machine: HostParts, saved?: TerminalState): TerminalSession {
  if (!machine.profile.lanMachine) throw new Error('this host has no LAN machine to open a terminal on');
  const { user } = machine.profile;
  const home = `/home/${user}`;
  return newSession(machine, saved, { machine: 'lan', shell: { user, home, cwd: home, argv0: 'bash', login: true } });
}

function bootLan(kernel: Kernel, profile: HostProfile): Namespace | undefined {
  const lan = profile.lanMachine;
  return lan && bootLanMachine(kernel, profile, lan);
}

/** lo and the NIC up, with its address and default route, as the installer leaves them. */
function bringUpNetwork(kernel: Kernel, profile: HostProfile): void {
  const root = kernel.root;
  const { nic } = profile;
  kernel.setUp(root, 'lo', true);
  kernel.addLink(root, { name: nic.name, kind: 'ether' });
  kernel.addAddress(root, nic.name, parseCidr(nic.cidr)!);
  kernel.setUp(root, nic.name, true);
  const device = kernel.link(root, nic.name).index;
  kernel.addRoute(root, {
    destination: undefined,
    gateway: parseIpv4(nic.gateway)!,
    device,
    protocol: 'boot',
    scope: 'global',
    source: undefined,
    metric: undefined,
  });
}
