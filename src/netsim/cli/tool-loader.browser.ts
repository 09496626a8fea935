import { ToolModuleMissing, type ToolModuleName, type ToolModules } from './tool-modules';

// The reader's browser: each tool's module is a chunk of its own, fetched the first time a
// line names the tool (see tool-modules.ts). Same exports as tool-loader.ts, which this replaces.
const LOADERS: { [K in ToolModuleName]: () => Promise<ToolModules[K]> } = {
  compose: () => import('./compose/index'),
  dig: () => import('./dig'),
  dockerHelp: () => import('./docker/help-module'),
  getent: () => import('./getent'),
  netstat: () => import('./netstat'),
  packages: () => import('./package-manager'),
  ss: () => import('./ss'),
  systemd: () => import('./systemd'),
  tcpdump: () => import('./tcpdump'),
  traceroute: () => import('./traceroute'),
  volume: () => import('./docker/volume'),
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
