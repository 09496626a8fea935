import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './browser-session';

const session = browserSession();
const clipboard = { permissions: ['clipboard-read', 'clipboard-write'] };

async function idle(terminal: Locator) {
  await expect
    .poll(() => terminal.evaluate((element) => element.hasAttribute('data-busy')), { timeout: 20_000 })
    .toBe(false);
}

describe('netsim trace in the terminal', () => {
  it.each([
    [
      'es',
      'Traza de «ping -c 1 172.17.0.2»:',
      '[anfitrión docker-host] Envía ICMP echo request 172.17.0.1 → 172.17.0.2.',
    ],
    [
      'fr',
      'Trace de «\u00a0ping -c 1 172.17.0.2\u00a0»\u00a0:',
      '[hôte docker-host] Envoie ICMP echo request 172.17.0.1 → 172.17.0.2.',
    ],
  ])(
    "prints the last command's steps in %s, and says in its help line that it is no Linux tool",
    async (locale, heading, first) => {
      const page = await session.open(`/${locale}/sandbox/`, clipboard);
      const terminal = page.locator('[data-terminal]');
      await idle(terminal);
      expect(await terminal.locator('.terminal__help').textContent()).toContain('netsim trace');
      for (const line of ['docker run -dit --name c1 alpine', 'ping -c 1 172.17.0.2', 'netsim trace']) {
        await page.keyboard.type(line);
        await page.keyboard.press('Enter');
        await idle(terminal);
      }
      await terminal.locator('[data-terminal-copy]').click();
      const lines = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
      const start = lines.indexOf(heading);
      expect(start, lines.join('\n')).toBeGreaterThan(0);
      expect(lines[start + 1]!.trim()).toBe(`1. ${first}`);
      expect(lines.at(-1)).toBe('$ ');
      await page.context().close();
    },
  );
});
