import * as module from './ipv6-module';

// IPv6's packet path (route6, send6) and ping6 at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it
// the first time a line sends an IPv6 packet instead (ipv6-loader.browser.ts, swapped in by astro.config.mjs).
export const ipv6Path = (): typeof module => module;

/** Nothing to load: it is here. */
export async function loadIpv6Path(): Promise<typeof module> {
  return module;
}
