import i18next, { type TFunction } from 'i18next';
import { LOCALE_INFO, type Locale } from './locales';
import es from './resources/es.json';
import fr from './resources/fr.json';
import pt from './resources/pt.json';

export const RESOURCES: Record<Locale, object> = { es, pt, fr };

const translators = new Map<Locale, TFunction>();

/**
 * The i18next `t` function for one locale. Plurals follow CLDR through the BCP 47
 * tag, so `pt-BR` picks Portuguese rules and `count: 1000000` picks `_many`.
 */
export function useTranslations(locale: Locale): TFunction {
  const cached = translators.get(locale);
  if (cached) return cached;
  const lng = LOCALE_INFO[locale].tag;
  const instance = i18next.createInstance();
  instance.init({
    lng,
    fallbackLng: false,
    resources: { [lng]: { translation: RESOURCES[locale] } },
    initAsync: false,
    // Astro escapes every expression it renders; escaping here would double it.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const t = remembered(instance.t.bind(instance) as TFunction);
  translators.set(locale, t);
  return t;
}

/** The cache's name for a call whose answer depends only on a key and plain values, or undefined. */
function callId(args: readonly unknown[]): string | undefined {
  const [key, options] = args;
  if (typeof key !== 'string' || args.length > 2) return undefined;
  if (options === undefined) return args.length === 1 ? key : undefined;
  if (options === null || typeof options !== 'object' || Object.getPrototypeOf(options) !== Object.prototype)
    return undefined;
  for (const value of Object.values(options))
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) return undefined;
  return `${key}\u0000${JSON.stringify(options)}`;
}

/**
 * `t` answering a call it has answered before from memory: the strings are fixed, so
 * the same key and values give the same text, and a build asks the same ones on every
 * page (each page's course menu asks a time for each lesson). Only text is remembered,
 * and only for calls whose values are strings, numbers and booleans.
 */
function remembered(t: TFunction): TFunction {
  const call = t as unknown as (...args: unknown[]) => unknown;
  const answers = new Map<string, string>();
  return ((...args: unknown[]) => {
    const id = callId(args);
    if (id === undefined) return call(...args);
    const known = answers.get(id);
    if (known !== undefined) return known;
    const answer = call(...args);
    if (typeof answer === 'string') {
      if (answers.size >= 16384) answers.clear();
      answers.set(id, answer);
    }
    return answer;
  }) as unknown as TFunction;
}

/**
 * Every CLDR plural form of `section.key` (`key_one`, `key_many`, `key_other`...) by
 * form name, placeholders kept: the browser picks one with Intl.PluralRules.
 */
export function pluralForms(locale: Locale, section: string, key: string): Record<string, string> {
  const strings = (RESOURCES[locale] as Record<string, Record<string, unknown>>)[section] ?? {};
  const prefix = `${key}_`;
  return Object.fromEntries(
    Object.entries(strings)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, text]) => [name.slice(prefix.length), String(text)]),
  );
}
