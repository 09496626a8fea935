import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, policy, strictPage, withPolicyMeta } from './csp/strict-csp';

/**
 * After `astro build`, puts every page under a strict Content-Security-Policy:
 * style attributes (Shiki's token colours) become classes in one stylesheet,
 * inline scripts and style elements are allowed by their hashes, and the policy
 * ships as a meta element in each page and in `_headers` for hosts that read it.
 */
export default function strictCsp(): AstroIntegration {
  return {
    name: 'strict-csp',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[]).filter((path) =>
          path.endsWith('.html'),
        );
        const strict = pages.map((path) => ({ path, page: strictPage(readFileSync(join(root, path), 'utf8')) }));
        const rules = new Map<string, string>();
        for (const { page } of strict) for (const [name, declarations] of page.rules) rules.set(name, declarations);
        const css = [...rules]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([name, declarations]) => `.${name}{${declarations}}`)
          .join('\n');
        const stylesheet = `/_astro/inline-styles.${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
        if (rules.size > 0) writeFileSync(join(root, stylesheet), `${css}\n`);
        const everyScript: string[] = [];
        const everyStyle: string[] = [];
        for (const { path, page } of strict) {
          everyScript.push(...page.scripts);
          everyStyle.push(...page.styles);
          let html = page.html;
          if (page.rules.size > 0)
            html = html.replace('</head>', `<link rel="stylesheet" href="${stylesheet}"></head>`);
          writeFileSync(join(root, path), withPolicyMeta(html, policy({ scripts: page.scripts, styles: page.styles })));
        }
        writeFileSync(join(root, '_headers'), headersFile(policy({ scripts: everyScript, styles: everyStyle })));
        logger.info(
          `${pages.length} pages under a strict CSP: ${rules.size} style attributes moved to classes, ${new Set(everyScript).size} inline scripts allowed by hash`,
        );
      },
    },
  };
}
