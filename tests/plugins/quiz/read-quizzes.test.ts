import { describe, expect, it } from 'vitest';
import { LessonError } from '../../../plugins/lessons/lesson-error';
import { readLessonSource } from '../../../plugins/lessons/lesson-source';

const PATH = 'content/es/quiz.mdx';
const FRONT = '---\nlessonId: quiz\nsourceLocale: es\n---\n\n';

/** A lesson whose quiz is the given text; line numbers in messages count the 5 lines of front matter. */
const lesson = (quiz: string) => FRONT + quiz;
const read = (quiz: string) => readLessonSource(PATH, lesson(quiz));

function errorOf(quiz: string): LessonError {
  try {
    read(quiz);
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('no error');
}

const option = (id: string, extra = '', text = `Text ${id}`) =>
  `  <Option id="${id}"${extra}>\n    ${text}\n    <Explain>Why ${id}.</Explain>\n  </Option>\n`;
const question = (props: string, body: string) => `<Question ${props}>\n  The question?\n\n${body}</Question>\n`;
const quiz = (...questions: string[]) => `<Quiz>\n\n${questions.join('\n')}\n</Quiz>\n`;
const single = (id = 'q1') => question(`id="${id}" kind="single"`, option('a', ' correct') + option('b'));

describe('reading quizzes', () => {
  it('reads questions, options, right answers and explanations, and leaves question fences out of the console blocks', () => {
    const source = read(
      quiz(
        single(),
        question('id="q2" kind="multiple"', option('a', ' correct') + option('b', ' correct') + option('c')),
        question(
          'id="q3" kind="predict" fresh exit="1"',
          '  ```console setup\n  $ docker run -dit --name a1 alpine\n  ```\n\n  ```console\n  $ docker exec a1 ping -c 1 a2\n  ```\n\n' +
            '  <Option id="real" correct>\n    <Explain>Right.</Explain>\n  </Option>\n  <Option id="fake">\n    ```\n    PING a2\n    ```\n    <Explain>No.</Explain>\n  </Option>\n',
        ),
        question('id="q4" kind="command" answer="docker network ls" ', '  <Explain>Lists them.</Explain>\n'),
      ),
    );
    expect(source.blocks).toEqual([]);
    expect(source.questions.map((q) => [q.id, q.kind, q.place.line])).toEqual([
      ['q1', 'single', 8],
      ['q2', 'multiple', 21],
      ['q3', 'predict', 38],
      ['q4', 'command', 60],
    ]);
    expect(source.questions[1]!.options.map((o) => [o.id, o.correct])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
    const predict = source.questions[2]!;
    expect(predict.start).toMatchObject({
      session: 'main',
      fresh: true,
      setup: [{ prompt: '$ ', command: 'docker run -dit --name a1 alpine', place: { line: 42, column: 1 } }],
    });
    expect(predict.shown).toMatchObject({ prompt: '$ ', command: 'docker exec a1 ping -c 1 a2' });
    expect(predict.exit).toBe(1);
    expect(predict.options.map((o) => o.claimed)).toEqual([undefined, 'PING a2']);
    expect(source.questions[3]).toMatchObject({
      answer: { command: 'docker network ls' },
      compare: 'output',
      probe: undefined,
    });
  });

  it('counts the console blocks before each question, so it sees the session as they left it', () => {
    const text = '```console\n$ docker network ls\n```\n\n' + quiz(single('q1')) + '\n```console\n$ ip r\n```\n';
    const source = read(text);
    expect(source.blocks).toHaveLength(2);
    expect(source.questions[0]!.afterBlocks).toBe(1);
  });

  it.each([
    [
      'an option with no explanation',
      quiz(question('id="q" kind="single"', '  <Option id="a" correct>Text</Option>\n' + option('b'))),
      11,
      3,
      'option "a" of question "q" has no explanation: add <Explain>why this answer is right</Explain> inside it',
    ],
    [
      'no right answer',
      quiz(question('id="q" kind="single"', option('a') + option('b'))),
      8,
      1,
      'question "q" has no right answer: mark one <Option> with correct',
    ],
    [
      'two right answers in a single-choice question',
      quiz(question('id="q" kind="single"', option('a', ' correct') + option('b', ' correct'))),
      15,
      3,
      'question "q" is single-choice and has 2 right answers (lines 11 and 15): mark one, or write kind="multiple"',
    ],
    [
      'a duplicate question id',
      quiz(single('q1'), single('q1')),
      21,
      1,
      'question id "q1" is used twice in this lesson (first at line 8): ids keep each reader\'s answers apart',
    ],
    [
      'a duplicate option id',
      quiz(question('id="q" kind="single"', option('a', ' correct') + option('a'))),
      15,
      3,
      'option id "a" is used twice in question "q" (first at line 11)',
    ],
    [
      'an unknown prop, with a suggestion',
      quiz(question('id="q" kind="single"', option('a', ' corect') + option('b'))),
      11,
      3,
      'unknown prop "corect" on <Option> (did you mean correct?); <Option> takes id, correct',
    ],
    [
      'an unknown kind, with a suggestion',
      quiz(question('id="q" kind="singel"', option('a', ' correct') + option('b'))),
      8,
      1,
      'question "q": kind="singel" is not a kind (did you mean single?); write single, multiple, predict or command',
    ],
    [
      'a question without id',
      quiz(question('kind="single"', option('a', ' correct') + option('b'))),
      8,
      1,
      'this <Question> has no id: write id="..." with lowercase words joined by hyphens, the same in every language',
    ],
    [
      'an id with capitals',
      quiz(question('id="Q1" kind="single"', option('a', ' correct') + option('b'))),
      8,
      1,
      'question id "Q1": use lowercase letters, digits and hyphens, e.g. id="dns-default-bridge"',
    ],
    [
      'a question with one option',
      quiz(question('id="q" kind="single"', option('a', ' correct'))),
      8,
      1,
      'question "q" has 1 option: give at least two',
    ],
    [
      'an option without text',
      quiz(
        question(
          'id="q" kind="single"',
          '  <Option id="a" correct>\n    <Explain>Why.</Explain>\n  </Option>\n' + option('b'),
        ),
      ),
      11,
      3,
      'option "a" of question "q" has no text: write the answer the reader picks',
    ],
    [
      'a question outside a quiz',
      single('q'),
      6,
      1,
      '<Question> is written outside a <Quiz>: put questions inside <Quiz>...</Quiz>',
    ],
    [
      'an empty quiz',
      '<Quiz>\n</Quiz>\n',
      6,
      1,
      'this <Quiz> has no questions: add <Question id="..." kind="single">...</Question>',
    ],
    [
      'a prop given as an expression',
      quiz(question('id={"q"} kind="single"', option('a', ' correct') + option('b'))),
      8,
      1,
      '"id" on <Question> is a {JavaScript expression}; write it as text: id="..."',
    ],
    [
      'a flag given a value',
      quiz(question('id="q" kind="single"', option('a', ' correct="yes"') + option('b'))),
      11,
      3,
      '"correct" is a flag and takes no value: write correct alone',
    ],
    [
      'session on a choice question',
      quiz(question('id="q" kind="single" session="dns"', option('a', ' correct') + option('b'))),
      8,
      1,
      'question "q": "session" is for predict and command questions, which run on the simulated host',
    ],
    [
      'a command question without answer',
      quiz(question('id="q" kind="command"', '  <Explain>Why.</Explain>\n')),
      8,
      1,
      'command question "q" needs the reference answer: answer="docker network ls"',
    ],
    [
      'a command question without explanation',
      quiz(question('id="q" kind="command" answer="ip r"', '')),
      8,
      1,
      'command question "q" has no explanation: add <Explain>why the reference answer works</Explain> after its text',
    ],
    [
      'compare=state without probe',
      quiz(question('id="q" kind="command" answer="ip r" compare="state"', '  <Explain>Why.</Explain>\n')),
      8,
      1,
      'question "q" compares state: say how to observe it with probe="docker network inspect -f \'{{.Driver}}\' red1"',
    ],
    [
      'options in a command question',
      quiz(question('id="q" kind="command" answer="ip r"', option('a', ' correct'))),
      11,
      3,
      'question "q" is a command question: the reader types the answer, so it has no <Option>; give the reference as answer="..."',
    ],
    [
      'a predict question without command',
      quiz(
        question(
          'id="q" kind="predict"',
          '  <Option id="a" correct>\n    <Explain>Why.</Explain>\n  </Option>\n' +
            '  <Option id="b">\n    ```\n    x\n    ```\n    <Explain>No.</Explain>\n  </Option>\n',
        ),
      ),
      8,
      1,
      'predict question "q" shows no command: add a ```console block with the one command whose output the reader picks',
    ],
    [
      'written output on the predicted command',
      quiz(
        question(
          'id="q" kind="predict"',
          '  ```console\n  $ ip r\n  default via 1.2.3.4\n  ```\n\n' + option('a', ' correct'),
        ),
      ),
      11,
      3,
      'question "q": leave the output out: netsim prints it at build time, and it becomes the right option',
    ],
    [
      'text in the right option of a predict question',
      quiz(question('id="q" kind="predict"', '  ```console\n  $ ip r\n  ```\n\n' + option('a', ' correct'))),
      15,
      3,
      'option "a" is the right answer of a predict question: netsim writes its text (what the command prints), so leave only its <Explain>',
    ],
    [
      'two commands to predict',
      quiz(question('id="q" kind="predict"', '  ```console\n  $ ip r\n  $ ip a\n  ```\n')),
      11,
      3,
      'question "q": the block shows 2 commands; a predict question shows exactly one (put the others in a ```console setup block)',
    ],
    [
      'a console block in a choice question',
      quiz(
        question('id="q" kind="single"', '  ```console\n  $ ip r\n  ```\n\n' + option('a', ' correct') + option('b')),
      ),
      11,
      3,
      'question "q": only predict and command questions run commands; show this as a ```text block, or change the kind',
    ],
    [
      'a text before any question',
      '<Quiz>\n\nSome words.\n\n' + single('q') + '\n</Quiz>\n',
      8,
      1,
      'a <Quiz> holds only <Question> elements: move this text into a question, or out of the quiz',
    ],
  ])('rejects %s at its line', (_name, text, line, column, reason) => {
    const error = errorOf(text);
    expect(error.reason).toBe(reason);
    expect([error.line, error.column]).toEqual([line, column]);
    expect(error.message).toBe(`${PATH}:${line}:${column}: ${reason}`);
  });
});
