/** The course's languages. The URL segment is the short code; `lang` uses the BCP 47 tag. */
export const LOCALES = ['es', 'pt', 'fr'] as const;

export type Locale = (typeof LOCALES)[number];

export interface LocaleInfo {
  /** BCP 47 tag for `<html lang>` and hreflang: the Portuguese material is Brazilian. */
  tag: string;
  /** The language's own name, as shown in the language switcher. */
  name: string;
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
  es: { tag: 'es', name: 'Español' },
  pt: { tag: 'pt-BR', name: 'Português (Brasil)' },
  fr: { tag: 'fr', name: 'Français' },
};

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
