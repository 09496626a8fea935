import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { Code, Parent, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { SIMULATED_DOCKER_RELEASE } from '../src/netsim/index';
import { checkLesson } from './lessons/check-lessons';
import { formatLessonReport } from './lessons/format-report';
import { LessonError } from './lessons/lesson-error';
import { readLessonSource, type LessonSource } from './lessons/lesson-source';
import { renderedBlock } from './lessons/render-steps';
import { directoryCache, type LessonProject } from './lessons/result-cache';
import type { BlockVerdict } from './lessons/verify-lesson';

/** The MDX component that renders a console block; pages provide it. */
export const CONSOLE_COMPONENT = 'ConsoleBlock';

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
  return (tree: Root, file: VFile) => {
    const nodes: { node: Code; parent: Parent; index: number }[] = [];
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang === 'console' && parent && index !== undefined) nodes.push({ node, parent, index });
    });
    if (nodes.length === 0) return;
    const lesson = lessonOf(file, root);
    const verdicts = verify ? verifiedOrFail(lesson, file, verify.netsimVersion, cache) : undefined;
    // Replaced from the last so earlier indexes in a parent stay valid when setup blocks are removed.
    for (const [position, { node, parent, index }] of [...nodes.entries()].reverse()) {
      const block = lesson.blocks[position];
      if (!block || block.lines.map((line) => line.text).join('\n') !== node.value.replace(/\r\n/g, '\n')) {
        return file.fail('console blocks in the compiled file do not line up with the file on disk; save the file and build again', node);
      }
      if (block.options.setup) parent.children.splice(index, 1);
      else parent.children[index] = consoleElement(node, renderedBlock(block, verdicts?.[position]));
    }
  };
}

/** The lesson as it is on disk, where line numbers mean what an editor shows. */
function lessonOf(file: VFile, root: string): LessonSource {
  const onDisk = file.path && existsSync(file.path);
  const path = file.path ? (isAbsolute(file.path) ? relative(root, file.path) : file.path).replaceAll('\\', '/') : 'lesson.mdx';
  try {
    return readLessonSource(path, onDisk ? readFileSync(file.path, 'utf8') : String(file.value));
  } catch (error) {
    if (!(error instanceof LessonError)) throw error;
    return file.fail(error.reason, { place: { line: error.line, column: error.column }, ruleId: 'console-block', source: 'lessons' });
  }
}

function verifiedOrFail(lesson: LessonSource, file: VFile, version: string, cache: ReturnType<typeof directoryCache> | undefined): BlockVerdict[] {
  const { verdicts } = checkLesson(lesson, version, cache);
  const report = formatLessonReport(lesson, verdicts);
  if (report === '') return verdicts;
  const first = verdicts.find((verdict) => verdict.status === 'failed' || verdict.status === 'not-run')!;
  const line = first.status === 'failed' ? first.findings[0]!.line : first.block.fence.number;
  return file.fail(`console blocks differ from what netsim prints (run \`npm run lessons:update -- ${lesson.path}\` to rewrite them):\n${report}`, {
    place: { line, column: 1 },
    ruleId: 'console-output',
    source: 'lessons',
  });
}

function consoleElement(node: Code, block: ReturnType<typeof renderedBlock>): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name: CONSOLE_COMPONENT,
    attributes: [
      { type: 'mdxJsxAttribute', name: 'steps', value: JSON.stringify(block.steps) },
      { type: 'mdxJsxAttribute', name: 'status', value: block.status },
      { type: 'mdxJsxAttribute', name: 'dockerVersion', value: SIMULATED_DOCKER_RELEASE },
    ],
    children: [],
    position: node.position,
  };
}
