import { describe, expect, it } from 'vitest';
import { blockingViolations } from './axe';
import { browserSession } from './browser-session';

const session = browserSession();

describe('packet traces on a lesson page', () => {
  it.each([
    ['/es/port-publishing/', 'light'],
    ['/fr/user-defined-bridges/', 'dark'],
  ] as const)(
    '%s in %s mode: every step there with no script, and no serious or critical axe violation',
    async (path, colorScheme) => {
      const page = await session.open(path, { colorScheme, javaScriptEnabled: false });
      const traces = page.locator('[data-trace]');
      expect(await traces.count()).toBeGreaterThan(1);
      expect(await traces.first().locator('[data-hop]').count()).toBeGreaterThan(5);
      await page.context().close();
      const scripted = await session.open(path, { colorScheme });
      await scripted.waitForLoadState('networkidle');
      const blocking = await blockingViolations(scripted);
      expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
      await scripted.context().close();
    },
  );

  it('opens the folded packets from the keyboard, and fits a 390 px screen without scrolling the page sideways', async () => {
    const page = await session.open('/es/port-publishing/', { viewport: { width: 390, height: 844 } });
    const trace = page.locator('[data-trace="1"]');
    const summary = trace.locator('.trace__repeats summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(
      await trace
        .locator('.trace__repeats details')
        .first()
        .evaluate((details) => (details as HTMLDetailsElement).open),
    ).toBe(true);
    expect(await trace.locator('.trace__steps--repeats [data-hop]').first().isVisible()).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});
