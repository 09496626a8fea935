import { onDemand } from '../on-demand';

// The reader's browser: /proc/net/dev's and sysfs statistics' text is a chunk of its own, fetched the first time a line reads them.
// Same exports as counter-files-loader.ts, which this replaces.
const chunk = onDemand('counterFiles', () => import('./counter-files'));

export const counterFiles = chunk.get;
export const loadCounterFiles = chunk.load;
