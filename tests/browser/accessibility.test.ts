import { describe, expect, it } from 'vitest';
import { blockingViolations } from './axe';
import { browserSession } from './browser-session';

const session = browserSession();

const pages = [
  '/',
  '/404.html',
  ...['es', 'pt', 'fr'].flatMap((locale) => [
    `/${locale}/`,
    `/${locale}/network-drivers/`,
    `/${locale}/default-bridge/`,
    `/${locale}/search/?q=docker`,
    // A page opened from a search result, its terms marked.
    `/${locale}/default-bridge/?highlight=docker`,
    `/${locale}/404/`,
  ]),
];

describe('accessibility (axe-core)', () => {
  it.each(
    pages.flatMap(
      (path) =>
        [
          [path, 'light'],
          [path, 'dark'],
        ] as const,
    ),
  )('%s in %s mode has no serious or critical violation', async (path, colorScheme) => {
    const page = await session.open(path, { colorScheme, locale: 'de-DE' });
    await page.waitForLoadState('networkidle');
    const blocking = await blockingViolations(page);
    expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
    await page.context().close();
  });
});
