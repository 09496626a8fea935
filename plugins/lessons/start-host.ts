import type { HostSnapshot } from '../../src/netsim/index';
import type { PracticeRecipe } from '../../src/practice/replay';
import { LessonHost, type StepResult } from '../../src/practice/session-host';
import type { TypedCommand } from '../mdx/mdx-elements';

/** The state a question or exercise starts from when it is not fresh: the lesson session just before it. */
export interface SessionPoint {
  seed: number;
  /** Every command typed in the session so far, in order. */
  typed: PracticeRecipe['steps'];
  /** The session's host as it is now; undefined when nothing has run in the session yet. */
  snapshot: () => HostSnapshot | undefined;
}

/**
 * A question's or exercise's own host, so the lesson session after it is as if it
 * were not there: fresh from `freshSeed` when it has one, else a copy of the
 * session at `point`. The recipe is how the browser rebuilds the same host.
 */
export function startHost(
  freshSeed: number | undefined,
  point: SessionPoint,
): { host: LessonHost; recipe: PracticeRecipe } {
  if (freshSeed !== undefined) return { host: LessonHost.fresh(freshSeed), recipe: { seed: freshSeed, steps: [] } };
  const snapshot = point.snapshot();
  return {
    host: snapshot ? LessonHost.restored(snapshot) : LessonHost.fresh(point.seed),
    recipe: { seed: point.seed, steps: [...point.typed] },
  };
}

/** Runs setup commands on the start host and adds them to its recipe; `at` hears each command's line before it runs, for crash reports. */
export function runSetup(
  host: LessonHost,
  recipe: PracticeRecipe,
  setup: readonly TypedCommand[],
  at: (line: number) => void,
): StepResult[] {
  return setup.map((step) => {
    at(step.place.line);
    const result = host.run(step.prompt, step.command);
    recipe.steps.push({ prompt: step.prompt, command: step.command });
    return result;
  });
}

/** A simulator bug must not look like an authoring mistake: its stack is reported as netsim's failure. */
export const crashMessage = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);
