import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { ExerciseSource } from './read-exercises';
import type { ExerciseRun } from './run-exercise';

/** The components a page provides for exercises (src/components/exercise/). */
export const EXERCISE_COMPONENTS = { exercise: 'ExerciseBlock', goal: 'ExerciseGoal', hint: 'ExerciseHint' } as const;

const attribute = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });
const flow = (name: string, attributes: MdxJsxAttribute[], children: RootContent[]): MdxJsxFlowElement => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes,
  children: children as MdxJsxFlowElement['children'],
});

/** A hint or goal label: one line of text becomes a paragraph's phrasing, several blocks stay blocks. */
function blocks(children: readonly RootContent[]): RootContent[] {
  const PHRASING = new Set(['text', 'inlineCode', 'emphasis', 'strong', 'link', 'break', 'mdxJsxTextElement']);
  return children.every((child) => PHRASING.has(child.type)) ? [{ type: 'paragraph', children: children as PhrasingContent[] }] : [...children];
}

/**
 * Replaces each `<Exercise>` with the page's exercise components: the task, the
 * goals with their labels, hints one by one, the solution on request, and the
 * recipe of its start host with the goals the browser checks there.
 */
export function renderExercises(tree: Root, exercises: readonly ExerciseSource[], lessonId: string, runs: readonly ExerciseRun[] | undefined): void {
  for (const [index, exercise] of exercises.entries()) {
    const run = runs?.[index];
    const attributes = [
      attribute('id', exercise.id),
      attribute('lessonId', lessonId),
      attribute('goals', JSON.stringify(exercise.goals.map((goal) => ({ id: goal.id, goal: goal.goal })))),
      attribute('solution', JSON.stringify(exercise.solution.map((step) => step.command))),
    ];
    if (run?.kind === 'ran') attributes.push(attribute('start', JSON.stringify(run.recipe)));
    if (exercise.showSetup) attributes.push(attribute('setup', JSON.stringify(exercise.start.setup.map((step) => `${step.prompt}${step.command}`))));
    const children: RootContent[] = [
      flow('div', [attribute('slot', 'task')], exercise.task),
      ...exercise.goals.map((goal) => flow(EXERCISE_COMPONENTS.goal, [attribute('id', goal.id)], blocks(goal.element.children as RootContent[]))),
      flow(
        'div',
        [attribute('slot', 'hints')],
        exercise.hints.map((hint, number) => flow(EXERCISE_COMPONENTS.hint, [attribute('number', String(number + 1))], blocks(hint.children as RootContent[]))),
      ),
    ];
    replace(tree, exercise.element, flow(EXERCISE_COMPONENTS.exercise, attributes, children));
  }
}

function replace(tree: Root, target: RootContent, replacement: RootContent): void {
  const visit = (parent: { children: RootContent[] }): boolean => {
    const index = parent.children.indexOf(target);
    if (index >= 0) {
      parent.children[index] = replacement;
      return true;
    }
    return parent.children.some((child) => 'children' in child && visit(child as { children: RootContent[] }));
  };
  visit(tree as unknown as { children: RootContent[] });
}
