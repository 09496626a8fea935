import { LOCALE_INFO, LOCALES, type Locale } from '../i18n/locales';
import type { LessonPage } from './catalog';
import { urls } from './urls';

export interface Alternate {
  hreflang: string;
  href: string;
}

/**
 * hreflang links for a lesson: only real translations, because a fallback page
 * repeats another language's text; `x-default` is the source version.
 */
export function lessonAlternates(page: LessonPage): Alternate[] {
  return [
    ...page.translatedLocales.map((locale) => ({
      hreflang: LOCALE_INFO[locale].tag,
      href: urls.lesson(locale, page.lessonId),
    })),
    { hreflang: 'x-default', href: urls.lesson(page.shown.data.sourceLocale, page.lessonId) },
  ];
}

/** hreflang links for pages that exist in every locale; `x-default` is the language chooser. */
export function everyLocaleAlternates(url: (locale: Locale) => string): Alternate[] {
  return [
    ...LOCALES.map((locale) => ({ hreflang: LOCALE_INFO[locale].tag, href: url(locale) })),
    { hreflang: 'x-default', href: '/' },
  ];
}

/** The same page in every locale, for the language switcher. */
export function switcherTargets(url: (locale: Locale) => string): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, url(locale)])) as Record<Locale, string>;
}
