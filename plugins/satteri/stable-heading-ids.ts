import { fileURLToPath } from 'node:url';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';
import type { Heading } from '../headings/heading-slugs';
import { pageOutline } from '../headings/stable-heading-ids';
import type { LessonProject } from '../lessons/result-cache';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * rehype-stable-heading-ids (headings/stable-heading-ids.ts) as a Sätteri hast
 * plugin. Sätteri hands over the headings alone, in document order, and a
 * heading's id depends only on the headings before it, so each gets its id as it
 * comes. Runs before Astro's heading ids, which keep an id already set.
 */
export default function hastStableHeadingIds({ lessons }: { lessons?: LessonProject } = {}) {
  return (context: PluginFactoryContext): HastPluginDefinition => {
    const file = {
      path: context.fileURL ? fileURLToPath(context.fileURL) : undefined,
      value: context.source,
      data: context.data,
    };
    const outline = pageOutline(file, lessons);
    const headings: Heading[] = [];
    return {
      name: 'stable-heading-ids',
      element: {
        filter: HEADINGS,
        visit(node, ctx) {
          headings.push({ depth: Number(node.tagName[1]), text: ctx.textContent(node) });
          ctx.setProperty(node, 'id', outline.ids(headings).at(-1));
        },
      },
      after() {
        outline.warn(headings);
      },
    };
  };
}
