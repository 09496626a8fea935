import {
  readThrough,
  type CommandResult,
  type ExecRequest,
  type FileAccess,
  type Program,
  type ReadFileResult,
  type TerminalControl,
} from './cli/command';
import type { VirtualClock } from './clock';
import type { World } from './kernel/datapath';
import type { Kernel } from './kernel/kernel';
import type { Namespace } from './kernel/namespace';
import type { Engine } from './engine/engine';
import type { Container } from './engine/container';
import { imageInfo } from './engine/images';
import type { HostProfile } from './profile';
import type { SeededRandom } from './random';
import type { Machine, Place } from './shell/session';
import type { Invocation } from './shell/interpreter';
import { etcFilesOf, hostEtc } from './etc-files';
import { DEFAULT_EPOCH_MS } from './clock';
import { FileSystem, isExecutableFile, ROOT, type FileLayer } from './kernel/filesystem';
import { containerFileSystem, HOST_USER_ID, hostRootfs, kernelFiles, machineFileSystem } from './machine-files';
import { initScriptProgram } from './cli/init-script';
import { lazyTool } from './cli/lazy-tool';
import { isPackageManager } from './cli/package-managers';
import { toolModule } from './cli/tool-loader';
import { engineNameServices } from './cli/name-service';
import { LOGIN_SHELL_PID } from './engine/host-processes';
import { pidInContainer } from './engine/processes';
import { sudo } from './cli/shells';
import { lanMachineEtc } from './lan-machine';
import { programDirectory } from './engine/image-catalog/rootfs';
import type { ProgramRegistry } from './program-registry';

/** What the terminal tells the line being run; the host sets it before each line. */
export interface LineSettings {
  /** Ctrl-C comes this long after a never-ending program starts. */
  interruptAfterMs: number;
  /** The terminal's width. */
  columns: number;
}

/** The parts of a host a terminal's machine runs on, each finished before the machine is made. */
export interface HostParts {
  readonly kernel: Kernel;
  readonly engine: Engine;
  readonly clock: VirtualClock;
  readonly random: SeededRandom;
  readonly world: World;
  readonly profile: HostProfile;
  readonly programs: ProgramRegistry;
  /** The LAN machine's network namespace, if the profile has one. */
  readonly lanNamespace: Namespace | undefined;
  /** The LAN machine's programs (a Debian desktop's: no docker, no iptables). */
  readonly lanPrograms: ProgramRegistry;
  /** A container's own program for a tool its image provides with `provider`, when it differs from the host's (BusyBox applets). */
  readonly containerProgram: (tool: string, provider: string, image: string) => Program | undefined;
  /** The settings of the line being run. */
  readonly line: Readonly<LineSettings>;
}

/** Debian's /etc/sudoers `Defaults secure_path`: sudo runs a command with this PATH, not the user's. */
const SUDO_SECURE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** Directories on PATH: `/usr/bin/docker` is the `docker` program. */
const PATH_DIRECTORIES = new Set(['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']);

/**
 * Where a program of the host is, as its disk has it: /usr/sbin or /usr/bin, and
 * /sbin or /bin, links to them (merged /usr). A normal user's PATH (/etc/profile)
 * has no sbin, so there `iptables` is "command not found"; root's and sudo's
 * secure_path have it.
 */
function hostDirectories(program: string): readonly string[] {
  return programDirectory(program, 'debian') === '/usr/sbin' ? ['/usr/sbin', '/sbin'] : ['/usr/bin', '/bin'];
}

/** Whether the host's shell finds `typed` (a name, or a path to it), given who runs it and their PATH. */
function foundOnHost(typed: string, program: string, isRoot: boolean, path: string | undefined): boolean {
  const slash = typed.lastIndexOf('/');
  if (slash >= 0) return hostDirectories(program).includes(typed.slice(0, slash));
  if (isRoot) return true;
  const searched = (path ?? '').split(':');
  return hostDirectories(program).some((directory) => searched.includes(directory));
}

