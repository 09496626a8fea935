import * as daemonConfig from '../engine/daemon-config-reader';
import * as containerPause from '../engine/pause';
import * as engineExtras from '../engine/extras-module';
import * as nginxFiles from '../engine/image-catalog/nginx-files';
import * as mariadbWordpress from '../engine/mariadb-wordpress';
import * as goals from '../engine/goals';
import * as apachePage from '../userland/debian-apache2-index';
import * as arithmetic from '../shell/arithmetic';
import * as internet from '../userland/public-internet';
import * as inspect from '../engine/inspect-container';
import * as linkDetailsFormat from '../format/ip-link-details';
import * as counterFiles from '../kernel/counter-files';
import * as curlWriteOut from '../format/curl-write-out';
import * as mountOption from './docker/mount-option';
import * as ipv6Path from '../userland/ipv6-module';
import * as iprange from '../userland/iptables-iprange';
import * as bridge from './bridge-tools';
import * as compose from './compose/index';
import * as curlTls from './curl-tls';
import * as date from './date';
import * as dig from './dig';
import * as dockerExtras from './docker/extras-module';
import * as dockerHelp from './docker/help-module';
import * as getent from './getent';
import * as ipExtras from './ip-extras';
import * as ipOutput from './ip-output';
import * as netTools from './net-tools';
import * as netstat from './netstat';
import * as ps from './ps';
import * as xtables from './xtables';
import * as nsenter from './nsenter';
import * as nft from './nft';
import * as packages from './package-manager';
import * as servers from './server-programs';
import * as shellBuiltins from '../shell/builtins-module';
import * as shellExtras from '../shell/shell-extras';
import * as ss from './ss';
import * as systemTools from './system-tools/index';
import * as ssh from './ssh';
import * as swarm from './docker/swarm-module';
import * as systemd from './systemd';
import * as tcpdump from './tcpdump';
import * as telnet from './telnet';
import * as textTools from './text/text-module';
import * as sed from './text/sed/sed';
import * as awk from './text/awk/awk';
import * as traceroute from './traceroute';
import * as volume from './docker/volume';
import * as wget from './busybox-wget';
import type { ToolModuleName, ToolModules } from './tool-modules';

// Every tool at once: the build, the tests and `bin/netsim` never wait for one. The
// browser's bundle replaces this file with tool-loader.browser.ts (astro.config.mjs).
const MODULES: ToolModules = {
  containerPause,
  engineExtras,
  nginxFiles,
  apachePage,
  arithmetic,
  inspect,
  internet,
  linkDetailsFormat,
  counterFiles,
  curlWriteOut,
  mountOption,
  ipv6Path,
  iprange,
  bridge,
  compose,
  curlTls,
  daemonConfig,
  date,
  dig,
  dockerExtras,
  dockerHelp,
  getent,
  goals,
  ipExtras,
  ipOutput,
  mariadbWordpress,
  netTools,
  netstat,
  ps,
  xtables,
  nsenter,
  nft,
  packages,
  servers,
  shellBuiltins,
  shellExtras,
  ss,
  systemTools,
  ssh,
  swarm,
  systemd,
  tcpdump,
  telnet,
  textTools,
  sed,
  awk,
  traceroute,
  volume,
  wget,
};

export function toolModule<K extends ToolModuleName>(name: K): ToolModules[K] {
  return MODULES[name];
}

/** Nothing to load: every module is here. */
export async function loadToolModules(_names: Iterable<ToolModuleName>): Promise<void> {}
