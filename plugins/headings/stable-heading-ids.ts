import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { Element, Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { lessonParser } from '../lessons/lesson-parser';
import type { LessonProject } from '../lessons/result-cache';
import { headingSlugs, outlineOf, sharedHeadingIds, textOf, type Heading } from './heading-slugs';

/**
 * Gives a lesson's headings the ids of its source lesson's headings, place by place,
 * so `/fr/lesson/#id` and `/es/lesson/#id` open the same section although the
 * heading texts are translated: the language switcher keeps the reader's place.
 * Ids come from the source's Markdown as written (before typographic quotes and
 * dashes), the same text whichever language's page is built. Runs before Astro's
 * heading ids, which keep an id already set (and the table of contents uses them).
 */
export default function rehypeStableHeadingIds({ lessons }: { lessons?: LessonProject } = {}) {
  return (tree: HastRoot, file: VFile): void => {
    const headings: { element: Element; depth: number; text: string }[] = [];
    visit(tree, 'element', (element: Element) => {
      const depth = /^h([1-6])$/.exec(element.tagName)?.[1];
      if (depth) headings.push({ element, depth: Number(depth), text: textOf(element) });
    });
    const ids = stableHeadingIds(headings, file, lessons);
    headings.forEach((heading, index) => {
      heading.element.properties.id = ids[index];
    });
  };
}

/** What the ids are worked out from: the file's path and text (as given to the Markdown processor) and its front matter when known. */
export interface HeadingFile {
  path?: string | undefined;
  value: unknown;
  data: unknown;
}

/** The id of each of a page's headings, in document order; the Markdown pipelines (unified's, Sätteri's) each set them their way. */
export function stableHeadingIds(
  headings: readonly Heading[],
  file: HeadingFile,
  lessons: LessonProject | undefined,
): string[] {
  const outline = pageOutline(file, lessons);
  const ids = outline.ids(headings);
  outline.warn(headings);
  return ids;
}

/**
 * A page's heading ids as its headings come, one by one: the id of heading k
 * depends only on the headings before it (and the source's outline, read once).
 */
export function pageOutline(file: HeadingFile, lessons: LessonProject | undefined) {
  let source: { path: string; headings: Heading[] } | undefined | null = null;
  const sourceOf = () => (source === null ? (source = sourceHeadings(file, lessons)) : source);
  const idsOf = (headings: readonly Heading[]) => {
    if (headings.length === 0) return { ids: [], matched: 0 };
    const known = sourceOf();
    return known
      ? sharedHeadingIds(known.headings, headings)
      : { ids: headingSlugs(headings.map((h) => h.text)), matched: headings.length };
  };
  return {
    ids: (headings: readonly Heading[]): string[] => idsOf(headings).ids,
    /** Says where a translation's outline parts from its source's, past which the language switch loses the reader's place. */
    warn(headings: readonly Heading[]): void {
      const { matched } = idsOf(headings);
      const known = headings.length === 0 ? undefined : sourceOf();
      if (known && known.path !== file.path && matched < headings.length) {
        console.warn(
          `${file.path}: its headings differ from ${known.path} from heading ${matched + 1} on; those keep ids of their own, so the language switch cannot keep the reader's place there`,
        );
      }
    },
  };
}

/**
 * The headings of the lesson this file translates (content/<sourceLocale>/<same name>),
 * or of the file itself when it is the source; nothing for a file that is not a
 * lesson or whose source is missing.
 */
function sourceHeadings(
  file: HeadingFile,
  lessons: LessonProject | undefined,
): { path: string; headings: Heading[] } | undefined {
  const path = file.path;
  if (!path || !/\.mdx$/.test(path) || typeof file.value !== 'string') return undefined;
  const sourceLocale = sourceLocaleOf(file);
  const sourcePath =
    !sourceLocale || sourceLocale === basename(dirname(path))
      ? path
      : join(dirname(dirname(path)), sourceLocale, basename(path));
  // In a build, the lessons check has the outline of every lesson already.
  const known = lessons?.checked?.get(relative(lessons.root, sourcePath).replaceAll('\\', '/'))?.lesson.headings;
  if (known) return { path: sourcePath, headings: known };
  if (sourcePath === path) return { path, headings: outlineOf(lessonParser.parse(file.value) as MdastRoot) };
  if (!existsSync(sourcePath)) return undefined;
  return { path: sourcePath, headings: outlineOf(lessonParser.parse(readFileSync(sourcePath, 'utf8')) as MdastRoot) };
}

function sourceLocaleOf(file: HeadingFile): string | undefined {
  const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
  const fromAstro = astro?.frontmatter?.sourceLocale;
  if (typeof fromAstro === 'string') return fromAstro;
  const yaml = /^---\r?\n([\s\S]*?)\r?\n---/.exec(String(file.value ?? ''))?.[1];
  const data = yaml ? (parseYaml(yaml) as Record<string, unknown> | null) : null;
  return typeof data?.sourceLocale === 'string' ? data.sourceLocale : undefined;
}