/** The machine under the terminal session: the host and its containers, each with its own programs. */
export function hostMachine(parts: HostParts): Machine {
  const namespaceOf = (place: Place): Namespace | undefined => {
    const { kernel, engine } = parts;
    if (place.kind === 'host') return kernel.root;
    if (place.kind === 'lan') return parts.lanNamespace;
    const container = findRunning(engine, place.id);
    return container?.namespaceId === undefined ? undefined : kernel.namespace(container.namespaceId);
  };
  // A program a package installs is there once dpkg has put its file (or update-alternatives' link) on the disk.
  const installedOnHost = (program: string): boolean => {
    const fs = fileSystem({ kind: 'host' });
    return (
      fs !== undefined && hostDirectories(program).some((directory) => isExecutableFile(fs, `${directory}/${program}`))
    );
  };
  const programAt = (
    place: Place,
    name: string,
    invocation: { isRoot: boolean; env: Invocation['env'] },
  ): Program | undefined => {
    const slash = name.lastIndexOf('/');
    const base = slash >= 0 && PATH_DIRECTORIES.has(name.slice(0, slash)) ? name.slice(slash + 1) : name;
    if (place.kind === 'lan') {
      const own = parts.lanPrograms.get(base);
      return own && foundOnHost(name, base, invocation.isRoot, invocation.env.get('PATH')) ? own : undefined;
    }
    const program = parts.programs.get(base);
    if (place.kind === 'host')
      return program &&
        foundOnHost(name, base, invocation.isRoot, invocation.env.get('PATH')) &&
        (!parts.programs.isPackaged(base) || installedOnHost(base))
        ? program
        : undefined;
    const { engine } = parts;
    const container = findRunning(engine, place.id);
    if (!container) return undefined;
    // The image's tools and what its package manager installed since; an init script is run by its path.
    const provider = engine.packages.tools(container.id)[base];
    if (provider === undefined) return initScriptProgram(name, engine.packages, container.id);
    // The package providing the tool decides its dialect: BusyBox's applet, or the host's program of that name.
    const names = engineNameServices(engine, () => hostEtc(parts.profile));
    if (isPackageManager(base, provider))
      return lazyTool(base, 'packages', (tools) =>
        tools.packageManagerProgram(base, provider, engine, container.id, names)!,
      );
    return parts.containerProgram(base, provider, container.image) ?? program;
  };
  const run = (
    place: Place,
    argv: readonly string[],
    invocation: Invocation & { isRoot: boolean; terminal: TerminalControl },
    request?: ExecRequest,
  ): CommandResult | undefined => {
    const [name, ...args] = argv as [string, ...string[]];
    const namespace = namespaceOf(place);
    if (!namespace) return undefined;
    const { kernel, clock, random, world, line } = parts;
    const { interruptAfterMs, columns } = line;
    const stdoutIsTerminal = invocation.stdoutIsTerminal ?? false;
    const context = {
      kernel,
      namespace,
      isRoot: invocation.isRoot,
      stdin: invocation.stdin,
      clock,
      random,
      world,
      env: invocation.env,
      cwd: invocation.cwd,
      interruptAfterMs,
      terminal: invocation.terminal,
      containerId: place.kind === 'container' ? place.id : undefined,
      ...(invocation.background ? { background: true } : {}),
      readFile: (path: string) => readFile(place, path, invocation.isRoot),
      ...fileAccessOf(files(place, invocation.isRoot)),
      stdoutIsTerminal,
      stderrIsTerminal: invocation.stderrIsTerminal ?? false,
      ...(invocation.typing ? { typing: invocation.typing } : {}),
      // ioctl(1, TIOCGWINSZ) answers only on a terminal; a pipe or a file has no size.
      ...(stdoutIsTerminal ? { terminalColumns: columns } : {}),
      ...(request?.clock ? { clock: request.clock } : {}),
      ...(request?.interruptAfterMs !== undefined ? { interruptAfterMs: request.interruptAfterMs } : {}),
      exec: (words: readonly string[], next: ExecRequest) =>
        run(place, words, { ...invocation, stdin: next.stdin }, next),
    };
    if (place.kind === 'host' && name === 'sudo') {
      const env = new Map(invocation.env).set('PATH', SUDO_SECURE_PATH);
      return sudo(args, context, (words) => run(place, words, { ...invocation, env, isRoot: true }, request));
    }
    const program = programAt(place, name, invocation);
    return program?.run(args, context);
  };
  // The host's and the LAN machine's disks as installed, built once: their programs do not change while they run.
  let hostLower: FileLayer | undefined;
  let lanLower: FileLayer | undefined;
  const fileSystem = (place: Place): FileSystem | undefined => {
    const { kernel, engine, clock, profile, programs, lanPrograms } = parts;
    const namespace = namespaceOf(place);
    const now = () => clock.now();
    if (place.kind === 'host') {
      hostLower ??= hostRootfs(profile, programs.names(), DEFAULT_EPOCH_MS);
      return new FileSystem(
        hostLower,
        kernel.hostFiles(),
        () => (namespace ? kernelFiles(kernel, namespace, false, DEFAULT_EPOCH_MS) : {}),
        now,
      );
    }
    if (place.kind === 'lan') {
      if (!profile.lanMachine || !namespace) return undefined;
      // A Debian desktop installed like the host, with its own /etc (hostname, hosts) and writes of its own.
      lanLower ??= hostRootfs(profile, lanPrograms.names(), DEFAULT_EPOCH_MS);
      return machineFileSystem(
        lanLower,
        kernel.lanFiles(),
        etcFilesOf(lanMachineEtc(profile, profile.lanMachine)),
        kernelFiles(kernel, namespace, false, DEFAULT_EPOCH_MS),
        now,
      );
    }
    const container = findRunning(engine, place.id);
    if (!container) return undefined;
    hostLower ??= hostRootfs(profile, programs.names(), DEFAULT_EPOCH_MS);
    const hostFiles = new FileSystem(hostLower, kernel.hostFiles(), {}, now);
    return containerFileSystem(container.id, { engine, kernel, namespace, etcFiles: etcFiles(place), now, hostFiles });
  };
  // The host user is uid 1000 unless the line runs as root; in a container, root unless `-u` named another user.
  const files = (place: Place, isRoot: boolean): FileAccess | undefined => {
    const fs = fileSystem(place);
    return fs && { fs, who: isRoot ? ROOT : { uid: HOST_USER_ID, gid: HOST_USER_ID } };
  };
  const readFile = (place: Place, path: string, isRoot = false): ReadFileResult => {
    const access = files(place, isRoot);
    return access ? readThrough(access, path) : { error: 'ENOENT' };
  };
  // /etc/hosts, resolv.conf and hostname of a container: those the daemon wrote for it.
  const etcFiles = (place: Place): Readonly<Record<string, string>> => {
    const { profile, engine } = parts;
    const container = place.kind === 'container' ? findRunning(engine, place.id) : undefined;
    return container ? { ...engine.files.etc(container.id, hostEtc(profile)) } : {};
  };
  return {
    runProgram: run,
    // Only tcpdump runs in the background, so its module is loaded whenever a job exists.
    pollJob: (job, printed) =>
      toolModule('tcpdump').pollCapture(parts.kernel, job, printed, (path, content) => {
        const access = files({ kind: 'host' }, true);
        access?.fs.write(path, content, access.who);
      }),
    files,
    readFile: (place, path) => readFile(place, path),
    directoryExists: (place, path) => {
      const found = fileSystem(place)?.stat(path);
      return found !== undefined && 'inode' in found && found.inode.kind === 'dir';
    },
    container: (id) => {
      const container = findRunning(parts.engine, id);
      return container && { hostname: container.hostname, image: container.image, env: container.config.env };
    },
    firstProcessExited: (id, status) => {
      const { engine } = parts;
      if (findRunning(engine, id)) engine.containers.firstProcessExited(id, status);
    },
    isBusyBox: (image) => (imageInfo(image)?.os.family ?? 'debian') !== 'debian',
    clock: () => {
      const { clock, line } = parts;
      return { nowMs: clock.now(), interruptAfterMs: line.interruptAfterMs };
    },
    // Drawn only when a shell first expands $RANDOM, so hosts that never do keep their sequence of IDs.
    randomSeed: () => parts.random.int(1, 0x7fffffff),
    // The login shell has a PID of the host's boot (host-processes.ts); `docker run -it`'s shell is the container's
    // first process ($$ is 1 in its PID namespace); an exec'd shell takes the next PID, without drawing from the seed.
    hostname: (place) => {
      const { profile } = parts;
      return place.kind === 'lan' ? (profile.lanMachine?.hostname ?? '') : profile.hostname;
    },
    spawnShell: (place, firstProcess, nested) => {
      const { engine, clock } = parts;
      // The LAN machine's processes are not the host's: its shell's PID is its own, and draws nothing.
      if (place.kind === 'lan')
        return { pid: LAN_LOGIN_SHELL_PID, visiblePid: LAN_LOGIN_SHELL_PID, startedMs: clock.now() };
      if (place.kind === 'host' && nested) {
        const pid = engine.processes.spawn();
        return { pid, visiblePid: pid, startedMs: clock.now() };
      }
      const container = place.kind === 'container' ? findRunning(engine, place.id) : undefined;
      if (!container || container.pid === undefined)
        return { pid: LOGIN_SHELL_PID, visiblePid: LOGIN_SHELL_PID, startedMs: clock.now() };
      if (firstProcess) return { pid: container.pid, visiblePid: 1, startedMs: container.startedMs ?? clock.now() };
      const pid = engine.processes.spawn();
      return { pid, visiblePid: pidInContainer(pid, container.pid), startedMs: clock.now() };
    },
  };
}

/** The login shell sshd starts on the LAN machine: a PID of a desktop some minutes after boot. */
const LAN_LOGIN_SHELL_PID = 1437;

const fileAccessOf = (files: FileAccess | undefined): { files?: FileAccess } => (files ? { files } : {});

function findRunning(engine: Engine, id: string): Container | undefined {
  const container = engine.containers.list().find((c) => c.id === id);
  return container?.status === 'running' ? container : undefined;
}
