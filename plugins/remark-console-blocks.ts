import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Code, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { SIMULATED_DOCKER_RELEASE } from '../src/netsim/release';
import type { PracticeRecipe } from '../src/practice/replay';
import { checkLessonFromCache } from './lessons/check-from-cache';
import type { LessonCheck } from './lessons/lesson-check';
import { readQuizzes } from './quiz/read-quizzes';
import { renderQuizzes } from './quiz/render-quizzes';
import { readExercises } from './exercise/read-exercises';
import { EXERCISE_COMPONENTS, renderExercises } from './exercise/render-exercises';
import { readTopologies } from './topology/read-topologies';
import { renderTopologies, TOPOLOGY_COMPONENT } from './topology/render-topologies';
import { readTraces } from './trace/read-traces';
import { renderTraces, TRACE_COMPONENT } from './trace/render-traces';
import { formatLessonReport } from './lessons/format-report';
import { checkFrontMatter } from './lessons/front-matter';
import { LessonError } from './lessons/lesson-error';
import { readLessonSource, type LessonSource } from './lessons/lesson-source';
import { readLessonFile } from './lessons/read-lesson-file';
import { renderedBlock } from './lessons/render-steps';
import { IsolatedChecker, timeoutMessage, type IsolatedOutcome } from './lessons/isolated-check';
import { directoryCache, type LessonProject } from './lessons/result-cache';
import { payloadDirectory } from './payloads/payload-store';
import { storePayloads, type StoredProps } from './payloads/store-payloads';

/** The MDX component that renders a console block; pages provide it. */
export const CONSOLE_COMPONENT = 'ConsoleBlock';

/**
 * The props that weigh most in a compiled lesson, tens of kilobytes each: a
 * terminal's or an exercise's start host, a trace's hops, a figure's host.
 * Verified lessons carry their keys in the payload store instead; the
 * components named here read them back (src/components/).
 */
const STORED_PROPS: StoredProps = {
  [CONSOLE_COMPONENT]: ['start'],
  [EXERCISE_COMPONENTS.exercise]: ['start'],
  [TRACE_COMPONENT]: ['trace', 'state'],
  [TOPOLOGY_COMPONENT]: ['state'],
};

export interface ConsoleBlocksOptions {
  /** Run every block against netsim and fail on any mismatch (the site does; tests of rendering alone need not). */
  verify?: LessonProject;
}

/**
 * Turns every ```console fence into a `<ConsoleBlock>` carrying its steps and
 * verification status. With `verify`, the lesson's blocks are first checked
 * against netsim (through the result cache, so an unchanged lesson runs
 * nothing) and any mismatch fails the file with the diff at its line.
 */
export default function remarkConsoleBlocks({ verify }: ConsoleBlocksOptions = {}) {
  const root = verify?.root ?? process.cwd();
  const cache = verify ? directoryCache(verify.cacheDirectory) : undefined;
  // Made on first use: `isolate` is set by the lessons-check integration once Astro says it is `astro dev`.
  let isolated: IsolatedChecker | undefined;
  return (tree: Root, file: VFile): void | Promise<void> => {
    const path = pathOf(file, root);
    let quizzes;
    let practice;
    let figures;
    let traces;
    try {
      quizzes = readQuizzes(path, tree);
      practice = readExercises(path, tree);
      figures = readTopologies(path, tree);
      traces = readTraces(path, tree);
    } catch (error) {
      if (!(error instanceof LessonError)) throw error;
      return file.fail(error.reason, {
        place: { line: error.line, column: error.column },
        ruleId: 'quiz',
        source: 'lessons',
      });
    }
    const nodes: { node: Code; parent: Parent; index: number }[] = [];
    visit(tree, 'code', (node: Code, index, parent) => {
      if (
        node.lang === 'console' &&
        parent &&
        index !== undefined &&
        !quizzes.fencesInside.has(node) &&
        !practice.fencesInside.has(node)
      )
        nodes.push({ node, parent, index });
    });
    if (
      nodes.length === 0 &&
      quizzes.quizzes.length === 0 &&
      practice.exercises.length === 0 &&
      figures.length === 0 &&
      traces.length === 0
    )
      return;
    // A build checked every lesson before rendering (lessons-check-integration.ts): no second read, parse or run.
    const checked = verify?.checked?.get(path);
    const lesson = checked?.lesson ?? lessonOf(file, path);
    if (verify && /^content\/[a-z]{2}\//.test(path)) {
      try {
        checkFrontMatter(path, lesson.text);
      } catch (error) {
        if (!(error instanceof LessonError)) throw error;
        // The whole `file:line:column: ...`: Astro's log prints the message of an MDX error without its place.
        return file.fail(error.message, {
          place: { line: error.line, column: error.column },
          ruleId: 'front-matter',
          source: 'lessons',
        });
      }
    }
    const render = (check: LessonCheck | undefined) => {
      // Quizzes first: their fences are not among the lesson's console blocks.
      renderQuizzes(tree, quizzes.quizzes, lesson.lessonId, check?.run.questions);
      renderExercises(tree, practice.exercises, lesson.lessonId, check?.run.exercises);
      renderTopologies(tree, figures, check?.run.topologies);
      renderTraces(tree, traces, check?.run.traces);
      // Replaced from the last so earlier indexes in a parent stay valid when setup blocks are removed.
      for (const [position, { node, parent, index }] of [...nodes.entries()].reverse()) {
        const block = lesson.blocks[position];
        if (!block || block.lines.map((line) => line.text).join('\n') !== node.value.replace(/\r\n/g, '\n')) {
          return file.fail(
            'console blocks in the compiled file do not line up with the file on disk; save the file and build again',
            node,
          );
        }
        if (block.options.setup) parent.children.splice(index, 1);
        else {
          const verified = check?.verdicts[position]?.status === 'verified';
          parent.children[index] = consoleElement(
            node,
            renderedBlock(block, check?.verdicts[position]),
            verified ? check?.run.starts[position] : undefined,
          );
        }
      }
      if (verify) storePayloads(tree, STORED_PROPS, payloadDirectory(verify.cacheDirectory));
    };
    if (!verify) return render(undefined);
    if (checked) return render(checked);
    if (!verify.isolate)
      return checkLessonFromCache(lesson, verify.netsimVersion, cache).then((check) =>
        render(reportedOrFail(check, file)),
      );
    isolated ??= new IsolatedChecker(verify);
    return isolated
      .check(path, lesson.text)
      .then((outcome) => render(reportedOrFail(checkedOrFail(outcome, lesson, file), file)));
  };
}

