import { readExerciseProgress } from '../exercise/exercise-progress';
import { pluralText } from '../../i18n/plural-text';
import { readProgress, scoreOf } from './quiz-progress';

/** Fills each lesson card's quiz score and exercises done from what this browser keeps; lessons never tried show nothing. */
export function showQuizScores(root: ParentNode): void {
  const home = root.querySelector<HTMLElement>('[data-quiz-score-forms]');
  if (!home) return;
  const forms = JSON.parse(home.dataset.quizScoreForms!) as Record<string, string>;
  const progress = readProgress();
  for (const slot of root.querySelectorAll<HTMLElement>('[data-quiz-progress]')) {
    const lesson = progress[slot.dataset.quizProgress!];
    if (!lesson || Object.keys(lesson.answers).length === 0) continue;
    slot.textContent = pluralText(forms, home.dataset.lang!, lesson.count, { correct: scoreOf(lesson) });
    slot.hidden = false;
  }
  const exerciseForms = JSON.parse(home.dataset.exerciseForms!) as Record<string, string>;
  const exercises = readExerciseProgress();
  for (const slot of root.querySelectorAll<HTMLElement>('[data-exercise-progress]')) {
    const lesson = exercises[slot.dataset.exerciseProgress!];
    if (!lesson || lesson.done.length === 0) continue;
    slot.textContent = pluralText(exerciseForms, home.dataset.lang!, lesson.count, { done: lesson.done.length });
    slot.hidden = false;
  }
}
