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
  const links = await page
    .locator('a.pf-result-link')
    .evaluateAll((anchors) => anchors.map((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname));
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

  it('searches from the header form of any page when scripts are off', async () => {
    const page = await session.open('/fr/network-drivers/', { javaScriptEnabled: false });
    await page.fill('#site-search', 'overlay');
    await page.press('#site-search', 'Enter');
    await page.waitForURL('**/fr/search/?q=overlay');
    expect(await page.locator('[data-search-open]').isVisible()).toBe(false);
    await page.context().close();
  });

  it('searches from the header of any page', async () => {
    const page = await session.open('/fr/network-drivers/');
    expect(await page.locator('#site-search').isVisible()).toBe(false);
    await page.keyboard.press('Control+k');
    await page.waitForSelector('pagefind-modal dialog[open]');
    await page.keyboard.type('overlay');
    await page.waitForSelector('pagefind-modal a.pf-result-link');
    // The lesson about overlay networks first; the tour of drivers, which introduces overlay, among the results.
    const links = await page
      .locator('pagefind-modal a.pf-result-link')
      .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).pathname));
    expect(links[0]).toBe('/fr/multi-host-drivers/');
    expect(links).toContain('/fr/network-drivers/');
    await page.context().close();
  });

  it('keeps the query in the address as the reader types, so a reload finds it again', async () => {
    const page = await session.open('/es/search/');
    await page.waitForSelector('pagefind-input input:focus');
    await page.keyboard.type('macvlan');
    await page.waitForURL('**/es/search/?q=macvlan');
    await page.reload();
    await page.waitForSelector('a.pf-result-link');
    expect(await page.inputValue('pagefind-input input')).toBe('macvlan');
    await page.context().close();
  });

  it.each(LOCALES)('finds first the lesson that teaches docker network connect in %s', async (locale) => {
    const { page, links } = await search(locale, 'docker network connect');
    expect(links[0]).toBe(`/${locale}/manage-networks/`);
    await page.context().close();
  });

  it('marks "ponte" in Portuguese excerpts, never "pontos" or "pontas" that share its stem', async () => {
    const { page, links } = await search('pt', 'ponte');
    expect(links.length).toBeGreaterThan(0);
    const marks = await page.locator('pagefind-results mark').allTextContents();
    expect(marks.filter((mark) => !/^pontes?\W*$/i.test(mark))).toEqual([]);
    await page.context().close();
  });

  it('marks "pont" in French excerpts, and no flag or word it does not start', async () => {
    const { page } = await search('fr', 'pont');
    const marks = await page.locator('pagefind-results mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((mark) => !/^ponts?\W*$/i.test(mark))).toEqual([]);
    await page.context().close();
  });

  it('shows results without shifting the page as they arrive (CLS under 0.05)', async () => {
    const page = await session.open('/es/search/?q=docker', { viewport: { width: 390, height: 800 } });
    await page.waitForSelector('a.pf-result-link');
    await page.waitForLoadState('networkidle');
    const shift = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
              if (!entry.hadRecentInput) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    expect(shift).toBeLessThan(0.05);
    await page.context().close();
  });

  it.each(LOCALES)(
    'finds the default-bridge lesson in %s by a command it teaches, and marks only that command',
    async (locale) => {
      const { page, links } = await search(locale, 'nsenter');
      expect(links[0]).toBe(`/${locale}/default-bridge/`);
      const marks = await page.locator('pagefind-results mark').allTextContents();
      expect(marks.filter((mark) => !/^nsenter\W*$/.test(mark))).toEqual([]);
      await page.context().close();
    },
  );
});

describe('a page opened from a search result', () => {
  const hits = async (path: string) => {
    const page = await session.open(path);
    await page.waitForLoadState('networkidle');
    const marks = await page.locator('mark.search-hit').evaluateAll((marks) =>
      marks.map((mark) => ({
        text: mark.textContent ?? '',
        inOutput: Boolean(mark.closest('.console__line--output, .console__elided')),
      })),
    );
    await page.context().close();
    return marks;
  };

  it('marks "veth" in Portuguese, and not "ponte"\'s stem-mates "pontas" and "pontos"', async () => {
    expect((await hits('/pt/default-bridge/?highlight=veth')).length).toBeGreaterThan(5);
    expect(await hits('/pt/default-bridge/?highlight=ponte')).toEqual([]);
  });

  it('marks "pont" and "ponts" in French, never -p or ps', async () => {
    const marks = await hits('/fr/user-defined-bridges/?highlight=pont');
    expect(marks.length).toBeGreaterThan(5);
    expect(new Set(marks.map(({ text }) => text.toLowerCase()))).toEqual(new Set(['pont', 'ponts']));
  });

  it('marks nsenter where it is typed and explained, never in head -n 1 or in output', async () => {
    const marks = await hits('/es/default-bridge/?highlight=nsenter');
    expect(marks.length).toBeGreaterThan(3);
    expect(marks.every(({ text, inOutput }) => text === 'nsenter' && !inOutput)).toBe(true);
  });
});
