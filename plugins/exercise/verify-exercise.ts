import type { GoalReason } from '../../src/netsim/index';
import { overBudget } from '../lessons/time-budget';
import type { QuestionFinding } from '../quiz/verify-question';
import type { ExerciseSource } from './read-exercises';
import type { ExerciseRun } from './run-exercise';

const reasonText = (reason: GoalReason) =>
  `${reason.code} (${Object.entries(reason.values)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ')})`;

/**
 * An exercise holds when its start fails at least one goal, its solution passes
 * them all, and every goal can fail (at the start, or on a fresh host).
 */
export function verifyExercise(exercise: ExerciseSource, run: ExerciseRun): QuestionFinding[] {
  const at = (line: number, column: number, message: string): QuestionFinding => ({
    question: exercise.id,
    line,
    column,
    message: `exercise "${exercise.id}": ${message}`,
  });
  if (run.kind === 'crashed')
    return [at(run.line, 1, `netsim failed while running it (a simulator bug, not a lesson mistake):\n${run.message}`)];
  const findings: QuestionFinding[] = [];
  for (const [index, result] of run.setup.entries()) {
    const step = exercise.start.setup[index]!;
    const overran = overBudget(result, false);
    if (overran) findings.push(at(step.place.line, 1, `setup command \`${step.command}\`: ${overran}`));
    else if (result.exitCode !== 0)
      findings.push(
        at(
          step.place.line,
          1,
          `setup command \`${step.command}\` exits with ${result.exitCode}: ${result.output.join(' / ')}`,
        ),
      );
  }
  for (const [index, result] of run.solution.entries()) {
    const step = exercise.solution[index]!;
    const overran = overBudget(result, false);
    if (overran) findings.push(at(step.place.line, 1, `solution command \`${step.command}\`: ${overran}`));
    else if (result.exitCode !== 0)
      findings.push(
        at(
          step.place.line,
          1,
          `solution command \`${step.command}\` exits with ${result.exitCode}: ${result.output.join(' / ')}`,
        ),
      );
  }
  if (run.atStart.every((result) => result.pass))
    findings.push(
      at(
        exercise.place.line,
        exercise.place.column,
        'every goal already passes before the reader does anything: the setup must leave at least one to do',
      ),
    );
  for (const [index, result] of run.solved.entries()) {
    const goal = exercise.goals[index]!;
    if (!result.pass)
      findings.push(
        at(
          goal.place.line,
          goal.place.column,
          `goal "${goal.id}" fails after the reference solution: ${reasonText(result.reason)}`,
        ),
      );
  }
  for (const [index, goal] of exercise.goals.entries()) {
    if (run.atStart[index]!.pass && run.onFreshHost[index]!.pass) {
      findings.push(
        at(
          goal.place.line,
          goal.place.column,
          `goal "${goal.id}" passes at the start and on a fresh host: it can never fail, so it checks nothing`,
        ),
      );
    }
  }
  return findings;
}
