import type { HastPluginDefinition } from 'satteri';
import { escapeText } from '../../src/lib/html-escape';

/**
 * MDX's `optimize` (astro.config.mjs) has Sätteri write a lesson's static parts
 * as HTML strings at compile time, where Astro rendered them element by element
 * on every page: the prose of 374 pages no longer goes through Astro's renderer
 * element by element. This writes what Astro would have written where the two differ,
 * so pages keep their bytes; inside an element left to a component (a heading, a
 * table) the same bytes come out too.
 */
export const staticHtmlParity: HastPluginDefinition = {
  name: 'static-html-parity',
  // Sätteri escapes text as the HTML standard asks (& < >); Astro escapes quotes too (&#39; &quot;).
  text(node, ctx) {
    if (!/['"]/.test(node.value)) return;
    const parent = ctx.parent(node);
    if (parent.type === 'element' && (parent.tagName === 'script' || parent.tagName === 'style')) return;
    ctx.replaceNode(node, { type: 'raw', value: escapeText(node.value) });
  },
  // Astro writes a style from MDX's style object (Shiki's `<pre>`): `name:value` joined by `;`, no spaces.
  element: {
    filter: [],
    visit(node, ctx) {
      const style = node.properties?.style;
      if (typeof style === 'string') ctx.setProperty(node, 'style', astroStyle(style));
    },
  },
};

/** A style attribute as Astro writes it, declaration by declaration. */
export function astroStyle(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => declaration.includes(':'))
    .map((declaration) => {
      const colon = declaration.indexOf(':');
      return `${declaration.slice(0, colon).trim()}:${declaration.slice(colon + 1).trim()}`;
    })
    .join(';');
}
