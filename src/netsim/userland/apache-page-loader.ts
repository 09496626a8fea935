import * as page from './debian-apache2-index';

// The page at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it
// on first use instead (apache-page-loader.browser.ts, swapped in by astro.config.mjs).
export const apachePage = (): typeof page => page;

/** Nothing to load: the page is here. */
export async function loadApachePage(): Promise<typeof page> {
  return page;
}
