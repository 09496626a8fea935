import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parse as parseYaml } from 'yaml';
import { ConsoleSyntaxError, parseConsoleBlock } from '../console/parse-console-block';
import { readExercises, type ExerciseSource } from '../exercise/read-exercises';
import { readQuizzes, type QuestionSource, type QuizSource } from '../quiz/read-quizzes';
import { readTopologies, TOPOLOGY_ELEMENT, type TopologySource } from '../topology/read-topologies';
import { readTraces, TRACE_ELEMENT, type TraceSource } from '../trace/read-traces';
import { outlineOf, type Heading } from '../headings/heading-slugs';
import { closestWord } from './closest-word';
import { FenceOptionError, parseFenceOptions, type FenceOptions } from './fence-options';
import { LessonError } from './lesson-error';
import { checkLessonSafety } from './lesson-safety';
import { lessonParser } from './lesson-parser';
import { fingerprintTree, type SourceFingerprint } from './source-fingerprint';
import { lessonHead, type LessonHead } from './lesson-head';
import { sourceLines, type SourceLine } from './source-lines';

export { lessonParser };

/** A line inside a console fence: the file line, and what precedes the block's text on it (indentation, `> `). */
export interface BlockLine {
  line: SourceLine;
  prefix: string;
  text: string;
}

/** One command of a block, where it is written, and the output lines written after it. */
export interface WrittenStep {
  prompt: string;
  command: string;
  /** The command's lines as written, `> ` prompts included, when they differ from `command` (a here-document). */
  shown?: string;
  commandLines: BlockLine[];
  output: BlockLine[];
}

export interface ConsoleBlockSource {
  /** 0-based position among the lesson's console blocks. */
  index: number;
  fence: SourceLine;
  /** Column of the fence's backticks, 1-based. */
  column: number;
  meta: string;
  options: FenceOptions;
  lines: BlockLine[];
  /** Where output is inserted when the last step has none: the closing fence, or the end of the file. */
  end: { offset: number; prefix: string };
  steps: WrittenStep[];
}

export interface LessonSource {
  path: string;
  text: string;
  lines: SourceLine[];
  /** From the path: content/<locale>/<lesson>.mdx. */
  locale: string | undefined;
  lessonId: string;
  sourceLocale: string | undefined;
  blocks: ConsoleBlockSource[];
  quizzes: QuizSource[];
  /** Every question of every quiz, in document order. */
  questions: QuestionSource[];
  exercises: ExerciseSource[];
  /** `<Topology />` figures, in document order. */
  topologies: TopologySource[];
  /** `<Trace />` packet traces, in document order. */
  traces: TraceSource[];
  /** The outline, as its translations' heading ids follow it. */
  headings: Heading[];
  /** What a translation of this lesson follows (translation-status.ts). */
  fingerprint: SourceFingerprint;
  /** Its front matter as the translation status reads it; none when the front matter is missing or not YAML. */
  head: LessonHead | undefined;
}

/**
 * Finds a lesson's console blocks and maps every line of them to the file, so
 * checks can point at `file:line` and updates can splice bytes rather than
 * re-serialise Markdown. Mistakes in a block are located errors.
 */
export function readLessonSource(path: string, text: string): LessonSource {
  return readLessonTree(path, text).lesson;
}

/**
 * readLessonSource, with the parsed tree for the checks that read prose
 * (check-terms.ts): a build parses each lesson once.
 */
