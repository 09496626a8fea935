import { onDemand } from '../on-demand';

// The reader's browser: the public DNS snapshot and its hosts are a chunk of their own, fetched the
// first time a line names a public host (cli/tool-modules.ts) or a packet or query reaches the
// internet. Same exports as internet-loader.ts, which this replaces.
const snapshot = onDemand('internet', () => import('./public-internet'));

export const internet = snapshot.get;
export const loadInternet = snapshot.load;
