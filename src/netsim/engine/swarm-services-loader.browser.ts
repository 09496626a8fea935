import { onDemand } from '../on-demand';

// The reader's browser: the swarm's services come with the swarm tool module (cli/tool-modules.ts),
// fetched the first time a line names `swarm`, or when a host restored with services needs them
// (their DNS records). Same exports as swarm-services-loader.ts, which this replaces.
const services = onDemand('swarm', () => import('./swarm-service-records'));

export const swarmServices = services.get;
export const loadSwarmServices = services.load;
