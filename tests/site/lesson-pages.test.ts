import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales';
import { CONTENT_LICENCE, REPOSITORY } from '../../src/site-config';

const dist = resolve(import.meta.dirname, '../../dist');
if (!existsSync(join(dist, 'index.html')))
  throw new Error('These tests read the built site: run `npm run build` first (npm test does).');

const lessonIds = readdirSync(resolve(import.meta.dirname, '../../content/es')).map((file) =>
  file.replace(/\.mdx$/, ''),
);
const html = (locale: string, lessonId: string) => readFileSync(join(dist, locale, lessonId, 'index.html'), 'utf8');
const lessons = LOCALES.flatMap((locale) =>
  lessonIds.map((lessonId) => [`/${locale}/${lessonId}/`, locale, lessonId] as const),
);

/** A module and what it imports statically, each once: what the page runs before any click (as scripts/bench-site.mjs counts). */
function moduleGraph(file: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(file)) return seen;
  const code = readFileSync(join(dist, file), 'utf8');
  seen.set(file, code);
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  for (const [, target] of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`(]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
    moduleGraph(join(dir, target!).replaceAll('\\', '/'), seen);
  }
  return seen;
}

describe('lesson pages as built', () => {
  it.each(lessons)('%s loads at most 15 KB of gzipped JavaScript before any click', (_path, locale, lessonId) => {
    const page = html(locale, lessonId);
    const inline = [
      ...page.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g),
    ].map((match) => match[1]!);
    const modules = new Map<string, string>();
    for (const [, src] of page.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g)) moduleGraph(src!, modules);
    const bytes = [...inline, ...modules.values()].reduce((total, code) => total + gzipSync(code).length, 0);
    expect(bytes).toBeLessThanOrEqual(15 * 1024);
  });

  it.each(lessons)(
    '%s blocks rendering on nothing but its stylesheets: every script file is a module',
    (_path, locale, lessonId) => {
      const page = html(locale, lessonId);
      const classic = [...page.matchAll(/<script\b[^>]*\bsrc="[^"]*"[^>]*>/g)].filter(
        ([tag]) => !/type="module"|\b(async|defer)\b/.test(tag),
      );
      expect(classic).toEqual([]);
    },
  );

  it.each(lessonIds)('%s gives its headings the same ids in every language', (lessonId) => {
    const ids = (locale: string) =>
      [...html(locale, lessonId).matchAll(/<div class="heading heading--\d"><h([23]) id="([^"]+)"/g)].map(
        ([, depth, id]) => `h${depth}#${id}`,
      );
    expect(ids('es').length).toBeGreaterThan(3);
    expect(ids('pt')).toEqual(ids('es'));
    expect(ids('fr')).toEqual(ids('es'));
  });

  it.each(lessons)('%s links each heading to itself and its contents to every heading', (_path, locale, lessonId) => {
    const page = html(locale, lessonId);
    const headings = [...page.matchAll(/<div class="heading heading--\d"><h[23] id="([^"]+)"/g)].map(([, id]) => id!);
    expect(headings.length).toBeGreaterThan(3);
    const anchors = new Set([...page.matchAll(/class="heading__anchor" href="#([^"]+)"/g)].map(([, id]) => id));
    const toc = /<details class="toc"[\s\S]*?<\/details>/.exec(page)?.[0] ?? '';
    const listed = new Set([...toc.matchAll(/href="#([^"]+)"/g)].map(([, id]) => id));
    for (const id of headings) {
      expect(anchors, id).toContain(id);
      expect(listed, id).toContain(id);
    }
  });

  it.each(lessons)('%s ends with where to edit it, when it last changed and the licence', (_path, locale, lessonId) => {
    const footer = /<footer class="site-footer">[\s\S]*?<\/footer>/.exec(html(locale, lessonId))?.[0] ?? '';
    expect(footer).toContain(`href="${REPOSITORY.url}/edit/${REPOSITORY.branch}/content/${locale}/${lessonId}.mdx"`);
    expect(footer).toContain(`href="${CONTENT_LICENCE.url}" rel="license">${CONTENT_LICENCE.name}</a>`);
    // A checkout with its history (this one) dates every lesson; a shallow clone would leave the date out.
    expect(footer).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[^"]+">[^<]*\d{4}[^<]*<\/time>/);
  });

  it.each(lessons)(
    '%s lists every lesson of the course, itself marked current, with its reading time',
    (_path, locale, lessonId) => {
      const nav = /<nav id="course-nav"[\s\S]*?<\/nav>/.exec(html(locale, lessonId))?.[0] ?? '';
      const links = [...nav.matchAll(/<a class="course-nav__lesson"[^>]*>/g)].map(([tag]) => tag);
      expect(links).toHaveLength(lessonIds.length);
      expect(links.filter((tag) => tag.includes('aria-current="page"'))).toEqual([
        expect.stringContaining(`data-lesson="${lessonId}"`),
      ]);
      expect([...nav.matchAll(/class="course-nav__time">\d+ min</g)]).toHaveLength(lessonIds.length);
    },
  );
});
