import { describe, expect, it } from 'vitest';
import { localeOf, precachePlan, strategyFor, urlOf, type Entry } from '../../src/offline/precache-plan';

const built: Entry[] = [
  'index.html',
  '404.html',
  'favicon.svg',
  'icons/icon-192.png',
  'robots.txt',
  'sitemap.xml',
  '_headers',
  'sw.js',
  '_astro/terminal-ui.BlveXT2t.js',
  '_astro/netsim.worker-D-Z7NkNf.js',
  'es/index.html',
  'es/default-bridge/index.html',
  'es/manifest.webmanifest',
  'pt/default-bridge/index.html',
  'fr/search/index.html',
  'pagefind/pagefind.js',
  'pagefind/pagefind-worker.js',
  'pagefind/pagefind-entry.json',
  'pagefind/pagefind-component-ui.js',
  'pagefind/pagefind-ui.js',
  'pagefind/pagefind-highlight.js',
  'pagefind/wasm.unknown.pagefind',
  'pagefind/wasm.es.pagefind',
  'pagefind/wasm.pt-br.pagefind',
  'pagefind/pagefind.pt-br_98f9ad94cda58.pf_meta',
  'pagefind/index/es_504c20a.pf_index',
  'pagefind/fragment/pt-br_143391a.pf_fragment',
  'pagefind/fragment/fr_2d8cb06.pf_fragment',
].map((path) => [path, 'r1'] as const);

const urls = (entries: readonly Entry[]) => entries.map(([url]) => url);

describe('what the service worker keeps offline', () => {
  const plan = precachePlan(built);

  it('keeps the code every page may load, the terminal and Pagefind included, for every language', () => {
    expect(urls(plan.shared)).toEqual([
      '/',
      '/404.html',
      '/favicon.svg',
      '/icons/icon-192.png',
      '/_astro/terminal-ui.BlveXT2t.js',
      '/_astro/netsim.worker-D-Z7NkNf.js',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-worker.js',
      '/pagefind/pagefind-entry.json',
      '/pagefind/pagefind-component-ui.js',
    ]);
  });

  it("keeps each language's pages and search index apart", () => {
    expect(urls(plan.locales.es)).toEqual([
      '/es/',
      '/es/default-bridge/',
      '/es/manifest.webmanifest',
      '/pagefind/wasm.es.pagefind',
      '/pagefind/index/es_504c20a.pf_index',
    ]);
    expect(urls(plan.locales.pt)).toEqual([
      '/pt/default-bridge/',
      '/pagefind/wasm.pt-br.pagefind',
      '/pagefind/pagefind.pt-br_98f9ad94cda58.pf_meta',
      '/pagefind/fragment/pt-br_143391a.pf_fragment',
    ]);
    expect(urls(plan.locales.fr)).toEqual(['/fr/search/', '/pagefind/fragment/fr_2d8cb06.pf_fragment']);
  });

  it('leaves out what no page loads: crawlers’ files, unused Pagefind UIs, the worker itself', () => {
    const kept = new Set([...urls(plan.shared), ...Object.values(plan.locales).flatMap(urls)]);
    for (const url of [
      '/robots.txt',
      '/sitemap.xml',
      '/_headers',
      '/sw.js',
      '/pagefind/pagefind-ui.js',
      '/pagefind/pagefind-highlight.js',
      '/pagefind/wasm.unknown.pagefind',
    ]) {
      expect(kept.has(url), url).toBe(false);
    }
  });

  it('answers hashed files from the cache first, and pages and unhashed files from the network first', () => {
    expect(strategyFor('/_astro/terminal-ui.BlveXT2t.js')).toBe('cache-first');
    expect(strategyFor('/pagefind/index/es_504c20a.pf_index')).toBe('cache-first');
    expect(strategyFor('/pagefind/pagefind-entry.json')).toBe('network-first');
    expect(strategyFor('/pagefind/wasm.es.pagefind')).toBe('network-first');
    expect(strategyFor('/es/default-bridge/')).toBe('network-first');
  });

  it('reads the language from the first folder of an address', () => {
    expect(localeOf('/pt/default-bridge/')).toBe('pt');
    expect(localeOf('/pagefind/pagefind.js')).toBeUndefined();
    expect(localeOf('/')).toBeUndefined();
    expect(urlOf('es/default-bridge/index.html')).toBe('/es/default-bridge/');
    expect(urlOf('404.html')).toBe('/404.html');
  });
});
