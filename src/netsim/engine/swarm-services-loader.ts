import * as services from './swarm-service-records';

// The swarm's services at hand: the build, the tests and `bin/netsim`. The reader's browser fetches
// them with the swarm tool module instead (swarm-services-loader.browser.ts, swapped in by astro.config.mjs).
export const swarmServices = (): typeof services => services;

/** Nothing to load: the services are here. */
export async function loadSwarmServices(): Promise<typeof services> {
  return services;
}
