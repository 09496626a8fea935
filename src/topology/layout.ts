import ELK, { type ElkExtendedEdge, type ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { EdgeKind, GraphNode, TopologyGraph } from './graph-model';
import { cachedLayout } from './layout-cache';

/**
 * Text is drawn in the monospace font at this size, so its width is known
 * without a browser: a character of ui-monospace, Menlo or Consolas is about
 * 0.6 em wide. Node boxes get a little more than that.
 */
export const FONT_SIZE = 12;
const CHAR_WIDTH = FONT_SIZE * 0.62;
export const LINE_HEIGHT = 16;
export const PADDING = 8;
/** Room above a container's interfaces for its own lines. */
const CONTAINER_GAP = 10;

export interface PlacedNode {
  node: GraphNode & { shown: string[] };
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge {
  id: string;
  kind: EdgeKind;
  points: { x: number; y: number }[];
  label?: { text: string; x: number; y: number; width: number; height: number };
}

export interface FigureLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/**
 * The graph with every text in the reader's language (`shown`), and the lines its
 * boxes are sized for (`measured`, the same in every language; `shown` when absent).
 */
export type ShownGraph = Omit<TopologyGraph, 'nodes' | 'edges'> & {
  nodes: (GraphNode & { shown: string[]; measured?: string[] })[];
  edges: (TopologyGraph['edges'][number] & { shownLabel?: string; measuredLabel?: string })[];
};

const textWidth = (lines: readonly string[]) =>
  Math.ceil(Math.max(0, ...lines.map((line) => [...line].length)) * CHAR_WIDTH) + 2 * PADDING;
const textHeight = (lines: readonly string[]) => lines.length * LINE_HEIGHT + 2 * PADDING - 4;

/**
 * The layered layout, top to bottom: the NIC, the host, bridges, the host ends
 * of veth pairs, then containers with their interfaces inside. Model order is
 * kept within layers and the seed is fixed, so the same graph always lands the
 * same way and a container added by name sorts in without moving the others.
 */
const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.randomSeed': '1',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.spacing.nodeNode': '24',
  'elk.layered.spacing.nodeNodeBetweenLayers': '36',
  'elk.spacing.edgeLabel': '4',
  'elk.edgeLabels.placement': 'CENTER',
  'elk.padding': '[top=12,left=12,bottom=12,right=12]',
  // Every coordinate relative to the figure, however deep the node or edge.
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

let elk: InstanceType<typeof ELK> | undefined;

/**
 * Layouts already computed, by ELK's input: in this process (a lesson's figure in
 * its three languages, and its packet traces drawing the same host, are one
 * layout) and by earlier builds (layout-cache.ts). elk is a build's slow part.
 */
const laidOut = new Map<string, Promise<ElkNode>>();
/** Enough for every figure of a build; `astro dev` drops the oldest as lessons are edited. */
const LAID_OUT_KEPT = 500;

export async function layoutFigure(graph: ShownGraph): Promise<FigureLayout> {
  const input = elkGraph(graph);
  const key = JSON.stringify(input);
  let laid = laidOut.get(key);
  if (!laid) {
    laid = cachedLayout(key, () => {
      elk ??= new ELK();
      // ELK writes its results into the graph it is given: lay out a copy, keep the input as the key.
      return elk.layout(structuredClone(input));
    });
    if (laidOut.size >= LAID_OUT_KEPT) laidOut.delete(laidOut.keys().next().value!);
    laidOut.set(key, laid);
  }
  return placed(await laid, graph);
}

function elkGraph(graph: ShownGraph): ElkNode {
  const children = new Map<string, ElkNode[]>();
  const roots: ElkNode[] = [];
  const elkNodes = new Map<string, ElkNode>();
  for (const node of graph.nodes) {
    const lines = node.measured ?? node.shown;
    const elkNode: ElkNode = { id: node.id, width: textWidth(lines), height: textHeight(lines) };
    // Containers side by side at the bottom, whatever they are plugged into (a macvlan port hangs off the NIC, two layers up).
    if (node.kind === 'interface' || node.kind === 'container')
      elkNode.layoutOptions = { 'elk.layered.layering.layerConstraint': 'LAST' };
    elkNodes.set(node.id, elkNode);
    if (node.parent) children.set(node.parent, [...(children.get(node.parent) ?? []), elkNode]);
    else roots.push(elkNode);
  }
  for (const [parent, inner] of children) {
    const container = elkNodes.get(parent)!;
    const parentNode = graph.nodes.find((node) => node.id === parent)!;
    const header = textHeight(parentNode.measured ?? parentNode.shown);
    container.children = inner;
    container.layoutOptions = {
      'elk.padding': `[top=${header + CONTAINER_GAP - PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
      'elk.nodeSize.constraints': 'MINIMUM_SIZE',
      'elk.nodeSize.minimum': `(${container.width},${container.height})`,
    };
    delete container.width;
    delete container.height;
  }
  const edges: ElkExtendedEdge[] = graph.edges.map((edge) => ({
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
    ...(edge.shownLabel !== undefined && {
      labels: [
        {
          text: edge.measuredLabel ?? edge.shownLabel,
          width: textWidth([edge.measuredLabel ?? edge.shownLabel]) - PADDING,
          height: LINE_HEIGHT,
        },
      ],
    }),
  }));
  return { id: 'figure', layoutOptions: ROOT_OPTIONS, children: roots, edges };
}

function placed(laid: ElkNode, graph: ShownGraph): FigureLayout {
  const shapes = new Map<string, ElkNode>();
  const walk = (node: ElkNode) => {
    for (const child of node.children ?? []) {
      shapes.set(child.id, child);
      walk(child);
    }
  };
  walk(laid);
  const nodes = graph.nodes.map((node): PlacedNode => {
    const shape = shapes.get(node.id)!;
    return { node, x: shape.x ?? 0, y: shape.y ?? 0, width: shape.width ?? 0, height: shape.height ?? 0 };
  });
  const laidEdges = new Map((laid.edges ?? []).map((edge) => [edge.id, edge as ElkExtendedEdge]));
  const edges = graph.edges.map((edge): PlacedEdge => {
    const section = laidEdges.get(edge.id)?.sections?.[0];
    const label = laidEdges.get(edge.id)?.labels?.[0];
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
    return {
      id: edge.id,
      kind: edge.kind,
      points,
      ...(label &&
        edge.shownLabel !== undefined && {
          label: {
            text: edge.shownLabel,
            x: label.x ?? 0,
            y: label.y ?? 0,
            width: label.width ?? 0,
            height: label.height ?? 0,
          },
        }),
    };
  });
  return { width: Math.ceil(laid.width ?? 0), height: Math.ceil(laid.height ?? 0), nodes, edges };
}
