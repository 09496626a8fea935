// How the build grows with the course: clean builds of a throwaway copy of the site
// whose content is the real lessons plus copies of them under new names, at 10, 40
// and 120 lessons per language. Prints seconds and milliseconds per lesson page.
//
//   node scripts/bench-scale.mjs [counts...]    (default: 10 40 120)
//
// The copy (scripts/scale-course.mjs) has its own result cache, filled by
// `lessons:update` untimed before each size's build; it is removed at the end
// (BENCH_KEEP=1 keeps it). Against Starlight on the same lessons: bench-starlight.mjs.
import { resolve } from 'node:path';
import { courseCopy, LOCALES } from './scale-course.mjs';

const root = resolve(import.meta.dirname, '..');
const counts = process.argv
  .slice(2)
  .map(Number)
  .filter((count) => count > 0);
const COUNTS = counts.length > 0 ? counts : [10, 40, 120];
const course = courseCopy(root);

console.log(`clean builds (warm lesson cache) of the site with N lessons per language (${LOCALES.length} languages):`);
console.log(
  `${'N'.padStart(4)} ${'pages'.padStart(6)} ${'total'.padStart(8)} ${'ms/page'.padStart(8)} ${'ms/added page'.padStart(14)} ${'CPU s'.padStart(7)}`,
);
let previous;
try {
  for (const perLocale of COUNTS) {
    course.writeContent(perLocale);
    course.update();
    const { seconds: total, cpu } = course.build();
    const pages = course.lessonPages();
    const marginal = previous ? `${(((total - previous.total) * 1000) / (pages - previous.pages)).toFixed(0)}` : '';
    console.log(
      `${String(perLocale).padStart(4)} ${String(pages).padStart(6)} ${total.toFixed(2).padStart(8)} ${((total * 1000) / pages).toFixed(0).padStart(8)} ${marginal.padStart(14)} ${(cpu?.toFixed(1) ?? '').padStart(7)}`,
    );
    previous = { total, pages };
  }
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept: ${course.project}`);
  else course.remove();
}
console.log(
  'seconds; ms/page: the whole build over its lesson pages; ms/added page: what each page added since the row above costs;',
);
console.log(
  'CPU s: processor time of the build, Pagefind and esbuild included (Linux), steadier than the clock on a shared machine.',
);
console.log('Against Starlight built from the same lessons: node scripts/bench-starlight.mjs.');
