import type { Code, PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { ConsoleSyntaxError, parseConsoleBlock, type ConsoleStep } from '../console/parse-console-block';
import { LessonError } from '../lessons/lesson-error';

/** Where something is written: 1-based, as editors count. */
export interface Place {
  line: number;
  column: number;
}

/** A command an element types, where it is written. */
export interface TypedCommand {
  prompt: string;
  command: string;
  place: Place;
}

export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

type Positioned = { position?: { start: { line: number; column: number } } | undefined };

/** Throws a LessonError at a node of the lesson: the way every reader of lesson elements reports a mistake. */
export type Fail = (node: Positioned, reason: string) => never;

export const placeOf = (node: Positioned): Place => ({
  line: node.position?.start.line ?? 1,
  column: node.position?.start.column ?? 1,
});

export const failIn =
  (path: string): Fail =>
  (node, reason) => {
    const { line, column } = placeOf(node);
    throw new LessonError(path, line, column, reason);
  };

export const isJsx = (node: unknown): node is JsxElement =>
  typeof node === 'object' &&
  node !== null &&
  ['mdxJsxFlowElement', 'mdxJsxTextElement'].includes((node as { type: string }).type);

const PHRASING = new Set(['text', 'inlineCode', 'emphasis', 'strong', 'link', 'break', 'mdxJsxTextElement', 'delete']);
export const isPhrasing = (node: RootContent): node is PhrasingContent => PHRASING.has(node.type);

/** An element's content as blocks: `<X>text</X>` on one line holds bare phrasing, which becomes a paragraph. */
export function asBlocks(children: readonly RootContent[]): RootContent[] {
  return children.every(isPhrasing) ? [{ type: 'paragraph', children: children as PhrasingContent[] }] : [...children];
}

/** The steps of a ```console fence inside an element, and its commands at their lines in the lesson; a syntax error fails at its line. */
export function fenceCommands(
  node: Code,
  fail: Fail,
  context: string,
): { steps: ConsoleStep[]; typed: TypedCommand[] } {
  const firstLine = placeOf(node).line + 1;
  let steps: ConsoleStep[];
  try {
    steps = parseConsoleBlock(node.value);
  } catch (error) {
    if (!(error instanceof ConsoleSyntaxError)) throw error;
    return fail({ position: { start: { line: firstLine + error.line, column: 1 } } }, `${context}: ${error.message}`);
  }
  return {
    steps,
    typed: steps.map((step) => ({
      prompt: step.prompt,
      command: step.command,
      place: { line: firstLine + step.line, column: 1 },
    })),
  };
}
