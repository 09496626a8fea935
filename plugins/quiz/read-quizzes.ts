import type { Code, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { closestWord } from '../lessons/closest-word';
import { parseFenceOptions, FenceOptionError, DEFAULT_SESSION } from '../lessons/fence-options';
import {
  asBlocks,
  failIn,
  fenceCommands,
  isJsx,
  isPhrasing,
  placeOf,
  type JsxElement,
  type Place,
  type TypedCommand,
} from '../mdx/mdx-elements';

export const QUESTION_KINDS = ['single', 'multiple', 'predict', 'command'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export interface OptionSource {
  id: string;
  correct: boolean;
  place: Place;
  element: JsxElement;
  /** What the reader reads: phrasing for choices; for predict, nothing (the right one) or the fence of a distractor. */
  content: PhrasingContent[];
  /** A predict distractor: the output it claims the command prints. */
  claimed?: string | undefined;
  explanation: RootContent[];
}

/** Where a predict or command question's host comes from, and what runs on it before the question. */
export interface QuestionStart {
  session: string;
  /** A host of the question's own, seeded from the lesson and question ids, rather than the lesson session at this point. */
  fresh: boolean;
  /** From ```console setup fences inside the question: run, not shown. */
  setup: TypedCommand[];
}

export interface QuestionSource {
  id: string;
  kind: QuestionKind;
  place: Place;
  element: MdxJsxFlowElement;
  /** The question's text: the phrasing of its first paragraph. */
  prompt: PhrasingContent[];
  options: OptionSource[];
  /** predict and command questions. */
  start?: QuestionStart | undefined;
  /** predict: the command whose output the reader picks, and its fence. */
  shown?: (TypedCommand & { node: Code }) | undefined;
  /** command: the author's reference answer. */
  answer?: TypedCommand | undefined;
  /** command: `output` compares what the terminal shows and the exit status; `state` compares what `probe` prints afterwards. */
  compare?: 'output' | 'state' | undefined;
  probe?: string | undefined;
  /** predict and command: the exit status the command (or the answer) must end with. */
  exit: number;
  /** command: why the reference answer does the job. */
  explanation: RootContent[];
  /** How many of the lesson's console blocks come before it: the session state it sees. */
  afterBlocks: number;
}

export interface QuizSource {
  place: Place;
  element: MdxJsxFlowElement;
  questions: QuestionSource[];
}

export interface LessonQuizzes {
  quizzes: QuizSource[];
  /** Code fences inside quizzes: they belong to their questions, not to the lesson's console blocks. */
  fencesInside: Set<Code>;
}

const PROPS = {
  Quiz: [],
  Question: ['id', 'kind', 'session', 'fresh', 'exit', 'answer', 'compare', 'probe'],
  Option: ['id', 'correct'],
  Explain: [],
} as const;
type QuizElementName = keyof typeof PROPS;
const QUIZ_ELEMENTS = Object.keys(PROPS) as QuizElementName[];
const FLAGS = new Set(['correct', 'fresh']);
/** Lowercase words joined by single hyphens: `--` joins ids in the page's element ids. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads a lesson's `<Quiz>` elements: questions, options, explanations, and the
 * commands predict and command questions run. Every authoring mistake is a
 * LessonError at its line, saying what to write instead.
 */
export function readQuizzes(path: string, tree: Root): LessonQuizzes {
  const fail = failIn(path);
  const quizzes: QuizSource[] = [];
  const fencesInside = new Set<Code>();
  const questionIds = new Map<string, Place>();

  const walk = (node: Root | RootContent, inside: QuizElementName | undefined): void => {
    if (isJsx(node) && node.name !== null && (QUIZ_ELEMENTS as readonly string[]).includes(node.name)) {
      const name = node.name as QuizElementName;
      if (name === 'Quiz') {
        if (inside)
          fail(node, '<Quiz> cannot be inside another quiz element: close the first <Quiz> before opening another');
        const quiz = readQuiz(node);
        quizzes.push(quiz);
        return;
      }
      fail(
        node,
        `<${name}> is written outside a <Quiz>: ${name === 'Question' ? 'put questions inside <Quiz>...</Quiz>' : `it belongs inside a <Question> of a <Quiz>`}`,
      );
    }
    if ('children' in node) for (const child of node.children as RootContent[]) walk(child, inside);
  };

  const readQuiz = (element: JsxElement): QuizSource => {
    if (element.type !== 'mdxJsxFlowElement')
      fail(element, '<Quiz> goes on lines of its own, with a blank line after <Quiz> and before </Quiz>');
    checkProps(element, 'Quiz');
    const questions: QuestionSource[] = [];
    for (const child of element.children) {
      const question = asElement(child, 'Question');
      if (question) {
        questions.push(readQuestion(question));
        continue;
      }
      if (isJsx(child) && child.name && (QUIZ_ELEMENTS as readonly string[]).includes(child.name)) {
        fail(child, `<${child.name}> goes inside a <Question>, not directly inside <Quiz>`);
      }
      fail(child, 'a <Quiz> holds only <Question> elements: move this text into a question, or out of the quiz');
    }
    if (questions.length === 0)
      fail(element, 'this <Quiz> has no questions: add <Question id="..." kind="single">...</Question>');
    return { place: placeOf(element), element: element as MdxJsxFlowElement, questions };
  };

  /** A child that is the given element, on its own line or alone in a paragraph. */
  const asElement = (node: RootContent, name: QuizElementName): JsxElement | undefined => {
    if (isJsx(node) && node.name === name) return node;
    if (node.type === 'paragraph') {
      const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      if (meaningful.length === 1 && isJsx(meaningful[0]) && meaningful[0].name === name) return meaningful[0];
    }
    return undefined;
  };

  const checkProps = (element: JsxElement, name: QuizElementName): Map<string, string | true> => {
    const allowed: readonly string[] = PROPS[name];
    const props = new Map<string, string | true>();
    for (const attribute of element.attributes) {
      if (attribute.type !== 'mdxJsxAttribute') fail(element, `<${name}> takes plain props, not {...spread}`);
      const { name: prop, value } = attribute as MdxJsxAttribute;
      if (!allowed.includes(prop)) {
        const suggestion = closestWord(prop, allowed);
        const takes = allowed.length === 0 ? `<${name}> takes no props` : `<${name}> takes ${allowed.join(', ')}`;
        fail(
          element,
          `unknown prop "${prop}" on <${name}>${suggestion ? ` (did you mean ${suggestion}?)` : ''}; ${takes}`,
        );
      }
      if (props.has(prop)) fail(element, `"${prop}" is given twice on <${name}>`);
      if (value === null || value === undefined) {
        if (!FLAGS.has(prop)) fail(element, `"${prop}" on <${name}> needs a value: write ${prop}="..."`);
        props.set(prop, true);
      } else if (typeof value !== 'string') {
        fail(element, `"${prop}" on <${name}> is a {JavaScript expression}; write it as text: ${prop}="..."`);
      } else {
        if (FLAGS.has(prop)) fail(element, `"${prop}" is a flag and takes no value: write ${prop} alone`);
        props.set(prop, value);
      }
    }
    return props;
  };

  const readQuestion = (element: JsxElement): QuestionSource => {
    if (element.type !== 'mdxJsxFlowElement')
      fail(element, '<Question> goes on a line of its own, with its text and options on the lines below');
    const props = checkProps(element, 'Question');
    const id = props.get('id');
    if (typeof id !== 'string')
      fail(
        element,
        'this <Question> has no id: write id="..." with lowercase words joined by hyphens, the same in every language',
      );
    if (!ID.test(id as string))
      fail(element, `question id "${id}": use lowercase letters, digits and hyphens, e.g. id="dns-default-bridge"`);
    const earlier = questionIds.get(id as string);
    if (earlier)
      fail(
        element,
        `question id "${id}" is used twice in this lesson (first at line ${earlier.line}): ids keep each reader's answers apart`,
      );
    questionIds.set(id as string, placeOf(element));
    const kindValue = props.get('kind');
    if (typeof kindValue !== 'string')
      fail(element, `question "${id}" has no kind: write kind="single", "multiple", "predict" or "command"`);
    if (!(QUESTION_KINDS as readonly string[]).includes(kindValue as string)) {
      const suggestion = closestWord(kindValue as string, QUESTION_KINDS);
      fail(
        element,
        `question "${id}": kind="${kindValue}" is not a kind${suggestion ? ` (did you mean ${suggestion}?)` : ''}; write single, multiple, predict or command`,
      );
    }
    const kind = kindValue as QuestionKind;
    const runs = kind === 'predict' || kind === 'command';
    for (const prop of ['session', 'fresh', 'exit'] as const) {
      if (props.has(prop) && !runs)
        fail(
          element,
          `question "${id}": "${prop}" is for predict and command questions, which run on the simulated host`,
        );
    }
    for (const prop of ['answer', 'compare', 'probe'] as const) {
      if (props.has(prop) && kind !== 'command') fail(element, `question "${id}": "${prop}" is for command questions`);
    }
    const session = props.get('session');
    if (session !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(session as string))
      fail(element, `question "${id}": session names are lowercase words joined by hyphens, e.g. session="dns"`);
    if (session !== undefined && props.has('fresh'))
      fail(
        element,
        `question "${id}": fresh starts on a host of its own, so session="${session}" means nothing with it`,
      );
    const exitValue = props.get('exit');
    let exit = 0;
    if (exitValue !== undefined) {
      if (!/^\d+$/.test(exitValue as string) || Number(exitValue) > 255)
        fail(element, `question "${id}": exit="${exitValue}" must be an exit status from 0 to 255`);
      exit = Number(exitValue);
    }

    const question: QuestionSource = {
      id: id as string,
      kind,
      place: placeOf(element),
      element: element as MdxJsxFlowElement,
      prompt: [],
      options: [],
      exit,
      explanation: [],
      afterBlocks: 0,
    };
    if (runs)
      question.start = {
        session: (session as string | undefined) ?? DEFAULT_SESSION,
        fresh: props.has('fresh'),
        setup: [],
      };

    const children = element.children as RootContent[];
    const first = children[0];
    if (!first || first.type !== 'paragraph' || asElement(first, 'Option') || asElement(first, 'Explain')) {
      fail(
        first ?? element,
        `question "${id}" starts with its text: one paragraph that asks the question, before anything else`,
      );
    }
    question.prompt = (first as Paragraph).children;
    const optionIds = new Map<string, Place>();
    for (const child of children.slice(1)) {
      const option = asElement(child, 'Option');
      if (option) {
        if (kind === 'command')
          fail(
            option,
            `question "${id}" is a command question: the reader types the answer, so it has no <Option>; give the reference as answer="..."`,
          );
        const read = readOption(option, question);
        const seen = optionIds.get(read.id);
        if (seen) fail(option, `option id "${read.id}" is used twice in question "${id}" (first at line ${seen.line})`);
        optionIds.set(read.id, read.place);
        question.options.push(read);
        continue;
      }
      const explain = asElement(child, 'Explain');
      if (explain) {
        if (kind !== 'command') fail(explain, `question "${id}": each <Explain> goes inside the <Option> it explains`);
        if (question.explanation.length > 0)
          fail(explain, `question "${id}" has two <Explain>: write one explanation of the answer`);
        question.explanation = explanationOf(explain);
        continue;
      }
      if (child.type === 'code' && child.lang === 'console' && runs) {
        readQuestionFence(child, question);
        continue;
      }
      if (child.type === 'code' && child.lang === 'console')
        fail(
          child,
          `question "${id}": only predict and command questions run commands; show this as a \`\`\`text block, or change the kind`,
        );
      if (isJsx(child) && child.name && (QUIZ_ELEMENTS as readonly string[]).includes(child.name))
        fail(child, `<${child.name}> cannot go directly inside a <Question>`);
      fail(
        child,
        `question "${id}": after its text a question holds ${kind === 'command' ? 'one <Explain>' : '<Option> elements'}${runs ? ' and ```console blocks' : ''}; move this into the text's paragraph or out of the quiz`,
      );
    }
    validateQuestion(question, props);
    return question;
  };

  const readQuestionFence = (node: Code, question: QuestionSource): void => {
    fencesInside.add(node);
    let options;
    try {
      options = parseFenceOptions(node.meta);
    } catch (error) {
      if (!(error instanceof FenceOptionError)) throw error;
      return fail(node, `question "${question.id}": console block options: ${error.message}`);
    }
    const onlySetup =
      options.session === DEFAULT_SESSION && !options.norun && !options.pin && !options.reset && options.exit === 0;
    if (!onlySetup)
      fail(
        node,
        `question "${question.id}": a console block in a question takes only setup (write session=, fresh and exit= on the <Question>)`,
      );
    const { steps, typed } = fenceCommands(node, fail, `question "${question.id}": console block`);
    if (options.setup) {
      if (question.shown)
        fail(node, `question "${question.id}": setup blocks come before the command the reader predicts`);
      question.start!.setup.push(...typed);
      return;
    }
    if (question.kind === 'command')
      fail(
        node,
        `question "${question.id}": a command question shows no command (the reader types it); state it needs goes in a \`\`\`console setup block`,
      );
    if (question.shown)
      fail(
        node,
        `question "${question.id}" shows two commands to predict (first at line ${question.shown.place.line}): keep one, and move what prepares it into a \`\`\`console setup block`,
      );
    if (steps.length !== 1)
      fail(
        node,
        `question "${question.id}": the block shows ${steps.length} commands; a predict question shows exactly one (put the others in a \`\`\`console setup block)`,
      );
    if (steps[0]!.output.some((line) => line.trim() !== '')) {
      fail(
        node,
        `question "${question.id}": leave the output out: netsim prints it at build time, and it becomes the right option`,
      );
    }
    question.shown = { ...typed[0]!, node };
  };

  const readOption = (element: JsxElement, question: QuestionSource): OptionSource => {
    const props = checkProps(element, 'Option');
    const id = props.get('id');
    if (typeof id !== 'string')
      fail(element, `an <Option> of question "${question.id}" has no id: write id="..." (the same in every language)`);
    if (!ID.test(id as string)) fail(element, `option id "${id}": use lowercase letters, digits and hyphens`);
    const option: OptionSource = {
      id: id as string,
      correct: props.has('correct'),
      place: placeOf(element),
      element,
      content: [],
      explanation: [],
    };
    const parts = flattenOption(element);
    const explains = parts.filter((part): part is JsxElement => isJsx(part) && part.name === 'Explain');
    if (explains.length === 0) {
      fail(
        element,
        `option "${option.id}" of question "${question.id}" has no explanation: add <Explain>why this answer is ${option.correct ? 'right' : 'wrong'}</Explain> inside it`,
      );
    }
    if (explains.length > 1) fail(explains[1]!, `option "${option.id}" has two <Explain>: write one`);
    option.explanation = explanationOf(explains[0]!);
    const rest = parts.filter((part) => part !== explains[0]);
    if (question.kind === 'predict') {
      const fences = rest.filter((part): part is Code => part.type === 'code');
      const other = rest.filter((part) => part.type !== 'code' && !(part.type === 'text' && part.value.trim() === ''));
      if (option.correct) {
        if (fences.length > 0 || other.length > 0) {
          fail(
            element,
            `option "${option.id}" is the right answer of a predict question: netsim writes its text (what the command prints), so leave only its <Explain>`,
          );
        }
      } else {
        if (fences.length !== 1 || other.length > 0) {
          fail(
            element,
            `option "${option.id}" of predict question "${question.id}" is one fenced block with the output it claims, and its <Explain>`,
          );
        }
        if (fences[0]!.lang && fences[0]!.lang !== 'text')
          fail(
            fences[0]!,
            `option "${option.id}": write the claimed output in a plain fence (\`\`\` or \`\`\`text), not \`\`\`${fences[0]!.lang}`,
          );
        option.claimed = fences[0]!.value;
      }
      return option;
    }
    const phrasing: PhrasingContent[] = [];
    for (const part of rest) {
      if (part.type === 'paragraph') {
        if (phrasing.length > 0) fail(part, `option "${option.id}" is one paragraph: options are short answers`);
        phrasing.push(...part.children);
      } else if (isPhrasing(part)) phrasing.push(part);
      else
        fail(
          part,
          `option "${option.id}" holds text and its <Explain> only (a code fence belongs in predict questions)`,
        );
    }
    trimPhrasing(phrasing);
    if (phrasing.length === 0)
      fail(
        element,
        `option "${option.id}" of question "${question.id}" has no text: write the answer the reader picks`,
      );
    option.content = phrasing;
    return option;
  };

  const validateQuestion = (question: QuestionSource, props: Map<string, string | true>): void => {
    const { id, kind, element } = question;
    if (kind === 'command') {
      const answer = props.get('answer');
      if (typeof answer !== 'string' || answer.trim() === '')
        fail(element, `command question "${id}" needs the reference answer: answer="docker network ls"`);
      question.answer = { prompt: '$ ', command: (answer as string).trim(), place: placeOf(element) };
      const compare = props.get('compare') ?? 'output';
      if (compare !== 'output' && compare !== 'state')
        fail(
          element,
          `question "${id}": compare="${compare}" must be output (same terminal output and exit status) or state (same probe output afterwards)`,
        );
      question.compare = compare as 'output' | 'state';
      const probe = props.get('probe');
      if (question.compare === 'state' && (typeof probe !== 'string' || probe.trim() === '')) {
        fail(
          element,
          `question "${id}" compares state: say how to observe it with probe="docker network inspect -f '{{.Driver}}' red1"`,
        );
      }
      if (question.compare === 'output' && probe !== undefined)
        fail(element, `question "${id}": probe is read only with compare="state"`);
      question.probe = typeof probe === 'string' ? probe.trim() : undefined;
      if (question.explanation.length === 0)
        fail(
          element,
          `command question "${id}" has no explanation: add <Explain>why the reference answer works</Explain> after its text`,
        );
      return;
    }
    const options = question.options;
    if (options.length < 2)
      fail(
        element,
        `question "${id}" has ${options.length} option${options.length === 1 ? '' : 's'}: give at least two`,
      );
    const right = options.filter((option) => option.correct);
    if (right.length === 0) {
      fail(
        element,
        `question "${id}" has no right answer: mark ${kind === 'multiple' ? 'the right options' : 'one <Option>'} with correct`,
      );
    }
    if (kind !== 'multiple' && right.length > 1) {
      const where = right.map((option) => option.place.line).join(' and ');
      fail(
        right[1]!.element,
        `question "${id}" is ${kind === 'single' ? 'single-choice' : 'predict'} and has ${right.length} right answers (lines ${where}): mark one${kind === 'single' ? ', or write kind="multiple"' : ''}`,
      );
    }
    if (kind === 'predict' && !question.shown)
      fail(
        element,
        `predict question "${id}" shows no command: add a \`\`\`console block with the one command whose output the reader picks`,
      );
  };

  walk(tree, undefined);
  return { quizzes, fencesInside };
}

/** An Option's parts: its paragraphs' children when a paragraph holds the <Explain> too. */
function flattenOption(element: JsxElement): RootContent[] {
  const parts: RootContent[] = [];
  for (const child of element.children as RootContent[]) {
    if (child.type === 'paragraph' && child.children.some((part) => isJsx(part) && part.name === 'Explain')) {
      const before: PhrasingContent[] = [];
      for (const part of child.children) {
        if (isJsx(part) && part.name === 'Explain') {
          trimPhrasing(before);
          if (before.length > 0) parts.push({ type: 'paragraph', children: [...before] });
          before.length = 0;
          parts.push(part);
        } else before.push(part);
      }
      trimPhrasing(before);
      if (before.length > 0) parts.push({ type: 'paragraph', children: before });
    } else parts.push(child);
  }
  return parts;
}

/** An explanation's blocks: `<Explain>text</Explain>` on one line holds bare phrasing, which becomes a paragraph. */
const explanationOf = (explain: JsxElement): RootContent[] => asBlocks(explain.children as RootContent[]);

/** Drops whitespace at both ends of a run of phrasing, where a line break before <Explain> leaves it. */
function trimPhrasing(parts: PhrasingContent[]): void {
  const first = parts[0];
  if (first?.type === 'text') {
    first.value = first.value.trimStart();
    if (first.value === '') parts.shift();
  }
  const last = parts.at(-1);
  if (last?.type === 'text') {
    last.value = last.value.trimEnd();
    if (last.value === '') parts.pop();
  }
}
