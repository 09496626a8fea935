import * as extras from './extras-module';

// The daemon's extras at hand: the build, the tests and `bin/netsim`. The reader's browser fetches them on
// first use instead (extras-loader.browser.ts, swapped in by astro.config.mjs).
export const engineExtras = (): typeof extras => extras;

/** Nothing to load: it is here. */
export async function loadEngineExtras(): Promise<typeof extras> {
  return extras;
}
