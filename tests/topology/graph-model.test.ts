import { describe, expect, it } from 'vitest';
import { topologyOf, type TopologyRecord } from '../../src/netsim/index';
import {
  figureProblems,
  topologyGraph,
  type FigureOptions,
  type FigureText,
  type TopologyGraph,
} from '../../src/topology/graph-model';
import { hostWithSeed } from '../netsim/host-fixtures';

const hostAfter = hostWithSeed(7);

/** Two containers on the default bridge: what lesson 2's figure draws. */
const twoOnDefaultBridge = () => hostAfter('docker run -dit --name c1 alpine', 'docker run -dit --name c2 alpine');

/** Every kind of attachment: two bridges, a container on both, a published port, host, none, macvlan, a shared namespace, a stopped container. */
const everyKind = () =>
  hostAfter(
    'docker network create --subnet 10.20.0.0/24 app-net',
    'docker run -dit --name c1 alpine',
    'docker run -d --name web --network app-net -p 8080:80 nginx',
    'docker network connect app-net c1',
    'docker run -dit --name h --network host alpine',
    'docker run -dit --name n --network none alpine',
    'docker network create -d macvlan --subnet 192.168.50.0/24 -o parent=eth0 mv',
    'docker run -dit --name m --network mv alpine',
    'docker run -dit --name s --network container:c1 alpine',
    'docker create --name idle alpine',
  );

const lines = (graph: TopologyGraph, id: string): FigureText[] =>
  graph.nodes.find((node) => node.id === id)?.lines ?? [];
const texts = (items: readonly FigureText[]) => items.map((item) => ('text' in item ? item.text : `[${item.key}]`));
const edge = (graph: TopologyGraph, kind: string, source: string, target: string) =>
  graph.edges.find(
    (candidate) => candidate.kind === kind && candidate.source === source && candidate.target === target,
  );

describe('topologyOf', () => {
  it('reads the same host from a snapshot as from the live host', () => {
    const host = everyKind();
    expect(topologyOf(host.snapshot())).toEqual(host.topology());
  });

  it('pairs each host veth with the container interface ip prints as its peer', () => {
    const host = twoOnDefaultBridge();
    const record = host.topology();
    const hostSide = host.run('ip link show master docker0').stdout;
    for (const veth of record.veths) {
      expect(hostSide).toContain(`${veth.host.index}: ${veth.host.name}@if${veth.container.index}:`);
      expect(host.run(`docker exec ${veth.container.name} ip link show ${veth.container.interface}`).stdout).toContain(
        `${veth.container.index}: ${veth.container.interface}@if${veth.host.index}:`,
      );
    }
    expect(record.veths.map((veth) => veth.container.name).sort()).toEqual(['c1', 'c2']);
  });
});

