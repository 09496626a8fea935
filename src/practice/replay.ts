import { LessonHost } from './session-host';

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
