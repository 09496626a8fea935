// Serves the built site the way a static host does, so `npm run preview` and the
// browser tests see what readers will: an address without its trailing slash is
// redirected to the folder's address (301), a missing page answers 404 with the
// not-found page of its language (/es/... gets /es/404/), or the site's own 404.html,
// and text goes out compressed to a browser that accepts it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import sirv from 'sirv';

/**
 * What a static host answers for a path: a redirect, or a file and its status, or
 * nothing (let the file server answer). `isFile` is asked about paths inside dist.
 */
export function route(pathname, isFile) {
  const decoded = decodeURIComponent(pathname);
  // Backslashes, control characters and `//` could turn a redirect into another site's address or a broken header.
  if (/[\\\x00-\x1f\x7f]/.test(decoded) || decoded.startsWith('//')) return { status: 400, file: '/404.html' };
  const clean = normalize(decoded);
  if (!clean.endsWith('/') && !/\.[a-z0-9]+$/i.test(clean) && isFile(join(clean, 'index.html'))) {
    return { status: 301, location: `${clean}/` };
  }
  if (isFile(clean.endsWith('/') ? join(clean, 'index.html') : clean)) return null;
  // A first folder with a 404 page of its own is a language: its pages get that page.
  const folder = /^\/([^/]+)/.exec(clean)?.[1];
  const notFound = folder && isFile(`/${folder}/404/index.html`) ? `/${folder}/404/index.html` : '/404.html';
  return { status: 404, file: notFound };
}

/**
 * The headers a `_headers` file gives every path (`/*`), as Netlify and Cloudflare
 * Pages read it: the Content-Security-Policy and the rest of what a meta element cannot carry.
 */
export function headersFor(dist) {
  const file = join(dist, '_headers');
  if (!existsSync(file)) return {};
  const headers = {};
  let applies = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line)) applies = line.trim() === '/*';
    else if (applies && line.includes(':')) {
      const at = line.indexOf(':');
      headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return headers;
}

export function staticHost(dist) {
  const headers = headersFor(dist);
  const isFile = (path) => {
    const full = join(dist, path);
    return full.startsWith(dist) && existsSync(full) && statSync(full).isFile();
  };
  const files = sirv(dist, { dev: false, etag: true, dotfiles: false });
  const compressed = compressor(dist, isFile);
  return createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (new URL(request.url ?? '/', 'http://host').pathname === '/_headers')
      return send(response, 404, join(dist, '404.html'));
    const { pathname, search } = new URL(request.url ?? '/', 'http://host');
    let answer;
    try {
      answer = route(pathname, isFile);
    } catch {
      answer = { status: 400, file: '/404.html' };
    }
    if (answer === null) {
      if (compressed(request, response, pathname)) return;
      return files(request, response, () => send(response, 404, join(dist, '404.html')));
    }
    if (answer.location) {
      response.writeHead(answer.status, { location: encodeURI(answer.location) + search });
      return response.end();
    }
    send(response, answer.status, join(dist, answer.file));
  });
}

function send(response, status, file) {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(existsSync(file) ? readFileSync(file) : 'Not found');
}

/** Text types, which hosts compress; images, fonts and Pagefind's chunks (compressed already) go as they are. */
const TEXT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Sends a text file Brotli- or gzip-compressed when the request accepts it, as hosts and
 * CDNs do (Lighthouse measures the bytes a reader downloads); false to let sirv send it.
 */
export function compressor(dist, isFile) {
  const cache = new Map();
  return (request, response, pathname) => {
    const accepted = String(request.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : undefined;
    if (!encoding || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const clean = normalize(decodeURIComponent(pathname));
    const path = clean.endsWith('/') ? join(clean, 'index.html') : clean;
    const type = TEXT_TYPES[extname(path)];
    if (!type || !isFile(path)) return false;
    const file = join(dist, path);
    const { size, mtimeMs } = statSync(file);
    const etag = `W/"${size.toString(16)}-${Math.round(mtimeMs).toString(16)}-${encoding}"`;
    const headers = { 'content-type': type, 'content-encoding': encoding, etag, vary: 'Accept-Encoding' };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, headers);
      return (response.end(), true);
    }
    const key = `${file}\0${encoding}\0${mtimeMs}`;
    let body = cache.get(key);
    if (!body) {
      const bytes = readFileSync(file);
      // Quality 5: most of Brotli's gain at a fraction of its top setting's time.
      body =
        encoding === 'br'
          ? brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
          : gzipSync(bytes);
      cache.set(key, body);
    }
    response.writeHead(200, { ...headers, 'content-length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
    return true;
  };
}