describe('topologyGraph', () => {
  it('draws every running container with every interface, and every veth pair between bridge and interface', () => {
    const record = everyKind().topology();
    const graph = topologyGraph(record);
    for (const container of record.containers)
      expect(graph.nodes.some((node) => node.id === `container:${container.name}`)).toBe(true);
    for (const veth of record.veths) {
      expect(edge(graph, 'bridge-port', `bridge:${veth.host.master}`, `veth:${veth.host.name}`)).toBeDefined();
      expect(
        edge(graph, 'veth-pair', `veth:${veth.host.name}`, `if:${veth.container.name}:${veth.container.interface}`),
      ).toBeDefined();
      expect(texts(lines(graph, `veth:${veth.host.name}`))).toEqual([`${veth.host.index}: ${veth.host.name}`]);
    }
    expect(graph.edges.filter((candidate) => candidate.kind === 'veth-pair')).toHaveLength(record.veths.length);
  });

  it('labels interfaces with their index, name and the address docker inspect gives', () => {
    const host = everyKind();
    const graph = topologyGraph(host.topology());
    const inspect = (container: string, network: string) =>
      host
        .run(
          `docker inspect -f '{{(index .NetworkSettings.Networks "${network}").IPAddress}}/{{(index .NetworkSettings.Networks "${network}").IPPrefixLen}}' ${container}`,
        )
        .stdout.trim();
    expect(texts(lines(graph, 'if:c1:eth0'))).toEqual(['2: eth0', inspect('c1', 'bridge')]);
    expect(texts(lines(graph, 'if:c1:eth1'))).toEqual(['3: eth1', inspect('c1', 'app-net')]);
    expect(texts(lines(graph, 'if:web:eth0'))).toEqual(['2: eth0', inspect('web', 'app-net')]);
    expect(inspect('web', 'app-net')).toBe('10.20.0.2/24');
    expect(texts(lines(graph, 'bridge:docker0'))).toEqual(['3: docker0', '172.17.0.1/16', '[node.network]']);
    expect(lines(graph, 'bridge:docker0')[2]).toEqual({
      key: 'node.network',
      values: { network: 'bridge', subnets: '172.17.0.0/16' },
    });
  });

  it('draws a published port from the NIC to the container, macvlan ports on their network on its parent, and the other modes as what they share', () => {
    const graph = topologyGraph(everyKind().topology());
    expect(edge(graph, 'published', 'nic:eth0', 'if:web:eth0')?.label).toEqual({ text: '0.0.0.0:8080 → 80/tcp' });
    expect(edge(graph, 'stacked', 'nic:eth0', 'net:mv')).toBeDefined();
    expect(edge(graph, 'stacked', 'net:mv', 'if:m:eth0')).toBeDefined();
    expect(lines(graph, 'net:mv')).toEqual([
      { key: 'node.network', values: { network: 'mv', subnets: '192.168.50.0/24' } },
      { key: 'node.stackedOn', values: { driver: 'macvlan', parent: 'eth0' } },
    ]);
    expect(edge(graph, 'host-mode', 'host', 'container:h')).toBeDefined();
    expect(edge(graph, 'shared', 'container:c1', 'container:s')).toBeDefined();
    expect(
      graph.nodes.filter(
        (node) => node.parent === 'container:s' || node.parent === 'container:h' || node.parent === 'container:n',
      ),
    ).toEqual([]);
    expect(texts(lines(graph, 'container:n'))).toEqual(['n', 'alpine', '[node.noneMode]']);
    expect(graph.nodes.find((node) => node.id === 'container:idle')).toMatchObject({
      muted: true,
      lines: [{ text: 'idle' }, { text: 'alpine' }, { key: 'node.status', values: { status: 'created' } }],
    });
    expect(graph.description).toContainEqual({
      key: 'alt.published',
      values: { container: 'web', hosts: '0.0.0.0:8080, [::]:8080', containerPort: 80, protocol: 'tcp' },
    });
  });

  it('describes every container interface in the text alternative, with its veth peer', () => {
    const record = twoOnDefaultBridge().topology();
    const graph = topologyGraph(record);
    const described = graph.description.filter((item) => 'key' in item && item.key === 'alt.vethInterface');
    expect(described).toHaveLength(2);
    for (const veth of record.veths) {
      const iface = record.containers.find((container) => container.name === veth.container.name)!.interfaces[0]!;
      expect(described).toContainEqual({
        key: 'alt.vethInterface',
        values: {
          container: veth.container.name,
          image: 'alpine',
          name: 'eth0',
          index: 2,
          addresses: iface.addresses[0],
          network: 'bridge',
          peer: veth.host.name,
          peerIndex: veth.host.index,
        },
      });
    }
  });

  it('with a focus, draws that network only: its bridge, its veths and the containers on it', () => {
    const graph = topologyGraph(everyKind().topology(), { focus: 'app-net', highlight: 'web' });
    const ids = graph.nodes.map((node) => node.id);
    expect(ids.filter((id) => id.startsWith('bridge:'))).toEqual([expect.stringMatching(/^bridge:br-[0-9a-f]{12}$/)]);
    expect(ids.filter((id) => id.startsWith('container:'))).toEqual(['container:c1', 'container:web']);
    expect(ids).toContain('if:c1:eth1');
    expect(ids).not.toContain('if:c1:eth0');
    expect(graph.nodes.filter((node) => node.highlighted).map((node) => node.id)).toEqual([
      expect.stringMatching(/^veth:/),
      'container:web',
      'if:web:eth0',
    ]);
  });

  it('keeps what was drawn in place when a container is added: nodes in the same order, new ones in between', () => {
    const before = topologyGraph(
      hostAfter('docker run -dit --name b alpine', 'docker run -dit --name d alpine').topology(),
    );
    const after = topologyGraph(
      hostAfter(
        'docker run -dit --name b alpine',
        'docker run -dit --name d alpine',
        'docker run -dit --name a alpine',
      ).topology(),
    );
    const order = (graph: TopologyGraph) =>
      graph.nodes.map((node) => node.id).filter((id) => id.startsWith('container:'));
    expect(order(before)).toEqual(['container:b', 'container:d']);
    expect(order(after)).toEqual(['container:a', 'container:b', 'container:d']);
  });
});

