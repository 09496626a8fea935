import { pluralText } from '../../i18n/plural-text';
import { readExerciseProgress } from '../exercise/exercise-progress';
import { readProgress } from '../quiz/quiz-progress';
import { lessonMark } from './course-progress';

/**
 * Marks each lesson of the course menu with this browser's progress: a sign
 * (data-state on the link: started, done) and, for screen readers and on the sign's
 * hover, the quiz score and exercises done in words. The mark's box is always there, so
 * filling it moves nothing.
 */
export function showCourseProgress(root: ParentNode): void {
  const nav = root.querySelector<HTMLElement>('[data-course-nav]');
  if (!nav) return;
  const lang = nav.dataset.lang!;
  const quizForms = JSON.parse(nav.dataset.quizForms!) as Record<string, string>;
  const exerciseForms = JSON.parse(nav.dataset.exerciseForms!) as Record<string, string>;
  const quiz = readProgress();
  const practice = readExerciseProgress();
  for (const link of nav.querySelectorAll<HTMLElement>('[data-lesson]')) {
    const mark = lessonMark(
      link.dataset.lesson!,
      Number(link.dataset.questions),
      Number(link.dataset.exercises),
      quiz,
      practice,
    );
    if (mark.state === 'none') continue;
    const words = [
      ...(mark.state === 'done' ? [nav.dataset.doneText!] : []),
      ...(mark.quiz ? [pluralText(quizForms, lang, mark.quiz.count, { correct: mark.quiz.correct })] : []),
      ...(mark.exercises ? [pluralText(exerciseForms, lang, mark.exercises.count, { done: mark.exercises.done })] : []),
    ].join(' · ');
    link.dataset.state = mark.state;
    const sign = link.querySelector<HTMLElement>('.course-nav__mark');
    if (sign) sign.title = words;
    const text = link.querySelector('[data-progress-text]');
    if (text) text.textContent = ` (${words})`;
  }
}
