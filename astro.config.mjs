// @ts-check
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkConsoleBlocks from './plugins/remark-console-blocks.ts';
import { CODE_THEMES } from './src/lib/code-themes.ts';

export default defineConfig({
  // Absolute URLs (canonical, hreflang, sitemap) need the public address; set SITE_URL when deploying.
  site: process.env.SITE_URL ?? 'https://docker-networking.example.org',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    // Astro 7's default processor does not run remark plugins; the unified one does, and MDX inherits it.
    processor: unified({ remarkPlugins: [remarkConsoleBlocks] }),
    shikiConfig: { themes: CODE_THEMES, defaultColor: false },
  },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
