import { DEFAULT_EPOCH_MS, VirtualClock } from './clock';
import { lazyTool } from './cli/lazy-tool';
import { dockerProgram } from './cli/docker/docker';
import { fail, type CommandResult, type MachineName, type ProcessContext, type Program } from './cli/command';
import { ip6tablesProgram, iptablesProgram } from './cli/iptables';
import { ip6tablesSaveProgram, iptablesSaveProgram } from './cli/iptables-save';
import { ipProgramWith } from './cli/ip';
import { catProgram } from './cli/text/cat';
import { echoProgram } from './cli/text/echo';
import { grepProgram } from './cli/text/grep';
import { headProgram, tailProgram } from './cli/text/head-tail';
import { falseProgram, pwdProgram, trueProgram } from './cli/text/trivial';
import { hostMachine } from './host-shell';
import type { Goal, GoalResult, GoalView } from './engine/goals';
import { toolModule } from './cli/tool-loader';
import { BUILTINS } from './shell/builtins';
import { TerminalSession, type TerminalState } from './shell/session';
import type { OutputChunk } from './cli/command';
import { Engine, type EngineState } from './engine/engine';
import { sandboxKey } from './engine/sandbox-key';
import { procSysFiles } from './kernel/sysctl';
import { Kernel, type KernelState } from './kernel/kernel';
import { DEBIAN_DOCKER_HOST, type HostProfile } from './profile';
import { SeededRandom } from './random';
import { parseCidr } from './wire/cidr';
import { parseIpv4, type Ipv4 } from './wire/ipv4';
import { lookupHost } from './userland/name-resolution';
import { worldOf } from './world';
import { readTopology, type TopologyRecord } from './topology';
import { NamespaceOwners, type CommandTrace } from './trace';
import { HopRecorder } from './kernel/hop-record';
import { curlProgram } from './cli/curl';
import { containerToolProgram, hostToolPrograms } from './cli/host-tools';
import { hostEtc } from './etc-files';
import type { HostEtc } from './engine/etc-files';
import type { Namespace } from './kernel/namespace';
import { Datapath, type World } from './kernel/datapath';
import { connect as connectTcp } from './userland/tcp';
import { bootLanMachine, lanLoginBanner, lanMachineEtc, lanStation } from './lan-machine';
import { shellProgram, suProgram } from './cli/shells';
import { engineNameServices } from './cli/name-service';
import { ipProgram as lanIpProgram } from './cli/ip';

const SECONDS_PER_COMMAND = 2;
/** How long a goal's connection attempt waits, as `curl --max-time 5` would. */
const GOAL_CONNECT_TIMEOUT_MS = 5000;

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
}

/** An 80-column terminal, the size a terminal emulator opens at and what `stty size` says without one set. */
export const DEFAULT_COLUMNS = 80;

/** Ctrl-C after four seconds: `ping` shows four replies. */
const DEFAULT_INTERRUPT_SECONDS = 4;

/** Programs of the host that the LAN machine does not have, or that would show the host's own state there. */
const LAN_MACHINE_LACKS = new Set(['ps', 'dig', 'nslookup', 'netstat', 'ifconfig', 'route', 'arp', 'tcpdump', 'telnet']);

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

/** A simulated Linux host running Docker: type command lines, read what they print. */
export class Host {
  private kernel!: Kernel;
  private engine!: Engine;
  private random!: SeededRandom;
  private clock!: VirtualClock;
  private programs = new Map<string, Program>();
  private lanPrograms = new Map<string, Program>();
  private lan: Namespace | undefined;
  private readonly world: World;
  private session!: TerminalSession;
  /** A second terminal, open on the LAN machine, from the first line typed there. */
  private lanSession: TerminalSession | undefined;
  private interruptAfterMs = DEFAULT_INTERRUPT_SECONDS * 1000;
  private columns = DEFAULT_COLUMNS;

  private constructor(
    readonly profile: HostProfile,
    private readonly secondsPerCommand: number,
  ) {
    this.world = worldOf(profile, () => {
      const station = this.lan && lanStation(this.lan);
      return station ? [station] : [];
    });
  }

