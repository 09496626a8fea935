import * as images from './mariadb-wordpress';

// The module at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it on
// first use instead (mariadb-wordpress-loader.browser.ts, swapped in by astro.config.mjs).
export const mariadbWordpress = (): typeof images => images;

/** Nothing to load: the module is here. */
export async function loadMariadbWordpress(): Promise<typeof images> {
  return images;
}
