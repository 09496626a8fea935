import type { Engine } from '../engine/engine';
import type { HostEtc } from '../engine/etc-files';
import { imageInfo, isBusybox } from '../engine/images';
import { busyboxIpProgram } from './busybox-ip';
import { hostnameProgram } from './hostname';
import type { Program, ProcessContext } from './command';
import { lazyTool } from './lazy-tool';
import { fileToolPrograms } from './files/file-tools';
import { lsProgram } from './files/ls';
import {
  envProgram,
  idProgram,
  printenvProgram,
  seqProgram,
  unameProgram,
  whichProgram,
  whoamiProgram,
} from './system-info';
import { engineNameServices, type NameServices } from './name-service';
import { busyboxPingProgram, iputilsPingProgram } from './ping';
import { sleepProgram } from './sleep';
import { sysctlProgram } from './sysctl';
import { curlProgram } from './curl';
import { seldomTextPrograms } from './text/seldom-text';

/** What the tools need from the daemon: the containers (for their files and processes) and the host's own /etc. */
export interface ToolEnvironment {
  readonly engine: Engine;
  readonly hostEtc: () => HostEtc;
}

/**
 * Programs of the Debian host beyond ip, iptables and curl: iputils' ping,
 * iproute2's ss, net-tools' netstat, route and arp, procps' ps, hostname, coreutils' sleep and date, procps' sysctl, tcpdump, telnet
 * (installed on the course's host; a container gets it from its package manager). On the host every
 * process is visible, with its own PID.
 */
export function hostToolPrograms(engine: Engine, hostEtc: () => HostEtc): Program[] {
  const names = engineNameServices(engine, hostEtc);
  const hostname = (context: ProcessContext) =>
    context.containerId
      ? (engine.containers.list().find((c) => c.id === context.containerId)?.hostname ?? '')
      : hostEtc().hostname;
  return [
    lsProgram('gnu'),
    ...fileToolPrograms('gnu'),
    envProgram,
    printenvProgram,
    idProgram('gnu'),
    whoamiProgram,
    unameProgram('gnu', hostname),
    seqProgram('gnu'),
    whichProgram,
    iputilsPingProgram(names),
    iputilsPingProgram(names, 'ping6'),
    lazyTool('dig', 'dig', (tools) => tools.digProgram(names)),
    lazyTool('nslookup', 'dig', (tools) => tools.nslookupProgram(names, 'bind')),
    lazyTool('host', 'dig', (tools) => tools.hostProgram(names)),
    lazyTool('getent', 'getent', (tools) => tools.getentProgram(names)),
    hostnameProgram(engine, hostEtc, names),
    lazyTool('ss', 'ss', (tools) => tools.ssProgram(engine, names)),
    lazyTool('netstat', 'netstat', (tools) => tools.netstatProgram(engine)),
    lazyTool('ifconfig', 'netTools', (tools) => tools.ifconfigProgram()),
    lazyTool('route', 'netTools', (tools) => tools.routeProgram('net-tools')),
    lazyTool('arp', 'netTools', (tools) => tools.arpProgram('net-tools', names)),
    lazyTool('ps', 'ps', (tools) => tools.procpsProgram(engine)),
    sleepProgram('gnu'),
    lazyTool('date', 'date', (tools) => tools.dateProgram('gnu')),
    sysctlProgram,
    lazyTool('tcpdump', 'tcpdump', (tools) => tools.tcpdumpProgram(engine.processes)),
    lazyTool('telnet', 'telnet', (tools) => tools.telnetProgram(names)),
  ];
}

/** What an applet is built from: the name services, whether BusyBox was built against musl (Alpine) rather than glibc, and the daemon (ps lists its processes). */
interface AppletDeps {
  /** The name the program is run by (`mysql` or `mariadb`). */
  readonly tool: string;
  readonly names: NameServices;
  readonly hostEtc: () => HostEtc;
  readonly musl: boolean;
  readonly engine: Engine;
}

