import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LOCALES } from '../../src/i18n/locales';
import { browserSession } from './browser-session';

const session = browserSession();

/** Result links Pagefind shows for a query typed on a locale's search page. */
async function search(locale: string, query: string): Promise<{ page: Page; links: string[] }> {
  const page = await session.open(`/${locale}/search/?q=${encodeURIComponent(query)}`);
  // The summary reads "Searching for …" in the page's language until results arrive.
  await page.waitForFunction(() => {
    const message = document.querySelector('pagefind-summary .pf-summary')?.textContent?.trim();
    return Boolean(message) && !/\.\.\.|…/.test(message!);
  });
  // Each result's text is fetched after the count is shown.
  await page.waitForLoadState('networkidle');
  const links = await page.locator('a.pf-result-link').evaluateAll((anchors) =>
    anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname),
  );
  return { page, links };
}

describe('search', () => {
  it.each(LOCALES)('finds the driver lesson in %s, and only in that locale', async (locale) => {
    const { page, links } = await search(locale, 'macvlan');
    expect(links).toContain(`/${locale}/network-drivers/`);
    expect(links.every((link) => link.startsWith(`/${locale}/`))).toBe(true);
    // The query from the URL is in the box, and the interface speaks the page's language.
    expect(await page.inputValue('pagefind-input input')).toBe('macvlan');
    const summary = await page.textContent('pagefind-summary .pf-summary');
    expect(summary).toMatch({ es: /resultado/, pt: /resultado/, fr: /résultat/ }[locale]!);
    await page.context().close();
  });

  it('searches from the header form of any page', async () => {
    const page = await session.open('/fr/network-drivers/');
    await page.fill('#site-search', 'overlay');
    await page.press('#site-search', 'Enter');
    await page.waitForURL('**/fr/search/?q=overlay');
    await page.waitForSelector('a.pf-result-link');
    // The lesson about overlay networks first; the tour of drivers, which introduces overlay, among the results.
    expect(await page.locator('a.pf-result-link').first().getAttribute('href')).toContain('/fr/multi-host-drivers/');
    const links = await page.locator('a.pf-result-link').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    expect(links.some((href) => href?.includes('/fr/network-drivers/'))).toBe(true);
    await page.context().close();
  });

  it.each(LOCALES)('finds the default-bridge lesson in %s by a command it teaches', async (locale) => {
    const { page, links } = await search(locale, 'nsenter');
    expect(links).toContain(`/${locale}/default-bridge/`);
    await page.context().close();
  });
});
