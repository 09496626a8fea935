// Measures the in-page terminal as a reader on a slow phone meets it: what it costs
// to load (bytes, fetched only on the first "Try it"), how long from the click to a
// prompt that takes keys with the CPU slowed 4x (cold: nothing cached; warm: the
// code cached), and how long from Enter to the next prompt for a simple command.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { findChromium, launchChromium } from '../tests/support/chromium.ts';
import { staticHost } from './static-host.mjs';

/** Lighthouse's mobile profile slows the CPU 4x; BENCH_CPU_SLOWDOWN=1 measures this machine as it is. */
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 4);
const dist = resolve('dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('No built site in dist/: run `npm run build` first (`npm run bench` does).');
  process.exit(2);
}

const gz = (path) => gzipSync(readFileSync(join(dist, '_astro', path))).length;
const assets = readdirSync(join(dist, '_astro'));
const parts = {
  'terminal UI and xterm.js': assets.filter((name) => /^terminal-ui\..*\.js$/.test(name)),
  'netsim worker': assets.filter((name) => /^netsim\.worker-.*\.js$/.test(name)),
  'xterm.css': assets.filter((name) => /^xterm\..*\.css$/.test(name)),
  launcher: assets.filter((name) => /^launch\..*\.js$/.test(name)),
};
console.log('\nterminal, loaded on demand, gzipped bytes (budget: 256,000):');
let total = 0;
for (const [label, files] of Object.entries(parts)) {
  const size = files.reduce((sum, file) => sum + gz(file), 0);
  total += size;
  console.log(`${label.padEnd(38)} ${String(size).padStart(9)}`);
}
console.log(`${'total'.padEnd(38)} ${String(total).padStart(9)}`);
// netsim's seldom-typed tools (ss, dig, tcpdump...) are chunks the worker imports the first time a line names one.
const worker = readFileSync(join(dist, '_astro', parts['netsim worker'][0]), 'utf8');
const tools = [...worker.matchAll(/import\(["'`]\.\/([^"'`]+\.js)["'`]\)/g)].map((match) => match[1]);
console.log(`\nnetsim tools fetched on first use (${tools.length} chunks), gzipped bytes:`);
for (const file of tools)
  console.log(`${file.replace(/-[\w-]{8}\.js$/, '').padEnd(38)} ${String(gz(file)).padStart(9)}`);
console.log(`${'all of them'.padEnd(38)} ${String(tools.reduce((sum, file) => sum + gz(file), 0)).padStart(9)}`);

const server = staticHost(dist);
await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium(await findChromium());

async function slowPage(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return page;
}

/** Milliseconds from the click on a block's "Try it" to a terminal whose prompt takes keys. */
async function clickToPrompt(page) {
  await page.locator('[data-try]').first().scrollIntoViewIfNeeded();
  const started = Date.now();
  await page.locator('figure.console [data-try]').first().click();
  await page.waitForFunction(() => {
    const terminal = document.querySelector('[data-terminal]');
    return terminal !== null && !terminal.hasAttribute('data-busy');
  });
  return Date.now() - started;
}

/**
 * Resolves once the terminal takes keys again. Playwright's waitForFunction polls on every animation
 * frame, and a frame requested by the harness delays the worker's answer as no reader's page would:
 * a MutationObserver waits without asking for frames.
 */
function promptBack(page) {
  return page.evaluate(
    () =>
      new Promise((back) => {
        const terminal = document.querySelector('[data-terminal]');
        if (!terminal.hasAttribute('data-busy')) return back();
        const observer = new MutationObserver(() => {
          if (terminal.hasAttribute('data-busy')) return;
          observer.disconnect();
          back();
        });
        observer.observe(terminal, { attributes: true, attributeFilter: ['data-busy'] });
      }),
  );
}

const p95 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1];

try {
  const context = await browser.newContext();
  const page = await slowPage(context);
  await page.goto(`${base}/es/network-drivers/`);
  await page.waitForLoadState('networkidle');
  const cold = await clickToPrompt(page);
  await page.locator('[data-terminal-close]').click();
  const warm = [];
  for (let run = 0; run < 5; run++) {
    warm.push(await clickToPrompt(page));
    await page.locator('[data-terminal-close]').click();
  }
  await clickToPrompt(page);
  // From Enter to the next prompt, as the terminal marks them (output is written before the prompt).
  await page.evaluate(() => performance.clearMarks());
  for (let run = 0; run < 30; run++) {
    await page.keyboard.type('hostname');
    // Enter comes once the typed line is on screen, as it does for a person typing: what is
    // measured is the Enter's own latency, not that of the frame still drawing the last key.
    await page.evaluate(() => new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn))));
    await page.keyboard.press('Enter');
    await promptBack(page);
  }
  const enter = await page.evaluate(() => {
    const enters = performance.getEntriesByName('terminal:enter');
    const prompts = performance.getEntriesByName('terminal:prompt');
    const replies = performance.getEntriesByName('terminal:reply');
    const after = (marks, mark) => marks.find((other) => other.startTime >= mark.startTime).startTime - mark.startTime;
    return enters.map((mark) => ({ prompt: after(prompts, mark), reply: after(replies, mark) }));
  });
  console.log(
    `\nterminal timings, CPU slowed ${CPU_SLOWDOWN}x (budgets: warm click to prompt 300 ms, Enter to output 16 ms p95):`,
  );
  console.log(`${'click to prompt, cold'.padEnd(38)} ${String(cold).padStart(6)} ms`);
  console.log(
    `${'click to prompt, warm (median of 5)'.padEnd(38)} ${String([...warm].sort((a, b) => a - b)[2]).padStart(6)} ms`,
  );
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const prompts = enter.map((times) => times.prompt);
  console.log(
    `${"Enter to the worker's answer, median".padEnd(38)} ${median(enter.map((times) => times.reply))
      .toFixed(1)
      .padStart(6)} ms`,
  );
  console.log(`${'Enter to next prompt, median of 30'.padEnd(38)} ${median(prompts).toFixed(1).padStart(6)} ms`);
  console.log(`${'Enter to next prompt, p95 of 30'.padEnd(38)} ${p95(prompts).toFixed(1).padStart(6)} ms`);
  await context.close();
} finally {
  await browser.close();
  server.close();
}
