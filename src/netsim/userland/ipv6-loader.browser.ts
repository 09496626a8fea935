import { onDemand } from '../on-demand';

// The reader's browser: iPv6's packet path (route6, send6) and ping6 is a chunk of its own, fetched the first time a line sends an IPv6 packet.
// Same exports as ipv6-loader.ts, which this replaces.
const chunk = onDemand('ipv6Path', () => import('./ipv6-module'));

export const ipv6Path = chunk.get;
export const loadIpv6Path = chunk.load;
