import * as module from './iptables-iprange';

// iptables' iprange match at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it the
// first time a line uses it instead (iptables-iprange-loader.browser.ts, swapped in by astro.config.mjs).
export const iprangeMatch = (): typeof module => module;

/** Nothing to load: it is here. */
export async function loadIprangeMatch(): Promise<typeof module> {
  return module;
}
