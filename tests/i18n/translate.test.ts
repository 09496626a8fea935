import { describe, expect, it } from 'vitest';
import { useTranslations } from '../../src/i18n/translate';

describe('useTranslations', () => {
  it('picks the CLDR form for each count, "many" included', () => {
    const es = useTranslations('es');
    expect(es('home.moduleLessons', { count: 1 })).toBe('1 lección');
    expect(es('home.moduleLessons', { count: 3 })).toBe('3 lecciones');
    expect(es('home.moduleLessons', { count: 1_000_000 })).toBe('1000000 de lecciones');
  });

  it('reads Brazilian Portuguese and French rules through their tags', () => {
    expect(useTranslations('pt')('home.moduleLessons', { count: 0 })).toBe('0 lição');
    expect(useTranslations('fr')('home.moduleLessons', { count: 0 })).toBe('0 leçon');
    expect(useTranslations('fr')('home.moduleLessons', { count: 2 })).toBe('2 leçons');
  });

  it('interpolates without escaping, since Astro escapes on output', () => {
    expect(useTranslations('fr')('lesson.notTranslated', { language: 'espagnol' })).toContain('en espagnol.');
  });

  it('answers a call asked before as it did the first time, and each set of values apart', () => {
    const es = useTranslations('es');
    const asked = [1, 3, 1, 3, 1_000_000, 1].map((count) => es('home.moduleLessons', { count }));
    expect(asked).toEqual([
      '1 lección',
      '3 lecciones',
      '1 lección',
      '3 lecciones',
      '1000000 de lecciones',
      '1 lección',
    ]);
    expect(es('lesson.notTranslated', { language: 'francés' })).toContain('en francés.');
    expect(es('lesson.notTranslated', { language: 'portugués' })).toContain('en portugués.');
    expect(useTranslations('pt')('home.moduleLessons', { count: 3 })).toBe('3 lições');
  });
});
