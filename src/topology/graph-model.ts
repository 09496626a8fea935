import type { TopologyContainer, TopologyInterface, TopologyNetwork, TopologyRecord } from '../netsim/index';

/**
 * A piece of text in a figure: tool output stays as printed (`text`), the rest
 * is an i18n key under `topology.` with its values (which are tool output).
 */
export type FigureText = { text: string } | { key: string; values?: Record<string, string | number> };

export type NodeKind =
  | 'internet'
  | 'router'
  | 'machine'
  | 'lan'
  | 'nic'
  | 'host'
  | 'bridge'
  | 'network'
  | 'veth'
  | 'container'
  | 'interface';
export type EdgeKind =
  'wan' | 'lan' | 'uplink' | 'bridge-port' | 'veth-pair' | 'stacked' | 'published' | 'host-mode' | 'shared';

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** The container an interface is drawn inside. */
  parent?: string;
  lines: FigureText[];
  highlighted: boolean;
  /** A container that is not running: drawn faded, with nothing plugged in. */
  muted: boolean;
}

export interface GraphEdge {
  id: string;
  kind: EdgeKind;
  source: string;
  target: string;
  label?: FigureText;
}

export interface TopologyGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The text alternative: one sentence per thing drawn, in the order a reader meets them. */
  description: FigureText[];
}

/** What of the world beyond the NIC a figure draws: `auto` draws the LAN when a published port or a macvlan/ipvlan network makes it matter. */
export const OUTSIDE = ['auto', 'none', 'lan', 'internet'] as const;
export type Outside = (typeof OUTSIDE)[number];
/** `idle`: leave out bridges and macvlan/ipvlan networks with no container on them, and containers that are not running. */
export const HIDE = ['idle'] as const;
export type Hide = (typeof HIDE)[number];

