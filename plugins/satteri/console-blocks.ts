import { fileURLToPath } from 'node:url';
import type { Root } from 'mdast';
import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';
import { VFile } from 'vfile';
import remarkConsoleBlocks, { type ConsoleBlocksOptions } from '../remark-console-blocks';

/** What the plugin rewrites: a document with none of these is left to Sätteri alone. */
const LESSON_PARTS = /```console|<(?:Quiz|Exercise|Topology|Trace)\b/;

/**
 * The remark plugin (remark-console-blocks.ts) as a Sätteri mdast plugin, so
 * the site builds with Astro's default Markdown processor. Sätteri's tree is
 * mdast, read-only, and changed through `ctx`: the plugin runs the same
 * transform on a plain copy of the tree and puts the copy in its place. Errors
 * are the remark plugin's, at the same `file:line`.
 */
export default function mdastConsoleBlocks(options: ConsoleBlocksOptions = {}) {
  const transform = remarkConsoleBlocks(options);
  const plugin: MdastPluginDefinition = {
    name: 'console-blocks',
    // Errors and the check that a block lines up with the file read positions.
    options: { position: true },
    async before(root, ctx) {
      const tree = JSON.parse(JSON.stringify(root)) as Root;
      const file = new VFile({ path: ctx.fileURL ? fileURLToPath(ctx.fileURL) : undefined, value: ctx.source });
      await transform(tree, file);
      ctx.replaceNode(root, tree);
    },
  };
  return (context: PluginFactoryContext) => (LESSON_PARTS.test(context.source) ? plugin : null);
}
