import type { PracticeRecipe } from '../practice/replay';
import type { Envelope, TerminalReply, TerminalRequest } from './protocol';

/** Requests to the netsim worker as promises, answered in order. */
export class WorkerClient {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, (reply: TerminalReply) => void>();

  constructor() {
    this.worker = new Worker(new URL('./netsim.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<Envelope<TerminalReply>>) => {
      const { id, ...reply } = event.data;
      this.waiting.get(id)?.(reply as TerminalReply);
      this.waiting.delete(id);
    };
    // A worker that dies (out of memory, a script error outside a request) answers every waiting request with an error.
    this.worker.onerror = (event) => {
      event.preventDefault();
      for (const answer of this.waiting.values())
        answer({ type: 'error', message: event.message || 'the simulator stopped' });
      this.waiting.clear();
    };
  }

  ask<T extends TerminalReply['type']>(request: TerminalRequest): Promise<Extract<TerminalReply, { type: T }>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (reply) =>
        reply.type === 'error'
          ? reject(new Error(reply.message))
          : resolve(reply as Extract<TerminalReply, { type: T }>),
      );
      this.worker.postMessage({ id, ...request });
    });
  }

  terminate(): void {
    this.worker.terminate();
    this.waiting.clear();
  }
}

/** A worker building the host for `recipe`, and its first prompt once it has. */
export interface StartingSimulation {
  worker: WorkerClient;
  started: Promise<Extract<TerminalReply, { type: 'prompt' }>>;
}

/**
 * Starts the worker at once, so that fetching and compiling netsim and building the host go on
 * while the page is still loading xterm.js and drawing the terminal, not after.
 */
export function startSimulation(recipe: PracticeRecipe): StartingSimulation {
  const worker = new WorkerClient();
  return { worker, started: worker.ask<'prompt'>({ type: 'start', recipe }) };
}
