import { onDemand } from '../on-demand';

// The reader's browser: the daemon's seldom-used work is a chunk of its own, fetched the first time a
// line needs it (cli/tool-modules.ts). Same exports as extras-loader.ts, which this replaces.
const extras = onDemand('engineExtras', () => import('./extras-module'));

export const engineExtras = extras.get;
export const loadEngineExtras = extras.load;
