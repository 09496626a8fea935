import type { Locale } from '../i18n/locales';

/** Every page URL in one place, with the trailing slash the site uses throughout. */
export const urls = {
  home: (locale: Locale) => `/${locale}/`,
  lesson: (locale: Locale, lessonId: string) => `/${locale}/${lessonId}/`,
  search: (locale: Locale) => `/${locale}/search/`,
  sandbox: (locale: Locale) => `/${locale}/sandbox/`,
  notFound: (locale: Locale) => `/${locale}/404/`,
};
