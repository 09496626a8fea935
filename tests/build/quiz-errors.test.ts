import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBin, replaceOnce, siteCopyWith } from './site-copy';

const lesson = readFileSync(join(import.meta.dirname, 'fixtures/build-probe.mdx'), 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

function buildWith(text: string) {
  const project = siteCopyWith({ 'content/es/build-probe.mdx': text });
  const result = spawnSync(process.execPath, [astroBin, 'build'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { project, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('astro build with a broken quiz', () => {
  let noAnswer: ReturnType<typeof buildWith>;
  let rightDistractor: ReturnType<typeof buildWith>;

  beforeAll(() => {
    noAnswer = buildWith(replaceOnce(lesson, '<Option id="no-dns" correct>', '<Option id="no-dns">'));
    // A distractor that claims what the command really prints is not wrong.
    rightDistractor = buildWith(
      replaceOnce(lesson, '    ping: a2: Name or service not known\n', "    ping: bad address 'a2'\n"),
    );
  }, 120_000);

  afterAll(() => {
    for (const build of [noAnswer, rightDistractor]) rmSync(build.project, { recursive: true, force: true });
  });

  it('fails at the question with no right answer, saying what to write', () => {
    expect(noAnswer.status).not.toBe(0);
    const line = lineOf(lesson, '<Question id="dns-default-bridge"');
    expect(noAnswer.output).toContain(
      `content/es/build-probe.mdx:${line}:1: question "dns-default-bridge" has no right answer: mark one <Option> with correct`,
    );
  });

  it('fails at a distractor that netsim prints, with what it prints', () => {
    expect(rightDistractor.status).not.toBe(0);
    const line = lineOf(lesson, '<Option id="iputils">');
    expect(rightDistractor.output).toContain(
      `content/es/build-probe.mdx:${line}:3: question "ping-name-default-bridge": option "iputils" claims exactly what netsim prints`,
    );
    expect(rightDistractor.output).toContain("    | ping: bad address 'a2'");
  });
});
