import type { ExerciseProgress } from '../exercise/exercise-progress';
import { scoreOf, type Progress } from '../quiz/quiz-progress';

export interface LessonMark {
  state: 'none' | 'started' | 'done';
  /** Right answers over the quiz's questions, once one is answered. */
  quiz?: { correct: number; count: number };
  /** Exercises done over the lesson's exercises, once one is done. */
  exercises?: { done: number; count: number };
}

/**
 * A lesson's mark from what this browser keeps (quiz-progress, exercise-progress):
 * done when every question is answered right and every exercise is done, started
 * when anything is, none otherwise. The counts are the lesson's own (from the build),
 * so a quiz half answered long ago is not taken for a whole one.
 */
export function lessonMark(
  lessonId: string,
  questions: number,
  exercises: number,
  quiz: Progress,
  practice: ExerciseProgress,
): LessonMark {
  const answers = quiz[lessonId];
  const answered = answers && Object.keys(answers.answers).length > 0;
  const done = practice[lessonId]?.done.length ?? 0;
  const mark: LessonMark = { state: 'none' };
  if (answered) mark.quiz = { correct: Math.min(scoreOf(answers), questions), count: questions };
  if (done > 0) mark.exercises = { done: Math.min(done, exercises), count: exercises };
  if (!mark.quiz && !mark.exercises) return mark;
  const quizDone = questions === 0 || (mark.quiz?.correct ?? 0) >= questions;
  const exercisesDone = exercises === 0 || (mark.exercises?.done ?? 0) >= exercises;
  mark.state = quizDone && exercisesDone ? 'done' : 'started';
  return mark;
}
