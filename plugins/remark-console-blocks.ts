import type { Code, Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { ConsoleSyntaxError, parseConsoleBlock } from './console/parse-console-block';

/** The MDX component that renders a console block; pages provide it. */
export const CONSOLE_COMPONENT = 'ConsoleBlock';

/**
 * Turns every ```console fence into a `<ConsoleBlock steps="...">` element carrying
 * the parsed commands and outputs, so the page renders prompts, commands and output
 * apart and in the reader's language. Syntax mistakes fail the build at the
 * block's line.
 */
export default function remarkConsoleBlocks() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'console' || !parent || index === undefined) return;
      parent.children[index] = consoleElement(node, file);
      return SKIP;
    });
  };
}

function consoleElement(node: Code, file: VFile): MdxJsxFlowElement {
  try {
    const steps = parseConsoleBlock(node.value).map(({ prompt, command, output }) => ({ prompt, command, output }));
    return {
      type: 'mdxJsxFlowElement',
      name: CONSOLE_COMPONENT,
      attributes: [{ type: 'mdxJsxAttribute', name: 'steps', value: JSON.stringify(steps) }],
      children: [],
      position: node.position,
    };
  } catch (error) {
    if (!(error instanceof ConsoleSyntaxError) || !node.position) throw error;
    // The fence line comes first, so block line k is file line start + 1 + k.
    const line = node.position.start.line + 1 + error.line;
    return file.fail(`Console block: ${error.message}`, { place: { line, column: 1 }, ruleId: 'console-syntax', source: 'remark-console-blocks' });
  }
}
