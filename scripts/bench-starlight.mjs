// This site's clean build against Starlight's on the same lessons, at 10, 40 and 120
// lessons per language: wall seconds, CPU seconds and ms per lesson page, the median of
// alternated runs (ours, Starlight, ours, ...), so a busy machine slows both alike.
//
//   node scripts/bench-starlight.mjs [counts...] [--runs N]    (default: 10 40 120, 3 runs)
//
// Not part of `npm test` nor of `npm run bench`: it installs Starlight (and the Astro
// version this project has) with npm into a folder under the system's temporary folder,
// never into this project. BENCH_STARLIGHT_DIR=folder installs there and reuses it on
// later runs; BENCH_KEEP=1 keeps both sites.
//
// Both sites get the same MDX per language (scripts/scale-course.mjs). Ours checks its
// console blocks from its warm result cache; Starlight shows them as the plain `console`
// code blocks they are to it (Expressive Code). It knows none of the course's components,
// so it renders quizzes and exercises as their text (<div><slot /></div>) and figures and
// traces as nothing. Its build includes its Pagefind index; so does ours, `npm run build`
// (`astro build`: pages, search index and service worker).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { courseCopy, LOCALES, measured, scaledLessons } from './scale-course.mjs';

const STARLIGHT = '0.42'; // the release line whose peer dependency is Astro 7
const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
const counts = args.map(Number).filter((count) => count > 0);
const COUNTS = counts.length > 0 ? counts : [10, 40, 120];
const astroVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'astro', 'package.json'), 'utf8')).version;
// The components the lessons use: those with text render it, the figures nothing.
const BLOCKS = ['Quiz', 'Question', 'Option', 'Explain', 'Exercise', 'Goal', 'Hint', 'Solution'];
const FIGURES = ['Topology', 'Trace'];

const CONFIG = `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://docker-networking.example.org',
  integrations: [
    starlight({
      title: 'Redes en Docker',
      defaultLocale: 'es',
      locales: { es: { label: 'Español' }, pt: { label: 'Português', lang: 'pt-BR' }, fr: { label: 'Français' } },
    }),
  ],
});
`;
const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/** A Starlight project with its dependencies installed: in BENCH_STARLIGHT_DIR if set and already there, else installed now. */
function starlightProject() {
  const given = process.env.BENCH_STARLIGHT_DIR;
  const project = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'starlight-bench-'));
  mkdirSync(join(project, 'src', 'stubs'), { recursive: true });
  writeFileSync(join(project, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(project, 'src', 'content.config.ts'), CONTENT_CONFIG);
  writeFileSync(join(project, 'src', 'stubs', 'Block.astro'), '<div><slot /></div>\n');
  writeFileSync(join(project, 'src', 'stubs', 'Figure.astro'), '');
  if (!existsSync(join(project, 'node_modules', '@astrojs', 'starlight', 'package.json'))) {
    writeFileSync(
      join(project, 'package.json'),
      `${JSON.stringify({ name: 'starlight-bench', private: true, type: 'module' }, null, 2)}\n`,
    );
    console.log(`installing @astrojs/starlight@${STARLIGHT} and astro@${astroVersion} in ${project} ...`);
    execFileSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `@astrojs/starlight@${STARLIGHT}`,
        `astro@${astroVersion}`,
      ],
      { cwd: project, stdio: 'inherit' },
    );
  }
  return project;
}

/** A lesson as Starlight reads it: its title and description, the stub components imported, the body as it is. */
function forStarlight(text) {
  const [, frontMatter, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
  if (frontMatter === undefined || body === undefined) throw new Error('a lesson without front matter');
  const kept = frontMatter.split('\n').filter((line) => /^(title|description): /.test(line));
  const imports = [
    ...BLOCKS.map((name) => `import ${name} from '../../../stubs/Block.astro';`),
    ...FIGURES.map((name) => `import ${name} from '../../../stubs/Figure.astro';`),
  ];
  return `---\n${kept.join('\n')}\n---\n\n${imports.join('\n')}\n\n${body}`;
}

function writeStarlightContent(project, perLocale) {
  const docs = join(project, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  for (const { locale, name, text } of scaledLessons(root, perLocale)) {
    mkdirSync(join(docs, locale), { recursive: true });
    writeFileSync(join(docs, locale, name), forStarlight(text));
  }
}

function buildStarlight(project) {
  rmSync(join(project, 'dist'), { recursive: true, force: true });
  rmSync(join(project, 'node_modules', '.astro'), { recursive: true, force: true });
  rmSync(join(project, '.astro'), { recursive: true, force: true });
  const { INIT_CWD: _typedIn, ...env } = process.env;
  return measured(() =>
    execFileSync(process.execPath, [join('node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], {
      cwd: project,
      stdio: 'ignore',
      env: { ...env, ASTRO_TELEMETRY_DISABLED: '1' },
    }),
  );
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const starlight = starlightProject();
const course = courseCopy(root);
const row = (...cells) =>
  console.log(cells.map((cell, index) => String(cell).padStart(index === 0 ? 4 : 10)).join(' '));
console.log(
  `clean builds, median of ${RUNS} alternated runs each, N lessons per language (${LOCALES.length} languages); Starlight ${STARLIGHT}, Astro ${astroVersion}, Node ${process.versions.node}:`,
);
row('N', 'pages', 'ours s', 'ours CPU', 'ours ms/p', 'SL s', 'SL CPU', 'SL ms/p', 'ours/SL');
try {
  for (const perLocale of COUNTS) {
    course.writeContent(perLocale);
    course.update();
    writeStarlightContent(starlight, perLocale);
    const ours = [];
    const theirs = [];
    for (let run = 0; run < RUNS; run++) {
      ours.push(course.build());
      theirs.push(buildStarlight(starlight));
    }
    const pages = course.lessonPages();
    const seconds = median(ours.map((build) => build.seconds));
    const starlightSeconds = median(theirs.map((build) => build.seconds));
    const cpu = (builds) =>
      builds.every((build) => build.cpu !== undefined) ? median(builds.map((build) => build.cpu ?? 0)).toFixed(1) : '';
    row(
      perLocale,
      pages,
      seconds.toFixed(2),
      cpu(ours),
      ((seconds * 1000) / pages).toFixed(0),
      starlightSeconds.toFixed(2),
      cpu(theirs),
      ((starlightSeconds * 1000) / pages).toFixed(0),
      (seconds / starlightSeconds).toFixed(2),
    );
    if (process.env.BENCH_VERBOSE) console.log(JSON.stringify({ ours, theirs }));
  }
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept: ${course.project} and ${starlight}`);
  else {
    course.remove();
    if (!process.env.BENCH_STARLIGHT_DIR) rmSync(starlight, { recursive: true, force: true });
  }
}
console.log('s: wall seconds; CPU: processor seconds of the build processes (Linux), steadier on a shared machine;');
console.log('ms/p: the whole build over the lesson pages (the same count in both sites).');
