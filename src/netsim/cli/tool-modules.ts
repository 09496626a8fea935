import type * as daemonConfig from '../engine/daemon-config-reader';
import type * as containerPause from '../engine/pause';
import type * as engineExtras from '../engine/extras-module';
import type * as nginxFiles from '../engine/image-catalog/nginx-files';
import type * as mariadbWordpress from '../engine/mariadb-wordpress';
import type * as goals from '../engine/goals';
import { ToolModuleMissing } from '../on-demand';
import { TEXT_MODULE_TOOLS } from './text/text-tool-names';
import type * as apachePage from '../userland/debian-apache2-index';
import type * as arithmetic from '../shell/arithmetic';
import type * as internet from '../userland/public-internet';
import type * as inspect from '../engine/inspect-container';
import type * as linkDetailsFormat from '../format/ip-link-details';
import type * as counterFiles from '../kernel/counter-files';
import type * as curlWriteOut from '../format/curl-write-out';
import type * as mountOption from './docker/mount-option';
import type * as ipv6Path from '../userland/ipv6-module';
import type * as iprange from '../userland/iptables-iprange';
import type * as bridge from './bridge-tools';
import type * as compose from './compose/index';
import type * as curlTls from './curl-tls';
import type * as date from './date';
import type * as dig from './dig';
import type * as dockerExtras from './docker/extras-module';
import type * as dockerHelp from './docker/help-module';
import type * as getent from './getent';
import type * as ipExtras from './ip-extras';
import type * as ipOutput from './ip-output';
import type * as netTools from './net-tools';
import type * as netstat from './netstat';
import type * as xtables from './xtables';
import type * as ps from './ps';
import type * as nsenter from './nsenter';
import type * as nft from './nft';
import type * as packages from './package-manager';
import type * as servers from './server-programs';
import type * as shellBuiltins from '../shell/builtins-module';
import type * as shellExtras from '../shell/shell-extras';
import type * as ss from './ss';
import type * as systemTools from './system-tools/index';
import type * as ssh from './ssh';
import type * as swarm from './docker/swarm-module';
import type * as systemd from './systemd';
import type * as tcpdump from './tcpdump';
import type * as telnet from './telnet';
import type * as textTools from './text/text-module';
import type * as sed from './text/sed/sed';
import type * as awk from './text/awk/awk';
import type * as traceroute from './traceroute';
import type * as volume from './docker/volume';
import type * as wget from './busybox-wget';

/**
 * The tools a reader seldom types, each a module of its own, and what the layers
 * below keep out of the core the same way (a long page, an image's entrypoint,
 * daemon.json's reader: their *-loader.ts). At build time and in tests they are
 * all there at once (tool-loader.ts); the reader's browser swaps that file for
 * tool-loader.browser.ts, which fetches each on first use, so that opening a
 * terminal downloads only what every session needs.
 */
export interface ToolModules {
  apachePage: typeof apachePage;
  containerPause: typeof containerPause;
  engineExtras: typeof engineExtras;
  nginxFiles: typeof nginxFiles;
  arithmetic: typeof arithmetic;
  bridge: typeof bridge;
  compose: typeof compose;
  curlTls: typeof curlTls;
  daemonConfig: typeof daemonConfig;
  date: typeof date;
  dig: typeof dig;
  dockerExtras: typeof dockerExtras;
  dockerHelp: typeof dockerHelp;
  getent: typeof getent;
  inspect: typeof inspect;
  linkDetailsFormat: typeof linkDetailsFormat;
  counterFiles: typeof counterFiles;
  curlWriteOut: typeof curlWriteOut;
  mountOption: typeof mountOption;
  ipv6Path: typeof ipv6Path;
  iprange: typeof iprange;
  internet: typeof internet;
  goals: typeof goals;
  ipExtras: typeof ipExtras;
  ipOutput: typeof ipOutput;
  mariadbWordpress: typeof mariadbWordpress;
  netTools: typeof netTools;
  netstat: typeof netstat;
  ps: typeof ps;
  xtables: typeof xtables;
  nsenter: typeof nsenter;
  nft: typeof nft;
  packages: typeof packages;
  servers: typeof servers;
  shellBuiltins: typeof shellBuiltins;
  shellExtras: typeof shellExtras;
  ss: typeof ss;
  systemTools: typeof systemTools;
  ssh: typeof ssh;
  swarm: typeof swarm;
  systemd: typeof systemd;
  tcpdump: typeof tcpdump;
  telnet: typeof telnet;
  textTools: typeof textTools;
  sed: typeof sed;
  awk: typeof awk;
  traceroute: typeof traceroute;
  volume: typeof volume;
  wget: typeof wget;
}

export type ToolModuleName = keyof ToolModules;

