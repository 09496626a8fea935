import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/** Builders for the component elements a lesson's own elements are rewritten into. */
export const attribute = (name: string, value: string | null): MdxJsxAttribute => ({
  type: 'mdxJsxAttribute',
  name,
  value,
});

export const flow = (name: string, attributes: MdxJsxAttribute[], children: RootContent[]): MdxJsxFlowElement => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes,
  children: children as MdxJsxFlowElement['children'],
});

export const text = (name: string, attributes: MdxJsxAttribute[], children: PhrasingContent[]): MdxJsxTextElement => ({
  type: 'mdxJsxTextElement',
  name,
  attributes,
  children,
});

/** The children list holding `target`, at whatever depth the author nested it, and its place there. */
function locate(tree: Root, target: RootContent): { siblings: RootContent[]; index: number } | undefined {
  const visit = (parent: { children: RootContent[] }): { siblings: RootContent[]; index: number } | undefined => {
    const index = parent.children.indexOf(target);
    if (index >= 0) return { siblings: parent.children, index };
    for (const child of parent.children) {
      const found = 'children' in child ? visit(child as { children: RootContent[] }) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return visit(tree as unknown as { children: RootContent[] });
}

/** Puts `replacement` where `target` is, at whatever depth the author nested it. */
export function replaceNode(tree: Root, target: RootContent, replacement: RootContent): void {
  const found = locate(tree, target);
  if (found) found.siblings[found.index] = replacement;
}

/** Takes `target` out of the tree, at whatever depth the author nested it. */
export function removeNode(tree: Root, target: RootContent): void {
  const found = locate(tree, target);
  if (found) found.siblings.splice(found.index, 1);
}
