import type { Root, RootContent } from 'mdast';
import { attribute, flow, removeNode, replaceNode } from '../mdx/mdx-nodes';
import type { TopologyRun } from '../lessons/run-lesson';
import type { TopologySource } from './read-topologies';

/** The component a page provides for figures (src/components/topology/). */
export const TOPOLOGY_COMPONENT = 'TopologyFigure';

/**
 * Replaces each `<Topology />` with the page's figure component, carrying the
 * host's state at that point. Built without verification there is no state, and
 * no figure: nothing is drawn that netsim did not produce.
 */
export function renderTopologies(
  tree: Root,
  figures: readonly TopologySource[],
  runs: readonly TopologyRun[] | undefined,
): void {
  for (const [index, figure] of figures.entries()) {
    const run = runs?.[index];
    if (run?.kind !== 'drawn') {
      removeNode(tree, figure.element as RootContent);
      continue;
    }
    const attributes = [attribute('state', JSON.stringify(run.state)), attribute('number', String(index + 1))];
    if (figure.focus !== undefined) attributes.push(attribute('focus', figure.focus));
    if (figure.highlight !== undefined) attributes.push(attribute('highlight', figure.highlight));
    if (figure.outside !== undefined) attributes.push(attribute('outside', figure.outside));
    if (figure.hide !== undefined) attributes.push(attribute('hide', figure.hide));
    replaceNode(tree, figure.element as RootContent, flow(TOPOLOGY_COMPONENT, attributes, []));
  }
}
