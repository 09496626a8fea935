import { closeSync, existsSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkLesson, type CheckOptions } from './check-lessons';
import { LessonError } from './lesson-error';
import { readLessonSource, type LessonSource } from './lesson-source';
import { decodeLesson } from './read-lesson-file';
import { applySplices, planUpdate, type PlannedChange, type Refusal } from './plan-update';

export interface UpdateOutcome {
  path: string;
  changes: PlannedChange[];
  refusals: Refusal[];
  written: boolean;
  /** Why nothing was written although something should have been. */
  error?: string;
}

/**
 * Rewrites one lesson's wrong outputs in place. The new text is parsed and
 * verified in memory first; the file is written only if it still holds what
 * was read, and atomically, so an interrupted or concurrent edit loses nothing.
 */
export function updateLesson(path: string, options: CheckOptions): UpdateOutcome {
  // A symlinked lesson is updated where it really is: the link stays a link.
  const file = realpathSync(join(options.root, path));
  const bytes = readFileSync(file);
  const { mode } = statSync(file);
  const original = decodeLesson(path, bytes);
  const lesson = readLessonSource(path, original);
  const plan = planUpdate(lesson, checkLesson(lesson, options.netsimVersion, options.cache, { stopAtFailure: false }).verdicts);
  const outcome: UpdateOutcome = {
    path,
    changes: plan.changes,
    refusals: plan.refusals,
    written: false,
  };
  if (plan.splices.length === 0) return outcome;
  const updated = applySplices(original, plan.splices);
  const problem = problemWith(path, lesson, updated, options);
  if (problem) return { ...outcome, error: problem };
  const failure = writeUnlessChanged(file, mode, bytes, updated);
  return failure ? { ...outcome, error: failure } : { ...outcome, written: true };
}

/** Checks the rewritten text before it reaches the disk: same blocks and commands, and nothing left to rewrite. */
function problemWith(path: string, before: LessonSource, text: string, options: CheckOptions): string | undefined {
  let after: LessonSource;
  try {
    after = readLessonSource(path, text);
  } catch (error) {
    if (error instanceof LessonError) return `the rewritten file would not parse (${error.reason}); nothing was written`;
    throw error;
  }
  const commands = (lesson: LessonSource) => JSON.stringify(lesson.blocks.map((block) => [block.meta, block.steps.map((step) => step.command)]));
  if (commands(after) !== commands(before)) return 'the rewrite would change commands or blocks, which it must never do; nothing was written';
  // A second update of the new text must find nothing to do, or the rewrite is wrong.
  const again = planUpdate(after, checkLesson(after, options.netsimVersion, options.cache, { stopAtFailure: false }).verdicts);
  if (again.splices.length > 0) return `the rewritten outputs would still differ from netsim at line ${again.changes[0]!.line}; nothing was written`;
  return undefined;
}

/**
 * Writes the new text beside the file, then, right before renaming it into
 * place, checks the file still holds the bytes that were read: an edit saved
 * meanwhile is kept (nothing is written), and a file deleted meanwhile stays
 * deleted. Any failure leaves the lesson as it was and no partial file behind.
 */
function writeUnlessChanged(file: string, mode: number, read: Uint8Array, text: string): string | undefined {
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.lessons-update`);
  let created = false;
  try {
    // Created first, then written: a write that fails half-way (a full disk) still leaves a file to remove.
    const descriptor = openSync(partial, 'wx', mode);
    created = true;
    try {
      writeFileSync(descriptor, text);
    } finally {
      closeSync(descriptor);
    }
    if (!existsSync(file)) return 'the file was deleted while lessons:update ran; nothing was written';
    if (!Buffer.from(read).equals(readFileSync(file))) return 'the file changed while lessons:update ran; your edit is kept and nothing was written: run it again';
    renameSync(partial, file);
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return `cannot write it (${code ? `${code}: ${WRITE_ERRORS[code] ?? message}` : message}); the file is as it was`;
  } finally {
    // After a rename there is nothing left to remove; after a failure, the half-written copy goes.
    if (created) rmSync(partial, { force: true });
  }
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  ENOENT: 'its folder is gone',
  EACCES: 'permission denied',
  EPERM: 'the file or its folder does not allow changes',
  EROFS: 'the file system is read-only',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'another lessons:update is writing this file',
};
