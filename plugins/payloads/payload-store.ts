import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDirectory } from '../lessons/cache-directory';

/**
 * Where a lesson's large JSON props live while the site builds: next to the
 * lesson results, one file per distinct value, named by its hash. A lesson
 * module then carries a 64-character key in place of a trace or a host recipe
 * of tens of kilobytes, and the page component reads the value when it renders.
 */
export const payloadDirectory = (lessonCacheDirectory: string): string => join(lessonCacheDirectory, 'payloads');

const KEY = /^[0-9a-f]{64}$/;

/** Stores `json` under its SHA-256 unless it is there already, and returns that key. */
export function storePayload(directory: string, json: string): string {
  const key = createHash('sha256').update(json).digest('hex');
  const file = join(directory, `${key}.json`);
  if (existsSync(file)) return key;
  mkdirSync(directory, { recursive: true });
  // Written aside and renamed, so a page rendering at the same time never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, json);
  renameSync(partial, file);
  return key;
}

// A key is its value's hash, so it names the same JSON for ever: each is read from disk once per
// process, where every language's page of a lesson, and every page of a build, asks for it again.
const remembered = new Map<string, string>();
const REMEMBERED = 8192;

/**
 * The JSON stored under `key`, for a page component rendering at build time
 * (or in `astro dev`): the build runs in the project folder, as the Markdown
 * plugin that stored it (LESSONS_CACHE_DIR moves both).
 */
export function readPayload(key: string, directory?: string): string {
  if (!KEY.test(key)) throw new Error(`not a stored payload's key: ${JSON.stringify(key.slice(0, 80))}`);
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const file = join(directory ?? payloadDirectory(cacheDirectory(process.cwd())), `${key}.json`);
  if (!existsSync(file))
    throw new Error(`${file} is missing: a lesson's payload is stored when its Markdown compiles; build again`);
  const json = readFileSync(file, 'utf8');
  if (remembered.size >= REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, json);
  return json;
}