/** Tools whose BusyBox applet prints its own dialect. */
const BUSYBOX_APPLETS: Readonly<Record<string, (deps: AppletDeps) => Program>> = {
  ping: ({ names }) => busyboxPingProgram(names),
  ping6: ({ names }) => busyboxPingProgram(names, 'ping6'),
  ip: ({ musl }) => busyboxIpProgram(musl),
  nslookup: ({ names }) => lazyTool('nslookup', 'dig', (tools) => tools.nslookupProgram(names, 'busybox')),
  wget: ({ names, musl }) =>
    lazyTool('wget', 'wget', (tools) => tools.busyboxWgetProgram(names, musl ? 'musl' : 'glibc')),
  ps: ({ engine, musl }) => lazyTool('ps', 'ps', (tools) => tools.busyboxPsProgram(engine, musl)),
  netstat: ({ engine }) => lazyTool('netstat', 'netstat', (tools) => tools.netstatProgram(engine, 'busybox')),
  ifconfig: () => lazyTool('ifconfig', 'netTools', (tools) => tools.ifconfigProgram('busybox')),
  route: () => lazyTool('route', 'netTools', (tools) => tools.routeProgram('busybox')),
  arp: ({ names }) => lazyTool('arp', 'netTools', (tools) => tools.arpProgram('busybox', names)),
  sleep: () => sleepProgram('busybox'),
  date: ({ musl }) => lazyTool('date', 'date', (tools) => tools.dateProgram(musl ? 'busybox-musl' : 'busybox')),
  ls: () => lsProgram('busybox'),
  ...Object.fromEntries(fileToolPrograms('busybox').map((program) => [program.name, () => program])),
  id: () => idProgram('busybox'),
  uname: ({ engine }) =>
    unameProgram(
      'busybox',
      (context) => engine.containers.list().find((c) => c.id === context.containerId)?.hostname ?? '',
    ),
  seq: () => seqProgram('busybox'),
  traceroute: ({ names }) => lazyTool('traceroute', 'traceroute', (tools) => tools.busyboxTracerouteProgram(names)),
  nc: ({ names }) => lazyTool('nc', 'netTools', (tools) => tools.busyboxNcProgram(names)),
  hostname: ({ engine, hostEtc, names }) => hostnameProgram(engine, hostEtc, names, 'busybox'),
  ...Object.fromEntries(
    seldomTextPrograms('busybox').map((program) => [
      program.name,
      ({ musl }: AppletDeps) =>
        musl ? seldomTextPrograms('busybox-musl').find((musled) => musled.name === program.name)! : program,
    ]),
  ),
};

/**
 * Programs a container gets from its package manager that the host does not
 * have preinstalled (Debian 13's default install has neither traceroute nor
 * netcat), by providing package.
 */
const PACKAGED_PROGRAMS: Readonly<Record<string, (deps: AppletDeps) => Program | undefined>> = {
  traceroute: ({ names }) => lazyTool('traceroute', 'traceroute', (tools) => tools.butskoyTracerouteProgram(names)),
  'netcat-openbsd': ({ names }) => lazyTool('nc', 'netTools', (tools) => tools.openbsdNcProgram(names)),
  nginx: ({ engine }) => lazyTool('nginx', 'servers', (tools) => tools.nginxProgram(engine.webServers)),
  // curlimages/curl's own build (curl/curl-container VERSION 8.21.0); its --version text is not known here.
  'curl-container': ({ names }) => curlProgram(names, { version: '8.21.0', versionText: undefined }),
  // The mariadb package's client under both its names; its other programs (mariadbd, mariadb-admin) are not modelled.
  mariadb: ({ tool, names }) =>
    tool === 'mariadb' || tool === 'mysql'
      ? lazyTool(tool, 'servers', (tools) => tools.mariadbClientProgram(tool, names))
      : undefined,
};

/**
 * The program a container runs for `tool`, given the package that provides it in
 * the image (imageInfo(ref).tools): BusyBox's applet where BusyBox provides it
 * and it has a dialect of its own; undefined when the host's program of that
 * name is the same tool (iputils ping, iproute2 ip...). `image` tells a musl
 * BusyBox (Alpine) from a glibc one, where their output differs (`ip`'s state).
 */
export function containerToolProgram(
  tool: string,
  provider: string,
  environment: ToolEnvironment,
  image?: string,
): Program | undefined {
  const applet = isBusybox(provider) ? BUSYBOX_APPLETS[tool] : PACKAGED_PROGRAMS[provider];
  // Alpine builds BusyBox against musl; Debian's package and the busybox image against glibc.
  const musl = image !== undefined && imageInfo(image)?.os.family === 'alpine';
  return applet?.({
    tool,
    names: engineNameServices(environment.engine, environment.hostEtc),
    hostEtc: environment.hostEtc,
    musl,
    engine: environment.engine,
  });
}
