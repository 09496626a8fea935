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

/** The graph with every text already in the reader's language: sizes depend on it. */
export type ShownGraph = Omit<TopologyGraph, 'nodes' | 'edges'> & {
  nodes: (GraphNode & { shown: string[] })[];
  edges: (TopologyGraph['edges'][number] & { shownLabel?: string })[];
};

const textWidth = (lines: readonly string[]) => Math.ceil(Math.max(0, ...lines.map((line) => [...line].length)) * CHAR_WIDTH) + 2 * PADDING;
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

/** Layouts made in this process (and by earlier builds: layout-cache.ts), by their whole input: a lesson's packet traces often draw the same host, and elk is a build's slow part. */
const made = new Map<string, Promise<FigureLayout>>();
/** Enough for every figure of a build; `astro dev` drops the oldest as lessons are edited. */
const MADE_LIMIT = 500;

/** Lays a figure out, or gives back the layout of the same input: the result depends on nothing else. */
export function layoutFigure(graph: ShownGraph): Promise<FigureLayout> {
  const key = JSON.stringify(graph);
  const known = made.get(key);
  if (known) return known;
  const layout = cachedLayout(key, () => layOut(graph));
  made.set(key, layout);
  if (made.size > MADE_LIMIT) made.delete(made.keys().next().value!);
  return layout;
}

async function layOut(graph: ShownGraph): Promise<FigureLayout> {
  elk ??= new ELK();
  const children = new Map<string, ElkNode[]>();
  const roots: ElkNode[] = [];
  const elkNodes = new Map<string, ElkNode>();
  for (const node of graph.nodes) {
    const elkNode: ElkNode = { id: node.id, width: textWidth(node.shown), height: textHeight(node.shown) };
    // Containers side by side at the bottom, whatever they are plugged into (a macvlan port hangs off the NIC, two layers up).
    if (node.kind === 'interface' || node.kind === 'container') elkNode.layoutOptions = { 'elk.layered.layering.layerConstraint': 'LAST' };
    elkNodes.set(node.id, elkNode);
    if (node.parent) children.set(node.parent, [...(children.get(node.parent) ?? []), elkNode]);
    else roots.push(elkNode);
  }
  for (const [parent, inner] of children) {
    const container = elkNodes.get(parent)!;
    const header = textHeight(graph.nodes.find((node) => node.id === parent)!.shown);
    container.children = inner;
    container.layoutOptions = { 'elk.padding': `[top=${header + CONTAINER_GAP - PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`, 'elk.nodeSize.constraints': 'MINIMUM_SIZE', 'elk.nodeSize.minimum': `(${container.width},${container.height})` };
    delete container.width;
    delete container.height;
  }
  const edges: ElkExtendedEdge[] = graph.edges.map((edge) => ({
    id: edge.id,
    sources: [edge.source],
    targets: [edge.target],
    ...(edge.shownLabel !== undefined && { labels: [{ text: edge.shownLabel, width: textWidth([edge.shownLabel]) - PADDING, height: LINE_HEIGHT }] }),
  }));
  const laid = await elk.layout({ id: 'figure', layoutOptions: ROOT_OPTIONS, children: roots, edges });
  return placed(laid, graph);
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
      ...(label && edge.shownLabel !== undefined && { label: { text: edge.shownLabel, x: label.x ?? 0, y: label.y ?? 0, width: label.width ?? 0, height: label.height ?? 0 } }),
    };
  });
  return { width: Math.ceil(laid.width ?? 0), height: Math.ceil(laid.height ?? 0), nodes, edges };
}
