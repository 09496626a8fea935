import type { Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { CODE_KINDS } from '../../src/course/lesson-schema';
import { LessonError } from './lesson-error';

export type CodeKind = (typeof CODE_KINDS)[number];

/** The elements the course's components provide (and lowercase HTML without script); anything else would be code from the lesson. */
const SCRIPT_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'style']);
/** Browsers drop tabs, newlines and other control characters inside a URL's scheme: `java\tscript:` is still JavaScript. */
const isJavascriptUrl = (url: string) => /^javascript:/i.test(url.replace(/[\u0000-\u0020]/g, ''));

/**
 * A lesson is MDX, and MDX is code: it runs at build time and its output in the
 * reader's browser. A lesson may hold prose, Markdown and the course's components;
 * scripts, event handlers, `javascript:` URLs, expressions and import/export are
 * refused at their line unless the front matter's `allowCode` lists them, which a
 * maintainer adds after reviewing the lesson as code.
 */
export function checkLessonSafety(path: string, tree: Root, allowed: readonly string[] = []): void {
  const refuse = (
    kind: CodeKind,
    node: { position?: { start: { line: number; column: number } } | undefined },
    what: string,
  ) => {
    if (allowed.includes(kind)) return;
    const { line = 1, column = 1 } = node.position?.start ?? {};
    throw new LessonError(
      path,
      line,
      column,
      `${what}: lessons hold prose, Markdown and the course's components, not code (a maintainer who has reviewed it can allow it with "allowCode: [${kind}]" in the front matter)`,
    );
  };
  visit(tree, (node) => {
    switch (node.type) {
      case 'mdxjsEsm':
        return refuse('esm', node, 'an MDX import or export runs code at build time');
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        // `{/* a comment */}` is the one expression a lesson may hold.
        if (!/^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test((node as { value: string }).value))
          refuse('expression', node, 'a {JavaScript expression} runs code at build time');
        return;
      case 'link':
      case 'definition':
      case 'image':
        if (isJavascriptUrl((node as { url: string }).url))
          refuse('javascript-url', node, 'a javascript: URL runs code when clicked');
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const element = node as { name: string | null; attributes: (MdxJsxAttribute | { type: string })[] };
        if (element.name && SCRIPT_ELEMENTS.has(element.name.toLowerCase()))
          refuse('script', node, `a <${element.name}> element runs or embeds code in the reader's browser`);
        for (const attribute of element.attributes) {
          if (attribute.type !== 'mdxJsxAttribute') {
            refuse('expression', node, 'a {...spread} of props runs code at build time');
            continue;
          }
          const { name, value } = attribute as MdxJsxAttribute;
          if (/^on/i.test(name))
            refuse('handler', node, `an inline event handler (${name}) runs code in the reader's browser`);
          if (value !== null && typeof value === 'object')
            refuse('expression', node, `a {JavaScript expression} in ${name}= runs code at build time`);
          if (typeof value === 'string' && isJavascriptUrl(value))
            refuse('javascript-url', node, `a javascript: URL in ${name}= runs code when used`);
        }
        return;
      }
      default:
        return;
    }
  });
}
