/**
 * What `docker service create` and `scale` print while they wait for the
 * service to converge (cli/command/service/progress/progress.go, shown by
 * jsonmessage): the replicated updater's messages, every task running at the
 * first poll, then the 5-second monitor polled every 200 ms.
 */

/** progress.go numberedStates: the longest state not terminal, or `complete`, pads the task's state (`allocated`, `preparing`). */
const LONGEST_STATE = 9;
/** replicatedProgressUpdater draws a bar per task only up to maxProgressBars. */
const MAX_PROGRESS_BARS = 20;
/** UpdateConfig.Monitor's default, in ms, and the poll interval. */
const MONITOR_MS = 5000;
const POLL_MS = 200;

export interface ConvergeRecord {
  readonly serviceId: string;
  readonly replicas: number;
  /** Whether stdout is a terminal, and its width (RenderTUIProgress draws the bar only past 110 columns). */
  readonly terminal: boolean;
  readonly columns: number;
}

/**
 * At a terminal each ID keeps its line, rewritten in place: what stays on the
 * screen is the last message of each, the line's text then a space and the
 * bar, if any (`%s %s`).
 */
export function convergedScreen({ serviceId, replicas, columns }: ConvergeRecord): string {
  const bar = columns > 110 ? '[==================================================>] ' : '';
  const tasks =
    replicas <= MAX_PROGRESS_BARS
      ? Array.from(
          { length: replicas },
          (_, i) => `${i + 1}/${replicas}: ${'running'.padEnd(LONGEST_STATE)} ${bar}\n`,
        ).join('')
      : '';
  return `overall progress: ${replicas} out of ${replicas} tasks \n${tasks}verify: Service ${serviceId} converged \n`;
}

/**
 * Elsewhere jsonmessage prints every message on a line of its own, skipping
 * those with a count (the tasks' bars): the overall progress before and after
 * the first poll, each slot's blank first line, and the monitor's countdown
 * (`wait/time.Second+1`) at each poll until 5 seconds have passed.
 */
export function convergeLines({ serviceId, replicas }: ConvergeRecord): string {
  const slots =
    replicas <= MAX_PROGRESS_BARS
      ? Array.from({ length: replicas }, (_, i) => `${i + 1}/${replicas}:  \n`).join('')
      : '';
  let countdown = '';
  for (let elapsed = 0; elapsed < MONITOR_MS; elapsed += POLL_MS)
    countdown += `verify: Waiting ${Math.floor((MONITOR_MS - elapsed - 1) / 1000) + 1} seconds to verify that tasks are stable...\n`;
  return `overall progress: 0 out of ${replicas} tasks\n${slots}overall progress: ${replicas} out of ${replicas} tasks\n${countdown}verify: Service ${serviceId} converged\n`;
}

/** How long the client waits: the monitor period after the first poll found every task running. */
export const CONVERGE_MS = MONITOR_MS;
