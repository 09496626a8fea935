import { fileURLToPath } from 'node:url';
import type { Root, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { MdastPluginDefinition, MdastTarget, PluginFactoryContext } from 'satteri';
import { VFile } from 'vfile';
import remarkConsoleBlocks, { type ConsoleBlocksOptions } from '../remark-console-blocks';

/** What the plugin rewrites: a document with none of these is left to Sätteri alone. */
const LESSON_PARTS = /```console|<(?:Quiz|Question|Option|Explain|Exercise|Goal|Hint|Solution|Topology|Trace)\b/;

/** The lesson's own elements, and those that belong inside them, so a stray one fails as in the remark plugin. */
const ELEMENTS = new Set([
  'Quiz',
  'Question',
  'Option',
  'Explain',
  'Exercise',
  'Goal',
  'Hint',
  'Solution',
  'Topology',
  'Trace',
]);

type Taken = { original: MdastTarget; holder: Root; end: number };

/**
 * The remark plugin (remark-console-blocks.ts) as a Sätteri mdast plugin, so
 * the site builds with Astro's default Markdown processor. Sätteri hands over
 * only the console fences and lesson elements (the rest of the page stays in
 * Rust); each, with what it holds, is copied into a tree of its own, the remark
 * plugin's transform runs over them in document order, and what it made of
 * each goes back in its place through `ctx`. Errors are the remark plugin's, at
 * the same `file:line`.
 */
export default function mdastConsoleBlocks(options: ConsoleBlocksOptions = {}) {
  const transform = remarkConsoleBlocks(options);
  return (context: PluginFactoryContext): MdastPluginDefinition | null => {
    if (!LESSON_PARTS.test(context.source)) return null;
    const taken: Taken[] = [];
    const take = (node: Readonly<MdastTarget>) => {
      const position = (node as { position?: Position }).position;
      const start = position?.start.offset ?? 0;
      // Inside an element already taken whole (a fence in a quiz): it goes with it.
      if (taken.length > 0 && start < taken.at(-1)!.end) return;
      const copy = JSON.parse(JSON.stringify(node)) as RootContent;
      // Each in a holder of its own, so what the transform puts in its place (or takes away) is found there.
      taken.push({ original: node, holder: { type: 'root', children: [copy] }, end: position?.end.offset ?? start });
    };
    return {
      name: 'console-blocks',
      // Errors and the check that a block lines up with the file read positions.
      options: { position: true },
      code(node) {
        if (node.lang === 'console') take(node);
      },
      mdxJsxFlowElement(node) {
        if (node.name && ELEMENTS.has(node.name)) take(node);
      },
      mdxJsxTextElement(node) {
        if (node.name && ELEMENTS.has(node.name)) take(node);
      },
      async after(_root, ctx) {
        if (taken.length === 0) return;
        const copies = taken.map(({ holder }) => holder.children[0]);
        const tree: Root = { type: 'root', children: taken.map(({ holder }) => holder as unknown as RootContent) };
        const file = new VFile({ path: ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined, value: ctx.source });
        await transform(tree, file);
        for (const [index, { original, holder }] of taken.entries()) {
          const [made] = holder.children;
          if (made === copies[index]) continue;
          if (made === undefined) ctx.removeNode(original);
          else ctx.replaceNode(original, made as MdastTarget);
        }
      },
    };
  };
}
