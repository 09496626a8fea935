import { COMMAND_BUDGET_SECONDS } from '../../src/practice/lesson-terminal';
import type { StepResult } from '../../src/practice/session-host';

/**
 * Why a command ran past the simulated time a lesson command may take, or
 * undefined when it ended in time. `canInterrupt`: the command is in a console
 * block, whose fence can say when Ctrl-C comes; questions and exercises cannot.
 */
export function overBudget(
  result: Pick<StepResult, 'interrupted' | 'overBudgetSeconds'>,
  canInterrupt: boolean,
): string | undefined {
  if (result.interrupted)
    return `this command is still running after ${COMMAND_BUDGET_SECONDS} simulated seconds, the most a lesson command may take: it runs until Ctrl-C. Give it an end (for ping, -c 4)${canInterrupt ? ', or write interrupt=SECONDS on the fence to show it stopped by Ctrl-C that many seconds after Enter' : ''}`;
  if (result.overBudgetSeconds !== undefined)
    return `this command runs for ${result.overBudgetSeconds} simulated seconds, more than the ${COMMAND_BUDGET_SECONDS} a lesson command may take: make it shorter (fewer requests, a shorter interval)`;
  return undefined;
}

/** A block whose fence says when Ctrl-C comes, though none of its commands waits for it. */
export const needlessInterrupt = (seconds: number): string =>
  `the fence says interrupt=${seconds}, but no command in this block runs until Ctrl-C: remove it`;
