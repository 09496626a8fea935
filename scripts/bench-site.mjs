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
console.log(`\nper lesson page (${lessonPages.length} pages), gzipped bytes:`);
console.log(`${'page'.padEnd(30)} ${'JS'.padStart(7)} ${'CSS'.padStart(7)} ${'HTML'.padStart(7)}`);
for (const path of lessonPages.sort()) {
  const html = readFileSync(join('dist', path), 'utf8');
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const scriptFiles = [...html.matchAll(/<script[^>]*\bsrc="\/([^"]+)"/g)].map((m) => readFileSync(join('dist', m[1]), 'utf8'));
  const styles = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((m) => readFileSync(join('dist', m[1]), 'utf8'));
  const js = [...inlineScripts, ...scriptFiles].reduce((sum, code) => sum + gz(code), 0);
  const css = styles.reduce((sum, code) => sum + gz(code), 0);
  console.log(`${path.replace('/index.html', '/').padEnd(30)} ${String(js).padStart(7)} ${String(css).padStart(7)} ${String(gz(html)).padStart(7)}`);
}
