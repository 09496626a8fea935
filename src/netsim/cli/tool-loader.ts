import * as mariadbWordpress from '../engine/mariadb-wordpress';
import * as apachePage from '../userland/debian-apache2-index';
import * as compose from './compose/index';
import * as dig from './dig';
import * as dockerExtras from './docker/extras-module';
import * as dockerHelp from './docker/help-module';
import * as getent from './getent';
import * as ipExtras from './ip-extras';
import * as netTools from './net-tools';
import * as netstat from './netstat';
import * as packages from './package-manager';
import * as servers from './server-programs';
import * as ss from './ss';
import * as systemd from './systemd';
import * as tcpdump from './tcpdump';
import * as traceroute from './traceroute';
import type { ToolModuleName, ToolModules } from './tool-modules';

// Every tool at once: the build, the tests and `bin/netsim` never wait for one. The
// browser's bundle replaces this file with tool-loader.browser.ts (astro.config.mjs).
const MODULES: ToolModules = { apachePage, compose, dig, dockerExtras, dockerHelp, getent, ipExtras, mariadbWordpress, netTools, netstat, packages, servers, ss, systemd, tcpdump, traceroute };

export function toolModule<K extends ToolModuleName>(name: K): ToolModules[K] {
  return MODULES[name];
}

/** Nothing to load: every module is here. */
export async function loadToolModules(_names: Iterable<ToolModuleName>): Promise<void> {}
