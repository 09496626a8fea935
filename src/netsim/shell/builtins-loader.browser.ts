import { onDemand } from '../on-demand';

// The reader's browser: the shell's `test`, `[` and `printf` are a chunk of their own, fetched the
// first time a line names one (cli/tool-modules.ts) or runs one. Same exports as builtins-loader.ts,
// which this replaces.
const builtins = onDemand('shellBuiltins', () => import('./builtins-module'));

export const shellBuiltins = builtins.get;
export const loadShellBuiltins = builtins.load;
