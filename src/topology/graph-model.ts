import type { TopologyContainer, TopologyInterface, TopologyRecord } from '../netsim/index';

/**
 * A piece of text in a figure: tool output stays as printed (`text`), the rest
 * is an i18n key under `topology.` with its values (which are tool output).
 */
export type FigureText = { text: string } | { key: string; values?: Record<string, string | number> };

export type NodeKind = 'nic' | 'host' | 'bridge' | 'veth' | 'container' | 'interface';
export type EdgeKind = 'uplink' | 'bridge-port' | 'veth-pair' | 'stacked' | 'published' | 'host-mode' | 'shared';

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

export interface FigureOptions {
  /** Draw one network only: its bridge or parent, and the containers on it. */
  focus?: string | undefined;
  /** A container or network drawn emphasised. */
  highlight?: string | undefined;
}

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const text = (value: string): FigureText => ({ text: value });

/**
 * What is wrong with a figure's props for this state, as sentences for the
 * author (empty when the figure can be drawn): a focus or highlight that names
 * nothing on the host would draw a figure that says something false.
 */
export function figureProblems(record: TopologyRecord, { focus, highlight }: FigureOptions): string[] {
  const problems: string[] = [];
  const networks = record.networks.map((network) => network.name).sort();
  if (focus !== undefined && !networks.includes(focus)) problems.push(`focus="${focus}" names no network of the host at this point (it has ${networks.join(', ')})`);
  if (highlight !== undefined) {
    const graph = topologyGraph(record, { focus: focus !== undefined && networks.includes(focus) ? focus : undefined });
    const drawn = (id: string) => graph.nodes.some((node) => node.id === id);
    const bridge = record.bridges.find((candidate) => candidate.network === highlight);
    if (!drawn(`container:${highlight}`) && !(bridge && drawn(`bridge:${bridge.name}`))) {
      problems.push(`highlight="${highlight}" names no container or bridge network the figure draws${focus ? ` with focus="${focus}"` : ''}`);
    }
  }
  return problems;
}

const bridgeNetwork = (record: TopologyRecord, nodeId: string) => record.bridges.find((bridge) => `bridge:${bridge.name}` === nodeId)?.network;

/**
 * The figure of a host's network as nodes and edges, inputs sorted by name so a
 * small change of state (one more container) adds to the figure rather than
 * reshuffling it. Pure: the same record and options give the same graph.
 */