describe('beyond the NIC', () => {
  const ids = (graph: TopologyGraph) => graph.nodes.map((node) => node.id);

  it('reads the LAN from the host profile: its subnet, router, machine and internet', () => {
    expect(twoOnDefaultBridge().topology().lan).toEqual({
      nic: 'eth0',
      subnet: '192.168.1.0/24',
      router: '192.168.1.1',
      machines: [{ hostname: 'lan-pc', address: '192.168.1.20' }],
      internet: true,
    });
  });

  it('leaves the LAN out where nothing on the host answers it, and draws it when asked', () => {
    const record = twoOnDefaultBridge().topology();
    expect(
      ids(topologyGraph(record)).filter((id) => ['lan', 'router', 'machine:lan-pc', 'internet'].includes(id)),
    ).toEqual([]);
    const lan = topologyGraph(record, { outside: 'lan' });
    expect(ids(lan)).toEqual(expect.arrayContaining(['lan', 'router', 'machine:lan-pc']));
    expect(ids(lan)).not.toContain('internet');
    expect(edge(lan, 'lan', 'lan', 'nic:eth0')).toBeDefined();
    expect(edge(lan, 'lan', 'router', 'lan')).toBeDefined();
    expect(edge(lan, 'lan', 'machine:lan-pc', 'lan')).toBeDefined();
    expect(texts(lines(lan, 'router'))).toEqual(['[node.router]', '192.168.1.1']);
    expect(texts(lines(lan, 'machine:lan-pc'))).toEqual(['lan-pc', '192.168.1.20']);
    const internet = topologyGraph(record, { outside: 'internet' });
    expect(edge(internet, 'wan', 'internet', 'router')).toBeDefined();
    expect(internet.description).toContainEqual({ key: 'alt.routerInternet', values: { address: '192.168.1.1' } });
  });

  it('draws the LAN by itself when a port is published beyond loopback, or a macvlan network sits on the NIC', () => {
    expect(ids(topologyGraph(hostAfter('docker run -d --name web -p 8080:80 nginx').topology()))).toContain(
      'machine:lan-pc',
    );
    expect(
      ids(
        topologyGraph(
          hostAfter('docker network create -d macvlan --subnet 192.168.50.0/24 -o parent=eth0 mv').topology(),
        ),
      ),
    ).toContain('lan');
    const local = topologyGraph(hostAfter('docker run -d --name web -p 127.0.0.1:8080:80 nginx').topology());
    expect(ids(local)).not.toContain('lan');
    expect(
      topologyGraph(hostAfter('docker run -d --name web -p 8080:80 nginx').topology(), { outside: 'none' }).nodes.some(
        (node) => node.kind === 'lan',
      ),
    ).toBe(false);
  });

  it('draws a port published on loopback from the host itself, and two ports to one interface as two arrows', () => {
    const host = hostAfter('docker run -d --name web -p 127.0.0.1:8080:80 -p 8443:443 nginx');
    const graph = topologyGraph(host.topology());
    expect(host.run('docker port web').stdout.split('\n').sort()).toEqual([
      '',
      '443/tcp -> 0.0.0.0:8443',
      '443/tcp -> [::]:8443',
      '80/tcp -> 127.0.0.1:8080',
    ]);
    expect(edge(graph, 'published', 'host', 'if:web:eth0')?.label).toEqual({ text: '127.0.0.1:8080 → 80/tcp' });
    expect(edge(graph, 'published', 'nic:eth0', 'if:web:eth0')?.label).toEqual({ text: '0.0.0.0:8443 → 443/tcp' });
    expect(new Set(graph.edges.map((candidate) => candidate.id)).size).toBe(graph.edges.length);
  });
});

describe('hide="idle"', () => {
  it('leaves out bridges and macvlan networks with no container, stopped containers and their dummy parents', () => {
    const host = hostAfter(
      'docker network create --subnet 10.20.0.0/24 app-net',
      'docker network create unused',
      'docker network create -d macvlan --subnet 192.168.60.0/24 lonely',
      'docker run -d --name web --network app-net nginx',
      'docker create --name idle alpine',
    );
    const record = host.topology();
    const all = topologyGraph(record).nodes.map((node) => node.id);
    const busy = topologyGraph(record, { hide: 'idle' }).nodes.map((node) => node.id);
    const appBridge = record.bridges.find((bridge) => bridge.network === 'app-net')!.name;
    const dummy = record.nics.find((nic) => nic.name.startsWith('dm-'))!.name;
    expect(all).toEqual(
      expect.arrayContaining([
        'bridge:docker0',
        `bridge:${appBridge}`,
        'net:lonely',
        `nic:${dummy}`,
        'container:idle',
        'container:web',
      ]),
    );
    expect(busy.filter((id) => !id.startsWith('veth:') && !id.startsWith('if:'))).toEqual([
      'host',
      'nic:eth0',
      `bridge:${appBridge}`,
      'container:web',
    ]);
  });
});

describe('figureProblems', () => {
  const record: TopologyRecord = everyKind().topology();
  it.each<[FigureOptions, string[]]>([
    [{}, []],
    [{ focus: 'app-net', highlight: 'c1' }, []],
    [
      { focus: 'app-nett' },
      ['focus="app-nett" names no network of the host at this point (it has app-net, bridge, host, mv, none)'],
    ],
    [{ highlight: 'c9' }, ['highlight="c9" names no container or network the figure draws']],
    [
      { focus: 'app-net', highlight: 'n' },
      ['highlight="n" names no container or network the figure draws with focus="app-net"'],
    ],
    [{ highlight: 'app-net' }, []],
    [{ highlight: 'mv' }, []],
    [{ highlight: 'idle' }, []],
    [
      { highlight: 'idle', hide: 'idle' },
      ['highlight="idle" names no container or network the figure draws with hide="idle"'],
    ],
  ])('%j: %j', (options, problems) => {
    expect(figureProblems(record, options)).toEqual(problems);
  });
});
