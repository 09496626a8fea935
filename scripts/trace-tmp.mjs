import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, launchChromium } from '../tests/support/chromium.ts';
import { staticHost } from './static-host.mjs';
const server = staticHost(resolve('dist'));
await new Promise((l) => server.listen(0, '127.0.0.1', l));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium(await findChromium());
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await page.goto(`${base}/es/sandbox/`);
await page.waitForFunction(() => { const t = document.querySelector('[data-terminal]'); return t && !t.hasAttribute('data-busy'); });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
for (let run = 0; run < 15; run++) {
  await page.keyboard.type('hostname');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('[data-terminal]').hasAttribute('data-busy'));
}
const buffer = await browser.stopTracing();
writeFileSync('/tmp/trace.json', buffer);
await browser.close(); server.close();
