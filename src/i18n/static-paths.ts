import { LOCALES } from './locales';

/** `getStaticPaths` for pages that exist once per locale and nothing else. */
export function localeStaticPaths() {
  return LOCALES.map((locale) => ({ params: { locale } }));
}