  static create({ seed = 1, profile = DEBIAN_DOCKER_HOST, secondsPerCommand = SECONDS_PER_COMMAND }: HostOptions = {}): Host {
    const host = new Host(profile, secondsPerCommand);
    host.random = SeededRandom.fromSeed(seed);
    host.clock = new VirtualClock(DEFAULT_EPOCH_MS);
    host.kernel = Kernel.boot(host.random);
    host.kernel.now = () => host.clock.now();
    host.kernel.httpServed = (namespace, served) => host.engine.webServers.recordServed(namespace, served);
    host.bringUpNetwork();
    host.lan = host.bootLan();
    host.engine = Engine.start(host.kernel, host.random, host.clock, profile.pulledImages);
    host.installPrograms();
    host.session = host.newSession();
    return host;
  }

  /** A host as a snapshot left it, without booting a fresh one first: what a cache of sessions restores. */
  static fromSnapshot(snapshot: HostSnapshot, { profile = DEBIAN_DOCKER_HOST, secondsPerCommand = SECONDS_PER_COMMAND }: Omit<HostOptions, 'seed'> = {}): Host {
    const host = new Host(profile, secondsPerCommand);
    host.restore(snapshot);
    return host;
  }

  /**
   * Runs one command line (with its continuation lines) in the shell the
   * terminal is in: the host user's, or a container's that an earlier line entered.
   */
  run(commandLine: string, { stdin = '', asRoot = false, interruptAfterSeconds = DEFAULT_INTERRUPT_SECONDS, columns = DEFAULT_COLUMNS, trace = false, terminal = 'host' }: RunOptions = {}): RunResult {
    const session = this.terminal(terminal);
    this.clock.advance(this.secondsPerCommand * 1000);
    this.interruptAfterMs = interruptAfterSeconds * 1000;
    this.columns = columns;
    // Enter ends the line: the shell reads it with its newline.
    const typed = commandLine.endsWith('\n') ? commandLine : `${commandLine}\n`;
    const startedMs = this.clock.now();
    const owners = trace ? new NamespaceOwners(this.kernel, this.engine, { host: this.profile.hostname, lan: this.profile.lanMachine?.hostname, lanNamespace: this.lan?.id }) : undefined;
    const recorder = owners && new HopRecorder((hop) => owners.meet(hop));
    this.kernel.recorder = recorder;
    let line;
    try {
      line = session.runLine(typed, { stdin, asRoot });
    } finally {
      this.kernel.recorder = undefined;
    }
    const { prompt, output, exitCode } = line;
    const text = (streams: readonly OutputChunk['stream'][]) => output.filter((chunk) => streams.includes(chunk.stream)).map((chunk) => chunk.text).join('');
    const result: RunResult = { prompt, command: commandLine, stdout: text(['stdout']), stderr: text(['stderr']), exitCode, output: text(['stdout', 'stderr', 'tty']), elapsedMs: this.clock.now() - startedMs };
    // A copy: the records name rule specs that later commands may replace.
    if (recorder && owners) result.trace = structuredClone({ hops: recorder.hops, namespaces: owners.list() });
    return result;
  }

  /**
   * The prompt the next command line is typed at: `$ ` (`# ` as root) on the host, the container shell's inside one;
   * in the LAN machine's terminal, bash's full prompt there (`usuario@lan-pc:~$ `).
   */
  prompt({ asRoot = false, terminal = 'host' }: { asRoot?: boolean; terminal?: MachineName } = {}): string {
    return this.terminal(terminal).prompt(asRoot);
  }

  /** The host's own terminal, or the one open on the LAN machine (opened by the first ask). */
  private terminal(name: MachineName): TerminalSession {
    if (name === 'host') return this.session;
    this.lanSession ??= this.newLanSession();
    return this.lanSession;
  }

  /** The machines a terminal can be open on: the host, and the LAN machine when the profile has one. */
  terminals(): { name: MachineName; hostname: string }[] {
    const lan = this.profile.lanMachine;
    return [{ name: 'host', hostname: this.profile.hostname }, ...(lan ? [{ name: 'lan' as const, hostname: lan.hostname }] : [])];
  }

  /** The container whose shell the next line is typed into, if any. */
  currentContainer(): string | undefined {
    return this.session.inContainer();
  }

