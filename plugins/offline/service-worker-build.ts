import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A built file, by its path under the site folder (with `/`), and the first 12 hex digits of its SHA-256. */
export type PrecacheEntry = [path: string, hash: string];

const hashOf = (content: Buffer) => createHash('sha256').update(content).digest('hex').slice(0, 12);

/**
 * The hash of every file under `folder` (`under` is its path in the site), except those
 * `skip` names: read from disk, or taken from `known` (the bytes just written) when it has them.
 */
export function fileHashes(
  folder: string,
  {
    under = '',
    skip = [],
    known = new Map(),
  }: { under?: string; skip?: string[]; known?: ReadonlyMap<string, Buffer> },
): PrecacheEntry[] {
  const entries: PrecacheEntry[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = `${under}${entry.name}`;
    if (skip.includes(path)) continue;
    if (entry.isDirectory()) entries.push(...fileHashes(join(folder, entry.name), { under: `${path}/`, skip, known }));
    else if (entry.isFile()) entries.push([path, hashOf(known.get(path) ?? readFileSync(join(folder, entry.name)))]);
  }
  return entries;
}

/**
 * Bundles the site's service worker (src/offline/service-worker.ts) into `<site>/sw.js` with
 * the list of built files and a hash of each, so a new build replaces only what changed.
 */
export async function writeServiceWorker(root: string, site: string, files: PrecacheEntry[]): Promise<number> {
  const precache = files.filter(([path]) => path !== 'sw.js').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const result = await build({
    entryPoints: [join(root, 'src/offline/service-worker.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { __PRECACHE__: JSON.stringify(precache) },
    outfile: join(site, 'sw.js'),
    metafile: true,
    logLevel: 'warning',
  });
  return Object.values(result.metafile.outputs)[0]?.bytes ?? 0;
}
