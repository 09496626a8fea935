import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session';

const session = browserSession();

/** Every CSP violation the page reports, from the first script on. */
async function watched(path: string, options = {}): Promise<Page> {
  const page = await session.open('/404.html', options);
  await page.context().addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  await page.goto(session.url(path));
  return page;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

describe('a strict Content-Security-Policy', () => {
  it('is sent by the host and carried by every page, without unsafe-inline', async () => {
    const response = await fetch(session.url('/es/network-drivers/'));
    const header = response.headers.get('content-security-policy')!;
    expect(header).toMatch(
      /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+; style-src 'self'; /,
    );
    expect(header).toContain("object-src 'none'; base-uri 'none'");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).not.toContain('unsafe-inline');
    const html = await response.text();
    expect(html).toMatch(
      /<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; /,
    );
    expect(html).not.toMatch(/\sstyle="/);
  });

  it.each(['/', '/es/', '/pt/network-drivers/', '/fr/default-bridge/', '/es/404/', '/pt/sandbox/'])(
    '%s runs with no violation',
    async (path) => {
      const page = await watched(path);
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
      await page.context().close();
    },
  );

  it('lets search, quizzes, the terminal and exercises work with no violation', async () => {
    const page = await watched('/es/search/?q=macvlan');
    await page.waitForSelector('a.pf-result-link');
    await page.goto(session.url('/es/network-drivers/'));
    // Highlighted commands keep their colours through classes.
    const color = await page
      .locator('.console__command span')
      .first()
      .evaluate((span) => getComputedStyle(span).color);
    expect(color).not.toBe(
      await page
        .locator('.console__command')
        .first()
        .evaluate((span) => getComputedStyle(span).color),
    );
    await page.locator('[data-question="default-network"] [data-option="bridge"] label').click();
    await page.locator('[data-question="default-network"] [data-check]').click();
    const exercise = page.locator('[data-exercise="lab-net-and-batch"]');
    await exercise.locator('[data-try]').click();
    const terminal = exercise.locator('[data-terminal]');
    await expect
      .poll(() => terminal.evaluate((element) => element.hasAttribute('data-busy')), { timeout: 20_000 })
      .toBe(false);
    await page.keyboard.type('docker network create --subnet 10.10.0.0/24 lab-net');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => terminal.evaluate((element) => element.hasAttribute('data-busy')), { timeout: 20_000 })
      .toBe(false);
    await exercise.locator('[data-exercise-check]').click();
    await expect
      .poll(() => exercise.locator('[data-goal="lab-net"]').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('pass');
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});
