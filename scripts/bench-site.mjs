// Measures what readers and contributors wait for: a clean build of the site, and
// the bytes a lesson page ships (JavaScript, CSS, HTML), gzipped as a server sends them.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

const astro = join('node_modules', 'astro', 'bin', 'astro.mjs');
const pagefind = join('node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');

function timed(label, run) {
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label.padEnd(38)} ${seconds.toFixed(2)} s`);
  return seconds;
}

const quiet = { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } };
rmSync('dist', { recursive: true, force: true });
rmSync(join('node_modules', '.astro'), { recursive: true, force: true });
rmSync('.astro', { recursive: true, force: true });
const astroSeconds = timed('astro build (clean)', () => execFileSync(process.execPath, [astro, 'build'], quiet));
const pagefindSeconds = timed('pagefind index', () => execFileSync(process.execPath, [existsSync(pagefind) ? pagefind : join('node_modules', '.bin', 'pagefind'), '--site', 'dist'], quiet));
console.log(`${'build total'.padEnd(38)} ${(astroSeconds + pagefindSeconds).toFixed(2)} s`);

const gz = (text) => gzipSync(text).length;
const lessonPages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((path) =>
  /^(es|pt|fr)\/[^/]+\/index\.html$/.test(path) && !/^(es|pt|fr)\/(search|404)\//.test(path),
);

/** A module and what it imports statically, each once: what the page runs before any click. */
function moduleGraph(file, seen = new Map()) {
  if (seen.has(file)) return seen;
  const code = readFileSync(join('dist', file), 'utf8');
  seen.set(file, code);
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  for (const [, target] of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`(]*?from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
    moduleGraph(join(dir, target).replaceAll('\\', '/'), seen);
  }
  return seen;
}

/** Modules only a click loads (dynamic import()), with what they import in turn. */
function onDemand(files) {
  const loaded = new Map();
  for (const [file, code] of files) {
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const [, target] of code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g)) moduleGraph(join(dir, target).replaceAll('\\', '/'), loaded);
  }
  for (const file of files.keys()) loaded.delete(file);
  return loaded;
}

const sum = (codes) => [...codes].reduce((total, code) => total + gz(code), 0);
console.log(`\nper lesson page (${lessonPages.length} pages), gzipped bytes (budget: JS at most 15,360 on load):`);
console.log(`${'page'.padEnd(30)} ${'JS'.padStart(7)} ${'quiz'.padStart(7)} ${'CSS'.padStart(7)} ${'HTML'.padStart(7)} ${'on demand'.padStart(10)}`);
for (const path of lessonPages.sort()) {
  const html = readFileSync(join('dist', path), 'utf8');
  // Data islands (<script type="application/json">) are not code.
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const modules = new Map();
  for (const [, src] of html.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g)) moduleGraph(src, modules);
  const quiz = [...modules].filter(([file]) => /quiz/i.test(file)).map(([, code]) => code);
  const styles = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((m) => readFileSync(join('dist', m[1]), 'utf8'));
  const js = sum(inlineScripts) + sum(modules.values());
  const later = sum(onDemand(modules).values());
  console.log(
    `${path.replace('/index.html', '/').padEnd(30)} ${String(js).padStart(7)} ${String(sum(quiz)).padStart(7)} ${String(sum(styles)).padStart(7)} ${String(gz(html)).padStart(7)} ${String(later).padStart(10)}`,
  );
}
console.log('quiz: the quiz client\'s share of JS; on demand: modules loaded by a click (netsim, for a command question), not on page load.');
