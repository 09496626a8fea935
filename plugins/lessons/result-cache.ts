import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { HostSnapshot, TopologyRecord } from '../../src/netsim/index';
import type { StepResult } from '../../src/practice/session-host';
import type { ExerciseRun } from '../exercise/run-exercise';
import type { LessonCheck, ReadLesson, SourceCache } from './lesson-check';
import { cacheDirectory } from './cache-directory';
import { GLOSSARY_PATH } from './check-terms';
import type { QuestionRun } from '../quiz/run-question';
import type { TraceRun } from '../trace/run-trace';

export { cacheDirectory };

/** What a block printed, and the host right after it, so the next block can go on from there. */
export interface CachedBlock {
  steps: StepResult[];
  snapshot: HostSnapshot;
}

/** What a predict or command question ran: it leaves the session as it was, so no snapshot. */
export interface CachedQuestion {
  question: QuestionRun;
}

/** What an exercise's setup, goals and solution gave. */
export interface CachedExercise {
  exercise: ExerciseRun;
}

/** What a packet trace's command printed and recorded, and the host after it: it too leaves the session as it was. */
export interface CachedTrace {
  trace: TraceRun;
}

/** A figure's host as drawn from a cached snapshot: drawing it needs the host restored. */
export interface CachedTopology {
  topology: TopologyRecord;
}

export type CachedEntry = CachedBlock | CachedQuestion | CachedExercise | CachedTrace | CachedTopology;

