import * as internetModule from './public-internet';

// The public names and hosts at hand: the build, the tests and `bin/netsim`. The reader's browser
// fetches them the first time a packet or a query goes past the router instead
// (internet-loader.browser.ts, swapped in by astro.config.mjs).
export const internet = (): typeof internetModule => internetModule;

/** Nothing to load: the snapshot is here. */
export async function loadInternet(): Promise<typeof internetModule> {
  return internetModule;
}
