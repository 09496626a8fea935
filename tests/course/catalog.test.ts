import { describe, expect, it } from 'vitest';
import { buildCatalog, CatalogError, type LessonSource } from '../../src/course/catalog';
import type { LessonFrontmatter } from '../../src/course/lesson-schema';

/** A lesson file at content/<locale>/<lessonId>.mdx written first in `sourceLocale`. */
function lesson(locale: string, lessonId: string, overrides: Partial<LessonFrontmatter> = {}): LessonSource<string> {
  const data: LessonFrontmatter = {
    title: `${lessonId} (${locale})`,
    description: 'A lesson.',
    module: 'foundations',
    order: 1,
    lessonId,
    sourceLocale: 'es',
    seeds: ['000_d702944bde6e1c8b'],
    ...overrides,
  };
  return { filePath: `content/${locale}/${lessonId}.mdx`, data, entry: `${locale}/${lessonId}` };
}

function problemsOf(sources: LessonSource<string>[]): string[] {
  try {
    buildCatalog(sources);
  } catch (error) {
    if (error instanceof CatalogError) return error.problems;
    throw error;
  }
  return [];
}

describe('buildCatalog', () => {
  it('orders lessons by their order field, whatever the file order', () => {
    const catalog = buildCatalog([lesson('es', 'second', { order: 2 }), lesson('es', 'first', { order: 1 })]);
    expect(catalog.lessonsIn('es').map((page) => page.lessonId)).toEqual(['first', 'second']);
  });

  it('shows a translation where there is one', () => {
    const catalog = buildCatalog([lesson('es', 'drivers'), lesson('pt', 'drivers')]);
    const page = catalog.page('pt', 'drivers')!;
    expect(page).toMatchObject({ isFallback: false, contentLocale: 'pt', translatedLocales: ['es', 'pt'] });
    expect(page.shown.entry).toBe('pt/drivers');
  });

  it('falls back to the source locale, not to a fixed default', () => {
    const catalog = buildCatalog([lesson('pt', 'intro', { sourceLocale: 'pt' })]);
    for (const locale of ['es', 'fr'] as const) {
      const page = catalog.page(locale, 'intro')!;
      expect(page).toMatchObject({ isFallback: true, contentLocale: 'pt', locale, translatedLocales: ['pt'] });
      expect(page.shown.entry).toBe('pt/intro');
    }
  });

  it('lists every lesson in every locale, so each locale has the whole course', () => {
    const catalog = buildCatalog([lesson('es', 'a'), lesson('fr', 'b', { sourceLocale: 'fr', order: 2 })]);
    for (const locale of ['es', 'pt', 'fr'] as const) {
      expect(catalog.modulesIn(locale)).toHaveLength(1);
      expect(catalog.lessonsIn(locale).map((page) => page.lessonId)).toEqual(['a', 'b']);
    }
  });

  it('names the file whose lessonId differs from its file name', () => {
    const file = { ...lesson('es', 'drivers'), filePath: 'content/es/network-drivers.mdx' };
    expect(problemsOf([file])).toEqual([
      'content/es/network-drivers.mdx: lessonId "drivers" must match the file name "network-drivers"',
    ]);
  });

  it('rejects files outside content/<locale>/', () => {
    const file = { ...lesson('es', 'a'), filePath: 'content/en/a.mdx' };
    expect(problemsOf([file])[0]).toMatch(/^content\/en\/a\.mdx: lessons live at content\/<locale>\/<lesson-id>\.mdx/);
  });

  it('reports a translation without its source', () => {
    expect(problemsOf([lesson('pt', 'a')])).toEqual([
      'lesson "a": sourceLocale is "es" but content/es/a.mdx does not exist',
    ]);
  });

  it('reports translations that disagree with the source on order or module', () => {
    expect(problemsOf([lesson('es', 'a'), lesson('fr', 'a', { order: 3 })])).toEqual([
      'content/fr/a.mdx: order is 3 but the source content/es/a.mdx says 1',
    ]);
  });

  it('reports two lessons at one position, and every problem at once', () => {
    const problems = problemsOf([lesson('es', 'a'), lesson('es', 'b'), lesson('fr', 'c')]);
    expect(problems).toEqual([
      'lesson "c": sourceLocale is "es" but content/es/c.mdx does not exist',
      'lessons "a" and "b" both have order 1 in module "foundations"',
    ]);
  });
});
