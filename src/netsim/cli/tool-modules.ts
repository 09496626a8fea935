import type * as compose from './compose/index';
import type * as dig from './dig';
import type * as dockerHelp from './docker/help-module';
import type * as getent from './getent';
import type * as netstat from './netstat';
import type * as packages from './package-manager';
import type * as ss from './ss';
import type * as systemd from './systemd';
import type * as tcpdump from './tcpdump';
import type * as traceroute from './traceroute';
import type * as volume from './docker/volume';

/**
 * The tools a reader seldom types, each a module of its own. At build time and
 * in tests they are all there at once (tool-loader.ts); the reader's browser
 * swaps that file for tool-loader.browser.ts, which fetches each on first use,
 * so that opening a terminal downloads only what every session needs.
 */
export interface ToolModules {
  compose: typeof compose;
  dig: typeof dig;
  dockerHelp: typeof dockerHelp;
  getent: typeof getent;
  netstat: typeof netstat;
  packages: typeof packages;
  ss: typeof ss;
  systemd: typeof systemd;
  tcpdump: typeof tcpdump;
  traceroute: typeof traceroute;
  volume: typeof volume;
}

export type ToolModuleName = keyof ToolModules;

/** The command words each module runs, on the host or in a container (BusyBox's applets included). */
const MODULE_OF_WORD: Readonly<Record<string, ToolModuleName>> = {
  // `docker compose ...`: the plugin and its YAML parser; `docker` itself stays in the core.
  compose: 'compose',
  dig: 'dig',
  nslookup: 'dig',
  host: 'dig',
  getent: 'getent',
  netstat: 'netstat',
  apt: 'packages',
  'apt-get': 'packages',
  apk: 'packages',
  ss: 'ss',
  systemctl: 'systemd',
  journalctl: 'systemd',
  service: 'systemd',
  tcpdump: 'tcpdump',
  traceroute: 'traceroute',
  // `docker volume ...`: its commands; the daemon's volumes and the -v mounts are in the core.
  volume: 'volume',
  // docker's help texts: `--help`, `-h`, `docker help`; a bare `docker` or `docker network`, which print help too, finds them missing and loads them.
  '--help': 'dockerHelp',
  '-h': 'dockerHelp',
  help: 'dockerHelp',
};

/** A tool's module is not loaded yet: thrown before the tool does anything, so the line can run again once it is. */
export class ToolModuleMissing extends Error {
  constructor(readonly module: ToolModuleName) {
    super(`the ${module} tools are not loaded`);
    this.name = 'ToolModuleMissing';
  }
}

/**
 * The modules command lines may need, from the words they contain: a guess that
 * errs on the side of loading (a word in quotes or an argument counts too);
 * what it misses, ToolModuleMissing catches.
 */
export function toolModulesNamedIn(lines: Iterable<string>): Set<ToolModuleName> {
  const needed = new Set<ToolModuleName>();
  for (const line of lines) {
    for (const word of line.match(/[\w.-]+/g) ?? []) {
      const module = Object.hasOwn(MODULE_OF_WORD, word) ? MODULE_OF_WORD[word] : undefined;
      if (module) needed.add(module);
    }
  }
  return needed;
}

const MODULE_COUNT = new Set(Object.values(MODULE_OF_WORD)).size;

/**
 * Runs `run` once the modules `lines` name are loaded; a module it still lacks
 * is loaded and `run` called again. `run` must start from the same state each
 * time (the terminal restores the host it had before the line), so a second
 * call gives exactly what one call with every module there gives.
 */
export async function withToolModules<T>(lines: Iterable<string>, load: (names: Iterable<ToolModuleName>) => Promise<void>, run: () => T): Promise<T> {
  await load(toolModulesNamedIn(lines));
  for (let attempt = 0; ; attempt++) {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof ToolModuleMissing) || attempt >= MODULE_COUNT) throw error;
      await load([error.module]);
    }
  }
}