  /**
   * Names a terminal completes, read without running anything (the clock and the
   * random source do not move): the programs and builtins of the shell the next
   * line runs in, and the daemon's containers, networks and images.
   */
  names({ terminal = 'host' }: { terminal?: MachineName } = {}): { commands: string[]; containers: string[]; networks: string[]; images: string[] } {
    const container = terminal === 'host' ? this.currentContainer() : undefined;
    const programs = terminal === 'lan' ? [...this.lanPrograms.keys(), 'sudo'] : container === undefined ? [...this.programs.keys(), 'sudo'] : Object.keys(this.engine.packages.tools(container));
    return {
      commands: [...new Set([...programs, ...BUILTINS.keys()])].sort(),
      containers: this.engine.containers.list().map((c) => c.name),
      networks: this.engine.networks.list().map((network) => network.name),
      images: this.engine.images.list().map((entry) => entry.reference),
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
    const container = this.engine.containers.find(reference);
    const namespace = container.namespaceId === undefined ? undefined : this.kernel.namespace(container.namespaceId);
    if (!namespace) return [];
    const context: ProcessContext = { kernel: this.kernel, namespace, isRoot: true, stdin: '', clock: this.clock, random: this.random, world: this.world, containerId: container.id };
    const service = engineNameServices(this.engine, () => hostEtc(this.profile))(context);
    const lookup = lookupHost(dnsOnly ? { hosts: '', nameservers: service.nameservers, query: (server, question) => service.query(server, question) } : service, name);
    return lookup.kind === 'found' ? [...lookup.addresses] : [];
  }

  /**
   * Whether the host meets each goal, read on a copy of it at a fresh root shell:
   * checking runs tools (iptables, curl) but never changes this host.
   */
  checkGoals(goals: readonly Goal[]): GoalResult[] {
    // The checks are a tool module: only an exercise's page asks for them.
    const { evaluateGoal } = toolModule('goals');
    const { terminal: _shells, lanTerminal: _lanShells, ...machine } = this.snapshot();
    const copy = Host.fromSnapshot(machine, { profile: this.profile, secondsPerCommand: 0 });
    const view: GoalView = {
      containers: () => copy.engine.containers.list(),
      networks: () => copy.engine.networks.list(),
      resolveName: (container, name, dnsOnly) => copy.resolveInContainer(container, name, dnsOnly ?? false),
      run: (line) => {
        const result = copy.run(line, { asRoot: true });
        return { stdout: result.stdout, exitCode: result.exitCode };
      },
      runOnLan: (line) => copy.runOnLan(line),
      connect: (from, address, port) => {
        const namespace = from === 'lan' ? copy.lan : from === 'host' || from.namespaceId === undefined ? copy.kernel.root : copy.kernel.namespace(from.namespaceId);
        if (!namespace) return 'unreachable';
        const result = connectTcp(new Datapath(copy.kernel, copy.world, copy.clock.now()), namespace, address, port, copy.random, GOAL_CONNECT_TIMEOUT_MS);
        if (result.kind === 'connected' || result.kind === 'refused' || result.kind === 'timed-out') return result.kind;
        return 'unreachable';
      },
    };
    return goals.map((goal) => evaluateGoal(view, goal));
  }

  /** The host's network as a figure draws it: devices, what is plugged into what, and Docker's networks and containers. Reads, never changes. */
  topology(): TopologyRecord {
    return readTopology(this.kernel, this.engine, this.profile);
  }

  /** A command line run to its end on the LAN machine, as its user: what a goal `from: 'lan'` reads. */
  private runOnLan(line: string): { stdout: string; exitCode: number } | undefined {
    if (!this.lan) return undefined;
    const result = this.session.runDetached('lan', { user: this.profile.user, home: `/home/${this.profile.user}`, cwd: `/home/${this.profile.user}`, argv0: 'bash', login: false }, line);
    return { stdout: result.stdout, exitCode: result.exitCode };
  }

  snapshot(): HostSnapshot {
    const lanTerminal = this.lanSession && { lanTerminal: this.lanSession.state() };
    return structuredClone({ kernel: this.kernel.state, engine: this.engine.state, random: this.random.state(), clockMs: this.clock.now(), terminal: this.session.state(), lan: this.lan, ...lanTerminal });
  }

  restore(snapshot: HostSnapshot): void {
    const copy = structuredClone(snapshot);
    this.random = SeededRandom.fromState(copy.random);
    this.clock = new VirtualClock(copy.clockMs);
    this.kernel = new Kernel(copy.kernel, this.random);
    this.kernel.now = () => this.clock.now();
    this.kernel.httpServed = (namespace, served) => this.engine.webServers.recordServed(namespace, served);
    this.engine = new Engine(copy.engine, this.kernel, this.random, this.clock);
    this.lan = copy.lan ?? this.bootLan();
    this.installPrograms();
    this.session = this.newSession(copy.terminal);
    this.lanSession = copy.lanTerminal && this.newLanSession(copy.lanTerminal);
  }

  private newSession(saved?: TerminalState, opensOn?: ConstructorParameters<typeof TerminalSession>[3]): TerminalSession {
    const { user } = this.profile;
    const home = `/home/${user}`;
    const machine = hostMachine(() => ({ kernel: this.kernel, engine: this.engine, clock: this.clock, random: this.random, world: this.world, profile: this.profile, programs: this.programs, lanNamespace: this.lan, lanPrograms: this.lanPrograms, containerProgram: (tool, provider, image) => containerToolProgram(tool, provider, { engine: this.engine, hostEtc: () => hostEtc(this.profile) }, image), interruptAfterMs: this.interruptAfterMs, columns: this.columns }));
    return new TerminalSession(machine, { user, home, env: { HOME: home, USER: user, LOGNAME: user, SHELL: '/bin/bash', PATH: '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games', LANG: 'C.UTF-8' } }, saved, opensOn);
  }

  /** A terminal on the LAN machine, as its own user's login there: what a second window on that desk shows. */
  private newLanSession(saved?: TerminalState): TerminalSession {
    if (!this.profile.lanMachine) throw new Error('this host has no LAN machine to open a terminal on');
    const { user } = this.profile;
    const home = `/home/${user}`;
    return this.newSession(saved, { machine: 'lan', shell: { user, home, cwd: home, argv0: 'bash', login: true } });
  }

  /** The network namespace a process runs in: a container's first process, or a host daemon such as docker-proxy. */
  private namespaceOfPid(pid: number): Namespace | undefined {
    const container = this.engine.containers.list().find((c) => c.pid === pid);
    if (container?.namespaceId !== undefined) return this.kernel.namespace(container.namespaceId);
    const hostProcess = this.kernel.root.sockets.some((socket) => socket.process.pid === pid);
    return hostProcess || pid === 1 ? this.kernel.root : undefined;
  }

  /**
   * The network namespace a file names: a sandbox's key under Docker's
   * /var/run/docker/netns (`docker inspect`'s SandboxKey; /var/run is /run),
   * a name `ip netns add` made, or a process's /proc/PID/ns/net.
   */
  private namespaceOfFile(path: string): Namespace | undefined {
    const file = path.replace(/^\/var\/run\//, '/run/');
    const process = /^\/proc\/(\d+)\/ns\/net$/.exec(file);
    if (process) return this.namespaceOfPid(Number(process[1]));
    const named = /^\/run\/netns\/([^/]+)$/.exec(file);
    if (named) return [...this.kernel.state.namespaces.values()].find((namespace) => namespace.name === named[1]);
    const sandbox = this.engine.containers.list().find((container) => sandboxKey(container)?.replace(/^\/var\/run\//, '/run/') === file);
    if (!sandbox) return undefined;
    return sandbox.networkMode === 'host' || sandbox.namespaceId === undefined ? this.kernel.root : this.kernel.namespace(sandbox.namespaceId);
  }

  private installPrograms(): void {
    // nsenter and `ip netns exec` exec the command themselves: a missing program is their error, not the shell's. Only the
    // network namespace changes: the files, PIDs and user stay the caller's, except /proc/sys/net, which shows the new one.
    const execIn = ([name, ...args]: readonly string[], context: ProcessContext, namespace: Namespace): CommandResult | undefined => {
      const program = this.programs.get(name!);
      if (!program) return undefined;
      const netFiles = procSysFiles(this.kernel, namespace);
      const readFile = (path: string) => (netFiles[path] !== undefined ? { content: netFiles[path] } : (context.readFile?.(path) ?? { error: 'ENOENT' as const }));
      return program.run(args, { ...context, namespace, readFile });
    };
    const nsenter = lazyTool('nsenter', 'nsenter', (tools) =>
      tools.nsenterProgram({
        namespaceOfPid: (pid) => this.namespaceOfPid(pid),
        namespaceOfFile: (path) => this.namespaceOfFile(path),
        execute: (words, context, namespace) => execIn(words, context, namespace) ?? fail(`nsenter: failed to execute ${words[0]}: No such file or directory\n`, 127),
      }),
    );
    const ip = ipProgramWith({
      namespaceOfPid: (pid) => this.namespaceOfPid(pid),
      namespaceOfFile: (path) => this.namespaceOfFile(path),
      hasProcesses: (namespace) => namespace === this.kernel.root || this.engine.containers.list().some((container) => container.namespaceId === namespace.id && container.status === 'running'),
      execute: execIn,
    });
    // sort, cut, wc and ssh are tool modules, fetched in the reader's browser the first time a line runs one.
    const seldomText = [lazyTool('wc', 'textTools', (tools) => tools.wcProgram), lazyTool('sort', 'textTools', (tools) => tools.sortProgram), lazyTool('cut', 'textTools', (tools) => tools.cutProgram)];
    const text = [catProgram, grepProgram, headProgram, tailProgram, ...seldomText, echoProgram, trueProgram, falseProgram, pwdProgram];
    const ssh = this.sshClient(() => hostEtc(this.profile));
    const shells = [shellProgram('bash', 'host'), shellProgram('sh', 'host'), suProgram];
    // systemd's tools are a tool module, fetched in the reader's browser the first time a line names one.
    const { engine, profile } = this;
    const systemd = [
      lazyTool('systemctl', 'systemd', (tools) => tools.systemctlProgram(engine, profile.hostname)),
      lazyTool('journalctl', 'systemd', (tools) => tools.journalctlProgram(engine.service, profile.hostname)),
      lazyTool('service', 'systemd', (tools) => tools.serviceProgram(engine.service, tools.systemctlProgram(engine, profile.hostname))),
    ];
    this.programs = new Map([ip, lazyTool('bridge', 'bridge', (tools) => tools.bridgeProgram), lazyTool('brctl', 'bridge', (tools) => tools.brctlProgram), iptablesProgram, iptablesSaveProgram, ip6tablesProgram, ip6tablesSaveProgram, curlProgram(engineNameServices(this.engine, () => hostEtc(this.profile))), nsenter, dockerProgram(this.engine), ssh, ...shells, ...text, ...systemd, ...hostToolPrograms(this.engine, () => hostEtc(this.profile))].map((program) => [program.name, program]));
    this.lanPrograms = new Map(this.lanMachinePrograms(text).map((program) => [program.name, program]));
  }

  /**
   * The LAN machine's programs: a Debian desktop's iproute2, iputils ping, curl,
   * ssh, the shells and coreutils, resolving names with its own /etc. No docker,
   * no iptables, nothing of the host's daemon.
   */
  private lanMachinePrograms(text: readonly Program[]): Program[] {
    const lan = this.profile.lanMachine;
    if (!lan) return [];
    const etc = () => lanMachineEtc(this.profile, lan);
    // Everything of the host's but what reads the host's daemon or processes (ps), and what a desktop
    // install lacks: dnsutils (dig, nslookup), net-tools (netstat, ifconfig), tcpdump and telnet.
    const tools = hostToolPrograms(this.engine, etc).filter((program) => !LAN_MACHINE_LACKS.has(program.name));
    const ssh = this.sshClient(etc);
    return [lanIpProgram, curlProgram(engineNameServices(this.engine, etc)), ssh, shellProgram('bash', 'lan'), shellProgram('sh', 'lan'), suProgram, ...tools, ...text];
  }

  /** ssh, resolving names with `etc`: a tool module (cli/ssh.ts). */
  private sshClient(etc: () => HostEtc): Program {
    const names = engineNameServices(this.engine, etc);
    return lazyTool('ssh', 'ssh', (tools) => tools.sshProgram(names, () => this.sshServer()));
  }

  /** The LAN machine's sshd, for ssh: the host's user has an account there. */
  private sshServer() {
    const lan = this.profile.lanMachine;
    return lan && this.lan ? { namespace: this.lan, user: this.profile.user, banner: lanLoginBanner(lan) } : undefined;
  }

  private bootLan(): Namespace | undefined {
    const lan = this.profile.lanMachine;
    return lan && bootLanMachine(this.kernel, this.profile, lan);
  }

  /** lo and the NIC up, with its address and default route, as the installer leaves them. */
  private bringUpNetwork(): void {
    const root = this.kernel.root;
    const { nic } = this.profile;
    this.kernel.setUp(root, 'lo', true);
    this.kernel.addLink(root, { name: nic.name, kind: 'ether' });
    this.kernel.addAddress(root, nic.name, parseCidr(nic.cidr)!);
    this.kernel.setUp(root, nic.name, true);
    const device = this.kernel.link(root, nic.name).index;
    this.kernel.addRoute(root, { destination: undefined, gateway: parseIpv4(nic.gateway)!, device, protocol: 'boot', scope: 'global', source: undefined, metric: undefined });
  }
}
