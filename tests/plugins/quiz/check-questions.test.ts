import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLessons, formatCheckReport, hasProblems, tally } from '../../../plugins/lessons/check-lessons';
import { checkCommand } from '../../../src/practice/command-check';
import { replay, type CommandCheck } from '../../../src/practice/replay';
import { commandCheckOf } from '../../../plugins/quiz/render-quizzes';
import { memoryCache, options } from '../lessons/lesson-fixtures';

/** Both languages share the lesson id; the source is Spanish. */
const FRONT = '---\nlessonId: quiz\nsourceLocale: es\n---\n\n';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'quiz-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const ES = 'content/es/quiz.mdx';
const PT = 'content/pt/quiz.mdx';

/** The lesson's console block creates a network; the quiz asks about it. */
const BLOCK = '```console\n$ docker network create red1\n[..]\n```\n\n';

const predict = (props: string, command: string, distractor: string, setup = '') =>
  `<Question id="p" kind="predict"${props}>\n  What does it print?\n\n${setup}  \`\`\`console\n  $ ${command}\n  \`\`\`\n\n` +
  `  <Option id="real" correct>\n    <Explain>Yes.</Explain>\n  </Option>\n  <Option id="fake">\n    \`\`\`\n${distractor
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}\n    \`\`\`\n    <Explain>No.</Explain>\n  </Option>\n</Question>\n`;

const command = (props: string) =>
  `<Question id="c" kind="command" ${props}>\n  Type it.\n\n  <Explain>Because.</Explain>\n</Question>\n`;
const quiz = (...questions: string[]) => `<Quiz>\n\n${questions.join('\n')}\n</Quiz>\n`;
const lesson = (body: string) => FRONT + BLOCK + body;

function check(body: string, extra: Record<string, string> = {}) {
  const root = project({ [ES]: lesson(body), ...extra });
  const report = checkLessons([], options(root, memoryCache()));
  return { report, text: formatCheckReport(report) };
}

describe('checking quiz questions against netsim', () => {
  it('passes a predict question whose distractor is wrong, and a command question that changes what its probe sees', () => {
    const { report, text } = check(
      quiz(
        predict('', 'docker network ls --format "{{.Name}}"', 'bridge\nhost\nnone'),
        command(`answer="docker network create red2" compare="state" probe="docker network ls --format '{{.Name}}'"`),
      ),
    );
    expect(text).toBe('');
    expect(hasProblems(report)).toBe(false);
    expect(tally(report)).toMatchObject({ questions: 2, questionsFailed: 0 });
  });

  it('sees the session as the blocks before it left it, and leaves it as it was', () => {
    const { report } = check(
      quiz(predict('', 'docker network ls --format "{{.Name}}"', 'bridge')) +
        '\n```console\n$ docker network ls --format "{{.Name}}"\nbridge\nhost\nnone\nred1\n```\n',
    );
    const run = report.checks[0]!.run;
    const shown = run.questions[0]!;
    expect(shown.kind === 'ran' && shown.shown?.output).toEqual(['bridge', 'host', 'none', 'red1']);
    expect(formatCheckReport(report)).toBe('');
  });

  it('fails a distractor that is exactly what netsim prints, at the option', () => {
    const { text } = check(quiz(predict('', 'docker network ls --format "{{.Name}}"', 'bridge\nhost\nnone\nred1 ')));
    expect(text).toContain(
      `${ES}:23:3: question "p": option "fake" claims exactly what netsim prints, so it is not wrong: change it, or netsim's output changed and the question needs rethinking:\n    | bridge\n`,
    );
  });

  it('fails a predicted command that exits with another status than the question says', () => {
    const { text } = check(quiz(predict('', 'docker network inspect nope', 'x')));
    expect(text).toContain(
      `${ES}:17:1: question "p": \`docker network inspect nope\` exits with 1 where the question expects 0; if that is the point, write exit="1" on the <Question>:\n    | []\n    | Error response from daemon: network nope not found\n`,
    );
    expect(check(quiz(predict(' exit="1"', 'docker network inspect nope', 'x'))).text).toBe('');
  });

  it('fails a predicted command that prints nothing', () => {
    const { text } = check(quiz(predict('', 'docker network connect red1 nope || true', 'x')));
    expect(text).toBe('');
    expect(check(quiz(predict('', 'true', 'x'))).text).toContain(
      `question "p": \`true\` prints nothing: a predict question needs output to pick`,
    );
  });

  it('fails a setup command that fails, at its line', () => {
    const setup = '  ```console setup\n  $ docker network create red1\n  ```\n\n';
    const { text } = check(quiz(predict('', 'docker network ls -q', 'x', setup)));
    expect(text).toContain(
      `${ES}:17:1: question "p": setup command \`docker network create red1\` exits with 1:\n    | Error response from daemon: network with name red1 already exists\n`,
    );
    expect(check(quiz(predict(' fresh', 'docker network ls --format "{{.Name}}"', 'x', setup))).text).toBe('');
  });

  it('fails a command question whose answer fails, whose probe cannot tell, or whose answer prints nothing', () => {
    expect(check(quiz(command('answer="docker network rm nope"'))).text).toContain(
      `${ES}:13:1: question "c": the reference answer \`docker network rm nope\` exits with 1 where the question expects 0`,
    );
    expect(
      check(quiz(command(`answer="docker network ls" compare="state" probe="docker network ls -q"`))).text,
    ).toContain(
      `question "c": the probe \`docker network ls -q\` prints the same before and after the reference answer, so any command would pass: probe what the answer changes`,
    );
    expect(check(quiz(command('answer="docker network create red2 > /dev/null"'))).text).toContain(
      `question "c": the reference answer prints nothing, so any silent command would pass: compare="state" with a probe checks what it changed`,
    );
  });

  it('reuses cached question runs: an unchanged lesson runs nothing again', () => {
    const root = project({ [ES]: lesson(quiz(predict('', 'docker network ls -q', 'x'))) });
    const cache = memoryCache();
    checkLessons([], options(root, cache));
    const missesBefore = cache.misses;
    const again = checkLessons([], options(root, cache));
    expect(cache.misses).toBe(missesBefore);
    expect(again.checks[0]!.run.executed).toBe(0);
    expect(again.checks[0]!.run.questions[0]!.kind).toBe('ran');
  });

  it('requires a translation to ask the same questions with the same options, naming both files', () => {
    const choice =
      '<Question id="s" kind="single">\n  Which?\n\n  <Option id="a" correct>\n    A\n    <Explain>Yes.</Explain>\n  </Option>\n  <Option id="b">\n    B\n    <Explain>No.</Explain>\n  </Option>\n</Question>\n';
    const source = quiz(predict('', 'docker network ls -q', 'x'), command('answer="docker network ls"'), choice);
    const translated = (body: string) => FRONT + BLOCK + body;
    const same = check(source, { [PT]: translated(source.replaceAll('What does it print?', 'O que imprime?')) });
    expect(same.text).toBe('');
    const fewer = check(source, { [PT]: translated(quiz(predict('', 'docker network ls -q', 'x'))) });
    expect(fewer.text).toContain(
      `${PT}:13:1: the translation lacks question "c": it has 1 quiz questions, the source has 3\n  source: ${ES}:31\n`,
    );
    const moved = check(source, {
      [PT]: translated(
        source
          .replace('<Option id="a" correct>', '<Option id="a">')
          .replace('<Option id="b">', '<Option id="b" correct>'),
      ),
    });
    expect(moved.text).toContain(`question "s": option "a" is not marked correct unlike in the source`);
    const otherCommand = check(source, {
      [PT]: translated(source.replace('answer="docker network ls"', 'answer="docker network ls -q"')),
    });
    expect(otherCommand.text).toContain(`question "c" runs differently from the source`);
  });
});

