import { lazyTool } from './cli/lazy-tool';
import { dockerProgram } from './cli/docker/docker';
import { fail, type CommandResult, type ProcessContext, type Program } from './cli/command';
import { ipProgram as lanIpProgram, ipProgramWith } from './cli/ip';
import { catProgram } from './cli/text/cat';
import { echoProgram } from './cli/text/echo';
import { grepProgram } from './cli/text/grep';
import { headProgram, tailProgram } from './cli/text/head-tail';
import { falseProgram, pwdProgram, trueProgram } from './cli/text/trivial';
import { seldomTextPrograms } from './cli/text/seldom-text';
import { curlProgram } from './cli/curl';
import { hostToolPrograms } from './cli/host-tools';
import { engineNameServices } from './cli/name-service';
import { shellProgram, suProgram } from './cli/shells';
import type { Engine } from './engine/engine';
import type { HostEtc } from './engine/etc-files';
import { sandboxKey } from './engine/sandbox-key';
import { hostEtc } from './etc-files';
import type { Kernel } from './kernel/kernel';
import type { Namespace } from './kernel/namespace';
import { procSysFiles } from './kernel/sysctl';
import { lanLoginBanner, lanMachineEtc } from './lan-machine';
import type { HostProfile } from './profile';
import { ProgramRegistry } from './program-registry';

/** Programs of the host that the LAN machine does not have, or that would show the host's own state there. */
const LAN_MACHINE_LACKS = new Set([
  'ps',
  'dig',
  'nslookup',
  'netstat',
  'ifconfig',
  'route',
  'arp',
  'tcpdump',
  'telnet',
]);

/** What the programs of the host and of the LAN machine read, each finished before they are made. */
export interface ProgramSources {
  readonly kernel: Kernel;
  readonly engine: Engine;
  readonly profile: HostProfile;
  /** The LAN machine's network namespace, if the profile has one. */
  readonly lan: Namespace | undefined;
}

/** The programs installed on the host and on the LAN machine. */
export function installedPrograms(sources: ProgramSources): { host: ProgramRegistry; lan: ProgramRegistry } {
  // sort, cut, wc, tr, sed, awk... and ssh are tool modules, fetched in the reader's browser the first time a line runs one.
  const seldomText = [
    lazyTool('wc', 'textTools', (tools) => tools.wcProgram),
    lazyTool('sort', 'textTools', (tools) => tools.sortProgram),
    lazyTool('cut', 'textTools', (tools) => tools.cutProgram),
    ...seldomTextPrograms('gnu'),
  ];
  const text = [
    catProgram,
    grepProgram,
    headProgram,
    tailProgram,
    ...seldomText,
    echoProgram,
    trueProgram,
    falseProgram,
    pwdProgram,
  ];
  return { host: hostPrograms(sources, text), lan: new ProgramRegistry(lanMachinePrograms(sources, text)) };
}

function hostPrograms(sources: ProgramSources, text: readonly Program[]): ProgramRegistry {
  const { kernel, engine, profile } = sources;
  // nsenter and `ip netns exec` exec the command themselves: a missing program is their error, not the shell's. Only the
  // network namespace changes: the files, PIDs and user stay the caller's, except /proc/sys/net, which shows the new one.
  // They run the host's own programs, so they look them up in the registry they are part of.
  const execIn = (
    [name, ...args]: readonly string[],
    context: ProcessContext,
    namespace: Namespace,
  ): CommandResult | undefined => {
    const program = registry.get(name!);
    if (!program) return undefined;
    const netFiles = procSysFiles(kernel, namespace);
    const readFile = (path: string) =>
      netFiles[path] !== undefined
        ? { content: netFiles[path] }
        : (context.readFile?.(path) ?? { error: 'ENOENT' as const });
    return program.run(args, { ...context, namespace, readFile });
  };
  const namespaces = namespaceFinder(kernel, engine);
  const nsenter = lazyTool('nsenter', 'nsenter', (tools) =>
    tools.nsenterProgram({
      ...namespaces,
      execute: (words, context, namespace) =>
        execIn(words, context, namespace) ??
        fail(`nsenter: failed to execute ${words[0]}: No such file or directory\n`, 127),
    }),
  );
  const ip = ipProgramWith({
    ...namespaces,
    hasProcesses: (namespace) =>
      namespace === kernel.root ||
      engine.containers
        .list()
        .some((container) => container.namespaceId === namespace.id && container.status === 'running'),
    execute: execIn,
  });
  const etc = () => hostEtc(profile);
  const shells = [shellProgram('bash', 'host'), shellProgram('sh', 'host'), suProgram];
  // systemd's tools are a tool module, fetched in the reader's browser the first time a line names one.
  const systemd = [
    lazyTool('systemctl', 'systemd', (tools) => tools.systemctlProgram(engine, profile.hostname)),
    lazyTool('journalctl', 'systemd', (tools) => tools.journalctlProgram(engine.service, profile.hostname)),
    lazyTool('service', 'systemd', (tools) =>
      tools.serviceProgram(engine.service, tools.systemctlProgram(engine, profile.hostname)),
    ),
  ];
  const programs = [
    ip,
    lazyTool('bridge', 'bridge', (tools) => tools.bridgeProgram),
    lazyTool('brctl', 'bridge', (tools) => tools.brctlProgram),
    lazyTool('iptables', 'xtables', (tools) => tools.iptablesProgram),
    lazyTool('iptables-save', 'xtables', (tools) => tools.iptablesSaveProgram),
    lazyTool('ip6tables', 'xtables', (tools) => tools.ip6tablesProgram),
    lazyTool('ip6tables-save', 'xtables', (tools) => tools.ip6tablesSaveProgram),
    lazyTool('nft', 'nft', (tools) => tools.nftProgram),
    curlProgram(engineNameServices(engine, etc)),
    nsenter,
    dockerProgram(engine),
    sshClient(sources, etc),
    ...shells,
    ...text,
    ...systemd,
    ...hostToolPrograms(engine, etc),
  ];
  // The host user may run anything as root: the shell runs sudo's command itself (host-shell.ts).
  const registry = new ProgramRegistry(programs, ['sudo']);
  return registry;
}

