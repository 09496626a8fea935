import * as pause from './pause';

// Pausing at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it on
// first use instead (pause-loader.browser.ts, swapped in by astro.config.mjs).
export const containerPause = (): typeof pause => pause;

/** Nothing to load: it is here. */
export async function loadContainerPause(): Promise<typeof pause> {
  return pause;
}
