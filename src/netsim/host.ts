import { DEFAULT_EPOCH_MS, VirtualClock } from './clock';
import { dockerProgram } from './cli/docker/docker';
import { fail, type CommandResult, type Program } from './cli/command';
import { iptablesProgram } from './cli/iptables';
import { iptablesSaveProgram } from './cli/iptables-save';
import { ipProgram } from './cli/ip';
import { splitWords } from './cli/words';
import { Engine, type EngineState } from './engine/engine';
import { Kernel, type KernelState } from './kernel/kernel';
import { DEBIAN_DOCKER_HOST, type HostProfile } from './profile';
import { SeededRandom } from './random';
import { parseCidr } from './wire/cidr';
import { parseIpv4 } from './wire/ipv4';
import { worldOf } from './world';
import { pingProgram } from './cli/ping';
import { curlProgram } from './cli/curl';
import { nsenterProgram } from './cli/nsenter';
import { hostToolPrograms } from './cli/host-tools';
import type { Namespace } from './kernel/namespace';
import type { World } from './kernel/datapath';

const SECONDS_PER_COMMAND = 2;

export interface RunResult extends CommandResult {
  /** The prompt the command was typed at. */
  prompt: string;
  command: string;
}

/** Everything a host is, as plain data: restoring it gives back the same future. */
export interface HostSnapshot {
  kernel: KernelState;
  engine: EngineState;
  random: readonly number[];
  clockMs: number;
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
  private readonly world: World;

  private constructor(
    readonly profile: HostProfile,
    private readonly secondsPerCommand: number,
  ) {
    this.world = worldOf(profile);
  }

  static create({ seed = 1, profile = DEBIAN_DOCKER_HOST, secondsPerCommand = SECONDS_PER_COMMAND }: HostOptions = {}): Host {
    const host = new Host(profile, secondsPerCommand);
    host.random = SeededRandom.fromSeed(seed);
    host.clock = new VirtualClock(DEFAULT_EPOCH_MS);
    host.kernel = Kernel.boot(host.random);
    host.bringUpNetwork();
    host.engine = Engine.start(host.kernel, host.random, host.clock, profile.pulledImages);
    host.installPrograms();
    return host;
  }

  /** Runs one command line; `stdin` is what the user types while it runs, such as a prompt's answer. */
  run(commandLine: string, { stdin = '', asRoot = false }: { stdin?: string; asRoot?: boolean } = {}): RunResult {
    const prompt = asRoot ? '# ' : this.prompt();
    this.clock.advance(this.secondsPerCommand * 1000);
    const words = splitWords(commandLine);
    if (!Array.isArray(words)) return { prompt, command: commandLine, ...fail(`bash: ${words.error}\n`, 2) };
    return { prompt, command: commandLine, ...this.execute(words, asRoot, stdin) };
  }

  /** The prompt the next command line is typed at: the host user's shell shows `$ `. */
  prompt(): string {
    return '$ ';
  }

  snapshot(): HostSnapshot {
    return structuredClone({ kernel: this.kernel.state, engine: this.engine.state, random: this.random.state(), clockMs: this.clock.now() });
  }

  restore(snapshot: HostSnapshot): void {
    const copy = structuredClone(snapshot);
    this.random = SeededRandom.fromState(copy.random);
    this.clock = new VirtualClock(copy.clockMs);
    this.kernel = new Kernel(copy.kernel, this.random);
    this.engine = new Engine(copy.engine, this.kernel, this.random, this.clock);
    this.installPrograms();
  }

  private execute(words: string[], isRoot: boolean, stdin: string, namespace = this.kernel.root): CommandResult {
    const [name, ...args] = words;
    if (name === undefined) return { stdout: '', stderr: '', exitCode: 0 };
    if (name === 'sudo') return this.execute(args, true, stdin, namespace);
    const program = this.programs.get(name);
    if (!program) return fail(`bash: ${name}: command not found\n`, 127);
    return program.run(args, { kernel: this.kernel, namespace, isRoot, stdin, clock: this.clock, random: this.random, world: this.world });
  }

  /** The network namespace a process runs in: a container's first process, or a host daemon such as docker-proxy. */
  private namespaceOfPid(pid: number): Namespace | undefined {
    const container = this.engine.containers().find((c) => c.pid === pid);
    if (container?.namespaceId !== undefined) return this.kernel.namespace(container.namespaceId);
    const hostProcess = this.kernel.root.sockets.some((socket) => socket.process.pid === pid);
    return hostProcess || pid === 1 ? this.kernel.root : undefined;
  }

  private installPrograms(): void {
    const nsenter = nsenterProgram({
      namespaceOfPid: (pid) => this.namespaceOfPid(pid),
      execute: (words, context, namespace) => {
        // nsenter execs the command itself: a missing program is its error, not the shell's.
        if (!this.programs.has(words[0]!)) return fail(`nsenter: failed to execute ${words[0]}: No such file or directory\n`, 127);
        return this.execute(words, context.isRoot, context.stdin, namespace);
      },
    });
    this.programs = new Map([ipProgram, iptablesProgram, iptablesSaveProgram, pingProgram, curlProgram, nsenter, dockerProgram(this.engine), ...hostToolPrograms(this.engine)].map((program) => [program.name, program]));
  }

  /** lo and the NIC up, with its address and default route, as the installer leaves them. */
  private bringUpNetwork(): void {
    const root = this.kernel.root;
    const { nic } = this.profile;
    this.kernel.setUp(root, 'lo', true);
    this.kernel.addAddress(root, 'lo', parseCidr('127.0.0.1/8')!);
    this.kernel.addLink(root, { name: nic.name, kind: 'ether' });
    this.kernel.addAddress(root, nic.name, parseCidr(nic.cidr)!);
    this.kernel.setUp(root, nic.name, true);
    const device = this.kernel.link(root, nic.name).index;
    this.kernel.addRoute(root, { destination: undefined, gateway: parseIpv4(nic.gateway)!, device, protocol: 'boot', scope: 'global', source: undefined, metric: undefined });
  }
}
