import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOCALES } from '../../src/i18n/locales';
import { browserSession } from './browser-session';

const session = browserSession();

/** Result links Pagefind shows for a query typed on a locale's search page. */
async function search(locale: string, query: string): Promise<{ page: Page; links: string[] }> {
  const page = await session.open(`/${locale}/search/?q=${encodeURIComponent(query)}`);
  // The message reads "Searching for …" in the page's language until results arrive.
  await page.waitForFunction(() => {
    const message = document.querySelector('.pagefind-ui__message')?.textContent?.trim();
    return Boolean(message) && !/\.\.\.|…/.test(message!);
  });
  // Each result's text is fetched after the count is shown.
  await page.waitForLoadState('networkidle');
  const links = await page.locator('a.pagefind-ui__result-link').evaluateAll((anchors) =>
    anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
  );
  return { page, links };
}

describe('search', () => {
  it.each(LOCALES)('finds the driver lesson in %s, and only in that locale', async (locale) => {
    const { page, links } = await search(locale, 'macvlan');
    expect(links).toContain(`/${locale}/network-drivers/`);
    expect(links.every((link) => link.startsWith(`/${locale}/`))).toBe(true);
    await page.context().close();
  });

  it('searches from the header form of any page', async () => {
    const page = await session.open('/fr/network-drivers/');
    await page.fill('#site-search', 'overlay');
    await page.press('#site-search', 'Enter');
    await page.waitForURL('**/fr/search/?q=overlay');
    await page.waitForSelector('a.pagefind-ui__result-link');
    expect(await page.locator('a.pagefind-ui__result-link').first().getAttribute('href')).toContain('/fr/network-drivers/');
    await page.context().close();
  });

  it('finds an untranslated lesson in its own language only', async () => {
    const own = await search('es', 'nsenter');
    expect(own.links).toContain('/es/default-bridge/');
    await own.page.context().close();
    for (const locale of ['pt', 'fr']) {
      const other = await search(locale, 'nsenter');
      expect(other.links).not.toContain(`/${locale}/default-bridge/`);
      await other.page.context().close();
    }
  });
});
