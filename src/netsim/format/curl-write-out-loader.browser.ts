import { onDemand } from '../on-demand';

// The reader's browser: curl's `-w` variables is a chunk of its own, fetched the first time a line uses `-w`.
// Same exports as curl-write-out-loader.ts, which this replaces.
const chunk = onDemand('curlWriteOut', () => import('./curl-write-out'));

export const curlWriteOut = chunk.get;
export const loadCurlWriteOut = chunk.load;
