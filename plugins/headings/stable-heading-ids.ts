import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { Heading as MdastHeading, Nodes as MdastNodes, Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { lessonParser } from '../lessons/lesson-source';
import { headingSlugs, sharedHeadingIds, type Heading } from './heading-slugs';

/**
 * Gives a lesson's headings the ids of its source lesson's headings, place by place,
 * so `/fr/lesson/#id` and `/es/lesson/#id` open the same section although the
 * heading texts are translated: the language switcher keeps the reader's place.
 * Ids come from the source's Markdown as written (before typographic quotes and
 * dashes), the same text whichever language's page is built. Runs before Astro's
 * heading ids, which keep an id already set (and the table of contents uses them).
 */
export default function rehypeStableHeadingIds() {
  return (tree: HastRoot, file: VFile): void => {
    const headings: { element: Element; depth: number; text: string }[] = [];
    visit(tree, 'element', (element: Element) => {
      const depth = /^h([1-6])$/.exec(element.tagName)?.[1];
      if (depth) headings.push({ element, depth: Number(depth), text: textOf(element) });
    });
    if (headings.length === 0) return;
    const source = sourceHeadings(file);
    const ids = source ? sharedHeadingIds(source.headings, headings) : { ids: headingSlugs(headings.map((h) => h.text)), matched: headings.length };
    if (source && source.path !== file.path && ids.matched < headings.length) {
      console.warn(`${file.path}: its headings differ from ${source.path} from heading ${ids.matched + 1} on; those keep ids of their own, so the language switch cannot keep the reader's place there`);
    }
    headings.forEach((heading, index) => {
      heading.element.properties.id = ids.ids[index];
    });
  };
}

/** The text a reader sees in a heading (inline code included), as Astro reads it for the table of contents. */
function textOf(node: { type: string; value?: unknown; children?: unknown[] }): string {
  if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '');
  return (node.children ?? []).map((child) => textOf(child as Parameters<typeof textOf>[0])).join('');
}

/**
 * The headings of the lesson this file translates (content/<sourceLocale>/<same name>),
 * or of the file itself when it is the source; nothing for a file that is not a
 * lesson or whose source is missing.
 */
function sourceHeadings(file: VFile): { path: string; headings: Heading[] } | undefined {
  const path = file.path;
  if (!path || !/\.mdx$/.test(path) || typeof file.value !== 'string') return undefined;
  const sourceLocale = sourceLocaleOf(file);
  if (!sourceLocale || sourceLocale === basename(dirname(path))) return { path, headings: outlineOf(file.value) };
  const sourcePath = join(dirname(dirname(path)), sourceLocale, basename(path));
  if (!existsSync(sourcePath)) return undefined;
  return { path: sourcePath, headings: outlineOf(readFileSync(sourcePath, 'utf8')) };
}

function outlineOf(mdx: string): Heading[] {
  const headings: Heading[] = [];
  visit(lessonParser.parse(mdx) as MdastRoot, 'heading', (heading: MdastHeading) => {
    headings.push({ depth: heading.depth, text: textOf(heading as MdastNodes as Parameters<typeof textOf>[0]) });
  });
  return headings;
}

function sourceLocaleOf(file: VFile): string | undefined {
  const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  const fromAstro = astro?.frontmatter?.sourceLocale;
  if (typeof fromAstro === 'string') return fromAstro;
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(String(file.value ?? ''))?.[1];
  const data = yaml ? (parseYaml(yaml) as Record<string, unknown> | null) : null;
  return typeof data?.sourceLocale === 'string' ? data.sourceLocale : undefined;
}
