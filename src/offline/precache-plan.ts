import { LOCALE_INFO, LOCALES, type Locale } from '../i18n/locales';

/** A file of the built site: the URL pages ask for it by, and a hash of its bytes. */
export type Entry = readonly [url: string, revision: string];

/**
 * What the service worker keeps for reading offline. `shared`: every page's scripts and
 * styles (the terminal and its simulator included), Pagefind's code, the icons and the
 * site root, cached when the worker installs. Per locale: that language's pages and its
 * search index, cached whole once a reader opens one of its pages.
 */
export interface PrecachePlan {
  shared: Entry[];
  locales: Record<Locale, Entry[]>;
}

/** The address of a built file: folders' index.html are linked by their folder, with the trailing slash. */
export function urlOf(path: string): string {
  const url = `/${path.replaceAll('\\', '/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

/** Pagefind's code, as opposed to its indexes; its other UIs and the highlight script are not used. */
const PAGEFIND_RUNTIME = new Set([
  'pagefind.js',
  'pagefind-worker.js',
  'pagefind-entry.json',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
]);
/** Files no page loads: crawlers' and hosts' files, and the worker itself. */
const NEVER = new Set(['/sitemap.xml', '/robots.txt', '/_headers', '/sw.js']);

/** Pagefind names each language's index files after the page's lang, lower-cased: pt-br_1a2b.pf_index. */
const pagefindLanguage = (locale: Locale) => LOCALE_INFO[locale].tag.toLowerCase();

export function localeOf(pathname: string): Locale | undefined {
  const segment = /^\/([^/]+)\//.exec(pathname)?.[1];
  return LOCALES.find((locale) => locale === segment);
}

/** Which language's search index a Pagefind file belongs to, if any. */
function indexLocale(name: string): Locale | undefined {
  return LOCALES.find((locale) => {
    const language = pagefindLanguage(locale).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(
      `^(pagefind\\.${language}_[^/]+\\.pf_meta|wasm\\.${language}\\.pagefind|(index|fragment|filter)/${language}_[^/]+)$`,
    ).test(name);
  });
}

export function precachePlan(files: readonly Entry[]): PrecachePlan {
  const plan: PrecachePlan = { shared: [], locales: { es: [], pt: [], fr: [] } };
  for (const [path, revision] of files) {
    const url = urlOf(path);
    if (NEVER.has(url)) continue;
    if (url.startsWith('/pagefind/')) {
      const name = url.slice('/pagefind/'.length);
      const locale = indexLocale(name);
      if (locale) plan.locales[locale].push([url, revision]);
      else if (PAGEFIND_RUNTIME.has(name)) plan.shared.push([url, revision]);
      continue;
    }
    const locale = localeOf(url);
    (locale ? plan.locales[locale] : plan.shared).push([url, revision]);
  }
  return plan;
}

/**
 * How a request is answered. Files whose names carry a hash of their content (Astro's
 * /_astro/ chunks, Pagefind's index chunks) never change: the cache answers first. Pages,
 * Pagefind's code and its entry file, and the icons change in place: the network answers
 * first, the cache when the network cannot.
 */
export function strategyFor(pathname: string): 'cache-first' | 'network-first' {
  return pathname.startsWith('/_astro/') || /^\/pagefind\/.*\.pf_(meta|index|fragment|filter)$/.test(pathname)
    ? 'cache-first'
    : 'network-first';
}
