// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import lessonsCheck from './plugins/lessons-check-integration.ts';
import builtSite from './plugins/built-site-integration.ts';
import { lessonProject } from './plugins/lessons/result-cache.ts';
import lessonMarkdown from './plugins/lesson-markdown-integration.ts';
import { CODE_THEMES } from './src/lib/code-themes.ts';

// Every console block of every lesson runs against netsim: the build fails on any mismatch.
const lessons = lessonProject(fileURLToPath(new URL('.', import.meta.url)));

/**
 * In the reader's browser, netsim's seldom-used modules load on first use: this swaps
 * each of netsim's loaders (src/netsim/cli/tool-loader.ts, and the layers' own
 * *-loader.ts) for its .browser.ts twin in client bundles and the terminal's worker.
 * The build's own rendering (SSR) keeps every module at hand.
 */
function lazyNetsimTools() {
  return {
    name: 'lazy-netsim-tools',
    enforce: /** @type {const} */ ('pre'),
    /** @param {string} source @param {string | undefined} importer @param {{ ssr?: boolean }} [options] @returns {Promise<string | null>} */
    async resolveId(source, importer, options) {
      if (options?.ssr || !source.endsWith('-loader')) return null;
      // @ts-ignore: `this` is Rollup's plugin context
      const resolved = await this.resolve(source, importer, { skipSelf: true, ...options });
      const twin = resolved?.id.replace(/\.ts$/, '.browser.ts');
      return resolved &&
        twin &&
        resolved.id.includes('/src/netsim/') &&
        resolved.id.endsWith('-loader.ts') &&
        existsSync(twin)
        ? twin
        : null;
    },
  };
}

/**
 * A lesson's static parts compiled to HTML strings, rendered as they are on every page; the elements
 * lesson pages give components (src/pages/[locale]/[lesson].astro) stay elements. Sätteri's HTML then
 * escapes text as Astro does (plugins/satteri/static-html-parity.ts).
 */
const LESSON_MDX = { optimize: { ignoreElementNames: ['h2', 'h3', 'table'] } };

export default defineConfig({
  // Absolute URLs (canonical, hreflang, sitemap) need the public address; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'https://docker-networking.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor, Sätteri, renders lessons (MDX too) with the plugins lessonMarkdown adds.
    shikiConfig: { themes: CODE_THEMES, defaultColor: false },
  },
  // lessonMarkdown: console blocks, quizzes, exercises and figures from the lessons check; headings take their
  // source lesson's ids, so an anchor opens the same section in every language.
  integrations: [lessonsCheck(lessons), lessonMarkdown(lessons), mdx(LESSON_MDX), builtSite()],
  devToolbar: { enabled: false },
  vite: {
    plugins: [lazyNetsimTools()],
    // A module worker: the terminal's worker fetches tool chunks with import().
    worker: { format: 'es', plugins: () => [lazyNetsimTools()] },
  },
});
