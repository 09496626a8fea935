import { WorkerClient } from '../terminal/worker-client';
import type { CommandVerdict } from './command-check';
import type { CommandCheck } from './replay';

/** The page's worker for command checks, started on the first one and kept: it holds each question's start host. */
let worker: WorkerClient | undefined;

/**
 * Checks a reader's command off the page's thread, in a worker running the terminal's
 * script: netsim is fetched once, cached, for quizzes and terminals alike, and never
 * enters the page's own bundle. A check that fails lets its worker go, so that the
 * next one starts afresh instead of asking a worker whose script never loaded.
 */
export async function checkInWorker(question: string, check: CommandCheck, command: string): Promise<CommandVerdict> {
  const client = (worker ??= new WorkerClient());
  try {
    const { verdict } = await client.ask<'command-checked'>({ type: 'check-command', question, check, command });
    return verdict;
  } catch (error) {
    if (worker === client) worker = undefined;
    client.terminate();
    throw error;
  }
}
