import * as module from './curl-write-out';

// curl's `-w` variables at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it
// the first time a line uses `-w` instead (curl-write-out-loader.browser.ts, swapped in by astro.config.mjs).
export const curlWriteOut = (): typeof module => module;

/** Nothing to load: it is here. */
export async function loadCurlWriteOut(): Promise<typeof module> {
  return module;
}
