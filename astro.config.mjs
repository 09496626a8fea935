// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import lessonsCheck from './plugins/lessons-check-integration.ts';
import strictCsp from './plugins/csp-integration.ts';
import { lessonProject } from './plugins/lessons/result-cache.ts';
import remarkConsoleBlocks from './plugins/remark-console-blocks.ts';
import rehypeStableHeadingIds from './plugins/headings/stable-heading-ids.ts';
import { CODE_THEMES } from './src/lib/code-themes.ts';

// Every console block of every lesson runs against netsim: the build fails on any mismatch.
const lessons = lessonProject(fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  // Absolute URLs (canonical, hreflang, sitemap) need the public address; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'https://docker-networking.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor does not run remark plugins; the unified one does, and MDX inherits it.
    // Headings take their source lesson's ids, so an anchor opens the same section in every language.
    processor: unified({ remarkPlugins: [[remarkConsoleBlocks, { verify: lessons }]], rehypePlugins: [rehypeStableHeadingIds] }),
    shikiConfig: { themes: CODE_THEMES, defaultColor: false },
  },
  integrations: [lessonsCheck(lessons), mdx(), strictCsp()],
  devToolbar: { enabled: false },
});
