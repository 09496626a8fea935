import type { Program } from './command';
import { toolModule } from './tool-loader';
import type { ToolModuleName, ToolModules } from './tool-modules';

/**
 * A program whose code lives in a tool module: built from the module when it
 * runs, so that naming it (PATH lookups, completion) never needs the module.
 */
export function lazyTool<K extends ToolModuleName>(
  name: string,
  module: K,
  make: (tools: ToolModules[K]) => Program,
): Program {
  return { name, run: (args, context) => make(toolModule(module)).run(args, context) };
}
