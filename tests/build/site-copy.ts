import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const siteRoot = resolve(import.meta.dirname, '../..');
export const astroBin = join(siteRoot, 'node_modules/astro/bin/astro.mjs');

/** A throwaway copy of the site (real config, components and plugins) whose content is the given files. */
export function siteCopyWith(files: Record<string, string>): string {
  const project = mkdtempSync(join(tmpdir(), 'course-build-'));
  for (const shared of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'plugins', 'public']) {
    cpSync(join(siteRoot, shared), join(project, shared), { recursive: true });
  }
  symlinkSync(join(siteRoot, 'node_modules'), join(project, 'node_modules'), 'dir');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(project, path, '..'), { recursive: true });
    writeFileSync(join(project, path), text);
  }
  return project;
}

/** The text with `from` replaced, or a failed test: a replacement that finds nothing would test the unbroken lesson. */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const replaced = text.replace(from, to);
  if (replaced === text) throw new Error(`the fixture lesson has no ${String(from)}`);
  return replaced;
}
