import { mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { LessonCheck } from './lesson-check';
import type { LessonProject } from './result-cache';

/** What the server thread asks the worker: one lesson, as the editor saved it. */
export interface IsolatedRequest {
  path: string;
  text: string;
  netsimVersion: string;
  cacheDirectory: string;
}

/** What the worker says: the block it starts (so a hang can be placed), then the check or why there is none. */
export type IsolatedReply =
  | { kind: 'block'; index: number }
  | { kind: 'done'; check: LessonCheck }
  | { kind: 'lesson-error'; line: number; column: number; reason: string }
  | { kind: 'crash'; message: string };

export type IsolatedOutcome =
  Exclude<IsolatedReply, { kind: 'block' }> | { kind: 'timed-out'; seconds: number; block: number | undefined };

/**
 * Real seconds a lesson's check may take in `astro dev` before the worker is
 * stopped. Every command is bounded in simulated time and its work in output, so a
 * whole lesson checks in well under a second; this only catches a simulator bug.
 */
export const CHECK_TIMEOUT_SECONDS = 60;

/**
 * Checks lessons in a worker thread, one at a time, so the dev server's own
 * thread keeps answering other pages while netsim runs, and a lesson that never
 * finishes is stopped and reported instead of hanging the server.
 */
export class IsolatedChecker {
  private worker: Promise<Worker> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly project: LessonProject,
    private readonly timeoutSeconds = CHECK_TIMEOUT_SECONDS,
  ) {}

  check(path: string, text: string): Promise<IsolatedOutcome> {
    const outcome = this.queue.then(() =>
      this.run({ path, text, netsimVersion: this.project.netsimVersion, cacheDirectory: this.project.cacheDirectory }),
    );
    this.queue = outcome.catch(() => undefined);
    return outcome;
  }

  /** Stops the worker; the next check starts another. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker).terminate();
  }

  private async run(request: IsolatedRequest): Promise<IsolatedOutcome> {
    this.worker ??= startWorker(this.project.root);
    const worker = await this.worker;
    return new Promise((resolve) => {
      let block: number | undefined;
      const finish = (outcome: IsolatedOutcome, stop: boolean) => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        if (stop) {
          this.worker = undefined;
          void worker.terminate();
        }
        resolve(outcome);
      };
      const onMessage = (reply: IsolatedReply) => {
        if (reply.kind === 'block') block = reply.index;
        else finish(reply, false);
      };
      const onError = (error: Error) => finish({ kind: 'crash', message: error.stack ?? error.message }, true);
      const onExit = (code: number) =>
        finish({ kind: 'crash', message: `the lesson checker stopped (exit code ${code})` }, true);
      const timer = setTimeout(
        () => finish({ kind: 'timed-out', seconds: this.timeoutSeconds, block }, true),
        this.timeoutSeconds * 1000,
      );
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage(request);
    });
  }
}

/**
 * The worker runs the lesson checker's own TypeScript, bundled once per server
 * start (Node runs TypeScript only with explicit import extensions, which the
 * sources leave out, as Vite expects). Unreferenced: it never keeps a process alive.
 */
async function startWorker(root: string): Promise<Worker> {
  const bundle = join(root, 'node_modules', '.cache', 'lessons-worker', 'worker.mjs');
  const partial = `${bundle}.${process.pid}.partial`;
  mkdirSync(dirname(bundle), { recursive: true });
  await build({
    entryPoints: [fileURLToPath(new URL('./isolated-check-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: partial,
    logLevel: 'warning',
  });
  // Another server of the same project may be starting too: each writes its own file and renames it into place.
  renameSync(partial, bundle);
  const worker = new Worker(bundle);
  worker.unref();
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  return worker;
}

/** The message for a lesson whose check ran out of time, at the block it was running. */
export function timeoutMessage(
  outcome: Extract<IsolatedOutcome, { kind: 'timed-out' }>,
  blockLine: number | undefined,
): string {
  const where =
    outcome.block === undefined
      ? 'before its first block'
      : `on block ${outcome.block + 1}${blockLine === undefined ? '' : ` (line ${blockLine})`}`;
  return `netsim was still checking this lesson after ${outcome.seconds} s, ${where}; it was stopped so the server keeps answering. No lesson command takes that long: this is a simulator bug, please report it with the lesson`;
}
