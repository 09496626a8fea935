/** Exercises done, kept in the browser only, per lesson id and exercise id (the same in every language). */
export const EXERCISE_STORAGE_KEY = 'exercise-progress';

export type ExerciseProgress = Record<string, { count: number; done: string[] }>;

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readExerciseProgress(): ExerciseProgress {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(EXERCISE_STORAGE_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as ExerciseProgress) : {};
  } catch {
    return {};
  }
}

export const exerciseDone = (lessonId: string, id: string): boolean => readExerciseProgress()[lessonId]?.done.includes(id) ?? false;

export function markExerciseDone(lessonId: string, count: number, id: string): void {
  const progress = readExerciseProgress();
  const lesson = progress[lessonId] ?? { count, done: [] };
  lesson.count = count;
  if (!lesson.done.includes(id)) lesson.done.push(id);
  progress[lessonId] = lesson;
  try {
    storage()?.setItem(EXERCISE_STORAGE_KEY, JSON.stringify(progress));
  } catch {
    // Refused or full: the page still shows the exercise as done until it is left.
  }
}
