import type { AstroIntegration } from 'astro';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strictSite, writeStrictSite } from './csp/strict-site';
import { fileHashes, writeServiceWorker } from './offline/service-worker-build';
import { siteSearchIndex } from './search/site-search-index';

/**
 * What needs every page rendered, once `astro build` has written them:
 * - every page under a strict Content-Security-Policy (style attributes become classes of
 *   one stylesheet, inline scripts and styles are allowed by their hashes; the policy ships
 *   in each page and in `_headers`);
 * - Pagefind's search index, one per language, in `pagefind/`;
 * - the service worker, `sw.js`, with the list of every built file and its hash.
 * Pagefind reads the rendered pages in its own process while the CSP pass rewrites them in
 * memory, and the pass writes only once Pagefind has read them. It changes nothing Pagefind
 * reads: Pagefind drops the head, and reads no class or style attribute (the index is the
 * same either way: tests/plugins/search/site-search-index.test.ts).
 */
export default function builtSite(): AstroIntegration {
  let root = '';
  return {
    name: 'built-site',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const search = await siteSearchIndex(site);
        try {
          const reading = search.readPages();
          // Awaited below, after the CSP pass: this only keeps an early failure from going unhandled meanwhile.
          reading.catch(() => undefined);
          const strict = strictSite(site);
          const read = await reading;
          if (read !== strict.pages.length)
            throw new Error(`Pagefind read ${read} of the site's ${strict.pages.length} pages`);
          const writing = search.write();
          writing.catch(() => undefined);
          const known = writeStrictSite(site, strict);
          logger.info(
            `${strict.pages.length} pages under a strict CSP: ${strict.movedAttributes} style attributes moved to classes, ${strict.inlineScripts} inline scripts allowed by hash`,
          );
          const built = fileHashes(site, { skip: ['pagefind', 'sw.js'], known });
          await writing;
          await search.close();
          const index = fileHashes(join(site, 'pagefind'), { under: 'pagefind/' });
          logger.info(`search: ${read} pages indexed by Pagefind in ${relative(root, site)}/pagefind`);
          const files = [...built, ...index];
          const bytes = await writeServiceWorker(root, site, files);
          logger.info(`service worker: sw.js (${(bytes / 1024).toFixed(1)} KiB), ${files.length} files listed`);
        } finally {
          await search.close();
        }
      },
    },
  };
}
