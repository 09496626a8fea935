import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CheckOptions } from '../../../plugins/lessons/check-lessons';
import { LessonError } from '../../../plugins/lessons/lesson-error';
import { readLessonSource } from '../../../plugins/lessons/lesson-source';
import type { CachedEntry, ResultCache } from '../../../plugins/lessons/result-cache';

/**
 * The fixture project: content/es and content/pt hold one lesson whose outputs
 * are real captures (tests/netsim/golden/linux: iproute2 6.1 and iptables 1.8.9
 * on a host laid out as Docker 29 leaves it), with MAC addresses elided.
 */
export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const SOURCE_LESSON = 'content/es/bridge-basics.mdx';
export const TRANSLATED_LESSON = 'content/pt/bridge-basics.mdx';

/** A copy of the fixture project to edit: updates write files. */
export function fixtureCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'lessons-'));
  cpSync(FIXTURES, root, { recursive: true });
  return root;
}

export const read = (root: string, path: string): string => readFileSync(join(root, path), 'utf8');
export const write = (root: string, path: string, text: string): void => writeFileSync(join(root, path), text);

/** A cache in memory that counts what it was asked, to see what ran. */
export function memoryCache(): ResultCache & { hits: number; misses: number } {
  const entries = new Map<string, CachedEntry>();
  return {
    hits: 0,
    misses: 0,
    read(key) {
      const entry = entries.get(key);
      if (entry === undefined) this.misses++;
      else this.hits++;
      // A copy, as a cache on disk gives: nothing may share state with the host that wrote it.
      return entry === undefined ? undefined : structuredClone(entry);
    },
    write(key, entry) {
      entries.set(key, structuredClone(entry));
    },
  };
}

export const options = (root: string, cache?: ResultCache): CheckOptions => ({ root, netsimVersion: 'test', cache });

/** Replaces the first occurrence of `from` in a lesson and returns the 1-based line it was on. */
export function corrupt(root: string, path: string, from: string, to: string): number {
  const text = read(root, path);
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${path} has no ${JSON.stringify(from)}`);
  write(root, path, text.slice(0, at) + to + text.slice(at + from.length));
  return text.slice(0, at).split('\n').length;
}

/**
 * A one-lesson project written from MDX bodies: `front` is the lesson's front
 * matter, and each file of `files` (`content/es/x.mdx`...) gets it before its body.
 */
export function lessonProject(front: string, files: Record<string, string>, prefix = 'lessons-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), front + text);
  }
  return root;
}

/** The LessonError reading `text` (after `front`) as the lesson at `path` raises; a test failure if it reads fine. */
export function lessonErrorOf(path: string, front: string, text: string): LessonError {
  try {
    readLessonSource(path, front + text);
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('no error');
}