/**
 * The LAN machine's programs: a Debian desktop's iproute2, iputils ping, curl,
 * ssh, the shells and coreutils, resolving names with its own /etc. No docker,
 * no iptables, nothing of the host's daemon.
 */
function lanMachinePrograms(sources: ProgramSources, text: readonly Program[]): Program[] {
  const { engine, profile } = sources;
  const lan = profile.lanMachine;
  if (!lan) return [];
  const etc = () => lanMachineEtc(profile, lan);
  // Everything of the host's but what reads the host's daemon or processes (ps), and what a desktop
  // install lacks: dnsutils (dig, nslookup), net-tools (netstat, ifconfig), tcpdump and telnet.
  const tools = hostToolPrograms(engine, etc).filter((program) => !LAN_MACHINE_LACKS.has(program.name));
  return [
    lanIpProgram,
    curlProgram(engineNameServices(engine, etc)),
    sshClient(sources, etc),
    shellProgram('bash', 'lan'),
    shellProgram('sh', 'lan'),
    suProgram,
    ...tools,
    ...text,
  ];
}

/** ssh, resolving names with `etc`: a tool module (cli/ssh.ts), whose server is the LAN machine's sshd, where the host's user has an account. */
function sshClient({ engine, profile, lan }: ProgramSources, etc: () => HostEtc): Program {
  const names = engineNameServices(engine, etc);
  const machine = profile.lanMachine;
  const server = machine && lan ? { namespace: lan, user: profile.user, banner: lanLoginBanner(machine) } : undefined;
  return lazyTool('ssh', 'ssh', (tools) => tools.sshProgram(names, () => server));
}

/** The network namespace a process or a file names, for nsenter and `ip netns`/`ip -netns`. */
function namespaceFinder(
  kernel: Kernel,
  engine: Engine,
): {
  namespaceOfPid: (pid: number) => Namespace | undefined;
  namespaceOfFile: (path: string) => Namespace | undefined;
} {
  // A container's first process, or a host daemon such as docker-proxy.
  const namespaceOfPid = (pid: number): Namespace | undefined => {
    const container = engine.containers.list().find((c) => c.pid === pid);
    if (container?.namespaceId !== undefined) return kernel.namespace(container.namespaceId);
    const hostProcess = kernel.root.sockets.some((socket) => socket.process.pid === pid);
    return hostProcess || pid === 1 ? kernel.root : undefined;
  };
  // A sandbox's key under Docker's /var/run/docker/netns (`docker inspect`'s SandboxKey; /var/run is /run),
  // a name `ip netns add` made, or a process's /proc/PID/ns/net.
  const namespaceOfFile = (path: string): Namespace | undefined => {
    const file = path.replace(/^\/var\/run\//, '/run/');
    const process = /^\/proc\/(\d+)\/ns\/net$/.exec(file);
    if (process) return namespaceOfPid(Number(process[1]));
    const named = /^\/run\/netns\/([^/]+)$/.exec(file);
    if (named) return [...kernel.state.namespaces.values()].find((namespace) => namespace.name === named[1]);
    const sandbox = engine.containers
      .list()
      .find((container) => sandboxKey(container)?.replace(/^\/var\/run\//, '/run/') === file);
    if (!sandbox) return undefined;
    return sandbox.networkMode === 'host' || sandbox.namespaceId === undefined
      ? kernel.root
      : kernel.namespace(sandbox.namespaceId);
  };
  return { namespaceOfPid, namespaceOfFile };
}
