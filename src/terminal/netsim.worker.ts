/// <reference lib="webworker" />
import type { Envelope, TerminalReply, TerminalRequest } from './protocol';
import { TerminalSimulation } from './terminal-session';

// netsim runs here, off the page's thread: a long command never blocks typing or scrolling.
let session: TerminalSimulation | undefined;

function answer(request: TerminalRequest): TerminalReply {
  if (request.type === 'start') {
    session = new TerminalSimulation(request.recipe);
    return { type: 'prompt', prompt: session.prompt() };
  }
  if (!session) return { type: 'error', message: 'the terminal has not started' };
  switch (request.type) {
    case 'reset':
      return { type: 'prompt', prompt: session.reset() };
    case 'run':
      return { type: 'outcome', outcome: session.run(request.line, request.columns) };
    case 'interrupt':
      return { type: 'outcome', outcome: session.interrupt(request.seconds, request.columns) };
    case 'complete':
      return { type: 'completion', completion: session.complete(request.line, request.cursor) };
    case 'snapshot':
      return { type: 'snapshot', snapshot: session.snapshot() };
    case 'check':
      return { type: 'checked', results: session.checkGoals(request.goals) };
  }
}

self.onmessage = (event: MessageEvent<Envelope<TerminalRequest>>) => {
  const { id, ...request } = event.data;
  let reply: TerminalReply;
  try {
    reply = answer(request as TerminalRequest);
  } catch (error) {
    reply = { type: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage({ id, ...reply });
};
