import { readStored, writeStored } from '../stored-record';

/** Exercises done, kept in the browser only, per lesson id and exercise id (the same in every language). */
export const EXERCISE_STORAGE_KEY = 'exercise-progress';

export type ExerciseProgress = Record<string, { count: number; done: string[] }>;

export const readExerciseProgress = (): ExerciseProgress => readStored<ExerciseProgress>(EXERCISE_STORAGE_KEY);

export const exerciseDone = (lessonId: string, id: string): boolean =>
  readExerciseProgress()[lessonId]?.done.includes(id) ?? false;

export function markExerciseDone(lessonId: string, count: number, id: string): void {
  const progress = readExerciseProgress();
  const lesson = progress[lessonId] ?? { count, done: [] };
  lesson.count = count;
  if (!lesson.done.includes(id)) lesson.done.push(id);
  progress[lessonId] = lesson;
  writeStored(EXERCISE_STORAGE_KEY, progress);
}
