import { LOCALE_INFO, type Locale } from '../i18n/locales';
import { useTranslations } from '../i18n/translate';
import { urls } from '../course/urls';

/** The brand blue of the icon; the app's title bar takes it. */
export const THEME_COLOR = '#0b5cad';

/**
 * The web app manifest of one language's course: installed, it opens that language's
 * home, in its own window, and works offline through the service worker.
 */
export function webAppManifest(locale: Locale) {
  const t = useTranslations(locale);
  return {
    id: urls.home(locale),
    name: t('site.title'),
    short_name: t('site.title'),
    description: t('site.tagline'),
    lang: LOCALE_INFO[locale].tag,
    dir: 'ltr',
    start_url: urls.home(locale),
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    categories: ['education'],
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
