// Draws the app icons in public/icons/ from public/favicon.svg with the Chromium the
// browser tests use. Run it after changing the favicon; its PNGs are committed.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'node_modules', '.cache', 'make-icons', 'chromium.mjs');
mkdirSync(dirname(bundle), { recursive: true });
await build({
  entryPoints: [join(root, 'tests/support/chromium.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: bundle,
  logLevel: 'warning',
});
const { findChromium, launchChromium } = await import(pathToFileURL(bundle).href);

const svg = readFileSync(join(root, 'public/favicon.svg'), 'utf8').trim();
// The favicon's glyph on its blue, filling the square: a maskable icon's safe zone is the
// middle 80%, so the glyph is drawn smaller there and the corners are left square.
const glyph = svg
  .replace(/^<svg[^>]*>/, '')
  .replace(/<\/svg>$/, '')
  .replace(/<rect[^>]*\/>/, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#0b5cad"/><g transform="translate(6.4 6.4) scale(0.6)">${glyph}</g></svg>`;
const icons = [
  { file: 'icon-192.png', size: 192, source: svg },
  { file: 'icon-512.png', size: 512, source: svg },
  { file: 'maskable-512.png', size: 512, source: maskable },
  { file: 'apple-touch-icon.png', size: 180, source: maskable },
];

// The bundle lives under node_modules/.cache: the project's root is said, not derived from it.
const machine = { env: process.env, platform: process.platform, arch: process.arch, exists: existsSync, root };
const browser = await launchChromium(await findChromium(machine));
const page = await browser.newPage();
mkdirSync(join(root, 'public/icons'), { recursive: true });
for (const { file, size, source } of icons) {
  await page.setViewportSize({ width: size, height: size });
  const image = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${image}" width="${size}" height="${size}">`,
  );
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: join(root, 'public/icons', file), omitBackground: true });
  console.log(`public/icons/${file} (${size}×${size})`);
}
await browser.close();
