// Lighthouse's mobile audit (its default settings: a mid-range phone, a slow 4G link, the CPU
// slowed 4x, all simulated) of pages of the built site, in the Chromium the browser tests use.
import { build } from 'esbuild';
import lighthouse from 'lighthouse';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { staticHost } from './static-host.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const RUNS = 3;

async function findBrowser() {
  const bundle = join(root, 'node_modules', '.cache', 'bench-lighthouse', 'chromium.mjs');
  mkdirSync(dirname(bundle), { recursive: true });
  await build({
    entryPoints: [join(root, 'tests/support/chromium.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
  const { findChromium } = await import(pathToFileURL(bundle).href);
  // The bundle lives under node_modules/.cache: the project's root is said, not derived from it.
  return findChromium({ env: process.env, platform: process.platform, arch: process.arch, exists: existsSync, root });
}

const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

/**
 * Audits each path of `dist`: the four category scores (0-100), the cumulative layout
 * shift and the audits that did not pass, of the median of three runs by performance.
 */
export async function audit(dist, paths) {
  const server = staticHost(dist);
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const binary = await findBrowser();
  const port = await freePort();
  // Lighthouse drives the browser through its debugging port, in a tab of its own.
  const browser = await chromium.launch({
    executablePath: binary.executablePath,
    env: { ...process.env, ...binary.env },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      `--remote-debugging-port=${port}`,
    ],
  });
  const results = {};
  try {
    for (const path of paths) {
      // Lighthouse advises the median of several runs: one run's scores move with the machine's load.
      const runs = [];
      for (let run = 0; run < RUNS; run++)
        runs.push(
          (
            await lighthouse(`${origin}${path}`, {
              port,
              output: 'json',
              logLevel: 'error',
              onlyCategories: CATEGORIES,
            })
          ).lhr,
        );
      const lhr = runs.sort((a, b) => a.categories.performance.score - b.categories.performance.score)[
        Math.floor(RUNS / 2)
      ];
      results[path] = {
        scores: Object.fromEntries(CATEGORIES.map((name) => [name, Math.round(lhr.categories[name].score * 100)])),
        cls: lhr.audits['cumulative-layout-shift'].numericValue,
        failing: Object.values(lhr.audits)
          .filter(
            (audit) =>
              audit.score !== null &&
              audit.score < 1 &&
              audit.scoreDisplayMode !== 'informative' &&
              audit.scoreDisplayMode !== 'manual',
          )
          .map((audit) => audit.id),
      };
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}
