import type { PracticeRecipe } from '../../src/practice/replay';
import { LessonHost, sessionSeed, type StepResult } from '../../src/practice/session-host';
import { crashMessage, runSetup, startHost, type SessionPoint } from '../lessons/start-host';
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

/** The seed of a fresh question's host: from the lesson and question ids, so every language gets the same host. */
export const questionSeed = (lessonId: string, questionId: string): number =>
  sessionSeed(lessonId, `question/${questionId}`);

/**
 * Runs a predict or command question on a copy of its start host, so the lesson
 * session after it is as if the question were not there.
 */
export function runQuestion(question: QuestionSource, lessonId: string, point: SessionPoint): QuestionRun {
  if (question.kind !== 'predict' && question.kind !== 'command') return { kind: 'nothing' };
  const start = question.start!;
  const { host, recipe } = startHost(start.fresh ? questionSeed(lessonId, question.id) : undefined, point);
  let line = question.place.line;
  try {
    const setup = runSetup(host, recipe, start.setup, (at) => (line = at));
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
    return { kind: 'crashed', line, message: crashMessage(error) };
  }
}
