import { onDemand } from '../on-demand';

// The reader's browser: the shell's seldom-typed builtins and `[[ ]]` are a chunk of their own, fetched
// the first time a line names one (cli/tool-modules.ts) or runs one. Same exports as shell-extras-loader.ts,
// which this replaces.
const extras = onDemand('shellExtras', () => import('./shell-extras'));

export const shellExtras = extras.get;
export const loadShellExtras = extras.load;
