import { replay, type CommandCheck } from './replay';
import { sameLines } from './same-lines';
import type { LessonHost, StepResult } from './session-host';

// A module apart from replay.ts, which every terminal needs: the terminal's worker fetches this code only
// the first time a quiz checks a command.

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
