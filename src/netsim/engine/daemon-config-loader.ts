import * as reader from './daemon-config-reader';

// The reader at hand: the build, the tests and `bin/netsim`. The reader's browser fetches it on
// first use instead (daemon-config-loader.browser.ts, swapped in by astro.config.mjs).
export const daemonConfigReader = (): typeof reader => reader;

/** Nothing to load: the reader is here. */
export async function loadDaemonConfigReader(): Promise<typeof reader> {
  return reader;
}
