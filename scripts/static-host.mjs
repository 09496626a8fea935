// Serves the built site the way a static host does, so `npm run preview` and the
// browser tests see what readers will: an address without its trailing slash is
// redirected to the folder's address (301), and a missing page answers 404 with the
// not-found page of its language (/es/... gets /es/404/), or the site's own 404.html.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import sirv from 'sirv';
import { LOCALES } from '../src/i18n/locales.ts';

/**
 * What a static host answers for a path: a redirect, or a file and its status, or
 * nothing (let the file server answer). `isFile` is asked about paths inside dist.
 */
export function route(pathname, isFile) {
  const clean = normalize(decodeURIComponent(pathname)).replace(/\\/g, '/');
  if (!clean.endsWith('/') && !/\.[a-z0-9]+$/i.test(clean) && isFile(join(clean, 'index.html'))) {
    return { status: 301, location: `${clean}/` };
  }
  if (isFile(clean.endsWith('/') ? join(clean, 'index.html') : clean)) return null;
  const locale = LOCALES.find((candidate) => clean === `/${candidate}` || clean.startsWith(`/${candidate}/`));
  const notFound = locale && isFile(`/${locale}/404/index.html`) ? `/${locale}/404/index.html` : '/404.html';
  return { status: 404, file: notFound };
}

export function staticHost(dist) {
  const isFile = (path) => {
    const full = join(dist, path);
    return full.startsWith(dist) && existsSync(full) && statSync(full).isFile();
  };
  const files = sirv(dist, { dev: false, etag: true, dotfiles: false });
  return createServer((request, response) => {
    const { pathname, search } = new URL(request.url ?? '/', 'http://host');
    let answer;
    try {
      answer = route(pathname, isFile);
    } catch {
      answer = { status: 400, file: '/404.html' };
    }
    if (answer === null) return files(request, response, () => send(response, 404, join(dist, '404.html')));
    if (answer.location) {
      response.writeHead(answer.status, { location: answer.location + search });
      return response.end();
    }
    send(response, answer.status, join(dist, answer.file));
  });
}

function send(response, status, file) {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  response.end(existsSync(file) ? readFileSync(file) : 'Not found');
}
