import type { Root, RootContent } from 'mdast';
import { asBlocks } from '../mdx/mdx-elements';
import { attribute, flow, replaceNode } from '../mdx/mdx-nodes';
import type { ExerciseSource } from './read-exercises';
import type { ExerciseRun } from './run-exercise';

/** The components a page provides for exercises (src/components/exercise/). */
export const EXERCISE_COMPONENTS = { exercise: 'ExerciseBlock', goal: 'ExerciseGoal', hint: 'ExerciseHint' } as const;

/**
 * Replaces each `<Exercise>` with the page's exercise components: the task, the
 * goals with their labels, hints one by one, the solution on request, and the
 * recipe of its start host with the goals the browser checks there.
 */
export function renderExercises(
  tree: Root,
  exercises: readonly ExerciseSource[],
  lessonId: string,
  runs: readonly ExerciseRun[] | undefined,
): void {
  for (const [index, exercise] of exercises.entries()) {
    const run = runs?.[index];
    const attributes = [
      attribute('id', exercise.id),
      attribute('lessonId', lessonId),
      attribute('goals', JSON.stringify(exercise.goals.map((goal) => ({ id: goal.id, goal: goal.goal })))),
      attribute('solution', JSON.stringify(exercise.solution.map((step) => step.command))),
    ];
    if (run?.kind === 'ran') attributes.push(attribute('start', JSON.stringify(run.recipe)));
    if (exercise.showSetup)
      attributes.push(
        attribute('setup', JSON.stringify(exercise.start.setup.map((step) => `${step.prompt}${step.command}`))),
      );
    const children: RootContent[] = [
      flow('div', [attribute('slot', 'task')], exercise.task),
      ...exercise.goals.map((goal) =>
        flow(EXERCISE_COMPONENTS.goal, [attribute('id', goal.id)], asBlocks(goal.element.children as RootContent[])),
      ),
      flow(
        'div',
        [attribute('slot', 'hints')],
        exercise.hints.map((hint, number) =>
          flow(
            EXERCISE_COMPONENTS.hint,
            [attribute('number', String(number + 1))],
            asBlocks(hint.children as RootContent[]),
          ),
        ),
      ),
    ];
    replaceNode(tree, exercise.element, flow(EXERCISE_COMPONENTS.exercise, attributes, children));
  }
}
