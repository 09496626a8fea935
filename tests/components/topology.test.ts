import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import TopologyFigure from '../../src/components/topology/TopologyFigure.astro';
import { Host } from '../../src/netsim/index';
import { stored } from './stored-payload';

async function render(locale: string, props: Record<string, unknown>) {
  const container = await AstroContainer.create();
  // The state as the Markdown plugin passes it: a key to the JSON in the payload store.
  const state = typeof props.state === 'string' ? stored(props.state) : props.state;
  return container.renderToString(TopologyFigure, { params: { locale }, props: { ...props, state } });
}

function stateAfter(...lines: string[]): string {
  const host = Host.create({ seed: 11 });
  for (const line of lines) host.run(line);
  return JSON.stringify(host.topology());
}

const twoContainers = stateAfter('docker run -dit --name c1 alpine', 'docker run -dit --name c2 alpine');

/** The figure's nodes (data-node → the text of its tspans) and edges (data-edge → its label), read back from the SVG. */
function drawn(html: string) {
  const nodes = new Map<string, string[]>();
  for (const [, id, body] of html.matchAll(/<g class="topology__node[^"]*" data-node="([^"]+)">([^]*?)<\/g>/g))
    nodes.set(
      id!,
      [...body!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((match) => match[1]!),
    );
  const edges = new Map<string, string | undefined>();
  for (const [, id, body] of html.matchAll(/<g class="topology__edge[^"]*" data-edge="([^"]+)">([^]*?)<\/g>/g))
    edges.set(id!, /<text[^>]*>([^<]*)<\/text>/.exec(body!)?.[1]);
  return { nodes, edges };
}

/** What the tools print about the host, to hold the figure against: `ip link`, each container's `ip -4 addr`, `docker port`. */
function toolsSay(host: Host) {
  const names = host.run("docker ps -a --format '{{.Names}}'").stdout.trim().split('\n');
  const running = host.run("docker ps --format '{{.Names}}'").stdout.trim().split('\n');
  const hostVeths = [...host.run('ip link show type veth').stdout.matchAll(/^(\d+): (veth[0-9a-f]+)@if(\d+):/gm)].map(
    ([, index, name, peer]) => ({ index: Number(index), name: name!, peer: Number(peer) }),
  );
  const modes = new Map(
    names.map((name) => [name, host.run(`docker inspect -f '{{.HostConfig.NetworkMode}}' ${name}`).stdout.trim()]),
  );
  const interfaces = running
    .filter((name) => !['host', 'none'].includes(modes.get(name)!) && !modes.get(name)!.startsWith('container:'))
    .flatMap((name) =>
      [
        ...host
          .run(`docker exec ${name} ip -4 addr`)
          .stdout.matchAll(/^(\d+): (eth\d+)@if(\d+):[^\n]*\n\s+inet (\S+)/gm),
      ].map(([, index, iface, peer, address]) => ({
        container: name,
        index: Number(index),
        name: iface!,
        peer: Number(peer),
        address: address!,
      })),
    );
  const published = running.flatMap((name) =>
    [...host.run(`docker port ${name}`).stdout.matchAll(/^(\d+)\/(\w+) -> (\d[\d.]*):(\d+)$/gm)].map(
      ([, port, protocol, address, hostPort]) => ({
        container: name,
        label: `${address}:${hostPort} → ${port}/${protocol}`,
      }),
    ),
  );
  return { names, hostVeths, interfaces, published };
}

describe('TopologyFigure', () => {
  it('renders an inline SVG figure with the data-topology hook, a title and a description list, and no script', async () => {
    const html = await render('es', { state: twoContainers, number: '1' });
    expect(html).toMatch(/<figure class="topology[^"]*" data-topology="1">/);
    expect(html).toMatch(
      /<svg class="topology__svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+" role="img" aria-labelledby="topology-1-title" aria-describedby="topology-1-description"/,
    );
    expect(html).toContain('<title id="topology-1-title">La red del anfitrión docker-host</title>');
    expect(html).not.toMatch(/<script|style="/);
    const description = /<ul id="topology-1-description" class="topology__description">([^]*?)<\/ul>/.exec(html)![1]!;
    expect(description.match(/<li>/g)).toHaveLength(5);
    expect(description).toContain(
      '<li>La red bridge (172.17.0.0/16): el puente docker0 (índice 3), con 172.17.0.1/16.</li>',
    );
    expect(description).toMatch(
      /<li>El contenedor c1 \(alpine\): su eth0 \(índice 2\), con 172\.17\.0\.2\/16 en la red bridge, es la pareja de veth[0-9a-f]{7} \(índice \d+\) en el anfitrión\.<\/li>/,
    );
  });

  it('draws every node and veth pair with its labels as the tools print them', async () => {
    const html = await render('fr', { state: twoContainers, number: '2' });
    for (const id of ['host', 'nic:eth0', 'bridge:docker0', 'container:c1', 'container:c2', 'if:c1:eth0', 'if:c2:eth0'])
      expect(html).toContain(`data-node="${id}"`);
    expect(html.match(/data-edge="veth-pair:/g)).toHaveLength(2);
    expect(html).toContain('>3: docker0</tspan>');
    expect(html).toContain('>172.17.0.3/16</tspan>');
    // The rest in the reader's language.
    expect(html).toContain('>réseau bridge · 172.17.0.0/16</tspan>');
    expect(html).toContain('<summary>Ce que montre la figure</summary>');
  });

  it.each([
    ['two containers on docker0', ['docker run -dit --name c1 alpine', 'docker run -dit --name c2 alpine']],
    [
      'every kind of attachment',
      [
        'docker network create --subnet 10.20.0.0/24 app-net',
        'docker run -dit --name c1 alpine',
        'docker run -d --name web --network app-net -p 8080:80 -p 127.0.0.1:8443:443 nginx',
        'docker network connect app-net c1',
        'docker run -dit --name h --network host alpine',
        'docker run -dit --name n --network none alpine',
        'docker network create -d macvlan --subnet 192.168.50.0/24 -o parent=eth0 mv',
        'docker run -dit --name m --network mv alpine',
        'docker run -dit --name s --network container:c1 alpine',
        'docker create --name idle alpine',
      ],
    ],
    [
      'a WordPress and its database',
      [
        'docker network create wp-net',
        'docker run -d --name db --network wp-net -e MARIADB_ROOT_PASSWORD=secret mariadb',
        'docker run -d --name wp --network wp-net -p 8080:80 wordpress',
      ],
    ],
  ])(
    'draws %s as the tools print it: every container, every veth pair with both names and indexes, every address and published port',
    async (_, lines) => {
      const host = Host.create({ seed: 5 });
      for (const line of lines) expect(host.run(line).exitCode, line).toBe(0);
      const { nodes, edges } = drawn(await render('es', { state: JSON.stringify(host.topology()), number: '1' }));
      const say = toolsSay(host);
      for (const name of say.names) expect(nodes.get(`container:${name}`)?.[0], name).toBe(name);
      expect([...nodes.keys()].filter((id) => id.startsWith('container:'))).toHaveLength(say.names.length);
      expect([...nodes.keys()].filter((id) => id.startsWith('veth:')).sort()).toEqual(
        say.hostVeths.map((veth) => `veth:${veth.name}`).sort(),
      );
      for (const veth of say.hostVeths) expect(nodes.get(`veth:${veth.name}`)).toEqual([`${veth.index}: ${veth.name}`]);
      for (const iface of say.interfaces) {
        expect(nodes.get(`if:${iface.container}:${iface.name}`)).toEqual([
          `${iface.index}: ${iface.name}`,
          iface.address,
        ]);
        const veth = say.hostVeths.find(
          (candidate) => candidate.index === iface.peer && candidate.peer === iface.index,
        );
        // A veth's container end names its host end's index; a macvlan port names its parent's.
        if (veth)
          expect(
            edges.has(`veth-pair:veth:${veth.name}->if:${iface.container}:${iface.name}`),
            `${iface.container} ${iface.name}`,
          ).toBe(true);
        else
          expect(
            [...edges.keys()].some(
              (id) => id.startsWith('stacked:net:') && id.endsWith(`->if:${iface.container}:${iface.name}`),
            ),
          ).toBe(true);
      }
      expect([...edges.keys()].filter((id) => id.startsWith('veth-pair:'))).toHaveLength(say.hostVeths.length);
      const labels = [...edges.entries()].filter(([id]) => id.startsWith('published:')).map(([, label]) => label);
      // One arrow per port, labelled with the IPv4 binding `docker port` prints for it (its [::] twin is in the text alternative).
      expect(labels.sort()).toEqual(say.published.map((port) => port.label).sort());
    },
  );

  it('draws the LAN with its router and machine when a port is published, the internet when asked, and leaves out what is idle', async () => {
    const state = stateAfter(
      'docker network create unused',
      'docker run -d --name web -p 8080:80 nginx',
      'docker create --name idle alpine',
    );
    const auto = drawn(await render('es', { state, number: '1' }));
    expect(auto.nodes.get('router')).toEqual(['router', '192.168.1.1']);
    expect(auto.nodes.get('machine:lan-pc')).toEqual(['lan-pc', '192.168.1.20']);
    expect(auto.nodes.get('lan')).toEqual(['red local (LAN)', '192.168.1.0/24']);
    expect(auto.nodes.has('internet')).toBe(false);
    expect(auto.nodes.has('container:idle')).toBe(true);
    const html = await render('fr', { state, number: '1', outside: 'internet', hide: 'idle' });
    const figure = drawn(html);
    expect(html).toContain('data-outside="internet" data-hide="idle"');
    expect(figure.nodes.get('internet')).toEqual(['Internet']);
    expect(figure.nodes.get('router')).toEqual(['routeur', '192.168.1.1']);
    expect(
      [...figure.nodes.keys()].filter((id) => id.startsWith('container:') || id.startsWith('bridge:')).sort(),
    ).toEqual(['bridge:docker0', 'container:web']);
    expect(html).toContain('<li>Le routeur 192.168.1.1, passerelle du réseau local, avec Internet derrière lui.</li>');
  });

  it('marks the highlighted container, and with a focus draws that network alone', async () => {
    const state = stateAfter(
      'docker network create app-net',
      'docker run -dit --name c1 alpine',
      'docker run -dit --name web --network app-net alpine',
    );
    const html = await render('pt', { state, number: '1', focus: 'app-net', highlight: 'web' });
    expect(html).toContain('data-focus="app-net"');
    expect(html).toMatch(
      /<g class="topology__node topology__node--container topology__node--highlighted" data-node="container:web">/,
    );
    expect(html).not.toContain('data-node="container:c1"');
    expect(html).not.toContain('data-node="bridge:docker0"');
    expect(html).toContain('<title id="topology-1-title">A rede app-net no host docker-host</title>');
  });

  it('lays the same state out the same way every time, and in every language', async () => {
    const first = await render('es', { state: twoContainers, number: '1' });
    expect(await render('es', { state: twoContainers, number: '1' })).toBe(first);
    // Boxes are sized for the longest translation: the geometry is the same in es, pt and fr.
    const geometry = (html: string) =>
      [...html.matchAll(/<(?:svg|rect|path)[^>]*?(?: (?:x|y|width|height|d|viewBox)="[^"]*")+/g)].map((match) =>
        match[0].replace(/ (?:class|data-[a-z]+|role|aria-[a-z]+|xmlns|rx)="[^"]*"/g, ''),
      );
    const state = stateAfter(
      'docker network create app-net',
      'docker run -d --name web --network app-net -p 8080:80 nginx',
      'docker run -dit --name n --network none alpine',
    );
    const [es, pt, fr] = await Promise.all(['es', 'pt', 'fr'].map((locale) => render(locale, { state, number: '1' })));
    expect(geometry(es!).length).toBeGreaterThan(10);
    expect(geometry(pt!)).toEqual(geometry(es!));
    expect(geometry(fr!)).toEqual(geometry(es!));
    expect(pt).not.toBe(es);
  });

  it('offers a scroll cue when the figure is wider than a phone', async () => {
    const state = stateAfter(...['a', 'b', 'c', 'd'].map((name) => `docker run -dit --name ${name} alpine`));
    const html = await render('es', { state, number: '1' });
    expect(html).toContain('topology--wide');
    expect(html).toContain('<p class="topology__cue" aria-hidden="true">← Desliza para ver toda la figura →</p>');
    expect(html).toMatch(/<div class="topology__scroll" tabindex="0" role="group" aria-label="[^"]+">/);
  });
});
