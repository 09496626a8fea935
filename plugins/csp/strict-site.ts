import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headersFile, policy, strictPage, withPolicyMeta } from './strict-csp';

/** Every page of a built site under the strict CSP, in memory: what `writeStrictSite` writes. */
export interface StrictSite {
  /** Each page's path under the site folder and its strict HTML. */
  pages: { path: string; html: string }[];
  /** The stylesheet the style attributes became, if any page had one: its path under the site folder and text. */
  stylesheet: { path: string; css: string } | undefined;
  /** The `_headers` file: the policy that allows every page's inline scripts and styles. */
  headers: string;
  movedAttributes: number;
  inlineScripts: number;
}

/** The path of every HTML page under the site folder, as `readdir` lists them. */
export function htmlPages(site: string): string[] {
  return (readdirSync(site, { recursive: true, encoding: 'utf8' }) as string[]).filter((path) =>
    path.endsWith('.html'),
  );
}

/**
 * Makes every page strict without writing any: style attributes (Shiki's token colours)
 * become classes of one stylesheet, named by a hash of its rules, so no page is final
 * before every page has been read.
 */
export function strictSite(site: string): StrictSite {
  const strict = htmlPages(site).map((path) => ({ path, page: strictPage(readFileSync(join(site, path), 'utf8')) }));
  const rules = new Map<string, string>();
  for (const { page } of strict) for (const [name, declarations] of page.rules) rules.set(name, declarations);
  const css = [...rules]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, declarations]) => `.${name}{${declarations}}`)
    .join('\n');
  const href = `/_astro/inline-styles.${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
  const everyScript: string[] = [];
  const everyStyle: string[] = [];
  const pages = strict.map(({ path, page }) => {
    everyScript.push(...page.scripts);
    everyStyle.push(...page.styles);
    const html =
      page.rules.size > 0 ? page.html.replace('</head>', `<link rel="stylesheet" href="${href}"></head>`) : page.html;
    return { path, html: withPolicyMeta(html, policy({ scripts: page.scripts, styles: page.styles })) };
  });
  return {
    pages,
    stylesheet: rules.size > 0 ? { path: href.slice(1), css: `${css}\n` } : undefined,
    headers: headersFile(policy({ scripts: everyScript, styles: everyStyle })),
    movedAttributes: rules.size,
    inlineScripts: new Set(everyScript).size,
  };
}

/**
 * Writes the strict pages over the rendered ones, their stylesheet and `_headers`; returns
 * the bytes of each file written, by its path with `/`, for whatever hashes them next.
 */
export function writeStrictSite(site: string, strict: StrictSite): Map<string, Buffer> {
  const written = new Map<string, Buffer>();
  const write = (path: string, text: string) => {
    const bytes = Buffer.from(text);
    writeFileSync(join(site, path), bytes);
    written.set(path.replaceAll('\\', '/'), bytes);
  };
  if (strict.stylesheet) write(strict.stylesheet.path, strict.stylesheet.css);
  for (const { path, html } of strict.pages) write(path, html);
  write('_headers', strict.headers);
  return written;
}
