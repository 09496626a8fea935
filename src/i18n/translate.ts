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
  const t = instance.t.bind(instance) as TFunction;
  translators.set(locale, t);
  return t;
}

/**
 * Every CLDR plural form of `section.key` (`key_one`, `key_many`, `key_other`...) by
 * form name, placeholders kept: the browser picks one with Intl.PluralRules.
 */
export function pluralForms(locale: Locale, section: string, key: string): Record<string, string> {
  const strings = (RESOURCES[locale] as Record<string, Record<string, unknown>>)[section] ?? {};
  const prefix = `${key}_`;
  return Object.fromEntries(Object.entries(strings).filter(([name]) => name.startsWith(prefix)).map(([name, text]) => [name.slice(prefix.length), String(text)]));
}
