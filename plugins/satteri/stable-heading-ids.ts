import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import type { HastPluginDefinition } from 'satteri';
import { textOf } from '../headings/heading-slugs';
import { stableHeadingIds } from '../headings/stable-heading-ids';
import type { LessonProject } from '../lessons/result-cache';

/**
 * rehype-stable-heading-ids (headings/stable-heading-ids.ts) as a Sätteri hast
 * plugin: every heading's id at once, since a translation's ids follow its
 * source's outline in order. Runs before Astro's heading ids, which keep an id
 * already set.
 */
export default function hastStableHeadingIds({ lessons }: { lessons?: LessonProject } = {}): HastPluginDefinition {
  return {
    name: 'stable-heading-ids',
    before(root, ctx) {
      const headings = headingsOf(root as Root);
      const file = { path: ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined, value: ctx.source, data: ctx.data };
      const ids = stableHeadingIds(headings, file, lessons);
      headings.forEach((heading, index) => ctx.setProperty(heading.element, 'id', ids[index]));
    },
  };
}

function headingsOf(root: Root): { element: Element; depth: number; text: string }[] {
  const headings: { element: Element; depth: number; text: string }[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'element') {
      const element = node as Element;
      const depth = /^h([1-6])$/.exec(element.tagName)?.[1];
      if (depth) {
        headings.push({ element, depth: Number(depth), text: textOf(element) });
        return;
      }
    }
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(root);
  return headings;
}
