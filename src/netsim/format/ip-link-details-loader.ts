import * as module from './ip-link-details';

// `ip -d`'s details printer at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it
// the first time a line prints details instead (ip-link-details-loader.browser.ts, swapped in by astro.config.mjs).
export const linkDetailsFormat = (): typeof module => module;

/** Nothing to load: it is here. */
export async function loadLinkDetailsFormat(): Promise<typeof module> {
  return module;
}
