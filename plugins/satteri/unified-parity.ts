import type { ElementContent } from 'hast';
import type { HastPluginDefinition, MdastPluginDefinition } from 'satteri';

/**
 * Two places where Sätteri's output differs from the unified pipeline the site
 * was built with, so pages stay byte for byte what they were.
 */

/**
 * remark-smartypants turns `--` into an em dash (its `dashes: true`); Sätteri's
 * smart punctuation makes it an en dash and keeps the em dash for `---`. The
 * lessons' headings write flags bare (`## --link on a user-defined network`), and
 * their pages, anchors and search index have the em dash. Sätteri's own dashes
 * are turned off (lesson-markdown-integration.ts) and this does smartypants' job.
 * It runs before console-blocks, as smartypants did, so the text of command
 * output that plugin writes into a page keeps its `--`.
 */
export const smartypantsDashes: MdastPluginDefinition = {
  name: 'smartypants-dashes',
  text(node, ctx) {
    if (node.value.includes('--')) ctx.setField(node, 'value', node.value.replaceAll('--', '\u2014'));
  },
};

const TABLE_PARTS = ['table', 'thead', 'tbody', 'tfoot', 'tr'];

/** Sätteri puts a line break between the parts of a table, where MDX's unified pipeline put none; a browser renders neither. */
export const tableWhitespace: HastPluginDefinition = {
  name: 'table-whitespace',
  element: {
    filter: TABLE_PARTS,
    visit(node, ctx) {
      const kept = node.children.filter(
        (child: ElementContent) => !(child.type === 'text' && child.value.trim() === ''),
      );
      if (kept.length !== node.children.length) ctx.setField(node, 'children', kept);
    },
  },
};
