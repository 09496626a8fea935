import { describe, expect, it } from 'vitest';
import { LOCALE_INFO, LOCALES } from '../../src/i18n/locales';
import { useTranslations } from '../../src/i18n/translate';
import { browserSession } from './browser-session';

const session = browserSession();

describe('lesson pages', () => {
  it.each(LOCALES)('open in %s with the right lang, title and console blocks', async (locale) => {
    const page = await session.open(`/${locale}/network-drivers/`);
    expect(await page.getAttribute('html', 'lang')).toBe(LOCALE_INFO[locale].tag);
    expect(await page.locator('h1').textContent()).toBeTruthy();
    expect(await page.locator('figure.console').count()).toBeGreaterThan(3);
    expect(await page.locator('.toc a').count()).toBeGreaterThan(5);
    await page.context().close();
  });

  it('switches language and lands on the same lesson', async () => {
    const page = await session.open('/es/network-drivers/');
    await page.click('.language-switcher a[data-locale-link="fr"]');
    await page.waitForURL('**/fr/network-drivers/');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    await page.click('.language-switcher a[data-locale-link="pt"]');
    await page.waitForURL('**/pt/network-drivers/');
    expect(await page.getAttribute('html', 'lang')).toBe('pt-BR');
    await page.context().close();
  });

  it('goes to the next lesson and back', async () => {
    const page = await session.open('/fr/network-drivers/');
    await page.click('a[rel="next"]');
    await page.waitForURL('**/fr/default-bridge/');
    await page.click('a[rel="prev"]');
    await page.waitForURL('**/fr/network-drivers/');
    await page.context().close();
  });

  it('indexes a translated lesson for search, with no fallback notice', async () => {
    const page = await session.open('/es/default-bridge/');
    expect(await page.locator('[data-fallback-notice]').count()).toBe(0);
    expect(await page.locator('article[data-pagefind-body]').count()).toBe(1);
    await page.context().close();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const page = await session.open('/pt/network-drivers/', {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    // Against the device's width: a wider page widens a phone's layout viewport (innerWidth) with it.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - 360);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('prints the lesson without navigation or controls, with long lines wrapped', async () => {
    const page = await session.open('/fr/network-drivers/');
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-header', '.lesson__toc', '.pager', '.console__copy', '.breadcrumb']) {
      expect(
        await page
          .locator(selector)
          .first()
          .evaluate((element) => getComputedStyle(element).display),
        selector,
      ).toBe('none');
    }
    expect(
      await page
        .locator('.console__line')
        .first()
        .evaluate((element) => getComputedStyle(element).whiteSpace),
    ).toBe('pre-wrap');
    expect(await page.locator('article.lesson h1').isVisible()).toBe(true);
    await page.context().close();
  });

  it('remembers dark mode across pages', async () => {
    const page = await session.open('/es/', { colorScheme: 'light' });
    await page.click('[data-theme-toggle]');
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    await page.goto(session.url('/es/network-drivers/'));
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(17, 22, 29)');
    await page.context().close();
  });
});

describe('the site root', () => {
  it.each([
    ['pt-BR', '/pt/'],
    ['fr-CA', '/fr/'],
    ['es-MX', '/es/'],
  ])('sends a %s browser to %s', async (locale, path) => {
    const page = await session.open('/', { locale });
    await page.waitForURL(`**${path}`);
    await page.context().close();
  });

  it('lets a reader whose languages are not offered choose', async () => {
    const page = await session.open('/', { locale: 'de-DE' });
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('.chooser__list a').count()).toBe(LOCALES.length);
    await page.context().close();
  });

  it('offers the chooser when JavaScript is off', async () => {
    const page = await session.open('/', { locale: 'pt-BR', javaScriptEnabled: false });
    expect(new URL(page.url()).pathname).toBe('/');
    await page.click('a[hreflang="fr"]');
    await page.waitForURL('**/fr/');
    await page.context().close();
  });

  it('remembers the language picked in the switcher', async () => {
    const page = await session.open('/es/', { locale: 'es-ES' });
    await page.click('.language-switcher a[data-locale-link="fr"]');
    await page.waitForURL('**/fr/');
    await page.goto(session.url('/'));
    await page.waitForURL('**/fr/');
    await page.context().close();
  });
});

describe('addresses as a static host answers them', () => {
  it.each(LOCALES)('/%s without its slash lands on the home of that language', async (locale) => {
    const page = await session.open(`/${locale}`);
    expect(new URL(page.url()).pathname).toBe(`/${locale}/`);
    expect(await page.getAttribute('html', 'lang')).toBe(LOCALE_INFO[locale].tag);
    await page.context().close();
  });

  it.each(LOCALES)('a missing page under /%s/ answers 404 in that language', async (locale) => {
    const t = useTranslations(locale);
    const page = await session.open('/');
    const response = await page.goto(session.url(`/${locale}/no-such-lesson/`));
    expect(response?.status()).toBe(404);
    expect(await page.getAttribute('html', 'lang')).toBe(LOCALE_INFO[locale].tag);
    expect(await page.locator('h1').textContent()).toContain(t('notFound.title'));
    await page.context().close();
  });
});
