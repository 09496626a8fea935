import * as module from './counter-files';

// The text of /proc/net/dev and sysfs's statistics at hand: the build, the tests and `bin/netsim`. The reader's
// browser fetches it the first time a line reads one of them (counter-files-loader.browser.ts, swapped in by astro.config.mjs).
export const counterFiles = (): typeof module => module;

/** Nothing to load: it is here. */
export async function loadCounterFiles(): Promise<typeof module> {
  return module;
}
