/// <reference lib="webworker" />
import { loadToolModules } from '../netsim/cli/tool-loader';
import { withToolModules } from '../netsim/cli/tool-modules';
import type { Envelope, TerminalReply, TerminalRequest } from './protocol';
import { TerminalSimulation } from './terminal-session';

// netsim runs here, off the page's thread: a long command never blocks typing or scrolling.
let session: TerminalSimulation | undefined;

/** Runs `run` with the tools `lines` name loaded (and any other it turns out to need). */
const withTools = <T>(lines: Iterable<string>, run: () => T): Promise<T> =>
  withToolModules(lines, loadToolModules, run);

async function answer(request: TerminalRequest): Promise<TerminalReply> {
  if (request.type === 'start') {
    session = await withTools(
      request.recipe.steps.map((step) => step.command),
      () => new TerminalSimulation(request.recipe),
    );
    return { type: 'prompt', prompt: session.prompt(), terminals: session.terminals() };
  }
  if (request.type === 'check-command') {
    // A quiz's check is a chunk of its own, fetched on the first check: a terminal never needs it.
    const { checkOnQuestionHost } = await import('../practice/check-on-question-host');
    const verdict = await checkOnQuestionHost(request.question, request.check, request.command);
    return { type: 'command-checked', verdict };
  }
  const current = session;
  if (!current) return { type: 'error', message: 'the terminal has not started' };
  switch (request.type) {
    case 'reset':
      return { type: 'prompt', prompt: current.reset() };
    case 'switch':
      return { type: 'prompt', prompt: current.switchTo(request.terminal) };
    case 'speculate': {
      // Only the newest line typed is worth running ahead: older ones were typed over already.
      if (request !== newestSpeculation) return { type: 'foreseen', line: request.line, outcome: undefined };
      const outcome = await withTools([request.line], () => current.speculate(request.line, request.columns));
      return { type: 'foreseen', line: request.line, outcome };
    }
    case 'run':
      return {
        type: 'outcome',
        outcome: await withTools([request.line], () => current.run(request.line, request.columns)),
      };
    case 'interrupt':
      return {
        type: 'outcome',
        outcome: await withTools([], () => current.interrupt(request.seconds, request.columns)),
      };
    case 'complete': {
      // Completion is a chunk of its own, fetched on the first Tab: many sessions never press it.
      const { complete } = await import('./completion');
      return { type: 'completion', completion: complete(request.line, request.cursor, current.completionNames()) };
    }
    case 'snapshot':
      return { type: 'snapshot', snapshot: current.snapshot() };
    case 'check':
      return { type: 'checked', results: await withTools([], () => current.checkGoals(request.goals)) };
  }
}

// Requests are answered one at a time, in order, even while a tool's module is on its way.
let queue: Promise<void> = Promise.resolve();
let newestSpeculation: TerminalRequest | undefined;

self.onmessage = (event: MessageEvent<Envelope<TerminalRequest>>) => {
  const { id, ...request } = event.data;
  if (request.type === 'speculate') newestSpeculation = request;
  queue = queue.then(async () => {
    let reply: TerminalReply;
    try {
      reply = await answer(request);
    } catch (error) {
      reply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
    }
    self.postMessage({ id, ...reply });
    // The copy the next line starts from is made now, while the reader reads the answer, not after their next Enter.
    setTimeout(() => session?.prepare(), 0);
  });
};
