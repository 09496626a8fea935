// How the build grows with the course: clean builds of a throwaway copy of the site
// whose content is the real lessons plus copies of them under new names, at 10, 40
// and 120 lessons per language. Prints seconds and milliseconds per lesson page.
//
//   node scripts/bench-scale.mjs [counts...]    (default: 10 40 120)
//
// Copies get their own lesson id (so their own seeds: `lessons:update` writes what
// netsim prints for them first, untimed), and an order after the real lessons'. The
// result cache is the bench's own and warm for every timed build, as a contributor's
// is; the copy is made under the system's temporary folder and removed at the end.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const root = resolve(import.meta.dirname, '..');
const counts = process.argv.slice(2).map(Number).filter((count) => count > 0);
const COUNTS = counts.length > 0 ? counts : [10, 40, 120];
const LOCALES = ['es', 'pt', 'fr'];
const SHARED = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'plugins', 'public', 'scripts', 'content/glossary.yaml'];

const lessons = readdirSync(join(root, 'content', 'es')).filter((name) => name.endsWith('.mdx')).sort();
const project = mkdtempSync(join(tmpdir(), 'course-scale-'));
const cache = join(project, '.lesson-results');
// Without INIT_CWD, which npm sets to where `npm run bench` was typed: lessons.mjs would read paths from there.
const { INIT_CWD: _typedIn, ...inherited } = process.env;
const env = { ...inherited, NO_COLOR: '1', LESSONS_CACHE_DIR: cache };
const quiet = { cwd: project, stdio: 'ignore', env };

/** A copy of a lesson under a new id: the file name, `lessonId` and a place in its module after the real lessons. */
function copyOf(text, id, copy) {
  return text
    .replace(/^lessonId: .*$/m, `lessonId: ${id}`)
    .replace(/^order: (\d+)$/m, (_, order) => `order: ${Number(order) + 100 * copy}`);
}

/** content/<locale>/ with `perLocale` lessons in each language: the real ones, then numbered copies. */
function writeContent(perLocale) {
  rmSync(join(project, 'content'), { recursive: true, force: true });
  cpSync(join(root, 'content'), join(project, 'content'), { recursive: true });
  for (let index = lessons.length; index < perLocale; index++) {
    const name = lessons[index % lessons.length];
    const copy = Math.floor(index / lessons.length);
    const id = `${name.replace(/\.mdx$/, '')}-${copy}`;
    for (const locale of LOCALES) {
      const source = join(root, 'content', locale, name);
      if (!existsSync(source)) continue;
      mkdirSync(join(project, 'content', locale), { recursive: true });
      writeFileSync(join(project, 'content', locale, `${id}.mdx`), copyOf(readFileSync(source, 'utf8'), id, copy));
    }
  }
}

/** CPU seconds of the finished child processes (Linux's cutime + cstime), or undefined elsewhere. */
function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 of proc(5), in clock ticks: 100 a second on Linux.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

function timed(run) {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

for (const shared of SHARED) cpSync(join(root, shared), join(project, shared), { recursive: true });
symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');
const astro = join('node_modules', 'astro', 'bin', 'astro.mjs');
const pagefind = join('node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');

console.log(`clean builds (warm lesson cache) of the site with N lessons per language (${LOCALES.length} languages):`);
console.log(`${'N'.padStart(4)} ${'pages'.padStart(6)} ${'astro'.padStart(8)} ${'pagefind'.padStart(9)} ${'sw'.padStart(6)} ${'total'.padStart(8)} ${'ms/page'.padStart(8)} ${'ms/added page'.padStart(14)} ${'CPU s'.padStart(7)}`);
let previous;
try {
  for (const perLocale of COUNTS) {
    writeContent(perLocale);
    // What netsim prints for the copies' own seeds, and the cache warm for the timed build.
    execFileSync(process.execPath, ['scripts/lessons.mjs', 'update'], quiet);
    rmSync(join(project, 'dist'), { recursive: true, force: true });
    rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
    const cpuBefore = childCpuSeconds();
    const astroSeconds = timed(() => execFileSync(process.execPath, [astro, 'build'], quiet));
    const pagefindSeconds = timed(() => execFileSync(process.execPath, [existsSync(join(project, pagefind)) ? pagefind : join('node_modules', '.bin', 'pagefind'), '--site', 'dist'], quiet));
    const swSeconds = timed(() => execFileSync(process.execPath, [join('scripts', 'build-offline.mjs')], quiet));
    const total = astroSeconds + pagefindSeconds + swSeconds;
    const cpu = cpuBefore === undefined ? '' : (childCpuSeconds() - cpuBefore).toFixed(1);
    const pages = LOCALES.reduce((sum, locale) => sum + readdirSync(join(project, 'dist', locale), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !['search', '404', 'sandbox'].includes(entry.name)).length, 0);
    const marginal = previous ? `${(((total - previous.total) * 1000) / (pages - previous.pages)).toFixed(0)}` : '';
    console.log(
      `${String(perLocale).padStart(4)} ${String(pages).padStart(6)} ${astroSeconds.toFixed(2).padStart(8)} ${pagefindSeconds.toFixed(2).padStart(9)} ${swSeconds.toFixed(2).padStart(6)} ${total.toFixed(2).padStart(8)} ${((total * 1000) / pages).toFixed(0).padStart(8)} ${marginal.padStart(14)} ${cpu.padStart(7)}`,
    );
    previous = { total, pages };
  }
} finally {
  rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
  if (process.env.BENCH_KEEP) console.log(`kept: ${project}`);
  else rmSync(project, { recursive: true, force: true });
}
console.log('seconds; ms/page: the whole build over its lesson pages; ms/added page: what each page added since the row above costs;');
console.log('CPU s: processor time of the three steps (Linux), steadier than the clock on a shared machine.');
console.log('Comparing with Starlight needs a Starlight site built from the same lessons (not a dependency of this project).');
