import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classFor } from '../../../plugins/csp/strict-csp';
import { htmlPages, strictSite, writeStrictSite } from '../../../plugins/csp/strict-site';
import { builtSiteFixture } from '../search/built-site-fixture';

const site = builtSiteFixture();
afterAll(() => rmSync(site, { recursive: true, force: true }));
const read = (path: string) => readFileSync(join(site, path), 'utf8');

describe('the built site under the strict CSP', () => {
  const rendered = new Map(htmlPages(site).map((path) => [path, read(path)]));
  const strict = strictSite(site);

  it('is made in memory: nothing is written before writeStrictSite', () => {
    expect(new Map(htmlPages(site).map((path) => [path, read(path)]))).toEqual(rendered);
    expect(readdirSync(site)).not.toContain('_headers');
    expect(strict.pages.map(({ path }) => path).sort()).toEqual([...rendered.keys()].sort());
  });

  it('moves style attributes to one stylesheet, linked from the pages that had them', () => {
    const shiki = classFor('--shiki-light:#032F62;--shiki-dark:#9ECBFF');
    expect(strict.stylesheet?.path).toMatch(/^_astro\/inline-styles\.[0-9a-f]{8}\.css$/);
    expect(strict.stylesheet?.css).toContain(`.${shiki}{--shiki-light:#032F62;--shiki-dark:#9ECBFF}\n`);
    expect(strict.movedAttributes).toBe(3);
    const link = `<link rel="stylesheet" href="/${strict.stylesheet?.path}"></head>`;
    const html = new Map(strict.pages.map(({ path, html }) => [path, html]));
    expect(html.get(join('es', 'puente', 'index.html'))).toContain(link);
    expect(html.get('index.html')).not.toContain(link);
    expect(html.get('index.html')).toMatch(
      /^<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; /,
    );
  });

  it('writes the pages, their stylesheet and _headers', () => {
    const written = writeStrictSite(site, strict);
    for (const { path, html } of strict.pages) expect(read(path)).toBe(html);
    expect([...written.keys()].sort()).toEqual(
      ['_headers', strict.stylesheet?.path, ...strict.pages.map(({ path }) => path.replaceAll('\\', '/'))].sort(),
    );
    for (const [path, bytes] of written) expect(bytes).toEqual(readFileSync(join(site, path)));
    expect(read(strict.stylesheet?.path ?? '')).toBe(strict.stylesheet?.css);
    expect(read('_headers')).toBe(strict.headers);
    expect(strict.headers).toContain("frame-ancestors 'none'");
    expect(strict.inlineScripts).toBe(1);
  });
});
