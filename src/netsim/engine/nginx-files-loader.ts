import * as files from './image-catalog/nginx-files';

// The nginx image's configuration and pages at hand: the build, the tests and `bin/netsim`. The reader's
// browser fetches them on first use instead (nginx-files-loader.browser.ts, swapped in by astro.config.mjs).
export const nginxFiles = (): typeof files => files;

/** Nothing to load: it is here. */
export async function loadNginxFiles(): Promise<typeof files> {
  return files;
}
