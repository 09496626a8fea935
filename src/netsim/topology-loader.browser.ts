import { ToolModuleMissing } from './on-demand';
import type * as topologyModule from './topology';

// The reader's browser: figures come drawn by the build, and the terminal never asks its host for one,
// so topology.ts is not part of its download, nor a module the terminal fetches (cli/tool-modules.ts).
// Same exports as topology-loader.ts, which this replaces.
export const topology = (): typeof topologyModule => {
  throw new ToolModuleMissing('topology');
};