export interface FigureOptions {
  /** Draw one network only: its bridge or parent, and the containers on it. */
  focus?: string | undefined;
  /** A container or network drawn emphasised. */
  highlight?: string | undefined;
  outside?: Outside | undefined;
  hide?: Hide | undefined;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const text = (value: string): FigureText => ({ text: value });
const isLoopback = (address: string) => address.startsWith('127.') || address === '::1';

/**
 * What is wrong with a figure's props for this state, as sentences for the
 * author (empty when the figure can be drawn): a focus or highlight that names
 * nothing on the host would draw a figure that says something false.
 */
export function figureProblems(record: TopologyRecord, { focus, highlight, hide }: FigureOptions): string[] {
  const problems: string[] = [];
  const networks = record.networks.map((network) => network.name).sort();
  if (focus !== undefined && !networks.includes(focus))
    problems.push(`focus="${focus}" names no network of the host at this point (it has ${networks.join(', ')})`);
  if (highlight !== undefined) {
    const graph = topologyGraph(record, {
      focus: focus !== undefined && networks.includes(focus) ? focus : undefined,
      hide,
    });
    const drawn = (id: string) => graph.nodes.some((node) => node.id === id);
    const bridge = record.bridges.find((candidate) => candidate.network === highlight);
    if (!drawn(`container:${highlight}`) && !drawn(`net:${highlight}`) && !(bridge && drawn(`bridge:${bridge.name}`))) {
      const how = [focus && `focus="${focus}"`, hide && `hide="${hide}"`].filter(Boolean).join(' and ');
      problems.push(
        `highlight="${highlight}" names no container or network the figure draws${how ? ` with ${how}` : ''}`,
      );
    }
  }
  return problems;
}

/** What a figure keeps of the host: the focused network's parts, and with hide="idle" what has a running container on it. */
interface Scope {
  focused: TopologyNetwork | undefined;
  idleHidden: boolean;
  highlight: string | undefined;
}

/**
 * The figure of a host's network as nodes and edges, inputs sorted by name so a
 * small change of state (one more container) adds to the figure rather than
 * reshuffling it. Pure: the same record and options give the same graph.
 */
export function topologyGraph(
  record: TopologyRecord,
  { focus, highlight, outside = 'auto', hide }: FigureOptions = {},
): TopologyGraph {
  const graph: TopologyGraph = { nodes: [], edges: [], description: [] };
  const scope: Scope = {
    focused: record.networks.find((network) => network.name === focus),
    idleHidden: hide === 'idle',
    highlight,
  };
  const containers = [...record.containers].filter((container) => drawsContainer(container, scope)).sort(byName);
  const stacked = record.networks
    .filter((network) => network.parent !== undefined && (!scope.focused || network === scope.focused))
    .filter(
      (network) =>
        !scope.idleHidden ||
        network === scope.focused ||
        containers.some((container) => container.interfaces.some((iface) => iface.network === network.name)),
    )
    .sort(byName);
  const draw = drawer(graph);

  const lanDrawn =
    outside === 'lan' || outside === 'internet' || (outside === 'auto' && lanMatters(record, containers, stacked));
  draw.node('host', 'host', [text(record.hostname), { key: 'node.host' }]);
  graph.description.push({ key: 'alt.host', values: { host: record.hostname } });
  const nics = [...record.nics]
    .filter(
      (nic) =>
        nic.name === record.lan.nic ||
        stacked.some((network) => network.parent === nic.name) ||
        (!scope.focused && !scope.idleHidden),
    )
    .sort(byName);
  for (const nic of nics) {
    draw.node(`nic:${nic.name}`, 'nic', [text(`${nic.index}: ${nic.name}`), ...nic.addresses.map(text)]);
    draw.edge('uplink', `nic:${nic.name}`, 'host');
    if (lanDrawn && nic.name === record.lan.nic) draw.edge('lan', 'lan', `nic:${nic.name}`);
    graph.description.push({
      key: 'alt.nic',
      values: { name: nic.name, index: nic.index, addresses: nic.addresses.join(', ') || '-' },
    });
  }
  if (lanDrawn) drawOutside(record, draw, outside === 'internet' && record.lan.internet);

  const bridges = drawBridges(record, draw, scope);
  for (const network of stacked) {
    const lines: FigureText[] = [
      {
        key: network.internal ? 'node.networkInternal' : 'node.network',
        values: { network: network.name, subnets: network.subnets.join(', ') },
      },
      { key: 'node.stackedOn', values: { driver: network.driver, parent: network.parent! } },
    ];
    draw.node(`net:${network.name}`, 'network', lines, { highlighted: highlight === network.name });
    if (nics.some((nic) => nic.name === network.parent))
      draw.edge('stacked', `nic:${network.parent}`, `net:${network.name}`);
    graph.description.push({
      key: 'alt.stackedNetwork',
      values: {
        network: network.name,
        driver: network.driver,
        subnets: network.subnets.join(', ') || '-',
        parent: network.parent!,
      },
    });
  }

  // Containers under their network's bridge, in the bridges' order, then by name; each veth above its
  // container, in the order of its interfaces: fewer crossings, and still an order of names only.
  const bridgeRank = new Map(
    bridges.flatMap((bridge, rank) => (bridge.network === undefined ? [] : [[bridge.network, rank] as const])),
  );
  const rankOf = (container: TopologyContainer) =>
    Math.min(
      bridges.length,
      ...container.interfaces.map((iface) => bridgeRank.get(iface.network ?? '') ?? bridges.length),
    );
  containers.sort((a, b) => rankOf(a) - rankOf(b) || byName(a, b));
  const position = new Map(containers.map((container, index) => [container.name, index]));
  const drawnBridges = new Set(bridges.map((bridge) => bridge.name));
  const veths = record.veths
    .filter((veth) => veth.host.master !== undefined && drawnBridges.has(veth.host.master))
    .sort(
      (a, b) =>
        (position.get(a.container.name) ?? Infinity) - (position.get(b.container.name) ?? Infinity) ||
        a.container.index - b.container.index ||
        byName(a.host, b.host),
    );
  const vethOf = new Map(veths.map((veth) => [`${veth.container.name}/${veth.container.interface}`, veth]));
  for (const veth of veths) {
    const network = bridges.find((bridge) => bridge.name === veth.host.master)?.network;
    draw.node(`veth:${veth.host.name}`, 'veth', [text(`${veth.host.index}: ${veth.host.name}`)], {
      highlighted: highlight !== undefined && (highlight === veth.container.name || highlight === network),
    });
    draw.edge('bridge-port', `bridge:${veth.host.master}`, `veth:${veth.host.name}`);
  }

  const context: ContainerContext = {
    draw,
    vethOf,
    onFocus: (iface) => !scope.focused || iface.network === scope.focused.name,
    stacked: new Set(stacked.map((network) => network.name)),
    uplink: nics.some((nic) => nic.name === record.lan.nic) ? `nic:${record.lan.nic}` : undefined,
  };
  for (const container of containers) drawContainer(container, context, highlight === container.name);
  return graph;
}

interface Draw {
  node: (id: string, kind: NodeKind, lines: FigureText[], extra?: Partial<GraphNode>) => void;
  edge: (kind: EdgeKind, source: string, target: string, label?: FigureText, key?: string) => void;
  description: FigureText[];
}

function drawer(graph: TopologyGraph): Draw {
  return {
    node: (id, kind, lines, extra = {}) =>
      void graph.nodes.push({ id, kind, lines, highlighted: false, muted: false, ...extra }),
    // Edge ids are unique: two ports published to one interface are two edges.
    edge: (kind, source, target, label, key) =>
      void graph.edges.push({
        id: `${kind}:${source}->${target}${key ? `:${key}` : ''}`,
        kind,
        source,
        target,
        ...(label && { label }),
      }),
    description: graph.description,
  };
}

/** The LAN matters when something on the host answers it: a port published beyond loopback, or a macvlan/ipvlan network on the LAN's NIC. */
function lanMatters(
  record: TopologyRecord,
  containers: readonly TopologyContainer[],
  stacked: readonly TopologyNetwork[],
): boolean {
  const published = containers.some(
    (container) => container.status === 'running' && container.published.some((port) => !isLoopback(port.hostIp)),
  );
  return published || stacked.some((network) => network.parent === record.lan.nic);
}

/** Above the NIC: the internet when asked for, the router, the LAN's other machines, and the LAN they share with the host. */
function drawOutside(record: TopologyRecord, draw: Draw, internet: boolean): void {
  const { lan } = record;
  if (internet) {
    draw.node('internet', 'internet', [{ key: 'node.internet' }]);
    draw.edge('wan', 'internet', 'router');
  }
  draw.node('router', 'router', [{ key: 'node.router' }, text(lan.router)]);
  draw.edge('lan', 'router', 'lan');
  for (const machine of [...lan.machines].sort((a, b) => (a.hostname < b.hostname ? -1 : 1))) {
    draw.node(`machine:${machine.hostname}`, 'machine', [text(machine.hostname), text(machine.address)]);
    draw.edge('lan', `machine:${machine.hostname}`, 'lan');
  }
  draw.node('lan', 'lan', [{ key: 'node.lan' }, text(lan.subnet)]);
  draw.description.push({ key: 'alt.lan', values: { subnet: lan.subnet, nic: lan.nic } });
  draw.description.push({ key: internet ? 'alt.routerInternet' : 'alt.router', values: { address: lan.router } });
  for (const machine of lan.machines)
    draw.description.push({ key: 'alt.lanMachine', values: { name: machine.hostname, address: machine.address } });
}

function drawBridges(record: TopologyRecord, draw: Draw, scope: Scope): TopologyRecord['bridges'] {
  const network = (name: string | undefined) => record.networks.find((candidate) => candidate.name === name);
  const busy = new Set(record.veths.map((veth) => veth.host.master));
  const bridges = [...record.bridges]
    .filter((bridge) =>
      scope.focused ? bridge.name === scope.focused.bridge : !scope.idleHidden || busy.has(bridge.name),
    )
    .sort((a, b) => byName({ name: a.network ?? `~${a.name}` }, { name: b.network ?? `~${b.name}` }));
  for (const bridge of bridges) {
    const info = network(bridge.network);
    const lines = [text(`${bridge.index}: ${bridge.name}`), ...bridge.addresses.map(text)];
    if (info)
      lines.push({
        key: info.internal ? 'node.networkInternal' : 'node.network',
        values: { network: info.name, subnets: info.subnets.join(', ') },
      });
    draw.node(`bridge:${bridge.name}`, 'bridge', lines, {
      highlighted: scope.highlight !== undefined && scope.highlight === bridge.network,
    });
    draw.edge('uplink', 'host', `bridge:${bridge.name}`);
    const addresses = bridge.addresses.join(', ') || '-';
    draw.description.push(
      info
        ? {
            key: 'alt.bridge',
            values: {
              network: info.name,
              subnets: info.subnets.join(', ') || '-',
              bridge: bridge.name,
              index: bridge.index,
              addresses,
            },
          }
        : { key: 'alt.bridgeAlone', values: { bridge: bridge.name, index: bridge.index, addresses } },
    );
  }
  return bridges;
}

/** With a focus, a container is drawn when it is on that network (host and none count as networks); with hide="idle", when it runs. */
function drawsContainer(container: TopologyContainer, { focused, idleHidden }: Scope): boolean {
  if ((focused || idleHidden) && container.status !== 'running') return false;
  if (focused === undefined) return true;
  if (container.networkMode === focused.name) return true;
  return (
    !container.networkMode.startsWith('container:') &&
    container.interfaces.some((iface) => iface.network === focused.name)
  );
}

interface ContainerContext {
  draw: Draw;
  vethOf: Map<string, { host: { name: string; index: number } }>;
  onFocus: (iface: TopologyInterface) => boolean;
  /** The macvlan/ipvlan networks drawn, whose ports hang from their network's node. */
  stacked: Set<string>;
  /** The NIC published ports are reached on, when drawn. */
  uplink: string | undefined;
}

function drawContainer(container: TopologyContainer, context: ContainerContext, highlighted: boolean): void {
  const { draw, vethOf, onFocus } = context;
  const { description } = draw;
  const id = `container:${container.name}`;
  const running = container.status === 'running';
  const lines: FigureText[] = [text(container.name), text(container.image)];
  const shared = container.networkMode.startsWith('container:')
    ? container.networkMode.slice('container:'.length)
    : undefined;
  if (!running) lines.push({ key: 'node.status', values: { status: container.status } });
  else if (container.networkMode === 'host') lines.push({ key: 'node.hostMode' });
  else if (container.networkMode === 'none') lines.push({ key: 'node.noneMode' });
  else if (shared !== undefined) lines.push({ key: 'node.sharedMode', values: { container: shared } });
  draw.node(id, 'container', lines, { highlighted, muted: !running });
  if (!running)
    return void description.push({
      key: 'alt.stopped',
      values: { container: container.name, image: container.image, status: container.status },
    });
  if (container.networkMode === 'host') {
    draw.edge('host-mode', 'host', id);
    return void description.push({
      key: 'alt.hostMode',
      values: { container: container.name, image: container.image },
    });
  }
  if (shared !== undefined) {
    draw.edge('shared', `container:${shared}`, id);
    return void description.push({
      key: 'alt.shared',
      values: { container: container.name, image: container.image, owner: shared },
    });
  }
  const interfaces = container.interfaces.filter(onFocus).sort((a, b) => a.index - b.index);
  if (interfaces.length === 0)
    description.push({
      key: container.networkMode === 'none' ? 'alt.noneMode' : 'alt.container',
      values: { container: container.name, image: container.image },
    });
  for (const iface of interfaces) {
    const ifaceId = `if:${container.name}:${iface.name}`;
    draw.node(ifaceId, 'interface', [text(`${iface.index}: ${iface.name}`), ...iface.addresses.map(text)], {
      parent: id,
      highlighted,
    });
    const veth = vethOf.get(`${container.name}/${iface.name}`);
    const values = {
      container: container.name,
      image: container.image,
      name: iface.name,
      index: iface.index,
      addresses: iface.addresses.join(', ') || '-',
      network: iface.network ?? '-',
    };
    if (veth) {
      draw.edge('veth-pair', `veth:${veth.host.name}`, ifaceId);
      description.push({
        key: 'alt.vethInterface',
        values: { ...values, peer: veth.host.name, peerIndex: veth.host.index },
      });
    } else if (iface.parent !== undefined && iface.network !== undefined && context.stacked.has(iface.network)) {
      draw.edge('stacked', `net:${iface.network}`, ifaceId);
      description.push({ key: 'alt.stackedInterface', values: { ...values, kind: iface.kind, parent: iface.parent } });
    } else description.push({ key: 'alt.interface', values });
  }
  const target = interfaces[0] ? `if:${container.name}:${interfaces[0].name}` : id;
  for (const port of publishedPorts(container)) {
    // A port published on loopback only is reached from the host itself, never through the NIC.
    const source = port.hosts.every(isLoopback) ? 'host' : context.uplink;
    const shown = port.hosts.find((host) => !host.includes(':')) ?? `[${port.hosts[0]}]`;
    if (source)
      draw.edge(
        'published',
        source,
        target,
        { text: `${shown}:${port.hostPort} → ${port.containerPort}/${port.protocol}` },
        `${port.hostPort}/${port.protocol}`,
      );
    const hosts = port.hosts
      .map((host) => (host.includes(':') ? `[${host}]:${port.hostPort}` : `${host}:${port.hostPort}`))
      .join(', ');
    description.push({
      key: 'alt.published',
      values: { container: container.name, hosts, containerPort: port.containerPort, protocol: port.protocol },
    });
  }
}

interface PublishedPort {
  hostPort: number;
  containerPort: number;
  protocol: string;
  /** The host addresses it is published on, as docker port prints them (`0.0.0.0`, `::`). */
  hosts: string[];
}

/** `-p 8080:80` publishes on 0.0.0.0 and [::]: one arrow, both addresses in the text. */
function publishedPorts(container: TopologyContainer): PublishedPort[] {
  const ports = new Map<string, PublishedPort>();
  for (const port of container.published) {
    const key = `${port.hostPort}/${port.containerPort}/${port.protocol}`;
    const entry = ports.get(key) ?? {
      hostPort: port.hostPort,
      containerPort: port.containerPort,
      protocol: port.protocol,
      hosts: [],
    };
    entry.hosts.push(port.hostIp);
    ports.set(key, entry);
  }
  return [...ports.values()].sort(
    (a, b) => a.hostPort - b.hostPort || a.containerPort - b.containerPort || (a.protocol < b.protocol ? -1 : 1),
  );
}
