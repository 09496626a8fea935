import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLesson } from '../../../plugins/lessons/check-lessons';
import { IsolatedChecker, timeoutMessage } from '../../../plugins/lessons/isolated-check';
import { readLessonSource } from '../../../plugins/lessons/lesson-source';
import { FIXTURES, read, SOURCE_LESSON } from './lesson-fixtures';

const project = () => ({
  root: process.cwd(),
  netsimVersion: 'isolated-test',
  cacheDirectory: mkdtempSync(join(tmpdir(), 'isolated-cache-')),
});
const checkers: IsolatedChecker[] = [];
const checker = (timeoutSeconds?: number) => {
  const made = new IsolatedChecker(project(), timeoutSeconds);
  checkers.push(made);
  return made;
};

afterAll(async () => {
  for (const made of checkers) await made.close();
});

const frontMatter = [
  '---',
  'title: T',
  'description: D.',
  'module: foundations',
  'order: 5',
  'lessonId: slow',
  'sourceLocale: es',
  'seeds:',
  '  - 004_37f8753935d1c2e4',
  '---',
  '',
];

describe('checking a lesson in a worker thread', () => {
  it('gives the verdicts the server thread would give', async () => {
    const text = read(FIXTURES, SOURCE_LESSON);
    const outcome = await checker().check(SOURCE_LESSON, text);
    expect(outcome.kind).toBe('done');
    const inProcess = checkLesson(readLessonSource(SOURCE_LESSON, text), 'isolated-test');
    if (outcome.kind !== 'done') return;
    expect(outcome.check.verdicts.map((verdict) => verdict.status)).toEqual(
      inProcess.verdicts.map((verdict) => verdict.status),
    );
    expect(outcome.check.run.starts).toEqual(inProcess.run.starts);
  });

  it('reports an authoring mistake at its place', async () => {
    const outcome = await checker().check(
      'content/es/slow.mdx',
      [...frontMatter, '```console sesion=a', '$ docker ps', '```'].join('\n'),
    );
    expect(outcome).toMatchObject({
      kind: 'lesson-error',
      line: 12,
      reason: expect.stringContaining('unknown option "sesion" (did you mean session=?)'),
    });
  });

  it('keeps the calling thread free while netsim works on a slow block', async () => {
    // Half a second of work or more: 20,000 exposed ports, each published with its rules.
    const text = [...frontMatter, '```console', '$ docker run -d --expose 1-20000 -P nginx', '```'].join('\n');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = performance.now();
    const outcome = await checker().check('content/es/slow.mdx', text);
    const elapsed = performance.now() - started;
    clearInterval(ticker);
    expect(outcome.kind).toBe('done');
    expect(elapsed).toBeGreaterThan(200);
    // In the server's own thread not one tick would run until the block is done.
    expect(ticks).toBeGreaterThanOrEqual(Math.floor(elapsed / 20 / 3));
  }, 60_000);

  it('stops a check that runs past its time, says where, and checks the next lesson in a new worker', async () => {
    const slow = checker(0.2);
    const text = [...frontMatter, '```console', '$ docker run -d -p 1-65535:1-65535 nginx', '```'].join('\n');
    const outcome = await slow.check('content/es/slow.mdx', text);
    expect(outcome).toMatchObject({ kind: 'timed-out', seconds: 0.2 });
    if (outcome.kind === 'timed-out' && outcome.block !== undefined) expect(outcome.block).toBe(0);
    expect(
      (await slow.check('content/es/slow.mdx', [...frontMatter, '```console', '$ docker network ls', '```'].join('\n')))
        .kind,
    ).toBe('done');
  }, 60_000);

  it('names the block a timed-out check was running', () => {
    expect(timeoutMessage({ kind: 'timed-out', seconds: 60, block: 2 }, 41)).toBe(
      'netsim was still checking this lesson after 60 s, on block 3 (line 41); it was stopped so the server keeps answering. No lesson command takes that long: this is a simulator bug, please report it with the lesson',
    );
  });
});
