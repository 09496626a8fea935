import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALE_INFO, LOCALES } from '../../src/i18n/locales';

const dist = resolve(import.meta.dirname, '../../dist');
const site = 'https://docker-networking.example.org';
if (!existsSync(join(dist, 'index.html')))
  throw new Error('These tests read the built site: run `npm run build` first (npm test does).');

const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.html') && !path.startsWith('pagefind'))
  .map((path) => ({ path: `/${path.replace(/index\.html$/, '')}`, html: readFileSync(join(dist, path), 'utf8') }));

const attribute = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
const alternatesOf = (html: string) =>
  [...html.matchAll(/<link rel="alternate" hreflang="[^"]*" href="[^"]*">/g)].map(([tag]) => ({
    hreflang: attribute(tag, 'hreflang')!,
    path: attribute(tag, 'href')!.replace(site, ''),
  }));
const existing = (path: string) => existsSync(join(dist, path, path.endsWith('/') ? 'index.html' : ''));

describe('the built site', () => {
  it.each(pages.filter((page) => /^\/(es|pt|fr)\//.test(page.path)).map((page) => [page.path, page] as const))(
    '%s declares the language of its locale',
    (path, page) => {
      const locale = path.split('/')[1] as keyof typeof LOCALE_INFO;
      expect(/<html lang="([^"]+)"/.exec(page.html)?.[1]).toBe(LOCALE_INFO[locale].tag);
    },
  );

  it('links every translated page to its translations, both ways, with an x-default', () => {
    const indexed = pages.filter((page) => !page.html.includes('name="robots" content="noindex"') && page.path !== '/');
    expect(indexed.length).toBeGreaterThan(LOCALES.length);
    for (const page of indexed) {
      const alternates = alternatesOf(page.html);
      expect(
        alternates.map((a) => a.hreflang),
        page.path,
      ).toContain('x-default');
      expect(
        alternates.map((a) => a.path),
        page.path,
      ).toContain(page.path);
      for (const alternate of alternates) {
        expect(existing(alternate.path), `${page.path} → ${alternate.path}`).toBe(true);
        const back = pages.find((other) => other.path === alternate.path)!;
        if (alternate.hreflang !== 'x-default')
          expect(
            alternatesOf(back.html).map((a) => a.path),
            alternate.path,
          ).toContain(page.path);
      }
    }
  });

  it('lists every locale in the sitemap, and only pages that exist and are indexable', () => {
    const sitemap = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, url]) => (url ?? '').replace(site, ''));
    for (const locale of LOCALES)
      expect(locations.filter((path) => path.startsWith(`/${locale}/`)).length).toBeGreaterThan(1);
    for (const path of locations) {
      expect(existing(path), path).toBe(true);
      expect(pages.find((page) => page.path === path)!.html, path).not.toContain('content="noindex"');
    }
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${site}/sitemap.xml`);
  });

  it('has a 404 page for the whole site and one per locale', () => {
    expect(existsSync(join(dist, '404.html'))).toBe(true);
    for (const locale of LOCALES) expect(existsSync(join(dist, locale, '404', 'index.html'))).toBe(true);
  });
});

describe('reading times', () => {
  it.each(LOCALES)('the %s course home gives each lesson its reading time, the same as its page', (locale) => {
    const home = pages.find((page) => page.path === `/${locale}/`)!;
    const cards = [
      ...home.html.matchAll(
        /<a class="lesson-card__link" href="([^"]+)"[\s\S]*?data-reading-minutes="(\d+)">([^<]+)</g,
      ),
    ];
    expect(cards.length).toBeGreaterThanOrEqual(5);
    for (const [, href, minutes, text] of cards) {
      // A lesson is 10 to 20 minutes of reading (the course plan); the number is in the visible text.
      expect(Number(minutes), href).toBeGreaterThanOrEqual(5);
      expect(Number(minutes), href).toBeLessThanOrEqual(30);
      expect(text).toContain(minutes!);
      const lesson = pages.find((page) => page.path === href)!;
      expect(/data-reading-minutes="(\d+)"/.exec(lesson.html)?.[1], href).toBe(minutes);
    }
  });
});
