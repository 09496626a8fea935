import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session';

const session = browserSession();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const pages = [
  '/',
  '/404.html',
  ...['es', 'pt', 'fr'].flatMap((locale) => [
    `/${locale}/`,
    `/${locale}/network-drivers/`,
    `/${locale}/default-bridge/`,
    `/${locale}/search/?q=docker`,
    `/${locale}/404/`,
  ]),
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

describe('accessibility (axe-core)', () => {
  it.each(pages.flatMap((path) => [[path, 'light'], [path, 'dark']] as const))('%s in %s mode has no serious or critical violation', async (path, colorScheme) => {
    const page = await session.open(path, { colorScheme, locale: 'de-DE' });
    await page.waitForLoadState('networkidle');
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const { violations } = await (window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }).axe.run();
      return violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
    });
    const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(blocking, JSON.stringify(blocking, null, 2)).toEqual([]);
    await page.context().close();
  });
});
