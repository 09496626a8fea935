import * as module from './mount-option';

// docker's `--mount` parser at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it
// the first time a line uses `--mount` instead (mount-option-loader.browser.ts, swapped in by astro.config.mjs).
export const mountOption = (): typeof module => module;

/** Nothing to load: it is here. */
export async function loadMountOption(): Promise<typeof module> {
  return module;
}