/** The command words each module runs, on the host or in a container (BusyBox's applets included); a word may need more than one. */
const MODULE_OF_WORD: Readonly<Record<string, ToolModuleName | readonly ToolModuleName[]>> = {
  // `docker compose ...`: the plugin and its YAML parser; `docker` itself stays in the core.
  compose: 'compose',
  // `docker inspect` and `docker container inspect`: a container's inspect document.
  inspect: 'inspect',
  // `ip -details` (`-d` is too common a word: the retry loads it), curl's `-w`, docker's `--mount`, and IPv6's path.
  '-details': 'linkDetailsFormat',
  '-w': 'curlWriteOut',
  // The text of /proc/net/dev, /proc/net/snmp and /sys/class/net/IF/statistics/*, read on the kernel's counters.
  statistics: 'counterFiles',
  snmp: 'counterFiles',
  // curl's https:// URLs (`https` is a word of the URL).
  https: 'curlTls',
  '--write-out': 'curlWriteOut',
  '--mount': 'mountOption',
  '-6': 'ipv6Path',
  ping6: 'ipv6Path',
  '--ipv6': 'ipv6Path',
  // The public DNS snapshot and its hosts, for the names lessons use most; any other reaches it by the retry.
  'google.com': 'internet',
  'example.com': 'internet',
  '8.8.8.8': 'internet',
  '1.1.1.1': 'internet',
  // `docker volume ...`: its commands; the daemon's volumes and the -v mounts are in the core.
  volume: 'volume',
  // `docker swarm ...`: init, leave and join-token, the swarm's ingress, and `docker service`; overlay networks themselves are in the core.
  swarm: 'swarm',
  // iproute2's bridge and bridge-utils' brctl.
  bridge: 'bridge',
  brctl: 'bridge',
  telnet: 'telnet',
  dig: 'dig',
  nslookup: 'dig',
  host: 'dig',
  getent: 'getent',
  netstat: 'netstat',
  // `ip neigh`, `ip netns`, `ip -netns NAME`; `ip link add|set|delete` share their words with `ip link show` and `ip addr add`: the retry loads them.
  neigh: 'ipExtras',
  neighbor: 'ipExtras',
  neighbour: 'ipExtras',
  netns: 'ipExtras',
  '-netns': 'ipExtras',
  // ip's counters, JSON and colours, and `ip maddr`; `-s`, `-j` and `-c` are too common words (ping -c): the retry loads them.
  maddr: 'ipOutput',
  maddress: 'ipOutput',
  '-stats': 'ipOutput',
  '-json': 'ipOutput',
  '-color': 'ipOutput',
  // net-tools and the netcats; `route` alone shares its word with `ip route`: the retry loads it.
  ifconfig: 'netTools',
  arp: 'netTools',
  nc: 'netTools',
  // The mariadb client; `nginx` names an image in most lines, so the nginx binary is loaded by the retry.
  mysql: 'servers',
  // Modules of the layers below: the mariadb and wordpress images' entrypoints and files (`mariadb`
  // names the image and its client), and Debian's apache2 page (linuxtips/apache).
  mariadb: ['servers', 'mariadbWordpress'],
  wordpress: 'mariadbWordpress',
  apache: 'apachePage',
  apache2: 'apachePage',
  // dockerd's daemon.json reader: a line that edits the file; a restart that reads it without naming it gets it by the retry.
  'daemon.json': 'daemonConfig',
  // iptables, ip6tables and their save commands.
  iptables: 'xtables',
  ip6tables: 'xtables',
  'iptables-save': 'xtables',
  'ip6tables-save': 'xtables',
  // iptables' iprange match (its rules print through the core's rule printer too, hence a module of its own).
  iprange: 'iprange',
  '--src-range': 'iprange',
  '--dst-range': 'iprange',
  // The image's apt in a container, the host's own (with the system tools) on the host.
  apt: ['packages', 'systemTools'],
  'apt-get': ['packages', 'systemTools'],
  apk: 'packages',
  dpkg: 'systemTools',
  // procps' free and pgrep, coreutils' groups, kmod's lsmod, shadow's usermod; `df` shares its word with `docker system df`: the retry loads it.
  free: 'systemTools',
  lsmod: 'systemTools',
  pgrep: 'systemTools',
  groups: 'systemTools',
  usermod: 'systemTools',
  ss: 'ss',
  systemctl: 'systemd',
  journalctl: 'systemd',
  // `service nginx start`; `docker service ...` gets the swarm module by the retry.
  service: 'systemd',
  tcpdump: 'tcpdump',
  nft: 'nft',
  traceroute: 'traceroute',
  date: 'date',
  nsenter: 'nsenter',
  ssh: 'ssh',
  wget: 'wget',
  sort: 'textTools',
  cut: 'textTools',
  wc: 'textTools',
  ...Object.fromEntries(TEXT_MODULE_TOOLS.map((tool) => [tool, 'textTools'] as const)),
  sed: 'sed',
  awk: 'awk',
  mawk: 'awk',
  // The shell's builtins `test` and `printf`; `[` is not a word here: the retry loads it.
  test: 'shellBuiltins',
  printf: 'shellBuiltins',
  // The shell's seldom-typed builtins; `[[` is not a word here: the retry loads it, as it does a later `set -x` trace.
  read: 'shellExtras',
  type: 'shellExtras',
  declare: 'shellExtras',
  typeset: 'shellExtras',
  let: 'shellExtras',
  set: 'shellExtras',
  trap: 'shellExtras',
  alias: 'shellExtras',
  unalias: 'shellExtras',
  command: 'shellExtras',
  unset: 'shellExtras',
  break: 'shellExtras',
  continue: 'shellExtras',
  local: 'shellExtras',
  shift: 'shellExtras',

  // docker's seldom-typed commands, top-level or under `container`, `image` and `system` (`docker system df`).
  info: 'dockerExtras',
  system: 'dockerExtras',
  version: 'dockerExtras',
  stats: 'dockerExtras',
  top: 'dockerExtras',
  cp: 'dockerExtras',
  // `docker history`; the shell's own `history` comes with the retry.
  history: 'dockerExtras',
  rename: 'dockerExtras',
  // The daemon's pausing (engine/pause.ts) with them: `docker compose pause` needs it too.
  pause: ['dockerExtras', 'containerPause'],
  unpause: ['dockerExtras', 'containerPause'],
  wait: 'dockerExtras',
  events: 'dockerExtras',
  // `docker diff`, and the daemon's comparison of the container's files with its image's.
  diff: ['dockerExtras', 'engineExtras'],
  tag: ['dockerExtras', 'engineExtras'],
  // docker's help texts: `--help`, `-h`, `docker help`; a bare `docker` or `docker network`, which print help too, finds them missing and loads them.
  '--help': 'dockerHelp',
  '-h': 'dockerHelp',
  help: 'dockerHelp',
};

