// After `astro build` and `pagefind`: writes dist/sw.js, the service worker that keeps the
// course, its search and its terminal for offline reading (src/offline/service-worker.ts),
// with the list of built files and a hash of each, so a new build replaces only what changed.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((path) => path !== 'sw.js' && statSync(join(dist, path)).isFile())
  .map((path) => path.replaceAll('\\', '/'))
  .sort()
  .map((path) => [
    path,
    createHash('sha256')
      .update(readFileSync(join(dist, path)))
      .digest('hex')
      .slice(0, 12),
  ]);

const result = await build({
  entryPoints: [join(root, 'src/offline/service-worker.ts')],
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  define: { __PRECACHE__: JSON.stringify(files) },
  outfile: join(dist, 'sw.js'),
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(
  `service worker: ${relative(root, join(dist, 'sw.js'))} (${(bytes / 1024).toFixed(1)} KiB), ${files.length} files listed`,
);
