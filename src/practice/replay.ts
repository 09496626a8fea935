import { sameLines } from './same-lines';
import { LessonHost, type StepResult } from './session-host';

export { sameLines };

/** How to rebuild a simulated host exactly: the seed it was created with and what was typed since. */
export interface PracticeRecipe {
  seed: number;
  steps: { prompt: string; command: string; interruptAfterSeconds?: number }[];
}

/** A fresh host given the recipe's commands, as the build typed them: the same seed and commands give the same host. */
export function replay(recipe: PracticeRecipe): LessonHost {
  const host = LessonHost.fresh(recipe.seed);
  for (const step of recipe.steps)
    host.run(
      step.prompt,
      step.command,
      step.interruptAfterSeconds === undefined ? {} : { interruptAfterSeconds: step.interruptAfterSeconds },
    );
  return host;
}

/** What a command question accepts, as the build worked it out from the reference answer. */
export interface CommandCheck {
  recipe: PracticeRecipe;
  /** The prompt the reader types at. */
  prompt: string;
  /** output: the reader's command shows the same lines and exits the same; state: afterwards `probe` prints the same lines. */
  compare: 'output' | 'state';
  probe?: string | undefined;
  expected: string[];
  exit: number;
}

export interface CommandVerdict {
  accepted: boolean;
  /** What the reader's command showed, for the feedback. */
  result: StepResult;
}

/** Runs the reader's command on a copy of the question's host and compares it with the reference, as `check.compare` says. */
export function checkCommand(
  check: CommandCheck,
  command: string,
  start: LessonHost = replay(check.recipe),
): CommandVerdict {
  const result = start.run(check.prompt, command);
  if (result.exitCode !== check.exit) return { accepted: false, result };
  if (check.compare === 'output') return { accepted: sameLines(result.output, check.expected), result };
  const probed = start.run(start.prompt(), check.probe!);
  return { accepted: sameLines(probed.output, check.expected), result };
}
