import { replay, type CommandCheck } from './replay';
import type { LessonHost, StepResult } from './session-host';

// A module apart from replay.ts, which every terminal needs: the terminal's worker fetches this code only
// the first time a quiz checks a command.

export interface CommandVerdict {
  accepted: boolean;
  /** What the reader's command showed, for the feedback. */
  result: StepResult;
}

/** Lines compared as a reader reads them: trailing spaces and trailing blank lines do not count. */
export function sameLines(a: readonly string[], b: readonly string[]): boolean {
  const clean = (lines: readonly string[]) => {
    const trimmed = lines.map((line) => line.trimEnd());
    while (trimmed.length > 0 && trimmed.at(-1) === '') trimmed.pop();
    return trimmed;
  };
  const x = clean(a);
  const y = clean(b);
  return x.length === y.length && x.every((line, index) => line === y[index]);
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
