import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales';
import { precachePlan, urlOf, type Entry } from '../../src/offline/precache-plan';

const dist = resolve(import.meta.dirname, '../../dist');
if (!existsSync(join(dist, 'sw.js')))
  throw new Error('These tests read the built site: run `npm run build` first (npm test does).');

const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
/** The file list the build wrote into the worker: the first array of [path, hash] pairs. */
const listed: Entry[] = JSON.parse(/(\[\["[^]*?"\]\])/.exec(worker)![1]!);
const plan = precachePlan(listed);
const built = readdirSync(dist, { recursive: true, encoding: 'utf8' }).map((path) => path.replaceAll('\\', '/'));

describe('the service worker of the built site', () => {
  it('lists every script and style of the site, the terminal and its simulator included, for every language', () => {
    const shared = new Set(plan.shared.map(([url]) => url));
    const assets = built.filter((path) => path.startsWith('_astro/') && /\.(js|css)$/.test(path));
    expect(assets.some((path) => /netsim\.worker/.test(path))).toBe(true);
    for (const path of assets) expect(shared.has(urlOf(path)), path).toBe(true);
    for (const name of ['pagefind.js', 'pagefind-worker.js', 'pagefind-component-ui.js', 'pagefind-entry.json'])
      expect(shared.has(`/pagefind/${name}`), name).toBe(true);
  });

  it.each(LOCALES)('lists every %s page and its language’s search index', (locale) => {
    const urls = new Set(plan.locales[locale].map(([url]) => url));
    const pages = built.filter((path) => path.startsWith(`${locale}/`) && path.endsWith('index.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) expect(urls.has(urlOf(path)), path).toBe(true);
    expect([...urls].filter((url) => url.startsWith('/pagefind/fragment/')).length).toBeGreaterThan(5);
    expect([...urls].some((url) => url.startsWith('/pagefind/wasm.'))).toBe(true);
  });

  it('hashes each file as it is in dist, so a new build replaces only what changed', async () => {
    const { createHash } = await import('node:crypto');
    for (const [path, revision] of listed.slice(0, 20)) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(dist, path)))
          .digest('hex')
          .slice(0, 12),
        path,
      ).toBe(revision);
    }
  });

  it('is registered on every page of a language, by a script the CSP allows, and the page links its manifest', async () => {
    const { createHash } = await import('node:crypto');
    for (const locale of LOCALES) {
      const html = readFileSync(join(dist, locale, 'default-bridge', 'index.html'), 'utf8');
      expect(html).toContain(`<link rel="manifest" href="/${locale}/manifest.webmanifest">`);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
      expect(csp).toContain("worker-src 'self'");
      // Small scripts are inlined by Astro: then the policy must list the script's hash.
      const inline = [...html.matchAll(/<script type="module">([^<]*)<\/script>/g)]
        .map(([, body]) => body!)
        .find((body) => body.includes('serviceWorker.register'));
      if (inline) expect(csp).toContain(`'sha256-${createHash('sha256').update(inline).digest('base64')}'`);
      else {
        const sources = [...html.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g)].map(([, src]) =>
          readFileSync(join(dist, src!), 'utf8'),
        );
        expect(
          sources.some((code) => code.includes('serviceWorker.register')),
          locale,
        ).toBe(true);
      }
    }
  });
});
