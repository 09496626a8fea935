import type { HostSnapshot } from '../../src/netsim/index';
import type { PracticeRecipe } from '../../src/practice/replay';
import { LessonHost, sessionSeed, type StepResult } from '../../src/practice/session-host';
import type { QuestionSource } from './read-quizzes';

/** What a predict or command question printed on its host; single and multiple questions run nothing. */
export type QuestionRun =
  | { kind: 'nothing' }
  | {
      kind: 'ran';
      /** How the browser rebuilds the question's start host: a seed and the commands typed since. */
      recipe: PracticeRecipe;
      /** The prompt the reader's command (or the shown one) is typed at. */
      prompt: string;
      setup: StepResult[];
      /** predict: what the shown command printed. */
      shown?: StepResult | undefined;
      /** command: what the reference answer printed, and the probe before and after it. */
      answer?: StepResult | undefined;
      probeBefore?: StepResult | undefined;
      probeAfter?: StepResult | undefined;
    }
  | { kind: 'crashed'; line: number; message: string };

/** The state a question starts from when it is not fresh: the lesson session just before it. */
export interface SessionPoint {
  seed: number;
  /** Every command typed in the session so far, in order. */
  typed: PracticeRecipe['steps'];
  /** The session's host as it is now; undefined when nothing has run in the session yet. */
  snapshot: () => HostSnapshot | undefined;
}

/** The seed of a fresh question's host: from the lesson and question ids, so every language gets the same host. */
export const questionSeed = (lessonId: string, questionId: string): number => sessionSeed(lessonId, `question/${questionId}`);

/**
 * Runs a predict or command question on a copy of its start host, so the lesson
 * session after it is as if the question were not there.
 */
export function runQuestion(question: QuestionSource, lessonId: string, point: SessionPoint | undefined): QuestionRun {
  if (question.kind !== 'predict' && question.kind !== 'command') return { kind: 'nothing' };
  const start = question.start!;
  let host: LessonHost;
  let recipe: PracticeRecipe;
  if (start.fresh || !point) {
    const seed = start.fresh ? questionSeed(lessonId, question.id) : point!.seed;
    host = LessonHost.fresh(seed);
    recipe = { seed, steps: [] };
  } else {
    const snapshot = point.snapshot();
    host = snapshot ? LessonHost.restored(snapshot) : LessonHost.fresh(point.seed);
    recipe = { seed: point.seed, steps: [...point.typed] };
  }
  let line = question.place.line;
  try {
    const setup: StepResult[] = [];
    for (const step of start.setup) {
      line = step.place.line;
      setup.push(host.run(step.prompt, step.command));
      recipe.steps.push({ prompt: step.prompt, command: step.command });
    }
    const prompt = host.prompt();
    if (question.kind === 'predict') {
      line = question.shown!.place.line;
      return { kind: 'ran', recipe, prompt, setup, shown: host.run(prompt, question.shown!.command) };
    }
    const before = host.snapshot();
    const probeBefore = question.probe ? LessonHost.restored(before).run(prompt, question.probe) : undefined;
    const answer = host.run(prompt, question.answer!.command);
    const probeAfter = question.probe ? host.run(host.prompt(), question.probe) : undefined;
    return { kind: 'ran', recipe, prompt, setup, answer, probeBefore, probeAfter };
  } catch (error) {
    // A simulator bug must not look like a wrong question: it is reported as netsim's failure.
    return { kind: 'crashed', line, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
