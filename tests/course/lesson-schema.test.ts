import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/course/lesson-schema';

const valid = {
  title: 'Los drivers de red',
  description: 'Qué driver usar y cómo gestionar redes.',
  module: 'foundations',
  order: 1,
  lessonId: 'network-drivers',
  sourceLocale: 'es',
  seeds: ['004_37f8753935d1c2e4'],
};

/** Field path and message of each problem, as Astro prints them beside the file. */
function problems(data: unknown): string[] {
  const result = lessonSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('lesson front matter', () => {
  it('accepts a complete front matter', () => {
    expect(problems(valid)).toEqual([]);
  });

  it.each([
    [{ ...valid, title: undefined }, 'title: missing: add "title:" with the lesson title in its own language'],
    [
      { ...valid, order: 'first' },
      'order: "order" must be the position of the lesson in its module, a whole number such as 1',
    ],
    [
      { ...valid, order: 1.5 },
      'order: "order" must be the position of the lesson in its module, a whole number such as 1',
    ],
    [
      { ...valid, module: 'networking' },
      'module: "module" must be one of the modules in src/course/modules.ts (foundations, bridge-networks, beyond-one-bridge)',
    ],
    [
      { ...valid, sourceLocale: 'en' },
      'sourceLocale: "sourceLocale" must be the language the lesson was first written in (es, pt, fr)',
    ],
    [
      { ...valid, lessonId: 'Network_Drivers' },
      'lessonId: use lowercase words joined by hyphens, e.g. "network-drivers"',
    ],
    [{ ...valid, lessonId: 'search' }, 'lessonId: these ids are taken by site pages: search, sandbox, 404'],
    [{ ...valid, seeds: ['004.txt'] }, 'seeds.0: a seed is named like "004_37f8753935d1c2e4"'],
    [{ ...valid, seeds: [] }, 'seeds: list the source articles the lesson draws on'],
    [
      { ...valid, tittle: 'x' },
      ": unknown field(s) tittle: a lesson's front matter has exactly title, description, module, order, lessonId, sourceLocale, seeds, allowCode (optional), translatedFrom (translations)",
    ],
    [
      { ...valid, translatedFrom: { prose: 'abc', structure: '0123456789', commands: '0123456789' } },
      'translatedFrom.prose: translatedFrom.prose is written by `npm run lessons:translated`: run it rather than editing it',
    ],
  ])('explains %j', (data, expected) => {
    expect(problems(data)).toEqual([expected]);
  });
});
