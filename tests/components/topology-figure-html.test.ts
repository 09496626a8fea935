import { describe, expect, it } from 'vitest';
import { topologyFigureHtml, type TopologyFigureView } from '../../src/components/topology/topology-figure-html';

const view = (overrides: Partial<TopologyFigureView> = {}): TopologyFigureView => ({
  layout: {
    width: 400,
    height: 100,
    nodes: [
      {
        node: {
          id: 'container:c1',
          kind: 'container',
          lines: [],
          shown: ['c1', '<alpine>'],
          highlighted: true,
          muted: false,
        },
        x: 10,
        y: 20,
        width: 100,
        height: 40,
      },
      {
        node: { id: 'host', kind: 'host', lines: [], shown: ['host'], highlighted: false, muted: true },
        x: 0.5,
        y: 0,
        width: 50,
        height: 28,
      },
    ],
    edges: [
      {
        id: 'e1',
        kind: 'uplink',
        points: [
          { x: 1, y: 2 },
          { x: 1, y: 9 },
        ],
        label: { text: 'R&D', x: 5, y: 6, width: 20, height: 14 },
      },
    ],
  },
  id: 'topology-2',
  number: '2',
  data: { focus: 'red "1"' },
  onPath: new Set(['container:c1']),
  pathEdges: new Set(['e1']),
  wide: true,
  text: {
    title: 'Host',
    scrollLabel: 'Scrolls',
    scrollCue: 'Swipe',
    legend: 'Lines',
    describe: 'What',
    description: ["l'eth0"],
  },
  ...overrides,
});

describe('topologyFigureHtml', () => {
  it('draws edges first, then containers, then the other nodes, marking what a trace went through', () => {
    const html = topologyFigureHtml(view());
    expect(html).toContain(
      '<g class="topology__edge topology__edge--uplink topology__edge--path" data-edge="e1" data-path><path d="M1 2 L1 9"></path>' +
        '<rect class="topology__edge-label" x="3" y="6" width="24" height="14" rx="3"></rect><text x="7" y="18">R&amp;D</text></g>' +
        '<g class="topology__node topology__node--container topology__node--highlighted topology__node--path" data-node="container:c1" data-path>' +
        '<rect x="10" y="20" width="100" height="40" rx="6"></rect><text x="18" y="38">' +
        '<tspan x="18" dy="0" class="topology__name">c1</tspan><tspan x="18" dy="16">&lt;alpine&gt;</tspan></text></g>' +
        '<g class="topology__node topology__node--host topology__node--muted" data-node="host"><rect x="0.5" y="0" width="50" height="28" rx="4"></rect>',
    );
  });

  it('carries its options as data-* and says in words what it shows', () => {
    const html = topologyFigureHtml(view());
    expect(html).toMatch(
      /^<figure class="topology topology--wide" data-topology="2" data-focus="red &quot;1&quot;"><div/,
    );
    expect(html).toContain('<p class="topology__cue" aria-hidden="true">Swipe</p>');
    expect(html).toContain('<ul id="topology-2-description" class="topology__description"><li>l&#39;eth0</li></ul>');
  });

  it('has no cue and no data-* it was not drawn with when it fits a phone', () => {
    const html = topologyFigureHtml(view({ wide: false, data: {} }));
    expect(html).toMatch(/^<figure class="topology" data-topology="2"><div/);
    expect(html).not.toContain('topology__cue');
  });
});
