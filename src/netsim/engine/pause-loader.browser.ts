import { onDemand } from '../on-demand';

// The reader's browser: pausing and unpausing containers is a chunk of its own, fetched the first
// time a line names pause or unpause (cli/tool-modules.ts). Same exports as pause-loader.ts, which this replaces.
const pause = onDemand('containerPause', () => import('./pause'));

export const containerPause = pause.get;
export const loadContainerPause = pause.load;
