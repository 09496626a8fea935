import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { route, staticHost } from '../../scripts/static-host.mjs';

const files = new Set([
  '/index.html',
  '/404.html',
  '/es/index.html',
  '/es/404/index.html',
  '/es/network-drivers/index.html',
  '/pt/index.html',
  '/_astro/site.css',
]);
const isFile = (path: string) => files.has(path);

describe('route', () => {
  it('leaves existing pages and assets to the file server', () => {
    expect(route('/', isFile)).toBeNull();
    expect(route('/es/', isFile)).toBeNull();
    expect(route('/es/network-drivers/', isFile)).toBeNull();
    expect(route('/_astro/site.css', isFile)).toBeNull();
  });

  it('redirects a folder address without its slash, as static hosts do', () => {
    expect(route('/es', isFile)).toEqual({ status: 301, location: '/es/' });
    expect(route('/es/network-drivers', isFile)).toEqual({ status: 301, location: '/es/network-drivers/' });
  });

  it("answers a missing page with its language's 404, or the site's when it has no language", () => {
    expect(route('/es/nope/', isFile)).toEqual({ status: 404, file: '/es/404/index.html' });
    expect(route('/es/nope', isFile)).toEqual({ status: 404, file: '/es/404/index.html' });
    expect(route('/nope/', isFile)).toEqual({ status: 404, file: '/404.html' });
    expect(route('/espanol/', isFile)).toEqual({ status: 404, file: '/404.html' });
    // A locale whose 404 page is missing falls back to the site's.
    expect(route('/pt/nope/', isFile)).toEqual({ status: 404, file: '/404.html' });
  });

  it('refuses backslashes, control characters and protocol-relative paths, which could redirect off the site', () => {
    expect(route('/\\evil.example\\..\\es', isFile)).toEqual({ status: 400, file: '/404.html' });
    expect(route('/%5Cevil.example%5C..%5Ces', isFile)).toEqual({ status: 400, file: '/404.html' });
    expect(route('/x%0D%0AX:1/..', isFile)).toEqual({ status: 400, file: '/404.html' });
    expect(route('//evil.example/es', isFile)).toEqual({ status: 400, file: '/404.html' });
  });

  it('never looks outside the site', () => {
    expect(route('/../../etc/passwd', isFile)).toEqual({ status: 404, file: '/404.html' });
  });
});

describe('staticHost', () => {
  let dist: string;
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'static-host-'));
    for (const file of files) {
      mkdirSync(dirname(join(dist, file)), { recursive: true });
      writeFileSync(join(dist, file), `<p>${file}</p>`);
    }
    const server = staticHost(dist);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => {
    close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves pages, redirects with the query kept, and sends 404 pages with status 404', async () => {
    const page = await fetch(`${base}/es/network-drivers/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toBe('<p>/es/network-drivers/index.html</p>');

    const redirect = await fetch(`${base}/es?q=macvlan`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/es/?q=macvlan');

    const missing = await fetch(`${base}/es/nope/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('<p>/es/404/index.html</p>');

    const css = await fetch(`${base}/_astro/site.css`);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('compresses text for a browser that accepts it, as hosts do, and answers 304 to a known copy', async () => {
    const { brotliDecompressSync } = await import('node:zlib');
    const { request } = await import('node:http');
    const get = (path: string, headers: Record<string, string>) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(`${base}${path}`, { headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
          );
        })
          .on('error', reject)
          .end();
      });
    const page = await get('/es/network-drivers/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(brotliDecompressSync(page.body).toString()).toBe('<p>/es/network-drivers/index.html</p>');
    const again = await get('/es/network-drivers/', {
      'accept-encoding': 'br',
      'if-none-match': String(page.headers.etag),
    });
    expect(again.status).toBe(304);
    const plain = await get('/es/network-drivers/', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe('<p>/es/network-drivers/index.html</p>');
  });
});
