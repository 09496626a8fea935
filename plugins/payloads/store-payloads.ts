import type { Root } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import { storePayload } from './payload-store';

/** For each component, the props whose JSON is stored aside (payload-store.ts), by the component's name. */
export type StoredProps = Readonly<Record<string, readonly string[]>>;

/**
 * Puts each listed prop's JSON in the payload store and its key in the prop:
 * the compiled lesson keeps its structure and small props, and its components
 * read the rest back when they render.
 */
export function storePayloads(tree: Root, stored: StoredProps, directory: string): void {
  visit(tree, 'mdxJsxFlowElement', (node: MdxJsxFlowElement) => {
    const names = node.name ? stored[node.name] : undefined;
    if (!names) return;
    for (const attribute of node.attributes)
      if (attribute.type === 'mdxJsxAttribute' && names.includes(attribute.name) && typeof attribute.value === 'string')
        attribute.value = storePayload(directory, attribute.value);
  });
}
