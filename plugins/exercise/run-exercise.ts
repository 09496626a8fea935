import type { GoalResult } from '../../src/netsim/index';
import type { PracticeRecipe } from '../../src/practice/replay';
import { LessonHost, sessionSeed, type StepResult } from '../../src/practice/session-host';
import { crashMessage, runSetup, startHost, type SessionPoint } from '../lessons/start-host';
import type { ExerciseSource } from './read-exercises';

/** What an exercise's goals say of its start state, of the state its solution leaves, and of a fresh host. */
export type ExerciseRun =
  | {
      kind: 'ran';
      /** How the browser rebuilds the exercise's start host. */
      recipe: PracticeRecipe;
      setup: StepResult[];
      solution: StepResult[];
      atStart: GoalResult[];
      solved: GoalResult[];
      onFreshHost: GoalResult[];
    }
  | { kind: 'crashed'; line: number; message: string };

export const exerciseSeed = (lessonId: string, exerciseId: string): number =>
  sessionSeed(lessonId, `exercise/${exerciseId}`);

/** Runs an exercise's setup on a copy of its start host, checks the goals, then runs the solution and checks them again. */
export function runExercise(exercise: ExerciseSource, lessonId: string, point: SessionPoint): ExerciseRun {
  const { host, recipe } = startHost(exercise.start.fresh ? exerciseSeed(lessonId, exercise.id) : undefined, point);
  let line = exercise.place.line;
  try {
    const goals = exercise.goals.map((goal) => goal.goal);
    const setup = runSetup(host, recipe, exercise.start.setup, (at) => (line = at));
    line = exercise.place.line;
    const atStart = host.checkGoals(goals);
    const solution: StepResult[] = [];
    for (const step of exercise.solution) {
      line = step.place.line;
      solution.push(host.run(host.prompt(), step.command));
    }
    line = exercise.place.line;
    const solved = host.checkGoals(goals);
    const onFreshHost = LessonHost.fresh(recipe.seed).checkGoals(goals);
    return { kind: 'ran', recipe, setup, solution, atStart, solved, onFreshHost };
  } catch (error) {
    return { kind: 'crashed', line, message: crashMessage(error) };
  }
}
