import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileHashes, writeServiceWorker } from '../../../plugins/offline/service-worker-build';
import { builtSiteFixture } from '../search/built-site-fixture';

const root = resolve(import.meta.dirname, '../../..');
const site = builtSiteFixture();
afterAll(() => rmSync(site, { recursive: true, force: true }));
const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

describe("the service worker's list of built files", () => {
  it('hashes every file from disk, or from the text the build wrote when it has it', () => {
    const page = readFileSync(join(site, 'es/puente/index.html'), 'utf8');
    const fromDisk = new Map(fileHashes(site, {}));
    expect([...fromDisk.keys()].sort()).toEqual([
      '_astro/site.css',
      'es/puente/index.html',
      'es/redes/index.html',
      'index.html',
      'pt/ponte/index.html',
    ]);
    expect(fromDisk.get('es/puente/index.html')).toBe(sha(page));
    const known = new Map(fileHashes(site, { known: new Map([['es/puente/index.html', Buffer.from('as written')]]) }));
    expect(known.get('es/puente/index.html')).toBe(sha('as written'));
    expect(known.get('es/redes/index.html')).toBe(fromDisk.get('es/redes/index.html'));
  });

  it('skips what it is told to, and names a folder’s files by their path in the site', () => {
    const hashes = fileHashes(join(site, 'es'), { under: 'es/', skip: ['es/redes'] });
    expect(hashes.map(([path]) => path)).toEqual(['es/puente/index.html']);
  });

  it('goes into sw.js sorted by path, sw.js itself left out', async () => {
    writeFileSync(join(site, 'sw.js'), 'an older worker');
    const files = fileHashes(site, {}).reverse();
    expect(files.map(([path]) => path)).toContain('sw.js');
    expect(await writeServiceWorker(root, site, files)).toBeGreaterThan(0);
    const worker = readFileSync(join(site, 'sw.js'), 'utf8');
    const listed = [...worker.matchAll(/\["([^"]+)","([0-9a-f]{12})"\]/g)].map(([, path]) => path);
    expect(listed).toEqual(
      files
        .map(([path]) => path)
        .filter((path) => path !== 'sw.js')
        .sort(),
    );
  });
});
