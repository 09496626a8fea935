import { createHash } from 'node:crypto';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import { parse as parseYaml } from 'yaml';
import { parseConsoleBlock } from '../console/parse-console-block';
import { lessonParser } from './lesson-parser';

/**
 * What a translation follows in its source lesson, as three hashes: the prose
 * (every word a reader reads), the structure (headings, paragraphs, lists,
 * components and their props) and the commands (console blocks without their
 * output). Outputs are left out, so regenerating them with `lessons:update`
 * never makes a translation stale.
 */
export interface SourceFingerprint {
  prose: string;
  structure: string;
  commands: string;
}

export const FINGERPRINT_PARTS = ['prose', 'structure', 'commands'] as const;

/** The fingerprint of a lesson's text (already checked by readLessonSource, so it parses). */
export const fingerprintLesson = (text: string): SourceFingerprint => fingerprintTree(lessonParser.parse(text) as Root);

/** The fingerprint of a lesson already parsed. */
export function fingerprintTree(tree: Root): SourceFingerprint {
  const parts = { prose: [] as string[], structure: [] as string[], commands: [] as string[] };
  walk(tree, parts);
  return { prose: digest(parts.prose), structure: digest(parts.structure), commands: digest(parts.commands) };
}

function walk(node: Nodes, parts: Record<keyof SourceFingerprint, string[]>): void {
  switch (node.type) {
    case 'yaml': {
      // Only what a reader reads: the rest of the front matter must agree between translations anyway.
      const data = (parseYaml(node.value) ?? {}) as Record<string, unknown>;
      parts.prose.push(String(data.title ?? ''), String(data.description ?? ''));
      return;
    }
    case 'code':
      if (node.lang === 'console') {
        parts.structure.push('console');
        parts.commands.push(
          node.meta ?? '',
          ...parseConsoleBlock(node.value).map((step) => `${step.prompt}${step.command}`),
        );
      } else {
        parts.structure.push(`code ${node.lang ?? ''}`);
        parts.prose.push(node.value);
      }
      return;
    case 'text':
    case 'inlineCode':
      parts.prose.push(node.value);
      return;
    case 'heading':
      parts.structure.push(`h${node.depth}`);
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const props = node.attributes.map((attribute) =>
        attribute.type === 'mdxJsxAttribute' ? propText(attribute) : '{...}',
      );
      parts.structure.push(`<${node.name ?? ''} ${props.join(' ')}>`);
      break;
    }
    default:
      parts.structure.push(node.type);
  }
  if ('children' in node) for (const child of node.children) walk(child as Nodes, parts);
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement')
    parts.structure.push(`</${node.name ?? ''}>`);
}

const propText = (attribute: MdxJsxAttribute): string =>
  `${attribute.name}${attribute.value === null || attribute.value === undefined ? '' : `=${typeof attribute.value === 'string' ? attribute.value : '{}'}`}`;

/** Ten hex digits: a contributor compares them by eye, and a collision would only hide one stale translation. */
const digest = (items: readonly string[]): string =>
  createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 10);
