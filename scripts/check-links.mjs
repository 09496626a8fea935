// Crawls the built site for broken links and anchors, starting from every page
// nothing links to (the root, 404s, search pages). Absolute links to the public
// site (canonical, hreflang, sitemap) are rewritten to the local copy, so they are
// checked too rather than skipped.
import { LinkChecker, LinkState } from 'linkinator';
import { existsSync, readdirSync } from 'node:fs';
import { LOCALES } from '../src/i18n/locales.ts';

const port = Number(process.env.LINKS_PORT ?? 5931);
const site = (process.env.SITE_URL ?? 'https://docker-networking.example.org').replace(/\/$/, '');
if (!existsSync('dist/index.html')) {
  console.error('No built site in dist/: run `npm run build` first.');
  process.exit(2);
}

const local = `http://127.0.0.1:${port}`;
const entries = ['/', '/404.html', '/robots.txt', ...LOCALES.flatMap((l) => [`/${l}/search/`, `/${l}/404/`])];
// One crawl per entry, one after another: linkinator crawls only below the entry a page was first
// found from, so entries crawled together race, and a home page first seen from /es/search/ would be
// checked but never crawled, leaving its lessons unvisited.
const links = [];
for (const entry of entries) {
  const checker = new LinkChecker();
  const result = await checker.check({
    serverRoot: 'dist',
    path: entry,
    port,
    recurse: true,
    checkFragments: true,
    urlRewriteExpressions: [
      { pattern: new RegExp(`^${site.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), replacement: local },
    ],
    // Runs before the rewrite: keep the local server and the public site, skip the rest of the web.
    linksToSkip: (link) => Promise.resolve(/^https?:/.test(link) && !link.startsWith(local) && !link.startsWith(site)),
  });
  links.push(...result.links);
}
const result = { links: [...new Map(links.map((link) => [`${link.url} ${link.state}`, link])).values()] };

const broken = result.links.filter((link) => link.state === LinkState.BROKEN);
const checked = result.links.filter((link) => link.state === LinkState.OK).length;
for (const link of broken)
  console.error(`broken: ${link.url} (status ${link.status}) on ${link.parent ?? 'an entry point'}`);
console.log(
  `${checked} links and anchors OK, ${broken.length} broken, ${result.links.length - checked - broken.length} skipped (external).`,
);

// A crawl that stops early still finds nothing broken: every built page must have been reached.
const reached = new Set(
  result.links.filter((link) => link.state === LinkState.OK).map((link) => new URL(link.url, local + '/').pathname),
);
const pages = readdirSync('dist', { recursive: true })
  .filter((file) => file.endsWith('.html'))
  .map(
    (file) =>
      '/' +
      file
        .split('\\')
        .join('/')
        .replace(/(^|\/)index\.html$/, '$1'),
  );
const unreached = pages.filter((page) => !reached.has(page));
for (const page of unreached) console.error(`not reached: ${page} (no link leads to it, or the crawl stopped early)`);
console.log(`${pages.length - unreached.length} of ${pages.length} pages reached.`);
process.exit(broken.length === 0 && unreached.length === 0 ? 0 : 1);
