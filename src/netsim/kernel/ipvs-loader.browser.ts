import { onDemand } from '../on-demand';

// The reader's browser: IPVS, which only the swarm's routing mesh uses, comes with the swarm tool
// module (cli/tool-modules.ts), or when a host restored with a mesh first balances a packet.
// Same exports as ipvs-loader.ts, which this replaces.
const ipvs = onDemand('swarm', () => import('./ipvs'));

export const ipvsModule = ipvs.get;
export const loadIpvs = ipvs.load;
