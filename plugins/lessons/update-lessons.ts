import { readFileSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkLesson, lessonReader, type CheckOptions } from './check-lessons';
import { LessonError } from './lesson-error';
import type { LessonSource } from './lesson-source';
import { decodeLesson } from './read-lesson-file';
import { applySplices, planUpdate, type PlannedChange, type Refusal } from './plan-update';
import { writeUnlessChanged } from './safe-write';

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
 * `read` parses a lesson's text (through the cache of read lessons when the options have one).
 */
export function updateLesson(path: string, options: CheckOptions, read = lessonReader(options)): UpdateOutcome {
  // A symlinked lesson is updated where it really is: the link stays a link.
  const file = realpathSync(join(options.root, path));
  const bytes = readFileSync(file);
  const { mode } = statSync(file);
  const original = decodeLesson(path, bytes);
  const lesson = read(path, original);
  const plan = planUpdate(
    lesson,
    checkLesson(lesson, options.netsimVersion, options.cache, { stopAtFailure: false }).verdicts,
  );
  const outcome: UpdateOutcome = {
    path,
    changes: plan.changes,
    refusals: plan.refusals,
    written: false,
  };
  if (plan.splices.length === 0) return outcome;
  const updated = applySplices(original, plan.splices);
  const problem = problemWith(path, lesson, updated, options, read);
  if (problem) return { ...outcome, error: problem };
  const failure = writeUnlessChanged(file, mode, bytes, updated, 'lessons:update');
  return failure ? { ...outcome, error: failure } : { ...outcome, written: true };
}

/** Checks the rewritten text before it reaches the disk: same blocks and commands, and nothing left to rewrite. */
function problemWith(
  path: string,
  before: LessonSource,
  text: string,
  options: CheckOptions,
  read: (path: string, text: string) => LessonSource,
): string | undefined {
  let after: LessonSource;
  try {
    after = read(path, text);
  } catch (error) {
    if (error instanceof LessonError)
      return `the rewritten file would not parse (${error.reason}); nothing was written`;
    throw error;
  }
  const commands = (lesson: LessonSource) =>
    JSON.stringify(lesson.blocks.map((block) => [block.meta, block.steps.map((step) => step.command)]));
  if (commands(after) !== commands(before))
    return 'the rewrite would change commands or blocks, which it must never do; nothing was written';
  // A second update of the new text must find nothing to do, or the rewrite is wrong.
  const again = planUpdate(
    after,
    checkLesson(after, options.netsimVersion, options.cache, { stopAtFailure: false }).verdicts,
  );
  if (again.splices.length > 0)
    return `the rewritten outputs would still differ from netsim at line ${again.changes[0]!.line}; nothing was written`;
  return undefined;
}
