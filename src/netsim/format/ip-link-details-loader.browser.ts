import { onDemand } from '../on-demand';

// The reader's browser: `ip -d`'s details printer is a chunk of its own, fetched the first time a line prints details.
// Same exports as ip-link-details-loader.ts, which this replaces.
const chunk = onDemand('linkDetailsFormat', () => import('./ip-link-details'));

export const linkDetailsFormat = chunk.get;
export const loadLinkDetailsFormat = chunk.load;