/** The worker's outcome as a check, or the file failed at the place the outcome names. */
function checkedOrFail(outcome: IsolatedOutcome, lesson: LessonSource, file: VFile): LessonCheck {
  switch (outcome.kind) {
    case 'done':
      return outcome.check;
    case 'lesson-error':
      return file.fail(outcome.reason, {
        place: { line: outcome.line, column: outcome.column },
        ruleId: 'console-block',
        source: 'lessons',
      });
    case 'crash':
      return file.fail(
        `netsim failed while checking this lesson (a simulator bug, not a lesson mistake):\n${outcome.message}`,
        { place: { line: 1, column: 1 }, ruleId: 'console-output', source: 'lessons' },
      );
    case 'timed-out': {
      const line = outcome.block === undefined ? undefined : lesson.blocks[outcome.block]?.fence.number;
      return file.fail(timeoutMessage(outcome, line), {
        place: { line: line ?? 1, column: 1 },
        ruleId: 'console-output',
        source: 'lessons',
      });
    }
  }
}

const pathOf = (file: VFile, root: string): string =>
  file.path ? (isAbsolute(file.path) ? relative(root, file.path) : file.path).replaceAll('\\', '/') : 'lesson.mdx';

/** The lesson as it is on disk, where line numbers mean what an editor shows. */
function lessonOf(file: VFile, path: string): LessonSource {
  const onDisk = file.path && existsSync(file.path);
  try {
    return readLessonSource(path, onDisk ? readLessonFile(path, file.path) : String(file.value));
  } catch (error) {
    if (!(error instanceof LessonError)) throw error;
    return file.fail(error.reason, {
      place: { line: error.line, column: error.column },
      ruleId: 'console-block',
      source: 'lessons',
    });
  }
}

function reportedOrFail(check: LessonCheck, file: VFile): LessonCheck {
  const { lesson, verdicts, questionFindings } = check;
  const report = formatLessonReport(lesson, verdicts, questionFindings);
  if (report === '') return check;
  const first = verdicts.find((verdict) => verdict.status === 'failed' || verdict.status === 'not-run');
  const line = !first
    ? questionFindings[0]!.line
    : first.status === 'failed'
      ? first.findings[0]!.line
      : first.block.fence.number;
  const blocksDiffer = verdicts.some((verdict) => verdict.status === 'failed' || verdict.status === 'not-run');
  // Only outputs and prompts can be rewritten; a simulator crash or an exit status is for a person to look at.
  const updatable = verdicts.some(
    (verdict) =>
      verdict.status === 'failed' &&
      verdict.findings.some((finding) => finding.kind === 'output' || finding.kind === 'prompt'),
  );
  const what = !blocksDiffer
    ? 'quiz questions, exercises or figures disagree with what netsim prints'
    : updatable
      ? `console blocks differ from what netsim prints (run \`npm run lessons:update -- ${lesson.path}\` to rewrite them)`
      : 'console blocks fail in netsim (lessons:update cannot fix this: see each message)';
  return file.fail(`${what}:\n${report}`, {
    place: { line, column: 1 },
    ruleId: 'console-output',
    source: 'lessons',
  });
}

/** A verified block carries the recipe of the host just before it: its "Try it" terminal starts there. */
function consoleElement(
  node: Code,
  block: ReturnType<typeof renderedBlock>,
  start: PracticeRecipe | undefined,
): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: CONSOLE_COMPONENT,
    attributes: [
      { type: 'mdxJsxAttribute', name: 'steps', value: JSON.stringify(block.steps) },
      { type: 'mdxJsxAttribute', name: 'status', value: block.status },
      { type: 'mdxJsxAttribute', name: 'dockerVersion', value: SIMULATED_DOCKER_RELEASE },
      ...(start ? [{ type: 'mdxJsxAttribute' as const, name: 'start', value: JSON.stringify(start) }] : []),
    ],
    children: [],
    position: node.position,
  };
}
