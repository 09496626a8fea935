import { describe, expect, it } from 'vitest';
import { checkLessons, formatCheckReport, hasProblems } from '../../../plugins/lessons/check-lessons';
import { updateLesson } from '../../../plugins/lessons/update-lessons';
import { replay } from '../../../src/practice/replay';
import { fixtureCopy, options, read, write } from './lesson-fixtures';

const LESSON = 'content/es/timing.mdx';

/** A lesson of its own in a copy of the fixture project, with `body` after the front matter (line 10 on). */
function lessonWith(body: string): string {
  const root = fixtureCopy();
  const frontMatter = [
    '---',
    'title: Tiempo',
    'description: Comandos que no terminan solos.',
    'module: foundations',
    'order: 2',
    'lessonId: timing',
    'sourceLocale: es',
    'seeds:',
    '  - 004_37f8753935d1c2e4',
    '---',
  ];
  write(root, LESSON, `${[...frontMatter, ...body.split('\n')].join('\n')}\n`);
  return root;
}

const report = (root: string) => formatCheckReport(checkLessons([LESSON], options(root)));

describe('the simulated time a lesson command may take', () => {
  it('fails a command that runs until Ctrl-C, at its line, and says how to end it', () => {
    const root = lessonWith(['```console', '$ ping 172.17.0.1', '```'].join('\n'));
    const text = report(root);
    expect(text).toContain(
      `${LESSON}:12:1: this command is still running after 60 simulated seconds, the most a lesson command may take: it runs until Ctrl-C. Give it an end (for ping, -c 4), or write interrupt=SECONDS on the fence to show it stopped by Ctrl-C that many seconds after Enter\n`,
    );
    expect(hasProblems(checkLessons([LESSON], options(root)))).toBe(true);
  });

  it('never writes sixty seconds of output into a lesson for a command that does not end', () => {
    const root = lessonWith(['```console', '$ ping 172.17.0.1', '```'].join('\n'));
    const before = read(root, LESSON);
    const outcome = updateLesson(LESSON, options(root));
    expect(outcome.written).toBe(false);
    expect(outcome.refusals).toEqual([
      {
        line: 12,
        message:
          'this command runs past the time a lesson command may take; nothing in this block is rewritten until it ends in time',
      },
    ]);
    expect(read(root, LESSON)).toBe(before);
  });

  it('shows a command stopped by Ctrl-C when the fence says when it comes', () => {
    const root = lessonWith(['```console interrupt=3 exit=0', '$ ping 172.17.0.1', '```'].join('\n'));
    updateLesson(LESSON, options(root));
    const lines = read(root, LESSON).split('\n');
    const echo = lines.indexOf('^C');
    // iputils ping: one request a second from 0 s, so Ctrl-C at 3 s has sent three, and the statistics follow ^C.
    expect(lines.slice(12, echo).filter((line) => line.includes('icmp_seq='))).toHaveLength(3);
    expect(lines[echo + 1]).toBe('--- 172.17.0.1 ping statistics ---');
    expect(lines[echo + 2]).toMatch(/^3 packets transmitted, 3 received, 0% packet loss, time \d+ms$/);
    expect(report(root)).toBe('');
  });

  it('rebuilds in the browser the host a block with interrupt= left, from its recipe', () => {
    const root = lessonWith(
      ['```console interrupt=2', '$ ping 172.17.0.1', '```', '', '```console', '$ docker ps', '```'].join('\n'),
    );
    updateLesson(LESSON, options(root));
    const run = checkLessons([LESSON], options(root)).checks[0]!;
    const start = run.run.starts[1]!;
    expect(start.steps).toEqual([{ prompt: '$ ', command: 'ping 172.17.0.1', interruptAfterSeconds: 2 }]);
    expect(replay(start).snapshot()).toEqual(replay({ seed: start.seed, steps: start.steps }).snapshot());
  });

  it('refuses interrupt= on a block where nothing waits for Ctrl-C', () => {
    const root = lessonWith(
      ['```console interrupt=3', '$ docker network ls', 'NETWORK ID     NAME      DRIVER    SCOPE', '```'].join('\n'),
    );
    expect(report(root)).toContain(
      `${LESSON}:11:1: the fence says interrupt=3, but no command in this block runs until Ctrl-C: remove it\n`,
    );
  });

  it('fails a command that ends by itself, but later than a reader waits', () => {
    const root = lessonWith(['```console', '$ ping -c 90 -q 172.17.0.1', '```'].join('\n'));
    // Ninety requests a second apart: the last leaves 89 s after the first, and its reply ends ping.
    const text = report(root);
    expect(text).not.toContain('lessons:update');
    expect(text).toContain(
      `${LESSON}:12:1: this command runs for 89 simulated seconds, more than the 60 a lesson command may take: make it shorter (fewer requests, a shorter interval)\n`,
    );
  });

  it('fails a quiz question whose shown command never ends, at the command', () => {
    const root = lessonWith(
      [
        '<Quiz>',
        '<Question id="endless" kind="predict" fresh>',
        '  ¿Qué muestra?',
        '',
        '  ```console',
        '  $ ping 172.17.0.1',
        '  ```',
        '',
        '  <Option id="a" correct>',
        '    <Explain>Respuestas hasta Ctrl-C.</Explain>',
        '  </Option>',
        '  <Option id="b">',
        '    ```',
        '    nada',
        '    ```',
        '    <Explain>No.</Explain>',
        '  </Option>',
        '</Question>',
        '</Quiz>',
      ].join('\n'),
    );
    expect(report(root)).toMatch(
      /timing\.mdx:16:1: question "endless": `ping 172\.17\.0\.1`: this command is still running after 60 simulated seconds, the most a lesson command may take: it runs until Ctrl-C\. Give it an end \(for ping, -c 4\)\n/,
    );
  });
});
