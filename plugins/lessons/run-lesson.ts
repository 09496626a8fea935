import type { HostSnapshot } from '../../src/netsim/index';
import { blockKey, type ResultCache } from './result-cache';
import { LessonHost, sessionSeed, type StepResult } from './lesson-host';
import type { ConsoleBlockSource, LessonSource } from './lesson-source';

/** What running one console block gave: a result per step, or the step netsim failed on. */
export type BlockRun =
  { kind: 'norun' } | { kind: 'ran'; steps: StepResult[]; fromCache: boolean } | { kind: 'crashed'; steps: StepResult[]; step: number; message: string };

export interface LessonRun {
  /** Index-aligned with the lesson's console blocks. */
  blocks: BlockRun[];
  /** Blocks whose commands netsim actually executed (the rest came from the cache). */
  executed: number;
}

interface SessionState {
  seed: number;
  /** Chains each block's cache key to everything typed before it in the session. */
  key: string;
  host: LessonHost | undefined;
  /** Where the host would be, when the blocks so far all came from the cache. */
  snapshot: HostSnapshot | undefined;
}

/**
 * Runs a lesson's console blocks in document order, each session on its own
 * host. A block whose key is cached is not executed: the host is restored from
 * the cached snapshot only when a later block needs it.
 */
export function runLesson(lesson: LessonSource, netsimVersion: string, cache?: ResultCache): LessonRun {
  const sessions = new Map<string, SessionState>();
  const blocks: BlockRun[] = [];
  let executed = 0;
  for (const block of lesson.blocks) {
    if (block.options.norun) {
      blocks.push({ kind: 'norun' });
      continue;
    }
    let session = sessions.get(block.options.session);
    if (!session || block.options.reset) {
      session = {
        seed: sessionSeed(lesson.lessonId, block.options.session),
        key: `${netsimVersion}/${lesson.lessonId}/${block.options.session}`,
        host: undefined,
        snapshot: undefined,
      };
      sessions.set(block.options.session, session);
    }
    session.key = blockKey(
      session.key,
      block.steps.map((step) => [step.prompt, step.command]),
    );
    const cached = cache?.read(session.key);
    if (cached) {
      blocks.push({ kind: 'ran', steps: cached.steps, fromCache: true });
      session.host = undefined;
      session.snapshot = cached.snapshot;
      continue;
    }
    const host = hostOf(session);
    const run = runBlock(host, block);
    executed++;
    blocks.push(run);
    if (run.kind === 'ran')
      cache?.write(session.key, {
        steps: run.steps,
        snapshot: host.snapshot(),
      });
  }
  return { blocks, executed };
}

function hostOf(session: SessionState): LessonHost {
  session.host ??= session.snapshot ? LessonHost.restored(session.snapshot) : LessonHost.fresh(session.seed);
  session.snapshot = undefined;
  return session.host;
}

function runBlock(host: LessonHost, block: ConsoleBlockSource): BlockRun {
  const steps: StepResult[] = [];
  for (const [index, step] of block.steps.entries()) {
    try {
      steps.push(host.run(step.prompt, step.command));
    } catch (error) {
      // A simulator bug must not look like a wrong lesson: it is reported as netsim's failure at the command.
      return {
        kind: 'crashed',
        steps,
        step: index,
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      };
    }
  }
  return { kind: 'ran', steps, fromCache: false };
}
