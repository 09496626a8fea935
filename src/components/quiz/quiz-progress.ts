import { readStored, writeStored } from '../stored-record';

/**
 * Quiz answers as the browser keeps them: in localStorage only, per lesson id and
 * question id, so they survive a reload and a language switch and never leave
 * the reader's machine.
 */
export const STORAGE_KEY = 'quiz-progress';

export interface StoredAnswer {
  /** Option ids chosen, or the one command typed. */
  answer: string[];
  correct: boolean;
  /** Command questions: what the reader's command showed, and its exit status. */
  output?: string[];
  exitCode?: number;
}

export interface LessonProgress {
  /** How many questions the lesson's quiz has: the course home shows the score over it. */
  count: number;
  answers: Record<string, StoredAnswer>;
}

export type Progress = Record<string, LessonProgress>;

export const readProgress = (): Progress => readStored<Progress>(STORAGE_KEY);

export function saveAnswer(
  lessonId: string,
  count: number,
  questionId: string,
  answer: StoredAnswer | undefined,
): Progress {
  const progress = readProgress();
  const lesson = progress[lessonId] ?? { count, answers: {} };
  lesson.count = count;
  if (answer) lesson.answers[questionId] = answer;
  else delete lesson.answers[questionId];
  progress[lessonId] = lesson;
  writeStored(STORAGE_KEY, progress);
  return progress;
}

/** Right answers among the questions the quiz has now (a removed question no longer counts). */
export function scoreOf(lesson: LessonProgress | undefined, questionIds?: readonly string[]): number {
  if (!lesson) return 0;
  return Object.entries(lesson.answers).filter(
    ([id, answer]) => answer.correct && (!questionIds || questionIds.includes(id)),
  ).length;
}
