import { onDemand } from '../../on-demand';

// The reader's browser: docker's `--mount` parser is a chunk of its own, fetched the first time a line uses `--mount`.
// Same exports as mount-option-loader.ts, which this replaces.
const chunk = onDemand('mountOption', () => import('./mount-option'));

export const mountOption = chunk.get;
export const loadMountOption = chunk.load;
