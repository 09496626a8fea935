import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { staticHost } from '../../scripts/static-host.mjs';
import { LOCALES } from '../../src/i18n/locales';
import { browserSession } from './browser-session';

const session = browserSession();
const dist = resolve(import.meta.dirname, '../../dist');

/** A server of its own, which the test can stop: the network is cut for real, not emulated. */
async function ownServer() {
  const server = staticHost(dist);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path: string) => `${origin}${path}`,
    stop: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}

async function idle(terminal: Locator) {
  await expect
    .poll(() => terminal.evaluate((element) => element.hasAttribute('data-busy')), { timeout: 20_000 })
    .toBe(false);
}

describe.each(LOCALES)('offline, in %s', (locale) => {
  it('reads another lesson, searches and runs the terminal once the site has been visited', async () => {
    const host = await ownServer();
    const page = await session.open('/404.html', { serviceWorkers: 'allow' });
    await page.goto(host.url(`/${locale}/default-bridge/`));
    // The worker installs with this language's pages and index, then controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    await host.stop();
    await expect(page.request.get(host.url(`/${locale}/`))).rejects.toThrow();

    await page.goto(host.url(`/${locale}/network-drivers/?highlight=macvlan`));
    expect(await page.locator('article.lesson h1').isVisible()).toBe(true);
    await page.waitForSelector('mark.search-hit');

    await page.keyboard.press('Control+k');
    await page.waitForSelector('pagefind-modal dialog[open]');
    await page.keyboard.type('nsenter');
    await page.waitForSelector('pagefind-modal a.pf-result-link');
    expect(
      await page
        .locator('pagefind-modal a.pf-result-link')
        .first()
        .evaluate((link) => (link as HTMLAnchorElement).pathname),
    ).toBe(`/${locale}/default-bridge/`);
    await page.keyboard.press('Escape');

    await page.locator('.prose > figure.console [data-try]').first().focus();
    await page.keyboard.press('Enter');
    const terminal = page.locator('[data-terminal]');
    await terminal.waitFor();
    await idle(terminal);
    await page.keyboard.type('docker network ls');
    await page.keyboard.press('Enter');
    await idle(terminal);
    await expect
      .poll(() => terminal.locator('.xterm-rows').textContent())
      .toMatch(/NETWORK ID\s+NAME\s+DRIVER\s+SCOPE/);

    // The search page too, with its query from the address.
    await page.goto(host.url(`/${locale}/search/?q=macvlan`));
    await page.waitForSelector('[data-search] a.pf-result-link');
    await page.context().close();
  });
});

describe('installing the course', () => {
  it.each(LOCALES)(
    'the %s pages link a web app manifest that opens that language, with icons that load',
    async (locale) => {
      const page = await session.open(`/${locale}/default-bridge/`);
      const href = await page.getAttribute('link[rel="manifest"]', 'href');
      expect(href).toBe(`/${locale}/manifest.webmanifest`);
      const response = await page.request.get(session.url(href!));
      expect(response.headers()['content-type']).toContain('application/manifest+json');
      const manifest = await response.json();
      expect(manifest).toMatchObject({
        start_url: `/${locale}/`,
        id: `/${locale}/`,
        display: 'standalone',
        lang: expect.stringMatching(new RegExp(`^${locale}`, 'i')),
      });
      const sizes = await page.evaluate(
        (icons: { src: string; sizes: string }[]) =>
          Promise.all(
            icons
              .filter((icon) => icon.sizes !== 'any')
              .map(async (icon) => {
                const image = new Image();
                image.src = icon.src;
                await image.decode();
                return [icon.sizes, `${image.naturalWidth}x${image.naturalHeight}`];
              }),
          ),
        manifest.icons,
      );
      expect(sizes.length).toBeGreaterThanOrEqual(2);
      for (const [declared, real] of sizes) expect(real).toBe(declared);
      expect(sizes.map(([size]) => size)).toEqual(expect.arrayContaining(['192x192', '512x512']));
      await page.context().close();
    },
  );
});
