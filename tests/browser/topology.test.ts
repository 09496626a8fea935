import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCALE_INFO, LOCALES } from '../../src/i18n/locales';
import { useTranslations } from '../../src/i18n/translate';
import { blockingViolations } from './axe';
import { browserSession } from './browser-session';

const session = browserSession();

/** Every lesson: each has at least one figure. */
const LESSON_IDS = readdirSync(join(import.meta.dirname, '../../content/es')).flatMap((file) =>
  file.endsWith('.mdx') ? [file.slice(0, -'.mdx'.length)] : [],
);

/** What a CSS colour expression resolves to on this page now (light-dark() included), as getComputedStyle writes colours. */
const resolved = (page: Page, expression: string) =>
  page.evaluate((value) => {
    const probe = document.createElement('span');
    probe.style.color = value;
    document.body.append(probe);
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }, expression);

/** A figure that is not a packet trace's (a trace paints the path it draws in its own colour). */
const PLAIN_FIGURE = 'figure.topology:not(:has([data-path]))';

/** The computed paint of the first element matching a selector inside the first plain figure. */
const paint = (page: Page, selector: string, property: 'fill' | 'stroke') =>
  page
    .locator(`${PLAIN_FIGURE} ${selector}`)
    .first()
    .evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);

describe('topology figures', () => {
  it('are drawn on every lesson page, with no script of their own and no colour of their own', async () => {
    const page = await session.open('/es/network-drivers/');
    for (const lesson of LESSON_IDS) {
      await page.goto(session.url(`/es/${lesson}/`));
      const figures = page.locator('figure.topology[data-topology]');
      expect(await figures.count(), lesson).toBeGreaterThan(0);
      expect(await page.locator('figure.topology script, figure.topology [style]').count(), lesson).toBe(0);
      // Every colour comes from the stylesheet, so the theme reaches every line and box.
      expect(await page.locator('figure.topology svg [fill], figure.topology svg [stroke]').count(), lesson).toBe(0);
    }
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('follow the theme variables in %s mode, and the toggle', async (colorScheme) => {
    const page = await session.open('/es/port-publishing/', { colorScheme });
    const check = async () => {
      expect(await paint(page, '.topology__node--host text', 'fill')).toBe(await resolved(page, 'var(--fg)'));
      expect(await paint(page, '.topology__node--bridge rect', 'stroke')).toBe(await resolved(page, 'var(--accent)'));
      expect(await paint(page, '.topology__edge--veth-pair path', 'stroke')).toBe(
        await resolved(page, 'var(--accent)'),
      );
      expect(await paint(page, '.topology__node--lan rect', 'fill')).toBe(await resolved(page, 'var(--bg)'));
      expect(
        await page
          .locator(PLAIN_FIGURE)
          .first()
          .evaluate((element) => getComputedStyle(element).backgroundColor),
      ).toBe(await resolved(page, 'var(--bg)'));
    };
    await check();
    const before = await paint(page, '.topology__node--host text', 'fill');
    // The reader's choice wins over the system's: the figure changes with the page.
    await page.click('[data-theme-toggle]');
    await check();
    expect(await paint(page, '.topology__node--host text', 'fill')).not.toBe(before);
    const dark = colorScheme === 'light' ? await paint(page, '.topology__node--host text', 'fill') : before;
    expect(dark).toBe('rgb(230, 235, 242)');
    await page.context().close();
  });

  it.each(LOCALES)(
    'fit a 390 px screen in %s: the page never scrolls sideways, a wide figure scrolls inside its frame, by keyboard too',
    async (locale) => {
      const page = await session.open(`/${locale}/network-drivers/`, {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
      });
      for (const lesson of LESSON_IDS) {
        await page.goto(session.url(`/${locale}/${lesson}/`));
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
          lesson,
        ).toBeLessThanOrEqual(0);
        for (const figure of await page.locator('figure.topology').all()) {
          const box = (await figure.boundingBox())!;
          expect(box.x, lesson).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width, lesson).toBeLessThanOrEqual(390);
        }
      }
      await page.goto(session.url(`/${locale}/expose-and-random-ports/`));
      const frame = page.locator('figure.topology .topology__scroll').first();
      const { scrollWidth, clientWidth } = await frame.evaluate((element) => ({
        scrollWidth: element.scrollWidth,
        clientWidth: element.clientWidth,
      }));
      expect(scrollWidth).toBeGreaterThan(clientWidth);
      expect(await page.locator('figure.topology .topology__cue').first().isVisible()).toBe(true);
      await frame.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => frame.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
      await page.context().close();
    },
  );

  it.each(LOCALES)(
    'carry a text alternative in the page language (%s) that names every container drawn',
    async (locale) => {
      const t = useTranslations(locale);
      const page = await session.open(`/${locale}/host-and-none/`);
      expect(await page.getAttribute('html', 'lang')).toBe(LOCALE_INFO[locale].tag);
      const figure = page.locator('figure.topology').first();
      const svg = figure.locator('svg');
      expect(await svg.getAttribute('role')).toBe('img');
      const described = await svg.getAttribute('aria-describedby');
      const list = page.locator(`#${described}`);
      expect(await list.evaluate((element) => element.tagName)).toBe('UL');
      expect(await figure.locator(`#${await svg.getAttribute('aria-labelledby')}`).textContent()).toBe(
        t('topology.title', { host: 'docker-host' }),
      );
      expect(await figure.locator('summary').textContent()).toBe(t('topology.describe'));
      await figure.locator('summary').click();
      const items = await list.locator('li').allTextContents();
      expect(items[0]).toBe(t('topology.alt.host', { host: 'docker-host' }));
      const containers = await figure
        .locator('[data-node^="container:"]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node')!.slice('container:'.length)));
      expect(containers.sort()).toEqual(['batch', 'edge', 'web']);
      for (const name of containers)
        expect(
          items.some((item) => item.includes(` ${name} `)),
          name,
        ).toBe(true);
      expect(items).toContain(t('topology.alt.noneMode', { container: 'batch', image: 'alpine' }));
      expect(items).toContain(t('topology.alt.hostMode', { container: 'edge', image: 'nginx' }));
      expect(items).toContain(
        t('topology.alt.published', {
          container: 'web',
          hosts: '0.0.0.0:8080, [::]:8080',
          containerPort: 80,
          protocol: 'tcp',
        }),
      );
      await page.context().close();
    },
  );

  it('print whole, with the text alternative open and no scroll cue', async () => {
    const page = await session.open('/fr/expose-and-random-ports/', { viewport: { width: 390, height: 844 } });
    await page.emulateMedia({ media: 'print' });
    const figure = page.locator('figure.topology').first();
    expect(await figure.locator('.topology__description li').first().isVisible()).toBe(true);
    expect(await figure.locator('.topology__cue').isVisible()).toBe(false);
    const svg = (await figure.locator('svg').boundingBox())!;
    const frame = (await figure.boundingBox())!;
    expect(svg.width).toBeLessThanOrEqual(frame.width);
    expect(await paint(page, '.topology__node--host text', 'fill')).toBe('rgb(28, 35, 48)');
    await page.context().close();
  });

  it('work without JavaScript', async () => {
    const page = await session.open('/pt/wordpress-lab/', { javaScriptEnabled: false });
    expect(await page.locator('figure.topology svg [data-node="container:web"]').count()).toBe(1);
    await page.locator('figure.topology summary').first().click();
    expect(await page.locator('figure.topology .topology__description li').first().isVisible()).toBe(true);
    await page.context().close();
  });

  it.each([
    ['/es/port-publishing/', 'light'],
    ['/pt/multi-host-drivers/', 'dark'],
    ['/fr/host-and-none/', 'dark'],
    ['/es/expose-and-random-ports/', 'light'],
  ] as const)(
    '%s in %s mode has no serious or critical axe violation, its figures open; at 390 px neither have its figures',
    async (path, colorScheme) => {
      const page = await session.open(path, { colorScheme });
      for (const summary of await page.locator('figure.topology summary').all()) await summary.click();
      const blocking = await blockingViolations(page);
      expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      const inFigures = await blockingViolations(page, 'figure.topology');
      expect(inFigures, JSON.stringify(inFigures, null, 2)).toEqual([]);
      await page.context().close();
    },
  );
});
