import { describe, expect, it } from 'vitest';
import { LOCALE_INFO, LOCALES, type Locale } from '../../src/i18n/locales';
import { RESOURCES } from '../../src/i18n/translate';
import { frenchTypography } from '../../plugins/lessons/check-terms';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [inner, text] of flatten(value, path)) keys.set(inner, text);
  }
  return keys;
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(RESOURCES[locale] as Tree)])) as Record<
  Locale,
  Map<string, string>
>;
const baseKeys = (keys: Map<string, string>) => new Set([...keys.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();

describe('UI strings', () => {
  it('keep French typography: non-breaking spaces before : ; ? ! and inside « »', () => {
    const wrong = [...flat.fr]
      .filter(([, text]) => frenchTypography(text).length > 0)
      .map(([key, text]) => `${key}: ${text}`);
    expect(wrong).toEqual([]);
  });

  const everyKey = new Set(LOCALES.flatMap((locale) => [...baseKeys(flat[locale])]));

  it.each(LOCALES)('%s has every key that another locale has', (locale) => {
    const missing = [...everyKey].filter((key) => !baseKeys(flat[locale]).has(key));
    expect(missing, `keys missing in src/i18n/resources/${locale}.json`).toEqual([]);
  });

  it.each(LOCALES)('%s has no empty string', (locale) => {
    const empty = [...flat[locale]].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it.each(LOCALES)('%s gives every counted string all CLDR plural categories of its language', (locale) => {
    const categories = new Intl.PluralRules(LOCALE_INFO[locale].tag).resolvedOptions().pluralCategories;
    const counted = new Set(
      [...flat[locale]]
        .filter(([key, text]) => PLURAL_SUFFIX.test(key) || variables(text).includes('count'))
        .map(([key]) => key.replace(PLURAL_SUFFIX, '')),
    );
    expect(counted.size, 'the course has at least one counted string').toBeGreaterThan(0);
    for (const key of counted) {
      const missing = categories.filter((category) => !flat[locale].has(`${key}_${category}`));
      expect(missing, `${locale}: "${key}" needs ${categories.map((c) => `${key}_${c}`).join(', ')}`).toEqual([]);
    }
  });

  it('uses the same interpolation variables in every locale', () => {
    for (const [key, text] of flat.es) {
      const expected = variables(text);
      for (const locale of LOCALES) {
        const translated = flat[locale].get(key);
        if (translated !== undefined) expect(variables(translated), `${locale}: ${key}`).toEqual(expected);
      }
    }
  });
});

describe('exercise goal reasons', () => {
  it.each(LOCALES)('%s explains every reason a goal can fail, with the values the check gives', async (locale) => {
    const { GOAL_REASON_CODES } = await import('../../src/netsim/index');
    const reasons = (RESOURCES[locale] as { exercise: { reason: Record<string, string> } }).exercise.reason;
    expect(Object.keys(reasons).sort()).toEqual([...GOAL_REASON_CODES].sort());
  });
});
