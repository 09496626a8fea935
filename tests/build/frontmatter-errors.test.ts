import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBin, replaceOnce, siteCopyWith } from './site-copy';

/** A lesson of the tests' own, so course content can change without breaking them. */
const lesson = readFileSync(join(import.meta.dirname, 'fixtures/build-probe.mdx'), 'utf8');

/** A copy of the site whose content is the given lesson files, built with the real config. */
function buildWith(files: Record<string, string>) {
  const project = siteCopyWith(files);
  const result = spawnSync(process.execPath, [astroBin, 'build'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { project, status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('astro build with a broken lesson', () => {
  const projects: string[] = [];
  let badField: ReturnType<typeof buildWith>;
  let badPlace: ReturnType<typeof buildWith>;
  let badOutput: ReturnType<typeof buildWith>;
  const wrongLine = lesson.slice(0, lesson.indexOf('80/tcp -> 0.0.0.0:8080\n')).split('\n').length;

  beforeAll(() => {
    badField = buildWith({ 'content/es/build-probe.mdx': replaceOnce(lesson, /^order: 90$/m, 'order: primera') });
    badPlace = buildWith({ 'content/es/drivers.mdx': lesson });
    badOutput = buildWith({
      'content/es/build-probe.mdx': replaceOnce(lesson, '80/tcp -> 0.0.0.0:8080\n', '80/tcp -> 0.0.0.0:8081\n'),
    });
    projects.push(badField.project, badPlace.project, badOutput.project);
  }, 180_000);

  afterAll(() => {
    for (const project of projects) rmSync(project, { recursive: true, force: true });
  });

  it('fails and names the file and the field', () => {
    expect(badField.status).not.toBe(0);
    expect(badField.output).toContain('content/es/build-probe.mdx');
    expect(badField.output).toContain(
      'order: "order" must be the position of the lesson in its module, a whole number such as 1',
    );
  });

  it('fails when a lesson id and its file name disagree', () => {
    expect(badPlace.status).not.toBe(0);
    expect(badPlace.output).toContain(
      'content/es/drivers.mdx: lessonId "build-probe" must match the file name "drivers"',
    );
  });

  it('fails at the file line of an output that is not what netsim prints, with the diff and the fix', () => {
    expect(badOutput.status).not.toBe(0);
    expect(badOutput.output).toContain(
      `content/es/build-probe.mdx:${wrongLine}:1: the output written here is not what netsim prints`,
    );
    expect(badOutput.output).toContain('-80/tcp -> 0.0.0.0:8081\n+80/tcp -> 0.0.0.0:8080\n');
    expect(badOutput.output).toContain('npm run lessons:update -- content/es/build-probe.mdx');
  });
});
