import { describe, expect, it, vi } from 'vitest';
import { checkCommand } from '../../src/practice/command-check';
import type { CommandCheck } from '../../src/practice/replay';
import type { Envelope, TerminalReply, TerminalRequest } from '../../src/terminal/protocol';

// Counts the hosts built from a recipe: a question's start host is built once, later attempts copy it.
const { replays } = vi.hoisted(() => ({ replays: { count: 0 } }));
vi.mock('../../src/practice/replay', async (actual) => {
  const module = await actual<typeof import('../../src/practice/replay')>();
  return {
    ...module,
    replay: (...args: Parameters<typeof module.replay>) => {
      replays.count++;
      return module.replay(...args);
    },
  };
});

// The worker's script as the browser runs it: `self` is the worker's global, messages come in and go out through it.
const answers = new Map<number, (reply: TerminalReply) => void>();
const worker = {
  onmessage: undefined as ((event: { data: Envelope<TerminalRequest> }) => void) | undefined,
  postMessage: ({ id, ...reply }: Envelope<TerminalReply>) => answers.get(id)?.(reply as TerminalReply),
};
vi.stubGlobal('self', worker);
await import('../../src/terminal/netsim.worker');

let next = 0;
function ask(request: TerminalRequest): Promise<TerminalReply> {
  const id = next++;
  return new Promise((answered) => {
    answers.set(id, answered);
    worker.onmessage!({ data: { id, ...request } });
  });
}

const networkCheck: CommandCheck = {
  recipe: { seed: 1, steps: [{ prompt: '$ ', command: 'docker network create red1' }] },
  prompt: '$ ',
  compare: 'state',
  probe: "docker network inspect -f '{{.Driver}}' app",
  expected: ['bridge'],
  exit: 0,
};

const listCheck: CommandCheck = {
  recipe: { seed: 2, steps: [{ prompt: '$ ', command: 'docker network create red1' }] },
  prompt: '$ ',
  compare: 'output',
  expected: ['bridge', 'host', 'none', 'red1'],
  exit: 0,
};

describe("the terminal's worker", () => {
  it("checks a quiz's command with no terminal started, as the build's checkCommand does", async () => {
    for (const command of ['docker network create app', 'docker network create -d macvlan app', 'docker netwrk ls'])
      expect(await ask({ type: 'check-command', question: 'network', check: networkCheck, command })).toEqual({
        type: 'command-checked',
        verdict: checkCommand(networkCheck, command),
      });
    const listed = await ask({
      type: 'check-command',
      question: 'list',
      check: listCheck,
      command: "docker network ls --format '{{.Name}}'",
    });
    expect(listed).toMatchObject({ type: 'command-checked', verdict: { accepted: true, result: { exitCode: 0 } } });
  });

  it("builds each question's start host once, and starts every attempt from a copy of it", async () => {
    const before = replays.count;
    const create: Extract<TerminalRequest, { type: 'check-command' }> = {
      type: 'check-command',
      question: 'fresh',
      check: networkCheck,
      command: 'docker network create app',
    };
    const first = await ask(create);
    // Had the first attempt's network stayed, the second would find it there (exit code 1).
    const second = await ask(create);
    expect([first, second]).toMatchObject([
      { verdict: { accepted: true, result: { exitCode: 0 } } },
      { verdict: { accepted: true, result: { exitCode: 0 } } },
    ]);
    expect(replays.count - before).toBe(1);
    await ask({ ...create, question: 'another' });
    expect(replays.count - before).toBe(2);
  });

  it('answers a check that fails with an error, and goes on answering', async () => {
    const broken: CommandCheck = { ...networkCheck, probe: undefined };
    const failed = await ask({ type: 'check-command', question: 'broken', check: broken, command: 'true' });
    expect(failed.type).toBe('error');
    expect(await ask({ type: 'check-command', question: 'network', check: networkCheck, command: 'true' })).toEqual({
      type: 'command-checked',
      verdict: checkCommand(networkCheck, 'true'),
    });
  });

  it('still wants a started terminal for the lines typed into one', async () => {
    expect(await ask({ type: 'run', line: 'hostname' })).toEqual({
      type: 'error',
      message: 'the terminal has not started',
    });
  });
});
