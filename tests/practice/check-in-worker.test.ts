import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommandVerdict } from '../../src/practice/command-check';
import type { CommandCheck } from '../../src/practice/replay';
import type { Envelope, TerminalReply, TerminalRequest } from '../../src/terminal/protocol';

/** A page's Worker, answering each request as `answer` says: a verdict, an error reply, or dying (undefined). */
class FakeWorker {
  static made: FakeWorker[] = [];
  static answer: (request: TerminalRequest) => TerminalReply | undefined;
  onmessage: ((event: { data: Envelope<TerminalReply> }) => void) | undefined;
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | undefined;
  readonly requests: TerminalRequest[] = [];
  terminated = false;

  constructor(readonly url: URL) {
    FakeWorker.made.push(this);
  }

  postMessage({ id, ...request }: Envelope<TerminalRequest>): void {
    this.requests.push(request as TerminalRequest);
    const reply = FakeWorker.answer(request as TerminalRequest);
    queueMicrotask(() =>
      reply
        ? this.onmessage?.({ data: { id, ...reply } })
        : this.onerror?.({ message: '', preventDefault: () => undefined }),
    );
  }

  terminate(): void {
    this.terminated = true;
  }
}

const check: CommandCheck = {
  recipe: { seed: 1, steps: [] },
  prompt: '$ ',
  compare: 'output',
  expected: ['host'],
  exit: 0,
};
const verdict: CommandVerdict = { accepted: true, result: { prompt: '$ ', output: ['host'], exitCode: 0 } };

async function freshPage() {
  vi.resetModules();
  FakeWorker.made = [];
  FakeWorker.answer = () => ({ type: 'command-checked', verdict });
  vi.stubGlobal('Worker', FakeWorker);
  return import('../../src/practice/check-in-worker');
}

describe("a quiz's command checked in the terminal's worker", () => {
  beforeEach(() => vi.unstubAllGlobals());

  it("asks the terminal's worker script, once started, for every check of the page", async () => {
    const { checkInWorker } = await freshPage();
    expect(await checkInWorker('container-ip', check, 'hostname')).toEqual(verdict);
    expect(await checkInWorker('other', check, 'ip a')).toEqual(verdict);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.url.pathname).toMatch(/\/src\/terminal\/netsim\.worker\.ts$/);
    expect(FakeWorker.made[0]!.requests).toEqual([
      { type: 'check-command', question: 'container-ip', check, command: 'hostname' },
      { type: 'check-command', question: 'other', check, command: 'ip a' },
    ]);
  });

  it('fails as the worker answers, and the next check asks a new worker', async () => {
    const { checkInWorker } = await freshPage();
    FakeWorker.answer = () => ({ type: 'error', message: 'the chunk did not load' });
    await expect(checkInWorker('container-ip', check, 'hostname')).rejects.toThrow('the chunk did not load');
    FakeWorker.answer = () => undefined;
    await expect(checkInWorker('container-ip', check, 'hostname')).rejects.toThrow('the simulator stopped');
    FakeWorker.answer = () => ({ type: 'command-checked', verdict });
    expect(await checkInWorker('container-ip', check, 'hostname')).toEqual(verdict);
    expect(FakeWorker.made.map((worker) => worker.terminated)).toEqual([true, true, false]);
  });
});