export function topologyGraph(record: TopologyRecord, { focus, highlight }: FigureOptions = {}): TopologyGraph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const description: FigureText[] = [];
  const node = (id: string, kind: NodeKind, lines: FigureText[], extra: Partial<GraphNode> = {}) => nodes.push({ id, kind, lines, highlighted: false, muted: false, ...extra });
  const edge = (kind: EdgeKind, source: string, target: string, label?: FigureText) => edges.push({ id: `${kind}:${source}->${target}`, kind, source, target, ...(label && { label }) });
  const network = (name: string | undefined) => record.networks.find((candidate) => candidate.name === name);
  const focused = network(focus);
  const onFocus = (iface: TopologyInterface) => !focused || iface.network === focused.name;

  node('host', 'host', [text(record.hostname), { key: 'node.host' }]);
  description.push({ key: 'alt.host', values: { host: record.hostname } });
  for (const nic of [...record.nics].sort(byName)) {
    node(`nic:${nic.name}`, 'nic', [text(`${nic.index}: ${nic.name}`), ...nic.addresses.map(text)]);
    edge('uplink', `nic:${nic.name}`, 'host');
    description.push({ key: 'alt.nic', values: { name: nic.name, index: nic.index, addresses: nic.addresses.join(', ') || '-' } });
  }

  const bridges = [...record.bridges].filter((bridge) => !focused || bridge.name === focused.bridge).sort((a, b) => byName({ name: a.network ?? `~${a.name}` }, { name: b.network ?? `~${b.name}` }));
  for (const bridge of bridges) {
    const info = network(bridge.network);
    const lines = [text(`${bridge.index}: ${bridge.name}`), ...bridge.addresses.map(text)];
    if (info) lines.push({ key: info.internal ? 'node.networkInternal' : 'node.network', values: { network: info.name, subnets: info.subnets.join(', ') } });
    node(`bridge:${bridge.name}`, 'bridge', lines, { highlighted: highlight !== undefined && highlight === bridge.network });
    edge('uplink', 'host', `bridge:${bridge.name}`);
    description.push(
      info
        ? { key: 'alt.bridge', values: { network: info.name, subnets: info.subnets.join(', ') || '-', bridge: bridge.name, index: bridge.index, addresses: bridge.addresses.join(', ') || '-' } }
        : { key: 'alt.bridgeAlone', values: { bridge: bridge.name, index: bridge.index, addresses: bridge.addresses.join(', ') || '-' } },
    );
  }
  for (const stacked of record.networks.filter((candidate) => candidate.parent !== undefined && (!focused || candidate === focused)).sort(byName)) {
    description.push({ key: 'alt.stackedNetwork', values: { network: stacked.name, driver: stacked.driver, subnets: stacked.subnets.join(', ') || '-', parent: stacked.parent! } });
  }

  const drawnBridges = new Set(bridges.map((bridge) => bridge.name));
  const veths = record.veths.filter((veth) => veth.host.master !== undefined && drawnBridges.has(veth.host.master)).sort((a, b) => byName(a.host, b.host));
  const vethOf = new Map(veths.map((veth) => [`${veth.container.name}/${veth.container.interface}`, veth]));
  for (const veth of veths) {
    node(`veth:${veth.host.name}`, 'veth', [text(`${veth.host.index}: ${veth.host.name}`)], { highlighted: highlight !== undefined && (highlight === veth.container.name || highlight === bridgeNetwork(record, `bridge:${veth.host.master}`)) });
    edge('bridge-port', `bridge:${veth.host.master}`, `veth:${veth.host.name}`);
  }

  // Under their network's bridge, in the bridges' order, then by name: fewer crossings, and still sorted by names only.
  const bridgeRank = new Map(bridges.flatMap((bridge, rank) => (bridge.network === undefined ? [] : [[bridge.network, rank] as const])));
  const rankOf = (container: TopologyContainer) => Math.min(bridges.length, ...container.interfaces.map((iface) => bridgeRank.get(iface.network ?? '') ?? bridges.length));
  for (const container of [...record.containers].sort((a, b) => rankOf(a) - rankOf(b) || byName(a, b))) {
    if (!drawsContainer(container, focused?.name)) continue;
    drawContainer(container, { node, edge, description, vethOf, onFocus, highlighted: highlight === container.name, nics: new Set(record.nics.map((nic) => `nic:${nic.name}`)), uplink: uplinkOf(record) });
  }
  return { nodes, edges, description };
}

/** With a focus, a container is drawn when it is on that network (host and none count as networks). */
function drawsContainer(container: TopologyContainer, focus: string | undefined): boolean {
  if (focus === undefined) return true;
  if (container.status !== 'running') return false;
  if (container.networkMode === focus) return true;
  return !container.networkMode.startsWith('container:') && container.interfaces.some((iface) => iface.network === focus);
}

interface Drawing {
  node: (id: string, kind: NodeKind, lines: FigureText[], extra?: Partial<GraphNode>) => void;
  edge: (kind: EdgeKind, source: string, target: string, label?: FigureText) => void;
  description: FigureText[];
  vethOf: Map<string, { host: { name: string; index: number } }>;
  onFocus: (iface: TopologyInterface) => boolean;
  highlighted: boolean;
  nics: Set<string>;
  /** The NIC published ports are reached on. */
  uplink: string | undefined;
}

