import type { LessonSource } from './lesson-source';
import { lessonSimulator } from './lesson-simulator';
import {
  checkLessonsWith,
  checkLessonWith,
  type CheckOptions,
  type CheckReport,
  type LessonCheck,
  type LessonCheckOptions,
  type LessonRunner,
} from './lesson-check';
import type { ResultCache } from './result-cache';
import { runLesson } from './run-lesson';

export * from './lesson-check';

/**
 * The lessons check with netsim at hand, for `lessons:check`, `lessons:update`, the
 * dev server's worker and tests: what the result cache lacks runs there and then.
 * The build checks through check-from-cache.ts, which loads netsim only on a miss.
 */
const onNetsim: LessonRunner = (lesson, netsimVersion, cache, onBlock) =>
  runLesson(lesson, netsimVersion, lessonSimulator, cache, onBlock);

export function checkLesson(
  lesson: LessonSource,
  netsimVersion: string,
  cache?: ResultCache,
  options: LessonCheckOptions = {},
): LessonCheck {
  return checkLessonWith(onNetsim, lesson, netsimVersion, cache, options);
}

/**
 * Verifies the given lessons (all by default): every console block runs and
 * is compared, and every translation of them is compared with its source.
 */
export function checkLessons(paths: readonly string[], options: CheckOptions): CheckReport {
  return checkLessonsWith(onNetsim, paths, options);
}
