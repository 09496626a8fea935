import type { PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';

/** Builders for the component elements a lesson's own elements are rewritten into. */
export const attribute = (name: string, value: string | null): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

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

/** Puts `replacement` where `target` is, at whatever depth the author nested it. */
export function replaceNode(tree: Root, target: RootContent, replacement: RootContent): void {
  const visit = (parent: { children: RootContent[] }): boolean => {
    const index = parent.children.indexOf(target);
    if (index >= 0) {
      parent.children[index] = replacement;
      return true;
    }
    return parent.children.some((child) => 'children' in child && visit(child as { children: RootContent[] }));
  };
  visit(tree as unknown as { children: RootContent[] });
}
