import { createHash } from 'node:crypto';

/**
 * The site's Content-Security-Policy: only the site's own files run and style the
 * page; an inline script or style element runs only with its hash listed; nothing
 * is embedded, and the document base cannot move.
 */
export function policy({ scripts, styles }: { scripts: Iterable<string>; styles: Iterable<string> }): string {
  const hashes = (values: Iterable<string>) =>
    [...new Set(values)]
      .sort()
      .map((hash) => ` '${hash}'`)
      .join('');
  return [
    "default-src 'self'",
    // Pagefind's search runs as WebAssembly, which compiling needs: not a licence for eval.
    `script-src 'self' 'wasm-unsafe-eval'${hashes(scripts)}`,
    `style-src 'self'${hashes(styles)}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

const classNames = new Map<string, string>();

/** A class name for a style attribute's declarations: the same declarations get the same class on every page. */
export function classFor(declarations: string): string {
  let name = classNames.get(declarations);
  if (name === undefined)
    classNames.set(declarations, (name = `s-${createHash('sha256').update(declarations).digest('hex').slice(0, 10)}`));
  return name;
}

export interface StrictPage {
  html: string;
  scripts: string[];
  styles: string[];
  /** Style attributes turned into classes: class name → declarations. */
  rules: Map<string, string>;
}

/** A tag with a style attribute: its name, the attributes before and after it, and its declarations. */
const STYLED_TAG = /<([a-zA-Z][\w-]*)(\s[^<>]*?)?\sstyle="([^"]*)"([^<>]*)>/y;

/**
 * `html.replace(STYLED_TAG, ...)` with the global flag, without trying the pattern at
 * every tag of the page (most of a page's cost): a match starts at the last `<` before
 * its `style="`, since no other fits in `[^<>]`, so it is tried only there.
 */
function replaceStyledTags(
  html: string,
  replace: (name: string, before: string | undefined, declarations: string, after: string) => string,
): string {
  let result = '';
  let copied = 0;
  let failedAt = -1;
  for (let at = html.indexOf('style="'); at !== -1; at = html.indexOf('style="', at + 1)) {
    const start = html.lastIndexOf('<', at);
    if (start < copied || start === failedAt) continue;
    STYLED_TAG.lastIndex = start;
    const match = STYLED_TAG.exec(html);
    if (!match) {
      failedAt = start;
      continue;
    }
    result += html.slice(copied, start) + replace(match[1]!, match[2], match[3]!, match[4]!);
    copied = STYLED_TAG.lastIndex;
    at = copied - 1;
  }
  return copied === 0 ? html : result + html.slice(copied);
}

const EXECUTABLE = /^(|module|text\/javascript|application\/javascript)$/i;

/**
 * Makes one page strict: every `style="..."` attribute becomes a class (its rule
 * goes to a stylesheet), every inline script and style element is hashed, and a
 * CSP meta element listing those hashes goes first in the head.
 */
export function strictPage(html: string): StrictPage {
  const rules = new Map<string, string>();
  const withClasses = replaceStyledTags(html, (name, before = '', declarations, after) => {
    const className = classFor(declarations);
    rules.set(className, declarations);
    const attributes = `${before}${after}`;
    const existing = /\sclass="([^"]*)"/.exec(attributes);
    if (existing) return `<${name}${attributes.replace(existing[0], ` class="${existing[1]} ${className}"`)}>`;
    return `<${name}${before} class="${className}"${after}>`;
  });
  const scripts: string[] = [];
  for (const [, attributes = '', body = ''] of withClasses.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/g)) {
    if (/\ssrc=/.test(attributes)) continue;
    const type = /\stype="([^"]*)"/.exec(attributes)?.[1] ?? '';
    if (EXECUTABLE.test(type)) scripts.push(sha256(body));
  }
  const styles = [...withClasses.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g)].map(([, body = '']) =>
    sha256(body),
  );
  return { html: withClasses, scripts, styles, rules };
}

/** The meta element goes right after the charset, before anything it governs. */
export function withPolicyMeta(html: string, content: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${content.replaceAll('"', '&quot;')}">`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
  if (charset) return html.replace(charset[0], `${charset[0]}${meta}`);
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${meta}`);
}

/** Headers for hosts that read a `_headers` file (Netlify, Cloudflare Pages): what a meta element cannot say. */
export function headersFile(content: string): string {
  return [
    '/*',
    `  Content-Security-Policy: ${content}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
