import type { HostSnapshot } from '../netsim/index';
import { loadToolModules } from '../netsim/cli/tool-loader';
import { withToolModules } from '../netsim/cli/tool-modules';
import { checkCommand, type CommandVerdict } from './command-check';
import { replay, type CommandCheck } from './replay';
import { LessonHost } from './session-host';

/** Each question's start host, rebuilt once per worker (one a page): later attempts start from a copy of it. */
const starts = new Map<string, HostSnapshot>();

/**
 * Checks a reader's command on the question's simulated host, in the terminal's
 * worker (check-in-worker.ts asks it), so the page fetches netsim once for quizzes
 * and terminals alike; the tools the commands name come when needed.
 */
export async function checkOnQuestionHost(
  questionId: string,
  check: CommandCheck,
  command: string,
): Promise<CommandVerdict> {
  const lines = [...check.recipe.steps.map((step) => step.command), command, check.probe ?? ''];
  return withToolModules(lines, loadToolModules, () => {
    let start = starts.get(questionId);
    if (!start) {
      start = replay(check.recipe).snapshot();
      starts.set(questionId, start);
    }
    return checkCommand(check, command, LessonHost.restored(start));
  });
}
