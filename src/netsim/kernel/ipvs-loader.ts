import * as ipvs from './ipvs';

// IPVS at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it with the
// swarm tool module instead (ipvs-loader.browser.ts, swapped in by astro.config.mjs).
export const ipvsModule = (): typeof ipvs => ipvs;

/** Nothing to load: IPVS is here. */
export async function loadIpvs(): Promise<typeof ipvs> {
  return ipvs;
}
