import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import type { CommandCheck } from '../../src/practice/replay';
import { attribute, flow, replaceNode, text } from '../mdx/mdx-nodes';
import type { QuestionSource, QuizSource } from './read-quizzes';
import type { QuestionRun } from './run-question';

/** The components a page provides for quizzes (src/components/quiz/). */
export const QUIZ_COMPONENTS = {
  quiz: 'QuizBlock',
  question: 'QuizQuestion',
  option: 'QuizOption',
  console: 'ConsoleBlock',
} as const;

/** What the reader's command is compared with, worked out at build time from the reference answer. */
export function commandCheckOf(question: QuestionSource, run: QuestionRun): CommandCheck | undefined {
  if (question.kind !== 'command' || run.kind !== 'ran') return undefined;
  return {
    recipe: run.recipe,
    prompt: run.prompt,
    compare: question.compare!,
    probe: question.probe,
    expected: question.compare === 'state' ? run.probeAfter!.output : run.answer!.output,
    exit: question.exit,
  };
}

/**
 * Replaces each `<Quiz>` the author wrote with the page's quiz components:
 * numbered questions, options with their explanations, the command a predict
 * question shows and the output netsim printed for it as the right option, and
 * the check a command question runs in the browser. Runs are index-aligned with
 * the lesson's questions; without them (rendering unverified) the right option of
 * a predict question is left empty and command questions get no input.
 */
export function renderQuizzes(
  tree: Root,
  quizzes: readonly QuizSource[],
  lessonId: string,
  runs: readonly QuestionRun[] | undefined,
): void {
  let index = 0;
  for (const quiz of quizzes) {
    const questions = quiz.questions.map((question, number) =>
      renderQuestion(question, number + 1, quiz.questions.length, runs?.[index++]),
    );
    const rendered = flow(
      QUIZ_COMPONENTS.quiz,
      [attribute('lessonId', lessonId), attribute('count', String(quiz.questions.length))],
      questions,
    );
    replaceNode(tree, quiz.element, rendered);
  }
}

function renderQuestion(
  question: QuestionSource,
  number: number,
  total: number,
  run: QuestionRun | undefined,
): MdxJsxFlowElement {
  const attributes = [
    attribute('id', question.id),
    attribute('kind', question.kind),
    attribute('number', String(number)),
    attribute('total', String(total)),
  ];
  const children: RootContent[] = [text('span', [attribute('slot', 'prompt')], question.prompt)];
  if (question.kind === 'command') {
    attributes.push(attribute('answer', question.answer!.command));
    const check = run && commandCheckOf(question, run);
    if (check) attributes.push(attribute('check', JSON.stringify(check)));
    children.push(flow('div', [attribute('slot', 'explanation')], question.explanation));
    return flow(QUIZ_COMPONENTS.question, attributes, children);
  }
  attributes.push(
    attribute(
      'correct',
      question.options
        .filter((option) => option.correct)
        .map((option) => option.id)
        .join(','),
    ),
  );
  if (question.kind === 'predict') {
    const shown = question.shown!;
    const steps = [{ prompt: shown.prompt, command: shown.command, output: [] }];
    children.push(
      flow(QUIZ_COMPONENTS.console, [attribute('steps', JSON.stringify(steps)), attribute('status', 'unchecked')], []),
    );
  }
  const printed = run?.kind === 'ran' ? run.shown?.output.join('\n') : undefined;
  for (const option of question.options) {
    const label: PhrasingContent[] =
      // A <code> element rather than inline code, whose line breaks Markdown turns into spaces.
      question.kind === 'predict'
        ? [text('code', [], [{ type: 'text', value: option.claimed ?? printed ?? '' }])]
        : option.content;
    const optionAttributes = [attribute('question', question.id), attribute('id', option.id)];
    if (question.kind === 'multiple') optionAttributes.push(attribute('multiple', null));
    if (option.correct) optionAttributes.push(attribute('correct', null));
    children.push(
      flow(QUIZ_COMPONENTS.option, optionAttributes, [
        text('span', [attribute('class', question.kind === 'predict' ? 'quiz__output' : 'quiz__text')], label),
        flow('div', [attribute('slot', 'explanation')], option.explanation),
      ]),
    );
  }
  return flow(QUIZ_COMPONENTS.question, attributes, children);
}
