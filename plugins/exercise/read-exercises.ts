import type { Code, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { Goal, GoalKind } from '../../src/netsim/index';
import { closestWord } from '../lessons/closest-word';
import { DEFAULT_SESSION, FenceOptionError, parseFenceOptions } from '../lessons/fence-options';
import {
  failIn,
  fenceCommands,
  isJsx,
  placeOf,
  type JsxElement,
  type Place,
  type TypedCommand,
} from '../mdx/mdx-elements';
import type { QuestionStart } from '../quiz/read-quizzes';

export interface GoalSource {
  id: string;
  goal: Goal;
  place: Place;
  element: JsxElement;
}

export interface ExerciseSource {
  id: string;
  place: Place;
  element: MdxJsxFlowElement;
  /** The task: what the reader reads before starting. */
  task: RootContent[];
  start: QuestionStart;
  /** The setup's commands are listed for the reader ("starting point"), not only run. */
  showSetup: boolean;
  goals: GoalSource[];
  hints: JsxElement[];
  solution: TypedCommand[];
  /** How many of the lesson's console blocks come before it: the session state it starts from. */
  afterBlocks: number;
}

/** Each goal kind's props: required ones, then optional ones; `id`, `kind` and the `not` flag are every goal's. */
export const GOAL_PROPS: Record<GoalKind, { required: readonly string[]; optional: readonly string[] }> = {
  container: { required: ['container'], optional: ['running'] },
  attached: { required: ['container', 'network'], optional: ['subnet', 'alias'] },
  resolves: { required: ['from', 'name'], optional: ['address', 'dnsOnly'] },
  reaches: { required: ['from', 'url'], optional: ['status', 'body'] },
  connects: { required: ['from', 'host', 'port'], optional: [] },
  published: { required: ['hostPort', 'container', 'containerPort'], optional: [] },
  network: { required: ['network'], optional: ['driver', 'subnet', 'internal'] },
  rule: { required: ['table', 'rule'], optional: [] },
  file: { required: ['path', 'line'], optional: ['container'] },
};
const GOAL_KINDS = Object.keys(GOAL_PROPS) as GoalKind[];
const FLAGS = new Set(['running', 'internal', 'dnsOnly', 'fresh', 'showSetup', 'not']);
const NUMBERS = new Set(['hostPort', 'containerPort', 'status', 'port']);
/** Lowercase words joined by single hyphens: `--` joins ids in the page's element ids. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EXERCISE_PROPS = ['id', 'session', 'fresh', 'showSetup'];

/**
 * Reads a lesson's `<Exercise>` elements: the task, setup commands, goals (from
 * netsim's goal vocabulary), hints and the reference solution. Every mistake is a
 * LessonError at its line.
 */
export function readExercises(path: string, tree: Root): { exercises: ExerciseSource[]; fencesInside: Set<Code> } {
  const fail = failIn(path);
  const exercises: ExerciseSource[] = [];
  const fencesInside = new Set<Code>();
  const ids = new Map<string, Place>();

  const propsOf = (element: JsxElement, name: string, allowed: readonly string[]) => {
    const props = new Map<string, string | true>();
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') fail(element, `<${name}> takes plain props, not {...spread}`);
      const { name: prop, value } = attribute as MdxJsxAttribute;
      if (!allowed.includes(prop)) {
        const suggestion = closestWord(prop, allowed);
        fail(
          element,
          `unknown prop "${prop}" on <${name}>${suggestion ? ` (did you mean ${suggestion}?)` : ''}; it takes ${allowed.join(', ')}`,
        );
      }
      if (value === null || value === undefined) {
        if (!FLAGS.has(prop)) fail(element, `"${prop}" on <${name}> needs a value: write ${prop}="..."`);
        props.set(prop, true);
      } else if (typeof value !== 'string')
        fail(element, `"${prop}" on <${name}> is a {JavaScript expression}; write it as text: ${prop}="..."`);
      else {
        if (FLAGS.has(prop) && value !== 'false')
          fail(element, `"${prop}" is a flag: write ${prop} alone (or ${prop}="false")`);
        props.set(prop, value === 'false' && FLAGS.has(prop) ? 'false' : value);
      }
    }
    return props;
  };

  const readGoal = (element: JsxElement, exercise: string): GoalSource => {
    const kind = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'kind')?.value;
    if (typeof kind !== 'string')
      fail(element, `a <Goal> of exercise "${exercise}" has no kind: write kind="${GOAL_KINDS.join('", "')}"`);
    if (!(GOAL_KINDS as string[]).includes(kind as string)) {
      const suggestion = closestWord(kind as string, GOAL_KINDS);
      fail(
        element,
        `goal kind="${kind}" is not a kind${suggestion ? ` (did you mean ${suggestion}?)` : ''}; write ${GOAL_KINDS.join(', ')}`,
      );
    }
    const shape = GOAL_PROPS[kind as GoalKind];
    const props = propsOf(element, 'Goal', ['id', 'kind', ...shape.required, ...shape.optional, 'not']);
    const id = props.get('id');
    if (typeof id !== 'string' || !ID.test(id))
      fail(element, `a <Goal> needs id="..." with lowercase words joined by hyphens, the same in every language`);
    for (const required of shape.required)
      if (!props.has(required)) fail(element, `goal "${id}" (kind="${kind}") needs ${required}="..."`);
    const goal: Record<string, unknown> = { kind };
    for (const [prop, value] of props) {
      if (prop === 'id' || prop === 'kind') continue;
      if (FLAGS.has(prop)) goal[prop] = value !== 'false';
      else if (NUMBERS.has(prop)) {
        if (!/^\d+$/.test(value as string)) fail(element, `goal "${id}": ${prop}="${value}" must be a whole number`);
        goal[prop] = Number(value);
      } else goal[prop] = value;
    }
    const label = element.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    if (label.length === 0)
      fail(
        element,
        `goal "${id}" has no label: write what the reader must achieve, e.g. <Goal ...>web is on app-net</Goal>`,
      );
    return { id: id as string, goal: goal as Goal, place: placeOf(element), element };
  };

  const readExercise = (element: JsxElement): ExerciseSource => {
    if (element.type !== 'mdxJsxFlowElement')
      fail(element, '<Exercise> goes on lines of its own, with its task, goals and solution on the lines below');
    const props = propsOf(element, 'Exercise', EXERCISE_PROPS);
    const id = props.get('id');
    if (typeof id !== 'string' || !ID.test(id))
      fail(element, 'an <Exercise> needs id="..." with lowercase words joined by hyphens, the same in every language');
    const earlier = ids.get(id as string);
    if (earlier) fail(element, `exercise id "${id}" is used twice in this lesson (first at line ${earlier.line})`);
    ids.set(id as string, placeOf(element));
    const session = props.get('session');
    const flag = (name: string) => props.has(name) && props.get(name) !== 'false';
    if (session !== undefined && flag('fresh'))
      fail(
        element,
        `exercise "${id}": fresh starts on a host of its own, so session="${session}" means nothing with it`,
      );
    const exercise: ExerciseSource = {
      id: id as string,
      place: placeOf(element),
      element: element as MdxJsxFlowElement,
      task: [],
      start: { session: (session as string | undefined) ?? DEFAULT_SESSION, fresh: flag('fresh'), setup: [] },
      showSetup: flag('showSetup'),
      goals: [],
      hints: [],
      solution: [],
      afterBlocks: 0,
    };
    const goalIds = new Set<string>();
    // `<Goal>` lines written one after another make one paragraph of elements: each counts on its own.
    const parts = (element.children as RootContent[]).flatMap((child): RootContent[] => {
      if (child.type !== 'paragraph') return [child];
      const meaningful = child.children.filter((part) => !(part.type === 'text' && part.value.trim() === ''));
      return meaningful.length > 0 && meaningful.every((part) => isJsx(part)) ? (meaningful as RootContent[]) : [child];
    });
    for (const child of parts) {
      const inner = child;
      if (isJsx(inner) && inner.name === 'Goal') {
        const goal = readGoal(inner, exercise.id);
        if (goalIds.has(goal.id)) fail(inner, `goal id "${goal.id}" is used twice in exercise "${exercise.id}"`);
        goalIds.add(goal.id);
        exercise.goals.push(goal);
      } else if (isJsx(inner) && inner.name === 'Hint') {
        propsOf(inner, 'Hint', []);
        exercise.hints.push(inner);
      } else if (isJsx(inner) && inner.name === 'Solution') {
        propsOf(inner, 'Solution', []);
        if (exercise.solution.length > 0) fail(inner, `exercise "${exercise.id}" has two <Solution>: write one`);
        const fences = (inner.children as RootContent[]).filter((node): node is Code => node.type === 'code');
        if (fences.length !== 1 || fences[0]!.lang !== 'console')
          fail(
            inner,
            `the <Solution> of exercise "${exercise.id}" is one \`\`\`console block with the commands that solve it`,
          );
        fencesInside.add(fences[0]!);
        exercise.solution = commandsOf(fences[0]!, exercise.id, 'solution');
      } else if (isJsx(inner) && inner.name) {
        const known = ['Goal', 'Hint', 'Solution'];
        const suggestion = closestWord(inner.name, known);
        fail(
          inner,
          `<${inner.name}> cannot go inside an <Exercise>${suggestion ? ` (did you mean <${suggestion}>?)` : ''}; it holds text, a \`\`\`console setup block, <Goal>, <Hint> and <Solution>`,
        );
      } else if (child.type === 'code' && child.lang === 'console') {
        let options;
        try {
          options = parseFenceOptions(child.meta);
        } catch (error) {
          if (!(error instanceof FenceOptionError)) throw error;
          return fail(child, `exercise "${exercise.id}": console block options: ${error.message}`);
        }
        if (!options.setup)
          fail(
            child,
            `exercise "${exercise.id}": a console block here is the setup (\`\`\`console setup) or goes in <Solution>`,
          );
        fencesInside.add(child);
        exercise.start.setup.push(...commandsOf(child, exercise.id, 'setup'));
      } else if (exercise.goals.length === 0) exercise.task.push(child);
      else fail(child, `exercise "${exercise.id}": its task comes first, before the goals`);
    }
    if (exercise.task.length === 0)
      fail(element, `exercise "${exercise.id}" has no task: start it with what the reader must do`);
    if (exercise.goals.length === 0)
      fail(element, `exercise "${exercise.id}" has no goals: add <Goal id="..." kind="...">what to achieve</Goal>`);
    if (exercise.solution.length === 0)
      fail(element, `exercise "${exercise.id}" has no reference solution: add <Solution> with a \`\`\`console block`);
    if (exercise.showSetup && exercise.start.setup.length === 0)
      fail(element, `exercise "${exercise.id}" has showSetup but no \`\`\`console setup block to show`);
    return exercise;
  };

  const commandsOf = (node: Code, exercise: string, what: string): TypedCommand[] => {
    const { steps, typed } = fenceCommands(node, fail, `exercise "${exercise}"`);
    if (steps.some((step) => step.output.some((line) => line.trim() !== '')))
      fail(node, `exercise "${exercise}": the ${what} lists commands only, without output`);
    return typed;
  };

  const walk = (node: Root | RootContent): void => {
    if (isJsx(node) && node.name === 'Exercise') {
      exercises.push(readExercise(node));
      return;
    }
    if (isJsx(node) && (node.name === 'Goal' || node.name === 'Hint' || node.name === 'Solution'))
      fail(node, `<${node.name}> is written outside an <Exercise>`);
    if ('children' in node) for (const child of node.children as RootContent[]) walk(child);
  };
  walk(tree);
  return { exercises, fencesInside };
}
