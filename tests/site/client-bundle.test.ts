import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const assets = resolve(import.meta.dirname, '../../dist/_astro');
if (!existsSync(assets)) throw new Error('These tests read the built site: run `npm run build` first (npm test does).');

const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
const text = (name: string) => readFileSync(join(assets, name), 'utf8');

/** The terminal's worker and every chunk it imports, at once or on first use. */
function workerScripts(): Set<string> {
  const entry = scripts.find((name) => /^netsim\.worker-.*\.js$/.test(name));
  if (!entry) throw new Error("No netsim.worker-*.js in dist/_astro: the terminal's worker was not built.");
  const found = new Set<string>();
  const visit = (name: string) => {
    if (found.has(name)) return;
    found.add(name);
    for (const [, imported] of text(name).matchAll(/["'`]\.\/([^"'`/]+\.js)["'`]/g)) visit(imported!);
  };
  visit(entry);
  return found;
}

const inWorker = workerScripts();
const pageScripts = scripts.filter((name) => !inWorker.has(name));
/** A chunk's name without its hash: `awk-BQMw-uc1.js` (worker) and `awk.BVXCbE0p.js` (page) are both `awk`. */
const moduleOf = (name: string) => name.replace(/[.-][\w-]{8}\.js$/, '');

/**
 * The page's own trace view prints rules with netsim's printers (src/netsim/printers.ts), and their
 * iptables printer reaches the iprange match through its loader: those few modules are the page's too.
 */
const SHARED_WITH_THE_PAGE = new Set(['iptables-iprange']);
/** The bundler's own helpers, which any bundle may carry a copy of: not netsim. */
const BUNDLER_RUNTIME = new Set(['rolldown-runtime', 'preload-helper']);

/** Text only the simulator writes (the Docker daemon's and iproute2's errors): no printer holds it. */
const SIMULATOR_TEXT = ['Error response from daemon', 'RTNETLINK answers'];

describe("the reader's scripts", () => {
  it('leave netsim to the terminal’s worker: the page’s own scripts hold no simulator', () => {
    expect(pageScripts.length).toBeGreaterThan(0);
    expect(SIMULATOR_TEXT.every((simulator) => [...inWorker].some((name) => text(name).includes(simulator)))).toBe(
      true,
    );
    const simulators = pageScripts.filter((name) => SIMULATOR_TEXT.some((simulator) => text(name).includes(simulator)));
    expect(simulators).toEqual([]);
  });

  it('bundle each of netsim’s chunks once, in the worker, so that a reader downloads it once', () => {
    const pageModules = new Set(pageScripts.map(moduleOf));
    const twice = [...inWorker]
      .map(moduleOf)
      .filter((module) => pageModules.has(module) && !SHARED_WITH_THE_PAGE.has(module) && !BUNDLER_RUNTIME.has(module));
    expect(twice).toEqual([]);
  });
});
