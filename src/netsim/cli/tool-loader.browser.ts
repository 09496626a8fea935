import { loadDaemonConfigReader } from '../engine/daemon-config-loader';
import { loadContainerPause } from '../engine/pause-loader';
import { loadEngineExtras } from '../engine/extras-loader';
import { loadNginxFiles } from '../engine/nginx-files-loader';
import { loadSwarmServices } from '../engine/swarm-services-loader';
import { loadIpvs } from '../kernel/ipvs-loader';
import { loadMariadbWordpress } from '../engine/mariadb-wordpress-loader';
import { loadShellBuiltins } from '../shell/builtins-loader';
import { loadShellExtras } from '../shell/shell-extras-loader';
import { loadApachePage } from '../userland/apache-page-loader';
import { loadArithmetic } from '../shell/arithmetic-loader';
import { loadInternet } from '../userland/public-internet-loader';
import { loadLinkDetailsFormat } from '../format/ip-link-details-loader';
import { loadCounterFiles } from '../kernel/counter-files-loader';
import { loadCurlWriteOut } from '../format/curl-write-out-loader';
import { loadMountOption } from './docker/mount-option-loader';
import { loadIpv6Path } from '../userland/ipv6-loader';
import { loadIprangeMatch } from '../userland/iptables-iprange-loader';
import { ToolModuleMissing, type ToolModuleName, type ToolModules } from './tool-modules';

// The reader's browser: each tool's module is a chunk of its own, fetched the first time a
// line names the tool (see tool-modules.ts). Same exports as tool-loader.ts, which this replaces. The modules
// of the layers below are kept by their own loaders (*-loader.browser.ts), which these calls fill.
const LOADERS: { [K in ToolModuleName]: () => Promise<ToolModules[K]> } = {
  containerPause: loadContainerPause,
  engineExtras: loadEngineExtras,
  nginxFiles: loadNginxFiles,
  apachePage: loadApachePage,
  arithmetic: loadArithmetic,
  inspect: () => import('../engine/inspect-container'),
  internet: loadInternet,
  linkDetailsFormat: loadLinkDetailsFormat,
  counterFiles: loadCounterFiles,
  curlWriteOut: loadCurlWriteOut,
  mountOption: loadMountOption,
  ipv6Path: loadIpv6Path,
  iprange: loadIprangeMatch,
  bridge: () => import('./bridge-tools'),
  compose: () => import('./compose/index'),
  curlTls: () => import('./curl-tls'),
  daemonConfig: loadDaemonConfigReader,
  date: () => import('./date'),
  dig: () => import('./dig'),
  dockerExtras: () => import('./docker/extras-module'),
  dockerHelp: () => import('./docker/help-module'),
  getent: () => import('./getent'),
  goals: () => import('../engine/goals'),
  ipExtras: () => import('./ip-extras'),
  ipOutput: () => import('./ip-output'),
  mariadbWordpress: loadMariadbWordpress,
  netTools: () => import('./net-tools'),
  netstat: () => import('./netstat'),
  ps: () => import('./ps'),
  xtables: () => import('./xtables'),
  nsenter: () => import('./nsenter'),
  nft: () => import('./nft'),
  packages: () => import('./package-manager'),
  systemTools: () => import('./system-tools/index'),
  servers: () => import('./server-programs'),
  shellBuiltins: loadShellBuiltins,
  shellExtras: loadShellExtras,
  ss: () => import('./ss'),
  ssh: () => import('./ssh'),
  // The engine's services and the kernel's IPVS come with it; their loaders learn they are here.
  swarm: async () => (await Promise.all([loadSwarmServices(), loadIpvs()]), import('./docker/swarm-module')),
  systemd: () => import('./systemd'),
  tcpdump: () => import('./tcpdump'),
  telnet: () => import('./telnet'),
  textTools: () => import('./text/text-module'),
  sed: () => import('./text/sed/sed'),
  awk: () => import('./text/awk/awk'),
  traceroute: () => import('./traceroute'),
  volume: () => import('./docker/volume'),
  wget: () => import('./busybox-wget'),
};

const loaded: Partial<ToolModules> = {};

export function toolModule<K extends ToolModuleName>(name: K): ToolModules[K] {
  const module = loaded[name];
  if (!module) throw new ToolModuleMissing(name);
  return module;
}

async function load<K extends ToolModuleName>(name: K): Promise<void> {
  loaded[name] ??= await LOADERS[name]();
}

export async function loadToolModules(names: Iterable<ToolModuleName>): Promise<void> {
  await Promise.all([...names].map((name) => load(name)));
}
