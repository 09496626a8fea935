import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales';
import { blockingViolations } from './axe';
import { browserSession } from './browser-session';

const session = browserSession();
const WIDTHS = [1280, 390] as const;

const open = (path: string, width: number) => session.open(path, { viewport: { width, height: 800 } });
const dialogOpen = (page: Page) =>
  page.locator('pagefind-modal dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open);
const focused = (page: Page, selector: string) =>
  page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, selector);

/** Tabs from the top of the page to the element, as a keyboard reader does. */
async function tabTo(page: Page, selector: string) {
  for (let presses = 0; presses < 8; presses++) {
    await page.keyboard.press('Tab');
    if (await focused(page, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.each(LOCALES)('the search dialog in %s', (locale) => {
  it.each(WIDTHS)(
    'opens with Ctrl+K at %i px, finds a command, and opens the lesson with its name marked',
    async (width) => {
      const page = await open(`/${locale}/network-drivers/`, width);
      await page.keyboard.press('Control+k');
      await page.waitForSelector('pagefind-modal dialog[open]');
      await expect.poll(() => focused(page, 'pagefind-modal input')).toBe(true);
      await page.keyboard.type('nsenter');
      await page.waitForSelector('pagefind-modal a.pf-result-link');
      await page.waitForLoadState('networkidle');
      // The excerpts mark the command, and nothing else.
      const marks = await page.locator('pagefind-modal mark').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      expect(
        marks.every((mark) => /^nsenter\W*$/i.test(mark)),
        marks.join(' | '),
      ).toBe(true);
      expect(await blockingViolations(page)).toEqual([]);
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => (document.activeElement as HTMLAnchorElement).pathname)).toBe(
        `/${locale}/default-bridge/`,
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/${locale}/default-bridge/?highlight=nsenter`);
      await page.waitForSelector('mark.search-hit');
      const hits = await page.locator('mark.search-hit').allTextContents();
      expect(new Set(hits)).toEqual(new Set(['nsenter']));
      // Typed commands are marked; what they print never is.
      expect(await page.locator('.console__command mark.search-hit').count()).toBeGreaterThan(0);
      expect(await page.locator('.console__line--output mark').count()).toBe(0);
      expect(await blockingViolations(page)).toEqual([]);
      await page.context().close();
    },
  );

  it.each(WIDTHS)(
    'opens from the header button and with / at %i px, and Escape gives the focus back',
    async (width) => {
      const page = await open(`/${locale}/`, width);
      await tabTo(page, '[data-search-open]');
      await page.keyboard.press('Enter');
      await page.waitForSelector('pagefind-modal dialog[open]');
      await expect.poll(() => focused(page, 'pagefind-modal input')).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialogOpen(page)).toBe(false);
      expect(await focused(page, '[data-search-open]')).toBe(true);
      await page.keyboard.press('/');
      await expect.poll(() => dialogOpen(page)).toBe(true);
      // The slash opened the dialog: it was not typed into the search.
      expect(await page.inputValue('pagefind-modal input')).toBe('');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialogOpen(page)).toBe(false);
      await page.context().close();
    },
  );
});

describe('the search dialog in dark mode', () => {
  it.each(WIDTHS)('reads clearly at %i px (axe)', async (width) => {
    const page = await session.open('/fr/', { viewport: { width, height: 800 }, colorScheme: 'dark' });
    await page.keyboard.press('Control+k');
    await page.waitForSelector('pagefind-modal dialog[open]');
    await page.keyboard.type('pont');
    await page.waitForSelector('pagefind-modal a.pf-result-link');
    await page.waitForLoadState('networkidle');
    expect(await blockingViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('search shortcuts', () => {
  it('leave Ctrl+K and / to the terminal, where they are readline keys and text', async () => {
    const page = await open('/es/network-drivers/', 1280);
    await page.locator('figure.console [data-try]').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-terminal] .xterm');
    await expect.poll(() => focused(page, '.xterm textarea')).toBe(true);
    await page.keyboard.press('/');
    await page.keyboard.press('Control+k');
    await page.waitForTimeout(300);
    expect(await page.locator('pagefind-modal').count()).toBe(0);
    await page.context().close();
  });

  it('go to the search page’s own input there, without a dialog', async () => {
    const page = await open('/pt/search/', 1280);
    await page.waitForSelector('pagefind-input input:focus');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('/');
    await expect.poll(() => focused(page, '[data-search] pagefind-input input')).toBe(true);
    expect(await page.inputValue('[data-search] pagefind-input input')).toBe('');
    expect(await page.locator('pagefind-modal').count()).toBe(0);
    await page.context().close();
  });
});
