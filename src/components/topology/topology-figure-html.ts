import { attribute, escapeText } from '../../lib/html-escape';
import { FONT_SIZE, LINE_HEIGHT, PADDING, type FigureLayout, type PlacedNode } from '../../topology/layout';

/** A figure laid out, with what it says in the reader's language. */
export interface TopologyFigureView {
  layout: FigureLayout;
  /** The figure's own id in the page (`topology-<n>`), and its position (data-topology). */
  id: string;
  number: string;
  /** The options the figure was drawn with, on the figure as data-* for its script and tests. */
  data: {
    focus?: string | undefined;
    highlight?: string | undefined;
    outside?: string | undefined;
    hide?: string | undefined;
  };
  /** The nodes and edges a trace went through, drawn as its path. */
  onPath: ReadonlySet<string>;
  pathEdges: ReadonlySet<string>;
  /** Wider than a phone shows: it scrolls, and says so. */
  wide: boolean;
  text: {
    title: string;
    scrollLabel: string;
    scrollCue: string;
    legend: string;
    describe: string;
    description: string[];
  };
}

/**
 * A topology figure's `<figure>`: the SVG drawing, then its legend and a list that
 * says in words what it shows. Written as one string, as console blocks are: a
 * figure has dozens of elements, and the bytes are those Astro would render.
 */
export function topologyFigureHtml(view: TopologyFigureView): string {
  const { layout, id, number, data, wide, text } = view;
  let html =
    `<figure class="topology${wide ? ' topology--wide' : ''}"${attribute('data-topology', number)}${optional('data-focus', data.focus)}` +
    `${optional('data-highlight', data.highlight)}${optional('data-outside', data.outside)}${optional('data-hide', data.hide)}>` +
    `<div class="topology__scroll" tabindex="0" role="group"${attribute('aria-label', text.scrollLabel)}>` +
    `<svg class="topology__svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}"` +
    ` role="img"${attribute('aria-labelledby', `${id}-title`)}${attribute('aria-describedby', `${id}-description`)}` +
    ` xmlns="http://www.w3.org/2000/svg"><title${attribute('id', `${id}-title`)}>${escapeText(text.title)}</title>`;
  // Edges first: a line into an interface runs under its container's name, which keeps a halo of the background.
  for (const edge of layout.edges) html += edgeHtml(edge, view.pathEdges.has(edge.id));
  const containers = layout.nodes.filter((placed) => placed.node.kind === 'container');
  for (const placed of containers) html += nodeHtml(placed, view.onPath.has(placed.node.id), 6);
  for (const placed of layout.nodes.filter((placed) => placed.node.kind !== 'container'))
    html += nodeHtml(placed, view.onPath.has(placed.node.id), 4);
  html += '</svg></div>';
  if (wide) html += `<p class="topology__cue" aria-hidden="true">${escapeText(text.scrollCue)}</p>`;
  let items = '';
  for (const item of text.description) items += `<li>${escapeText(item)}</li>`;
  return (
    html +
    `<figcaption class="topology__caption"><p class="topology__legend">${escapeText(text.legend)}</p>` +
    `<details class="topology__details"><summary>${escapeText(text.describe)}</summary>` +
    `<ul${attribute('id', `${id}-description`)} class="topology__description">${items}</ul></details></figcaption></figure>`
  );
}

/** An attribute Astro leaves out when its value is undefined. */
const optional = (name: string, value: string | undefined) => (value === undefined ? '' : attribute(name, value));

const pathData = (points: readonly { x: number; y: number }[]) =>
  points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');

function edgeHtml(edge: FigureLayout['edges'][number], onPath: boolean): string {
  const { label } = edge;
  const labelHtml = label
    ? `<rect class="topology__edge-label" x="${label.x - 2}" y="${label.y}" width="${label.width + 4}" height="${label.height}" rx="3"></rect>` +
      `<text x="${label.x + 2}" y="${label.y + FONT_SIZE}">${escapeText(label.text)}</text>`
    : '';
  return (
    `<g${attribute('class', `topology__edge topology__edge--${edge.kind}${onPath ? ' topology__edge--path' : ''}`)}` +
    `${attribute('data-edge', edge.id)}${onPath ? ' data-path' : ''}><path${attribute('d', pathData(edge.points))}></path>${labelHtml}</g>`
  );
}

function nodeHtml({ node, x, y, width, height }: PlacedNode, onPath: boolean, corner: number): string {
  const classes =
    `topology__node topology__node--${node.kind}${node.highlighted ? ' topology__node--highlighted' : ''}` +
    `${node.muted ? ' topology__node--muted' : ''}${onPath ? ' topology__node--path' : ''}`;
  let lines = '';
  for (const [index, line] of node.shown.entries())
    lines +=
      `<tspan x="${x + PADDING}" dy="${index === 0 ? 0 : LINE_HEIGHT}"${index === 0 ? ' class="topology__name"' : ''}>` +
      `${escapeText(line)}</tspan>`;
  return (
    `<g${attribute('class', classes)}${attribute('data-node', node.id)}${onPath ? ' data-path' : ''}>` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${corner}"></rect>` +
    `<text x="${x + PADDING}" y="${y + PADDING + FONT_SIZE - 2}">${lines}</text></g>`
  );
}
