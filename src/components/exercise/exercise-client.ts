import type { Goal, GoalResult } from '../../netsim/index';
import type { OpenTerminal } from '../../terminal/terminal-ui';
import { fill, pluralText } from '../../i18n/plural-text';
import { exerciseDone, markExerciseDone } from './exercise-progress';

interface ExerciseTexts {
  lang: string;
  passed: string;
  failed: string;
  done: string;
  doneBefore: string;
  remaining: Record<string, string>;
  reasons: Record<string, string>;
  goals: { id: string; goal: Goal }[];
}

/**
 * An exercise's terminal opens in its start state; Check evaluates its goals on a
 * copy of the host as the reader left it (in the terminal's worker) and marks
 * each one, with why it fails in the reader's language.
 */
export function enhanceExercises(root: ParentNode): void {
  for (const exercise of root.querySelectorAll<HTMLElement>('[data-exercise]')) enhance(exercise);
}

function enhance(exercise: HTMLElement): void {
  const texts = JSON.parse(exercise.querySelector('[data-exercise-texts]')!.textContent!) as ExerciseTexts;
  const lessonId = exercise.dataset.lesson!;
  const id = exercise.dataset.exercise!;
  const opener = exercise.querySelector<HTMLButtonElement>('[data-try]');
  const checker = exercise.querySelector<HTMLButtonElement>('[data-exercise-check]');
  const status = exercise.querySelector<HTMLElement>('[data-exercise-status]')!;
  if (!opener || !checker) return;
  exercise.toggleAttribute('data-enhanced', true);
  // Hints come one at a time: the next one appears once the reader has opened the one before.
  const hints = [...exercise.querySelectorAll<HTMLDetailsElement>('.exercise__hint')];
  for (const [index, hint] of hints.entries()) {
    if (index > 0) hint.hidden = true;
    hint.addEventListener('toggle', () => {
      if (hint.open && hints[index + 1]) hints[index + 1]!.hidden = false;
    });
  }
  if (exerciseDone(lessonId, id)) status.textContent = texts.doneBefore;
  let terminal: Promise<OpenTerminal> | undefined;
  const open = () => {
    terminal ??= import('../../terminal/launch').then(({ launchTerminal }) =>
      launchTerminal(
        opener,
        exercise.querySelector('.exercise__actions')!,
        JSON.parse(opener.dataset.start!),
        [],
        () => {
          terminal = undefined;
        },
      ),
    );
    return terminal;
  };
  // The worker starts on the press, before the click: see pressTerminal.
  opener.addEventListener('pointerdown', (event) => {
    if (terminal || event.button !== 0) return;
    import('../../terminal/launch').then(
      ({ pressTerminal }) => pressTerminal(opener, JSON.parse(opener.dataset.start!)),
      () => undefined,
    );
  });
  opener.addEventListener('click', () => void open());
  checker.addEventListener('click', async () => {
    checker.disabled = true;
    // Until the new verdicts arrive, no goal shows an old one.
    for (const item of exercise.querySelectorAll<HTMLElement>('[data-goal]')) item.dataset.status = 'unknown';
    try {
      const handle = await open();
      await handle.ready;
      const results = await handle.check(texts.goals.map((goal) => goal.goal));
      show(exercise, texts, results);
      const remaining = results.filter((result) => !result.pass).length;
      if (remaining === 0) {
        status.textContent = texts.done;
        markExerciseDone(lessonId, exercise.ownerDocument.querySelectorAll('[data-exercise]').length, id);
      } else status.textContent = pluralText(texts.remaining, texts.lang, remaining, {});
    } finally {
      checker.disabled = false;
    }
  });
}

function show(exercise: HTMLElement, texts: ExerciseTexts, results: readonly GoalResult[]): void {
  for (const [index, result] of results.entries()) {
    const item = exercise.querySelector<HTMLElement>(`[data-goal="${texts.goals[index]!.id}"]`)!;
    item.dataset.status = result.pass ? 'pass' : 'fail';
    item.querySelector('[data-goal-verdict]')!.textContent = result.pass ? texts.passed : texts.failed;
    item.querySelector('[data-goal-reason]')!.textContent = result.pass
      ? ''
      : fill(texts.reasons[result.reason.code] ?? result.reason.code, result.reason.values);
  }
}
