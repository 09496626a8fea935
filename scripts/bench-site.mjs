// Measures what readers and contributors wait for: a clean build of the site, and
// the bytes a lesson page ships (JavaScript, CSS, HTML), gzipped as a server sends them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';

const astro = join('node_modules', 'astro', 'bin', 'astro.mjs');
const JS_BUDGET = 15_360;
const CLS_BUDGET = 0.05;
const failures = [];

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
timed('build (clean): astro build, search index, service worker', () =>
  execFileSync(process.execPath, [astro, 'build'], quiet),
);

const gz = (text) => gzipSync(text).length;
const lessonPages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter(
  (path) => /^(es|pt|fr)\/[^/]+\/index\.html$/.test(path) && !/^(es|pt|fr)\/(search|404)\//.test(path),
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
    for (const [, target] of code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g))
      moduleGraph(join(dir, target).replaceAll('\\', '/'), loaded);
  }
  for (const file of files.keys()) loaded.delete(file);
  return loaded;
}

const sum = (codes) => [...codes].reduce((total, code) => total + gz(code), 0);
console.log(`\nper lesson page (${lessonPages.length} pages), gzipped bytes (budget: JS at most 15,360 on load):`);
console.log(
  `${'page'.padEnd(30)} ${'JS'.padStart(7)} ${'quiz'.padStart(7)} ${'CSS'.padStart(7)} ${'HTML'.padStart(7)} ${'on demand'.padStart(10)}`,
);
for (const path of lessonPages.sort()) {
  const html = readFileSync(join('dist', path), 'utf8');
  // Data islands (<script type="application/json">) are not code.
  const inlineScripts = [
    ...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g),
  ].map((m) => m[1]);
  const modules = new Map();
  for (const [, src] of html.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g)) moduleGraph(src, modules);
  const quiz = [...modules].filter(([file]) => /quiz/i.test(file)).map(([, code]) => code);
  const styles = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((m) =>
    readFileSync(join('dist', m[1]), 'utf8'),
  );
  const js = sum(inlineScripts) + sum(modules.values());
  if (js > JS_BUDGET) failures.push(`${path}: ${js} bytes of gzipped JS on load, over ${JS_BUDGET}`);
  const later = sum(onDemand(modules).values());
  console.log(
    `${path.replace('/index.html', '/').padEnd(30)} ${String(js).padStart(7)} ${String(sum(quiz)).padStart(7)} ${String(sum(styles)).padStart(7)} ${String(gz(html)).padStart(7)} ${String(later).padStart(10)}`,
  );
}
console.log(
  "quiz: the quiz client's share of JS; on demand: modules loaded by a click (netsim, for a command question), not on page load.",
);

// Lighthouse's mobile audit of the course home and a lesson (every category at 100), and
// the layout shift of the search page while its results arrive.
const { audit, CATEGORIES } = await import('./lighthouse.mjs');
const audited = { home: '/es/', lesson: '/es/default-bridge/', search: '/es/search/?q=docker' };
console.log('\nLighthouse, mobile (simulated slow 4G, CPU slowed 4x), against dist/ served as a static host does:');
console.log(`${'page'.padEnd(30)} ${CATEGORIES.map((name) => name.padStart(15)).join('')} ${'CLS'.padStart(7)}`);
const results = await audit('dist', Object.values(audited));
for (const [role, path] of Object.entries(audited)) {
  const { scores, cls } = results[path];
  console.log(
    `${path.padEnd(30)} ${CATEGORIES.map((name) => String(scores[name]).padStart(15)).join('')} ${cls.toFixed(3).padStart(7)}`,
  );
  if (role !== 'search')
    for (const name of CATEGORIES)
      if (scores[name] < 100)
        failures.push(
          `${path}: Lighthouse ${name} ${scores[name]}, below 100 (not passed: ${results[path].failing.join(', ')})`,
        );
  if (cls >= CLS_BUDGET) failures.push(`${path}: CLS ${cls.toFixed(3)}, not under ${CLS_BUDGET}`);
}
console.log('(the search page is noindex on purpose: its SEO score does not count)');

if (failures.length > 0) {
  console.log(`\nover budget:\n${failures.map((failure) => `  ${failure}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(
    `\nbudgets met: lesson JS at most ${JS_BUDGET} bytes gzipped, home and lesson at 100 in every Lighthouse category, search CLS under ${CLS_BUDGET}`,
  );
}
