// The site's service worker, bundled into dist/sw.js by plugins/offline/service-worker-build.ts with the
// list of built files and their hashes. Hand-written rather than generated: it needs a
// per-language precache (a reader downloads their language, not three) and three small
// strategies, which fit in less code than a generator's configuration and runtime.
import { localeOf, precachePlan, strategyFor, type Entry } from './precache-plan';
import type { Locale } from '../i18n/locales';

declare const __PRECACHE__: Entry[];

// The worker's global scope, as far as this file uses it (the DOM library has no worker types).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    matchAll(options: { includeUncontrolled: boolean; type: 'window' }): Promise<{ url: string }[]>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const CACHE = 'course';
/** Which revision of each file the cache holds, kept in the cache itself. */
const REVISIONS = '/__offline/revisions.json';
/** A page that has not answered in this long is taken from the cache: a bad connection reads like none. */
const PAGE_TIMEOUT_MS = 4000;

const plan = precachePlan(__PRECACHE__);
const planned = new Set([...plan.shared, ...Object.values(plan.locales).flat()].map(([url]) => url));

async function revisions(cache: Cache): Promise<Record<string, string>> {
  const stored = await cache.match(REVISIONS);
  return stored ? stored.json() : {};
}

/** Brings the cache up to date with these files: only those missing or changed are downloaded. */
async function precache(entries: readonly Entry[]): Promise<void> {
  const cache = await caches.open(CACHE);
  const held = await revisions(cache);
  const stale = entries.filter(([url, revision]) => held[url] !== revision);
  if (stale.length === 0) return;
  // A few at a time: a phone on a slow link should not open a hundred connections.
  for (let start = 0; start < stale.length; start += 6) {
    await Promise.all(
      stale.slice(start, start + 6).map(async ([url]) => {
        const response = await fetch(new Request(url, { cache: 'reload' }));
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await cache.put(url, response);
      }),
    );
  }
  // Read again: another locale may have been stored meanwhile.
  const updated = { ...(await revisions(cache)), ...Object.fromEntries(stale) };
  await cache.put(
    REVISIONS,
    new Response(JSON.stringify(updated), { headers: { 'content-type': 'application/json' } }),
  );
}

const caching = new Map<Locale, Promise<void>>();
/** A locale's pages and index, once per worker life; a failed attempt is retried on the next page. */
function precacheLocale(locale: Locale): Promise<void> {
  let pending = caching.get(locale);
  if (!pending) {
    pending = precache(plan.locales[locale]).catch((error) => {
      caching.delete(locale);
      throw error;
    });
    caching.set(locale, pending);
  }
  return pending;
}

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      // The page that registered the worker names the language to keep.
      const windows = await worker.clients.matchAll({ includeUncontrolled: true, type: 'window' });
      const locales = new Set(
        windows.map(({ url }) => localeOf(new URL(url).pathname)).filter((locale) => locale !== undefined),
      );
      await precache(plan.shared);
      await Promise.all([...locales].map(precacheLocale));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // Files of older builds go; what this build lists stays.
      const cache = await caches.open(CACHE);
      const held = await revisions(cache);
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (path !== REVISIONS && !planned.has(path)) {
          await cache.delete(request);
          delete held[path];
        }
      }
      await cache.put(
        REVISIONS,
        new Response(JSON.stringify(held), { headers: { 'content-type': 'application/json' } }),
      );
      await worker.clients.claim();
    })(),
  );
});

async function fromCache(request: Request | string): Promise<Response | undefined> {
  // Queries are the page's own business (?q=, ?highlight=): the cached page serves them all.
  return (await caches.open(CACHE)).match(request, { ignoreSearch: true });
}

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await fromCache(request);
  if (cached) return cached;
  const response = await fetch(request);
  const path = new URL(request.url).pathname;
  if (response.ok && planned.has(path)) await (await caches.open(CACHE)).put(path, response.clone());
  return response;
}

async function networkFirst(request: Request, timeoutMs?: number): Promise<Response> {
  const path = new URL(request.url).pathname;
  try {
    const response = await withTimeout(fetch(request), timeoutMs);
    // A fresh copy of a planned file replaces the cached one; redirects and errors are not kept.
    if (response.ok && response.type === 'basic' && !response.redirected && planned.has(path)) {
      await (await caches.open(CACHE)).put(path, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await fromCache(request);
    if (cached) return cached;
    // An uncached page of a cached language gets that language's not-found page, which links home.
    const locale = localeOf(path);
    const notFound = request.mode === 'navigate' && (await fromCache(locale ? `/${locale}/404/` : '/404.html'));
    if (notFound) return notFound;
    throw error;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number | undefined): Promise<T> {
  if (ms === undefined) return promise;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== worker.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, PAGE_TIMEOUT_MS));
    const locale = localeOf(url.pathname);
    // Reading one page of a language keeps the whole language for offline.
    if (locale) event.waitUntil(precacheLocale(locale).catch(() => undefined));
    return;
  }
  event.respondWith(strategyFor(url.pathname) === 'cache-first' ? cacheFirst(request) : networkFirst(request));
});