export function readLessonTree(path: string, text: string): { lesson: LessonSource; tree: Root } {
  const lines = sourceLines(text);
  // Markdown reads a lone CR as a line break and editors do not: every line number after it would be wrong.
  for (const line of lines) {
    const odd = /\r|\0/.exec(line.text);
    if (odd) {
      throw new LessonError(
        path,
        line.number,
        odd.index + 1,
        `this line holds a ${odd[0] === '\r' ? 'carriage return (CR) that is not part of a CRLF line ending' : 'NUL character'}; remove it`,
      );
    }
  }
  let tree: Root;
  try {
    tree = lessonParser.parse(text);
  } catch (error) {
    const place = error as {
      line?: number;
      column?: number;
      reason?: string;
      message: string;
    };
    throw new LessonError(
      path,
      place.line ?? 1,
      place.column ?? 1,
      `the MDX does not parse: ${place.reason ?? place.message}`,
    );
  }
  const front = frontMatterOf(path, tree);
  checkFences(path, lines, tree);
  // Before the readers below, which trim the text of quiz options in place.
  const headings = outlineOf(tree);
  let fingerprint: SourceFingerprint | undefined;
  try {
    fingerprint = fingerprintTree(tree);
  } catch {
    // A console block that does not parse: the readers below report it at its line.
  }
  // Quizzes and exercises first: their own messages say more about their props than the general rule.
  const { quizzes, fencesInside } = readQuizzes(path, tree);
  const practice = readExercises(path, tree);
  const topologies = readTopologies(path, tree);
  const traces = readTraces(path, tree);
  checkLessonSafety(path, tree, front.allowCode);
  const blocks: ConsoleBlockSource[] = [];
  visit(tree, 'code', (node: Code) => {
    if (node.lang === 'console' && !fencesInside.has(node) && !practice.fencesInside.has(node))
      blocks.push(locateBlock(path, lines, node, blocks.length));
  });
  const questions = quizzes.flatMap((quiz) => quiz.questions);
  const before = (line: number) => blocks.filter((block) => block.fence.number < line).length;
  for (const question of questions) question.afterBlocks = before(question.place.line);
  for (const exercise of practice.exercises) exercise.afterBlocks = before(exercise.place.line);
  for (const figure of topologies) {
    figure.afterBlocks = before(figure.place.line);
    checkFigureSession(path, figure, blocks, TOPOLOGY_ELEMENT, 'figure');
  }
  for (const trace of traces) {
    trace.afterBlocks = before(trace.place.line);
    checkFigureSession(path, trace, blocks, TRACE_ELEMENT, 'trace');
  }
  const locale = /(?:^|\/)content\/([a-z]{2})\//.exec(path.replaceAll('\\', '/'))?.[1];
  const fileId = /([^/\\]+)\.mdx$/.exec(path)?.[1] ?? path;
  const lesson: LessonSource = {
    path,
    text,
    lines,
    locale,
    lessonId: front.lessonId ?? fileId,
    sourceLocale: front.sourceLocale,
    blocks,
    quizzes,
    questions,
    exercises: practice.exercises,
    topologies,
    traces,
    headings,
    fingerprint: fingerprint ?? fingerprintTree(tree),
    // Read here, where a build reads every lesson and keeps what it read: the status needs no second pass over the files.
    head: headIfAny(path, text),
  };
  return { lesson, tree };
}

/** A figure draws (a trace runs on) what its session's blocks did before it: a session with no block run there has no host. */
function checkFigureSession(
  path: string,
  figure: { session: string; afterBlocks: number; place: { line: number; column: number } },
  blocks: readonly ConsoleBlockSource[],
  element: string,
  noun: string,
): void {
  const ran = blocks.slice(0, figure.afterBlocks).filter((block) => !block.options.norun);
  if (ran.some((block) => block.options.session === figure.session)) return;
  const sessions = [...new Set(ran.map((block) => block.options.session))];
  const suggestion = closestWord(figure.session, sessions);
  const reason =
    sessions.length === 0
      ? `<${element}> ${element === TOPOLOGY_ELEMENT ? 'draws the host' : 'runs on the host'} as the console blocks before it left it, and no block runs before this one: put it after the block whose result it shows`
      : `<${element}> session="${figure.session}": no console block of that session runs before this ${noun}${suggestion ? ` (did you mean session="${suggestion}"?)` : ''}; sessions run so far: ${sessions.join(', ')}`;
  throw new LessonError(path, figure.place.line, figure.place.column, reason);
}

/** Fence languages that mean a terminal session but are not verified under that name. */
const CONSOLE_LOOKALIKES = new Set(['shell-session', 'sh-session', 'shellsession', 'terminal', 'bash-session']);

/**
 * Every fence must close: Markdown runs an unclosed one to the end of the file,
 * and an update would then write command output over the prose after it. A
 * fence that names a terminal session another way would never be verified.
 */
