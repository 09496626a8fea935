import { describe, expect, it } from 'vitest';
import { buildCatalog, type LessonSource } from '../../src/course/catalog';
import type { LessonFrontmatter } from '../../src/course/lesson-schema';
import { courseLinks, type WithBody } from '../../src/components/course-nav/course-links';

/** A lesson file at content/<locale>/<lessonId>.mdx, written first in Spanish, with `body` as its text. */
function lesson(locale: string, lessonId: string, order: number, body: string): LessonSource<WithBody> {
  const data: LessonFrontmatter = {
    title: `${lessonId} (${locale})`,
    description: 'A lesson.',
    module: 'foundations',
    order,
    lessonId,
    sourceLocale: 'es',
    seeds: ['000_d702944bde6e1c8b'],
  };
  return { filePath: `content/${locale}/${lessonId}.mdx`, data, entry: { body } };
}

const catalog = () =>
  buildCatalog([
    lesson('es', 'drivers', 1, 'Texto.\n\n<Question id="a">\n\n<Exercise id="b">\n'),
    lesson('pt', 'drivers', 1, 'Texto.\n'),
    lesson('es', 'bridges', 2, `${'palabra '.repeat(400)}\n`),
  ]);

describe('courseLinks', () => {
  it("gives each module's lessons as the menu of a language shows them", () => {
    const [foundations] = courseLinks('pt', catalog().modulesIn('pt'));
    expect(foundations).toEqual([
      {
        lessonId: 'drivers',
        href: '/pt/drivers/',
        title: 'drivers (pt)',
        titleLang: undefined,
        questions: 0,
        exercises: 0,
        minutes: '1 min',
      },
      // Not translated yet: the Spanish title, marked as Spanish.
      {
        lessonId: 'bridges',
        href: '/pt/bridges/',
        title: 'bridges (es)',
        titleLang: 'es',
        questions: 0,
        exercises: 0,
        minutes: '3 min',
      },
    ]);
    expect(courseLinks('es', catalog().modulesIn('es'))[0]![0]).toMatchObject({ questions: 1, exercises: 1 });
  });

  it('works the links out once for every page given the same outline, and afresh for a new one', () => {
    const outline = catalog().modulesIn('es');
    const links = courseLinks('es', outline);
    expect(courseLinks('es', outline)).toBe(links);
    expect(courseLinks('es', catalog().modulesIn('es'))).not.toBe(links);
    expect(courseLinks('es', catalog().modulesIn('es'))).toEqual(links);
  });
});