/** A module is not loaded yet (on-demand.ts): thrown before its code runs, so the line can run again once it is. */
export { ToolModuleMissing };

/** Every module, so that a name thrown from any layer can be checked. */
const MODULE_NAMES: Readonly<Record<ToolModuleName, true>> = {
  apachePage: true,
  containerPause: true,
  engineExtras: true,
  nginxFiles: true,
  arithmetic: true,
  inspect: true,
  internet: true,
  linkDetailsFormat: true,
  counterFiles: true,
  curlWriteOut: true,
  mountOption: true,
  ipv6Path: true,
  iprange: true,
  bridge: true,
  compose: true,
  curlTls: true,
  daemonConfig: true,
  date: true,
  dig: true,
  dockerExtras: true,
  dockerHelp: true,
  getent: true,
  goals: true,
  ipExtras: true,
  ipOutput: true,
  mariadbWordpress: true,
  netTools: true,
  netstat: true,
  ps: true,
  xtables: true,
  nsenter: true,
  nft: true,
  packages: true,
  servers: true,
  shellBuiltins: true,
  shellExtras: true,
  ss: true,
  systemTools: true,
  ssh: true,
  swarm: true,
  systemd: true,
  tcpdump: true,
  telnet: true,
  textTools: true,
  sed: true,
  awk: true,
  traceroute: true,
  volume: true,
  wget: true,
};

const isToolModuleName = (name: string): name is ToolModuleName => Object.hasOwn(MODULE_NAMES, name);

/**
 * The modules command lines may need, from the words they contain: a guess that
 * errs on the side of loading (a word in quotes or an argument counts too);
 * what it misses, ToolModuleMissing catches.
 */
export function toolModulesNamedIn(lines: Iterable<string>): Set<ToolModuleName> {
  const needed = new Set<ToolModuleName>();
  for (const line of lines) {
    for (const word of line.match(/[\w.-]+/g) ?? []) {
      const modules = Object.hasOwn(MODULE_OF_WORD, word) ? [MODULE_OF_WORD[word]!].flat() : [];
      for (const module of modules) needed.add(module);
    }
  }
  return needed;
}

/**
 * Runs `run` once the modules `lines` name are loaded; a module it still lacks
 * is loaded and `run` called again. `run` must start from the same state each
 * time (the terminal restores the host it had before the line), so a second
 * call gives exactly what one call with every module there gives. A module
 * still missing once loaded never arrives: that error is passed on.
 */
export async function withToolModules<T>(
  lines: Iterable<string>,
  load: (names: Iterable<ToolModuleName>) => Promise<void>,
  run: () => T,
): Promise<T> {
  const named = toolModulesNamedIn(lines);
  await load(named);
  const loaded = new Set<string>(named);
  for (;;) {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof ToolModuleMissing) || !isToolModuleName(error.module) || loaded.has(error.module))
        throw error;
      loaded.add(error.module);
      await load([error.module]);
    }
  }
}