function checkFences(path: string, lines: readonly SourceLine[], tree: Root): void {
  visit(tree, 'code', (node: Code) => {
    const start = node.position!.start;
    const end = node.position!.end;
    const opening = /^[\s>]*(`{3,}|~{3,})/.exec(lines[start.line - 1]?.text ?? '')?.[1];
    if (!opening) return; // an indented code block has no fence to close
    const closing = lines[end.line - 1]?.text ?? '';
    const closed =
      end.line > start.line &&
      new RegExp(`^[\\s>]*${opening[0] === '`' ? '`' : '~'}{${opening.length},}\\s*$`).test(closing);
    if (!closed) {
      throw new LessonError(
        path,
        start.line,
        start.column,
        `this ${opening}${node.lang ?? ''} block is never closed, so it runs to the end of the file: add a line with ${opening} after its last line`,
      );
    }
    const lang = node.lang ?? '';
    if (lang !== 'console' && (lang.toLowerCase() === 'console' || CONSOLE_LOOKALIKES.has(lang.toLowerCase()))) {
      throw new LessonError(
        path,
        start.line,
        start.column,
        `a \`\`\`${lang} block is not verified against netsim: write \`\`\`console for a terminal session, or \`\`\`text for output that is not run`,
      );
    }
  });
}

function headIfAny(path: string, text: string): LessonHead | undefined {
  try {
    return lessonHead(path, text);
  } catch (error) {
    if (error instanceof LessonError) return undefined;
    throw error;
  }
}

function frontMatterOf(
  path: string,
  tree: Root,
): { lessonId?: string | undefined; sourceLocale?: string | undefined; allowCode?: string[] | undefined } {
  const yaml = tree.children.find((node) => node.type === 'yaml');
  if (!yaml || !('value' in yaml)) return {};
  try {
    const data = parseYaml(yaml.value) as Record<string, unknown> | null;
    const text = (key: string) => (typeof data?.[key] === 'string' ? (data[key] as string) : undefined);
    const allowCode = Array.isArray(data?.allowCode) ? (data.allowCode as unknown[]).map(String) : undefined;
    return { lessonId: text('lessonId'), sourceLocale: text('sourceLocale'), allowCode };
  } catch (error) {
    // The YAML parser counts from the line after the opening `---`.
    const place = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const line = (yaml.position?.start.line ?? 1) + (place?.line ?? 0);
    throw new LessonError(
      path,
      line,
      place?.col ?? 1,
      `the front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

function locateBlock(path: string, lines: readonly SourceLine[], node: Code, index: number): ConsoleBlockSource {
  const start = node.position!.start;
  const fence = lines[start.line - 1]!;
  let options: FenceOptions;
  try {
    options = parseFenceOptions(node.meta);
  } catch (error) {
    if (!(error instanceof FenceOptionError)) throw error;
    throw new LessonError(
      path,
      fence.number,
      fence.text.indexOf('console') + 1,
      `console block options: ${error.message}`,
    );
  }
  const valueLines = node.value === '' ? [] : node.value.split(/\r?\n/);
  const blockLines = valueLines.map((text, offset) => {
    const line = lines[fence.number + offset]!;
    if (!line.text.endsWith(text)) {
      throw new LessonError(
        path,
        line.number,
        1,
        'cannot map this console block line to the file (mixed tabs in its indentation?); indent the block with spaces',
      );
    }
    return {
      line,
      prefix: line.text.slice(0, line.text.length - text.length),
      text,
    };
  });
  const after = lines[fence.number + valueLines.length];
  const closingPrefix = after ? /^[\s>]*/.exec(after.text)![0] : '';
  const end = after
    ? { offset: after.start, prefix: closingPrefix }
    : { offset: lines.at(-1)!.start + lines.at(-1)!.text.length, prefix: '' };
  let parsed;
  try {
    parsed = parseConsoleBlock(node.value);
  } catch (error) {
    if (!(error instanceof ConsoleSyntaxError)) throw error;
    throw new LessonError(path, fence.number + 1 + error.line, 1, `console block: ${error.message}`);
  }
  const steps = parsed.map((step) => {
    const commandLineCount = step.command.split('\n').length;
    return {
      prompt: step.prompt,
      command: step.command,
      ...(step.shown === undefined ? {} : { shown: step.shown }),
      commandLines: blockLines.slice(step.line, step.line + commandLineCount),
      output: blockLines.slice(step.line + commandLineCount, step.line + commandLineCount + step.output.length),
    };
  });
  return {
    index,
    fence,
    column: start.column,
    meta: node.meta ?? '',
    options,
    lines: blockLines,
    end,
    steps,
  };
}
