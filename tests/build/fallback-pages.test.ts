import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_INFO } from '../../src/i18n/locales';
import { useTranslations } from '../../src/i18n/translate';
import { astroBin, siteCopyWith, siteRoot } from './site-copy';

const lesson = (path: string) => readFileSync(join(siteRoot, 'content', path), 'utf8');

/**
 * Every lesson of the course is translated, so the fallback pages (a lesson shown in
 * its source language, with a notice) are built from a copy of the site where
 * default-bridge exists only in Spanish.
 */
describe('a lesson not yet translated', () => {
  let project: string;
  let status: number | null;
  let output: string;
  const page = (path: string) => readFileSync(join(project, 'dist', path, 'index.html'), 'utf8');

  beforeAll(() => {
    project = siteCopyWith({
      'content/es/network-drivers.mdx': lesson('es/network-drivers.mdx'),
      'content/pt/network-drivers.mdx': lesson('pt/network-drivers.mdx'),
      'content/fr/network-drivers.mdx': lesson('fr/network-drivers.mdx'),
      'content/es/default-bridge.mdx': lesson('es/default-bridge.mdx'),
    });
    const result = spawnSync(process.execPath, [astroBin, 'build'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    status = result.status;
    output = `${result.stdout}\n${result.stderr}`;
  }, 120_000);

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('builds', () => {
    expect(status, output).toBe(0);
  });

  it.each(['pt', 'fr'] as const)(
    "is shown in %s in its source language, with a notice in the reader's language, kept out of search",
    (locale) => {
      const html = page(`${locale}/default-bridge`);
      expect(html).toContain(`<html lang="${LOCALE_INFO[locale].tag}"`);
      expect(html).toMatch(/<article class="lesson" lang="es"/);
      expect(html).toContain(useTranslations(locale)('lesson.notTranslatedTitle'));
      expect(html).toMatch(/<meta name="robots" content="noindex"/);
      expect(html).not.toContain('data-pagefind-body');
    },
  );

  it('keeps a translated lesson in search, with no notice', () => {
    const html = page('es/default-bridge');
    expect(html).toContain('data-pagefind-body');
    expect(html).not.toContain('data-fallback-notice');
  });
});
