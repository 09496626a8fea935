import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLessons, formatCheckReport } from '../../../plugins/lessons/check-lessons';
import { LessonError } from '../../../plugins/lessons/lesson-error';
import { readLessonSource } from '../../../plugins/lessons/lesson-source';
import { memoryCache, options } from '../lessons/lesson-fixtures';

const FRONT = '---\nlessonId: practice\nsourceLocale: es\n---\n\n';
const ES = 'content/es/practice.mdx';
const PT = 'content/pt/practice.mdx';

const exercise = ({
  props = 'id="net" fresh',
  setup = '',
  goals = '  <Goal id="exists" kind="network" network="app-net">app-net exists</Goal>\n',
  solution = '$ docker network create app-net',
} = {}) =>
  `<Exercise ${props}>\n  Create a network.\n\n${setup}${goals}\n  <Hint>Use docker network create.</Hint>\n\n  <Solution>\n    \`\`\`console\n    ${solution}\n    \`\`\`\n  </Solution>\n</Exercise>\n`;

function errorOf(text: string): LessonError {
  try {
    readLessonSource(ES, FRONT + text);
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('no error');
}

function check(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'exercise-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), FRONT + text);
  }
  return formatCheckReport(checkLessons([], options(root, memoryCache())));
}

describe('reading exercises', () => {
  it('reads the task, setup, goals as netsim goals, hints and the solution', () => {
    const lesson = readLessonSource(
      ES,
      FRONT +
        exercise({
          setup: '  ```console setup\n  $ docker run -dit --name c1 alpine\n  ```\n\n',
          goals:
            '  <Goal id="a" kind="attached" container="c1" network="app-net" subnet="10.0.0.0/24">c1 on app-net</Goal>\n  <Goal id="p" kind="published" container="c1" hostPort="8080" containerPort="80">published</Goal>\n  <Goal id="r" kind="container" container="c1" running>runs</Goal>\n',
        }),
    );
    const [read] = lesson.exercises;
    expect(lesson.blocks).toEqual([]);
    expect(read!.start).toMatchObject({ fresh: true, setup: [{ command: 'docker run -dit --name c1 alpine' }] });
    expect(read!.goals.map((goal) => goal.goal)).toEqual([
      { kind: 'attached', container: 'c1', network: 'app-net', subnet: '10.0.0.0/24' },
      { kind: 'published', container: 'c1', hostPort: 8080, containerPort: 80 },
      { kind: 'container', container: 'c1', running: true },
    ]);
    expect(read!.hints).toHaveLength(1);
    expect(read!.solution.map((step) => step.command)).toEqual(['docker network create app-net']);
  });

  it('reads fresh="false" and showSetup="false" as off', () => {
    const [read] = readLessonSource(
      ES,
      FRONT +
        exercise({
          props: 'id="net" fresh="false" showSetup="false"',
          setup: '  ```console setup\n  $ docker network create other\n  ```\n\n',
        }),
    ).exercises;
    expect(read!.start.fresh).toBe(false);
    expect(read!.showSetup).toBe(false);
  });

  it.each([
    [
      'an unknown goal kind',
      exercise({ goals: '  <Goal id="x" kind="netwrk" network="a">x</Goal>\n' }),
      9,
      'goal kind="netwrk" is not a kind (did you mean network?); write container, attached, resolves, reaches, connects, published, network, rule, file',
    ],
    [
      'a goal without a required prop',
      exercise({ goals: '  <Goal id="x" kind="attached" container="c1">x</Goal>\n' }),
      9,
      'goal "x" (kind="attached") needs network="..."',
    ],
    [
      'a misspelt goal prop',
      exercise({ goals: '  <Goal id="x" kind="network" netwok="a">x</Goal>\n' }),
      9,
      'unknown prop "netwok" on <Goal> (did you mean network?); it takes id, kind, network, driver, subnet, internal, not',
    ],
    [
      'a port that is not a number',
      exercise({
        goals: '  <Goal id="x" kind="published" container="c" hostPort="http" containerPort="80">x</Goal>\n',
      }),
      9,
      'goal "x": hostPort="http" must be a whole number',
    ],
    [
      'a goal without a label',
      exercise({ goals: '  <Goal id="x" kind="network" network="a"></Goal>\n' }),
      9,
      'goal "x" has no label: write what the reader must achieve, e.g. <Goal ...>web is on app-net</Goal>',
    ],
    [
      'an exercise without goals',
      exercise({ goals: '' }),
      6,
      'exercise "net" has no goals: add <Goal id="..." kind="...">what to achieve</Goal>',
    ],
    [
      'an exercise without id',
      exercise({ props: 'fresh' }),
      6,
      'an <Exercise> needs id="..." with lowercase words joined by hyphens, the same in every language',
    ],
    [
      'a goal outside an exercise',
      '<Goal id="x" kind="network" network="a">x</Goal>\n',
      6,
      '<Goal> is written outside an <Exercise>',
    ],
  ])('rejects %s at its line', (_name, text, line, reason) => {
    const error = errorOf(text);
    expect(error.reason).toBe(reason);
    expect(error.line).toBe(line);
  });
});

describe('checking exercises against netsim', () => {
  it('passes an exercise whose start fails its goals and whose solution passes them', () => {
    expect(check({ [ES]: exercise() })).toBe('');
  });

  it('fails an exercise whose goals already pass at the start', () => {
    const text = check({
      [ES]: exercise({ setup: '  ```console setup\n  $ docker network create app-net\n  ```\n\n' }),
    });
    expect(text).toContain(
      `${ES}:6:1: exercise "net": every goal already passes before the reader does anything: the setup must leave at least one to do`,
    );
  });

  it('fails a goal the reference solution does not meet, saying why', () => {
    const text = check({ [ES]: exercise({ solution: '$ docker network create other-net' }) });
    expect(text).toContain(
      `${ES}:9:3: exercise "net": goal "exists" fails after the reference solution: no-network (network=app-net)`,
    );
  });

  it('fails a goal that can never fail', () => {
    const text = check({
      [ES]: exercise({
        goals:
          '  <Goal id="exists" kind="network" network="app-net">app-net exists</Goal>\n  <Goal id="always" kind="network" network="bridge">bridge exists</Goal>\n',
      }),
    });
    expect(text).toContain(
      `${ES}:10:3: exercise "net": goal "always" passes at the start and on a fresh host: it can never fail, so it checks nothing`,
    );
  });

  it('fails a failing setup or solution command at its line', () => {
    const text = check({ [ES]: exercise({ setup: '  ```console setup\n  $ docker network rm nope\n  ```\n\n' }) });
    expect(text).toContain(`${ES}:10:1: exercise "net": setup command \`docker network rm nope\` exits with 1`);
  });

  it('requires a translation to start, check and solve the same way', () => {
    expect(check({ [ES]: exercise(), [PT]: exercise().replace('Create a network.', 'Crie uma rede.') })).toBe('');
    const other = check({
      [ES]: exercise(),
      [PT]: exercise({ solution: '$ docker network create -d bridge app-net' }),
    });
    expect(other).toContain(
      `${PT}:6:1: exercise "net" differs from the source in its id, start, setup, goals or solution: only its task, goal labels and hints are translated`,
    );
  });
});
