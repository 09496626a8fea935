import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium } from '../support/chromium';

/** One Chromium per test file; each `open` gets a fresh context (cookies, storage, locale). */
export function browserSession() {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium(inject('chromium'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const url = (path: string) => `${inject('baseUrl')}${path}`;
  return {
    url,
    async open(path: string, options: BrowserContextOptions = {}): Promise<Page> {
      // The service worker stays off unless a test asks for it (offline.test.ts): it would
      // download the site behind every other test's back.
      const context = await browser.newContext({ locale: 'es-ES', serviceWorkers: 'block', ...options });
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
  };
}