function drawContainer(container: TopologyContainer, drawing: Drawing): void {
  const { node, edge, description, vethOf, onFocus, highlighted } = drawing;
  const id = `container:${container.name}`;
  const running = container.status === 'running';
  const lines: FigureText[] = [text(container.name), text(container.image)];
  const shared = container.networkMode.startsWith('container:') ? container.networkMode.slice('container:'.length) : undefined;
  if (!running) lines.push({ key: 'node.status', values: { status: container.status } });
  else if (container.networkMode === 'host') lines.push({ key: 'node.hostMode' });
  else if (container.networkMode === 'none') lines.push({ key: 'node.noneMode' });
  else if (shared !== undefined) lines.push({ key: 'node.sharedMode', values: { container: shared } });
  node(id, 'container', lines, { highlighted, muted: !running });
  if (!running) return void description.push({ key: 'alt.stopped', values: { container: container.name, image: container.image, status: container.status } });
  if (container.networkMode === 'host') {
    edge('host-mode', 'host', id);
    return void description.push({ key: 'alt.hostMode', values: { container: container.name, image: container.image } });
  }
  if (shared !== undefined) {
    edge('shared', `container:${shared}`, id);
    return void description.push({ key: 'alt.shared', values: { container: container.name, image: container.image, owner: shared } });
  }
  const interfaces = container.interfaces.filter(onFocus).sort((a, b) => a.index - b.index);
  if (interfaces.length === 0) description.push({ key: container.networkMode === 'none' ? 'alt.noneMode' : 'alt.container', values: { container: container.name, image: container.image } });
  for (const iface of interfaces) {
    const ifaceId = `if:${container.name}:${iface.name}`;
    node(ifaceId, 'interface', [text(`${iface.index}: ${iface.name}`), ...iface.addresses.map(text)], { parent: id, highlighted });
    const veth = vethOf.get(`${container.name}/${iface.name}`);
    const values = { container: container.name, image: container.image, name: iface.name, index: iface.index, addresses: iface.addresses.join(', ') || '-', network: iface.network ?? '-' };
    if (veth) {
      edge('veth-pair', `veth:${veth.host.name}`, ifaceId);
      description.push({ key: 'alt.vethInterface', values: { ...values, peer: veth.host.name, peerIndex: veth.host.index } });
    } else if (iface.parent !== undefined && drawing.nics.has(`nic:${iface.parent}`)) {
      edge('stacked', `nic:${iface.parent}`, ifaceId);
      description.push({ key: 'alt.stackedInterface', values: { ...values, kind: iface.kind, parent: iface.parent } });
    } else description.push({ key: 'alt.interface', values });
  }
  const target = interfaces[0] ? `if:${container.name}:${interfaces[0].name}` : id;
  const nic = drawing.uplink;
  for (const port of publishedPorts(container)) {
    if (nic) edge('published', nic, target, { text: `${port.hostPort} → ${port.containerPort}/${port.protocol}` });
    description.push({ key: 'alt.published', values: { container: container.name, hosts: port.hosts.join(', '), containerPort: port.containerPort, protocol: port.protocol } });
  }
}

/** `-p 8080:80` publishes on 0.0.0.0 and [::]: one arrow, both addresses in the text. */
function publishedPorts(container: TopologyContainer): { hostPort: number; containerPort: number; protocol: string; hosts: string[] }[] {
  const ports = new Map<string, { hostPort: number; containerPort: number; protocol: string; hosts: string[] }>();
  for (const port of container.published) {
    const key = `${port.hostPort}/${port.containerPort}/${port.protocol}`;
    const entry = ports.get(key) ?? { hostPort: port.hostPort, containerPort: port.containerPort, protocol: port.protocol, hosts: [] };
    entry.hosts.push(port.hostIp.includes(':') ? `[${port.hostIp}]:${port.hostPort}` : `${port.hostIp}:${port.hostPort}`);
    ports.set(key, entry);
  }
  return [...ports.values()].sort((a, b) => a.hostPort - b.hostPort || a.containerPort - b.containerPort || (a.protocol < b.protocol ? -1 : 1));
}

/** The host's first NIC (the lowest ifindex after lo): where the LAN reaches a published port. */
function uplinkOf(record: TopologyRecord): string | undefined {
  const first = [...record.nics].sort((a, b) => a.index - b.index)[0];
  return first && `nic:${first.name}`;
}
