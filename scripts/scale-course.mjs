// A throwaway copy of the site whose content is the real lessons plus copies of them
// under new names, for the build benches (bench-scale.mjs, bench-starlight.mjs).
//
// Copies get their own lesson id (so their own seeds: `update()` runs `lessons:update`,
// which writes what netsim prints for them), and an order after the real lessons'. The
// result cache is the copy's own, warm for every timed build after `update()`, as a
// contributor's is; the copy lives under the system's temporary folder.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const LOCALES = ['es', 'pt', 'fr'];
const SHARED = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'src',
  'plugins',
  'public',
  'scripts',
  'content/glossary.yaml',
];
const NOT_LESSONS = ['search', '404', 'sandbox'];

/** A copy of a lesson under a new id: the file name, `lessonId` and a place in its module after the real lessons. */
function copyOf(text, id, copy) {
  return text
    .replace(/^lessonId: .*$/m, `lessonId: ${id}`)
    .replace(/^order: (\d+)$/m, (_, order) => `order: ${Number(order) + 100 * copy}`);
}

/**
 * Every lesson of content/<locale>/ when each language has `perLocale`: the real ones,
 * then numbered copies, as { locale, name, text }. A lesson missing in a language stays missing.
 */
export function scaledLessons(root, perLocale) {
  const lessons = readdirSync(join(root, 'content', 'es'))
    .filter((name) => name.endsWith('.mdx'))
    .sort();
  const files = [];
  for (let index = 0; index < Math.max(perLocale, lessons.length); index++) {
    const name = lessons[index % lessons.length];
    const copy = Math.floor(index / lessons.length);
    const id = `${name.replace(/\.mdx$/, '')}-${copy}`;
    for (const locale of LOCALES) {
      const source = join(root, 'content', locale, name);
      if (!existsSync(source)) continue;
      const text = readFileSync(source, 'utf8');
      files.push(copy === 0 ? { locale, name, text } : { locale, name: `${id}.mdx`, text: copyOf(text, id, copy) });
    }
  }
  return files;
}

/** CPU seconds of the finished child processes (Linux's cutime + cstime), or undefined elsewhere. */
export function childCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    // Fields 16 and 17 of proc(5), in clock ticks: 100 a second on Linux.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/** Wall seconds and child CPU seconds of `run`, which must wait for its processes. */
export function measured(run) {
  const cpuBefore = childCpuSeconds();
  const start = performance.now();
  run();
  const seconds = (performance.now() - start) / 1000;
  const cpuAfter = childCpuSeconds();
  return { seconds, cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore };
}

/** A copy of the site at `root` (its node_modules linked) with `writeContent`, `update`, `build`, `lessonPages` and `remove`. */
export function courseCopy(root) {
  const project = mkdtempSync(join(tmpdir(), 'course-scale-'));
  // Without INIT_CWD, which npm sets to where `npm run bench` was typed: lessons.mjs would read paths from there.
  const { INIT_CWD: _typedIn, ...inherited } = process.env;
  const env = { ...inherited, NO_COLOR: '1', LESSONS_CACHE_DIR: join(project, '.lesson-results') };
  const quiet = { cwd: project, stdio: /** @type {const} */ ('ignore'), env };
  const run = (...args) => execFileSync(process.execPath, args, quiet);
  for (const shared of SHARED) cpSync(join(root, shared), join(project, shared), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(project, 'node_modules'), 'dir');

  return {
    project,
    writeContent(perLocale) {
      rmSync(join(project, 'content'), { recursive: true, force: true });
      mkdirSync(join(project, 'content'));
      cpSync(join(root, 'content', 'glossary.yaml'), join(project, 'content', 'glossary.yaml'));
      for (const { locale, name, text } of scaledLessons(root, perLocale)) {
        mkdirSync(join(project, 'content', locale), { recursive: true });
        writeFileSync(join(project, 'content', locale, name), text);
      }
    },
    /** What netsim prints for the copies' own seeds, and the lesson cache warm for the timed builds. */
    update: () => run('scripts/lessons.mjs', 'update'),
    /** A clean build, as `npm run build` runs it (Pagefind and the service worker included): wall and CPU seconds. */
    build() {
      rmSync(join(project, 'dist'), { recursive: true, force: true });
      rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
      return measured(() => run(join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'));
    },
    lessonPages: () =>
      LOCALES.reduce(
        (sum, locale) =>
          sum +
          readdirSync(join(project, 'dist', locale), { withFileTypes: true }).filter(
            (entry) => entry.isDirectory() && !NOT_LESSONS.includes(entry.name),
          ).length,
        0,
      ),
    remove() {
      rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
      rmSync(project, { recursive: true, force: true });
    },
  };
}