describe("checking a reader's command as the browser does", () => {
  const root = project({
    [ES]: lesson(
      quiz(
        command(
          `answer="docker network create --subnet 10.10.0.0/24 app" compare="state" probe="docker network inspect -f '{{range .IPAM.Config}}{{.Subnet}}{{end}}' app"`,
        ).replace('id="c"', 'id="s"'),
        command('answer="docker network ls --format \'{{.Name}}\'"'),
      ),
    ),
  });
  const report = checkLessons([], options(root, memoryCache()));
  const lessonCheck = report.checks[0]!;
  const checks = lessonCheck.lesson.questions.map((question, index) =>
    commandCheckOf(question, lessonCheck.run.questions[index]!)!,
  ) as CommandCheck[];

  it('rebuilds the question host from the recipe and accepts another command with the same effect', () => {
    const [state] = checks;
    expect(state!.expected).toEqual(['10.10.0.0/24']);
    expect(checkCommand(state!, 'docker network create -d bridge --subnet=10.10.0.0/24 app').accepted).toBe(true);
    expect(checkCommand(state!, 'docker network create app').accepted).toBe(false);
    expect(checkCommand(state!, 'docker network create --subnet 10.10.0.0/24 other').accepted).toBe(false);
    expect(checkCommand(state!, 'echo 10.10.0.0/24').accepted).toBe(false);
  });

  it('compares output: same lines and exit status', () => {
    const output = checks[1]!;
    expect(output.expected).toEqual(['bridge', 'host', 'none', 'red1']);
    expect(checkCommand(output, 'docker network ls --format "{{.Name}}"').accepted).toBe(true);
    expect(checkCommand(output, 'docker network ls').accepted).toBe(false);
    const failing = checkCommand(output, 'docker netwrk ls');
    expect(failing.accepted).toBe(false);
    expect(failing.result.exitCode).not.toBe(0);
  });

  it('replays to the same host the build had', () => {
    const recipe = checks[1]!.recipe;
    expect(recipe.steps).toEqual([{ prompt: '$ ', command: 'docker network create red1' }]);
    expect(replay(recipe).run('$ ', 'docker network ls -q').output).toEqual(
      replay(recipe).run('$ ', 'docker network ls -q').output,
    );
  });
});
