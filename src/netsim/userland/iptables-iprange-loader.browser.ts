import { onDemand } from '../on-demand';

// The reader's browser: iptables' iprange match is a chunk of its own, fetched the first time a line uses it.
// Same exports as iptables-iprange-loader.ts, which this replaces.
const chunk = onDemand('iprange', () => import('./iptables-iprange'));

export const iprangeMatch = chunk.get;
export const loadIprangeMatch = chunk.load;
