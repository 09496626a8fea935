import { topologyOf, type HostSnapshot } from '../../src/netsim/index';
import { LessonHost, type StepResult } from '../../src/practice/session-host';
import { runExercise } from '../exercise/run-exercise';
import { runQuestion } from '../quiz/run-question';
import { runTrace } from '../trace/run-trace';
import type { ConsoleBlockSource } from './lesson-source';
import type { BlockRun } from './run-lesson';
import { crashMessage } from './start-host';

/**
 * What running a lesson needs of netsim, in one module that the check imports only
 * when the result cache lacks something (load-simulator.ts): a build whose lessons are
 * all cached never loads the simulator.
 */
export const lessonSimulator = {
  freshHost: (seed: number) => LessonHost.fresh(seed),
  restoredHost: (snapshot: HostSnapshot) => LessonHost.restored(snapshot),
  runBlock,
  runQuestion,
  runExercise,
  runTrace,
  topologyOf,
};

export type LessonSimulator = typeof lessonSimulator;

function runBlock(host: LessonHost, block: ConsoleBlockSource): BlockRun {
  const steps: StepResult[] = [];
  for (const [index, step] of block.steps.entries()) {
    try {
      const { interrupt, cols } = block.options;
      steps.push(
        host.run(step.prompt, step.command, {
          columns: cols,
          ...(interrupt === undefined ? {} : { interruptAfterSeconds: interrupt }),
        }),
      );
    } catch (error) {
      // A simulator bug must not look like a wrong lesson: it is reported as netsim's failure at the command.
      return {
        kind: 'crashed',
        steps,
        step: index,
        message: crashMessage(error),
      };
    }
  }
  return { kind: 'ran', steps, fromCache: false };
}