export interface ResultCache {
  read(key: string): CachedEntry | undefined;
  write(key: string, entry: CachedEntry): void;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * A block's key: the key of the block before it in the session and what this
 * block types, prompts included. Prose, outputs and other sessions are not in it,
 * so editing them or translating never re-runs anything, and editing block k
 * re-runs k and the blocks after it.
 */
export function blockKey(previous: string, commands: readonly (readonly [prompt: string, command: string])[]): string {
  return sha256(JSON.stringify([previous, commands]));
}

/**
 * A hash of how lessons are read and checked (plugins/): a change there reads
 * every lesson again rather than trust what an older reader made of it.
 */
export const readerVersion = (root: string): string => sourcesHash(root, ['plugins'], '');

/**
 * A hash of the simulator's sources and of how lessons drive it (src/practice:
 * the command budget, how output becomes lines): a change to either re-runs every lesson.
 */
export const netsimVersion = (root: string): string => sourcesHash(root, ['netsim', 'practice'], 'src');

/** The TypeScript files under `root/under/<folder>`, hashed by their paths and contents. */
function sourcesHash(root: string, folders: readonly string[], under: string): string {
  // A project of lessons alone (a test's folder) has no readers of its own to hash.
  const files = folders
    .filter((folder) => existsSync(join(root, under, folder)))
    .flatMap((folder) =>
      (
        readdirSync(join(root, under, folder), { recursive: true, withFileTypes: true }) as {
          name: string;
          parentPath: string;
          isFile(): boolean;
        }[]
      )
        .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
        .map((entry) => join(entry.parentPath, entry.name)),
    );
  const hash = createHash('sha256');
  for (const file of files.sort())
    hash
      .update(relative(join(root, under), file))
      .update('\0')
      .update(readFileSync(file))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

/**
 * One file per key, in V8's structured-clone format (host snapshots hold Maps,
 * which JSON would flatten), split in two: what a page renders (a block's steps,
 * a question's run...), then the host snapshot, which is read only when a later
 * block must run on that host. A warm check never decodes a snapshot it does not
 * use. Unreadable entries count as misses, so the cache can always be deleted.
 */
export function directoryCache(
  directory: string,
  warn: (message: string) => void = (message) => process.emitWarning(message),
): ResultCache {
  let warned = false;
  return {
    read(key) {
      try {
        return readEntry(join(directory, `${key}.bin`));
      } catch {
        return undefined;
      }
    },
    write(key, entry) {
      const target = join(directory, `${key}.bin`);
      // Written aside then renamed, so a build killed halfway never leaves half an entry.
      const partial = `${target}.${process.pid}.partial`;
      try {
        mkdirSync(directory, { recursive: true });
        writeFileSync(partial, encodeEntry(entry));
        renameSync(partial, target);
      } catch (error) {
        // A cache is only a speed-up: one that cannot be written slows checks down, and that is all.
        try {
          rmSync(partial, { force: true });
        } catch {
          // Nothing was created where nothing can be written.
        }
        if (!warned)
          warn(
            `the lesson results cache in ${directory} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); lessons are checked without it`,
          );
        warned = true;
      }
    },
  };
}

/** `LRC2`, then the length of the first part: files of the former single-part format read as misses. */
const MAGIC = 0x3243524c;
const HEADER = 8;

function encodeEntry(entry: CachedEntry): Buffer {
  const { snapshot, ...rest } = entry as Partial<CachedBlock> & CachedEntry;
  const head = serialize(rest);
  const header = Buffer.alloc(HEADER);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(head.length, 4);
  return Buffer.concat([header, head, snapshot === undefined ? Buffer.alloc(0) : serialize(snapshot)]);
}

/** The first part now; a block's snapshot (the rest of the file) on first use of `snapshot`. */
function readEntry(file: string): CachedEntry {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(HEADER);
    if (readSync(fd, header, 0, HEADER, 0) !== HEADER || header.readUInt32LE(0) !== MAGIC)
      throw new Error('not an entry');
    const head = Buffer.alloc(header.readUInt32LE(4));
    if (readSync(fd, head, 0, head.length, HEADER) !== head.length) throw new Error('truncated');
    const size = fstatSync(fd).size;
    const entry = deserialize(head) as CachedEntry;
    if (!('steps' in entry)) return entry;
    if (size === HEADER + head.length) throw new Error('a block without its host');
    let snapshot: HostSnapshot | undefined;
    return Object.defineProperty(entry, 'snapshot', {
      enumerable: true,
      get: () => (snapshot ??= deserialize(readFileSync(file).subarray(HEADER + head.length)) as HostSnapshot),
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * Lessons as a build read them, kept by their text, next to the results: a build
 * parses only the lessons that changed. Their version is the readers' (plugins/),
 * netsim's and the glossary's, so a change to any of them reads every lesson again.
 */
export function sourceCache(project: LessonProject): SourceCache {
  const glossary = existsSync(join(project.root, GLOSSARY_PATH)) ? readFileSync(join(project.root, GLOSSARY_PATH)) : '';
  const version = createHash('sha256')
    .update(readerVersion(project.root))
    .update(project.netsimVersion)
    .update(glossary)
    .digest('hex')
    .slice(0, 16);
  const entries = directoryCache(join(project.cacheDirectory, 'sources'));
  return {
    version,
    read: (key) => entries.read(key) as ReadLesson | undefined,
    write: (key, entry) => entries.write(key, entry as unknown as CachedEntry),
  };
}

/** Where a project's lessons are, which netsim checks them, and where results are cached. */
export interface LessonProject {
  /** Holds content/; paths in messages are relative to it. */
  root: string;
  netsimVersion: string;
  cacheDirectory: string;
  /**
   * Check each lesson in a worker thread, with a time limit, rather than in the
   * server's own thread: `astro dev` sets it, so a slow lesson never holds up other pages.
   */
  isolate?: boolean;
  /**
   * Every lesson as `astro build` checked it before rendering, by path: the
   * Markdown plugins render from these rather than read, parse and check each
   * lesson again. Set by the lessons-check integration; `astro dev` leaves it unset.
   */
  checked?: ReadonlyMap<string, LessonCheck> | undefined;
}

/** This repository as a lesson project: netsim's sources and the cache live under `root` too. */
export const lessonProject = (root: string): LessonProject => ({
  root,
  netsimVersion: netsimVersion(root),
  cacheDirectory: cacheDirectory(root),
});
