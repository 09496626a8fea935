import * as compose from './compose/index';
import * as dig from './dig';
import * as dockerHelp from './docker/help-module';
import * as getent from './getent';
import * as netstat from './netstat';
import * as packages from './package-manager';
import * as ss from './ss';
import * as systemd from './systemd';
import * as tcpdump from './tcpdump';
import * as traceroute from './traceroute';
import * as volume from './docker/volume';
import type { ToolModuleName, ToolModules } from './tool-modules';

// Every tool at once: the build, the tests and `bin/netsim` never wait for one. The
// browser's bundle replaces this file with tool-loader.browser.ts (astro.config.mjs).
const MODULES: ToolModules = { compose, dig, dockerHelp, getent, netstat, packages, ss, systemd, tcpdump, traceroute, volume };

export function toolModule<K extends ToolModuleName>(name: K): ToolModules[K] {
  return MODULES[name];
}

/** Nothing to load: every module is here. */
export async function loadToolModules(_names: Iterable<ToolModuleName>): Promise<void> {}
