import type { LessonSource } from './lesson-source';
import {
  checkLessonsWith,
  checkLessonWith,
  type CheckOptions,
  type CheckReport,
  type LessonCheck,
  type LessonRunner,
} from './lesson-check';
import { loadSimulator } from './load-simulator';
import type { ResultCache } from './result-cache';
import { replayLesson, runLesson } from './run-lesson';

/** Something a lesson needs is not in the result cache: netsim must run it. */
class CacheMiss extends Error {}

const fromCache: LessonRunner = (lesson, netsimVersion, cache) => {
  const run = replayLesson(lesson, netsimVersion, cache);
  if (!run) throw new CacheMiss(lesson.path);
  return run;
};

async function onNetsim(): Promise<LessonRunner> {
  const simulator = await loadSimulator();
  return (lesson, netsimVersion, cache, onBlock) => runLesson(lesson, netsimVersion, simulator, cache, onBlock);
}

/**
 * The lessons check as the build runs it: from the result cache alone, without
 * loading netsim (some 500 modules); on the first lesson the cache cannot answer,
 * netsim is loaded and the check starts again, running what is missing.
 */
export async function checkLessonsFromCache(paths: readonly string[], options: CheckOptions): Promise<CheckReport> {
  try {
    return checkLessonsWith(fromCache, paths, options);
  } catch (error) {
    if (!(error instanceof CacheMiss)) throw error;
  }
  return checkLessonsWith(await onNetsim(), paths, options);
}

/** One lesson checked from the result cache, or on netsim (loaded then) when the cache lacks something. */
export async function checkLessonFromCache(
  lesson: LessonSource,
  netsimVersion: string,
  cache: ResultCache | undefined,
): Promise<LessonCheck> {
  try {
    return checkLessonWith(fromCache, lesson, netsimVersion, cache);
  } catch (error) {
    if (!(error instanceof CacheMiss)) throw error;
  }
  return checkLessonWith(await onNetsim(), lesson, netsimVersion, cache);
}
