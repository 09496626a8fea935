import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import TopologyFigure from '../../src/components/topology/TopologyFigure.astro';
import { Host } from '../../src/netsim/index';

async function render(locale: string, props: Record<string, unknown>) {
  const container = await AstroContainer.create();
  return container.renderToString(TopologyFigure, { params: { locale }, props });
}

function stateAfter(...lines: string[]): string {
  const host = Host.create({ seed: 11 });
  for (const line of lines) host.run(line);
  return JSON.stringify(host.topology());
}

const twoContainers = stateAfter('docker run -dit --name c1 alpine', 'docker run -dit --name c2 alpine');

describe('TopologyFigure', () => {
  it('renders an inline SVG figure with the data-topology hook, a title and a description list, and no script', async () => {
    const html = await render('es', { state: twoContainers, number: '1' });
    expect(html).toMatch(/<figure class="topology[^"]*" data-topology="1">/);
    expect(html).toMatch(/<svg class="topology__svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+" role="img" aria-labelledby="topology-1-title" aria-describedby="topology-1-description"/);
    expect(html).toContain('<title id="topology-1-title">La red del anfitrión docker-host</title>');
    expect(html).not.toMatch(/<script|style="/);
    const description = /<ul id="topology-1-description" class="topology__description">([^]*?)<\/ul>/.exec(html)![1]!;
    expect(description.match(/<li>/g)).toHaveLength(5);
    expect(description).toContain('<li>La red bridge (172.17.0.0/16): el puente docker0 (índice 3), con 172.17.0.1/16.</li>');
    expect(description).toMatch(/<li>El contenedor c1 \(alpine\): su eth0 \(índice 2\), con 172\.17\.0\.2\/16 en la red bridge, es la pareja de veth[0-9a-f]{7} \(índice \d+\) en el anfitrión\.<\/li>/);
  });

  it('draws every node and veth pair with its labels as the tools print them', async () => {
    const html = await render('fr', { state: twoContainers, number: '2' });
    for (const id of ['host', 'nic:eth0', 'bridge:docker0', 'container:c1', 'container:c2', 'if:c1:eth0', 'if:c2:eth0']) expect(html).toContain(`data-node="${id}"`);
    expect(html.match(/data-edge="veth-pair:/g)).toHaveLength(2);
    expect(html).toContain('>3: docker0</tspan>');
    expect(html).toContain('>172.17.0.3/16</tspan>');
    // The rest in the reader's language.
    expect(html).toContain('>réseau bridge · 172.17.0.0/16</tspan>');
    expect(html).toContain('<summary>Ce que montre la figure</summary>');
  });

  it('marks the highlighted container, and with a focus draws that network alone', async () => {
    const state = stateAfter('docker network create app-net', 'docker run -dit --name c1 alpine', 'docker run -dit --name web --network app-net alpine');
    const html = await render('pt', { state, number: '1', focus: 'app-net', highlight: 'web' });
    expect(html).toContain('data-focus="app-net"');
    expect(html).toMatch(/<g class="topology__node topology__node--container topology__node--highlighted" data-node="container:web">/);
    expect(html).not.toContain('data-node="container:c1"');
    expect(html).not.toContain('data-node="bridge:docker0"');
    expect(html).toContain('<title id="topology-1-title">A rede app-net no host docker-host</title>');
  });

  it('lays the same state out the same way every time', async () => {
    const first = await render('es', { state: twoContainers, number: '1' });
    expect(await render('es', { state: twoContainers, number: '1' })).toBe(first);
  });

  it('offers a scroll cue when the figure is wider than a phone', async () => {
    const state = stateAfter(...['a', 'b', 'c', 'd'].map((name) => `docker run -dit --name ${name} alpine`));
    const html = await render('es', { state, number: '1' });
    expect(html).toContain('topology--wide');
    expect(html).toContain('<p class="topology__cue" aria-hidden="true">← Desliza para ver toda la figura →</p>');
    expect(html).toMatch(/<div class="topology__scroll" tabindex="0" role="group" aria-label="[^"]+">/);
  });
});
