import type { SeededRandom } from '../random';
import { contains, networkOf, broadcastOf, type Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import { macFromBytes, ZERO_MAC, type Mac } from '../wire/mac';
import { KernelError } from './errno';
import { emptyUpper, type UpperLayer } from './filesystem';
import type { AddressScope, Link, LinkKind, Lower, OperState, StackMode } from './link';
import { allocateIndex, linkNamed, newNamespace, type Namespace } from './namespace';
import type { Neighbour } from './neighbour';
import type { Route } from './route';
import { clashes, type Socket } from './socket';

export interface KernelState {
  namespaces: Map<number, Namespace>;
  nextNamespaceId: number;
  /** What was written to the host's disk since it was installed; absent until the first write (and in older snapshots). */
  files?: UpperLayer;
}

export interface LinkSpec {
  name: string;
  kind: LinkKind;
  mac?: Mac;
  mtu?: number;
  txqlen?: number;
}

/** Defaults of each link kind as a Debian 13 kernel creates them. */
const KIND_DEFAULTS: Record<LinkKind, { mtu: number; txqlen: number; qdisc: string }> = {
  loopback: { mtu: 65536, txqlen: 1000, qdisc: 'noqueue' },
  ether: { mtu: 1500, txqlen: 1000, qdisc: 'fq_codel' },
  bridge: { mtu: 1500, txqlen: 0, qdisc: 'noqueue' },
  veth: { mtu: 1500, txqlen: 0, qdisc: 'noqueue' },
  dummy: { mtu: 1500, txqlen: 1000, qdisc: 'noqueue' },
  // ether_setup's queue length; both set IFF_NO_QUEUE (macvlan_setup, ipvlan_link_setup). The MTU is the lower device's.
  macvlan: { mtu: 1500, txqlen: 1000, qdisc: 'noqueue' },
  ipvlan: { mtu: 1500, txqlen: 1000, qdisc: 'noqueue' },
};

/**
 * The simulated kernel's network stack: namespaces, links, addresses and routes.
 * Every change goes through these operations, whoever asks (`ip`, the Docker
 * engine), and failures are errno values, never text.
 */
export class Kernel {
  constructor(
    readonly state: KernelState,
    private readonly random: SeededRandom,
  ) {}

  static boot(random: SeededRandom): Kernel {
    const kernel = new Kernel({ namespaces: new Map(), nextNamespaceId: 0 }, random);
    kernel.createNamespace(undefined);
    return kernel;
  }

  /** The writable layer of the host's files, made on first use. */
  hostFiles(): UpperLayer {
    return (this.state.files ??= emptyUpper());
  }

  get root(): Namespace {
    return this.namespace(0);
  }

  namespace(id: number): Namespace {
    const namespace = this.state.namespaces.get(id);
    if (!namespace) throw new KernelError('ENOENT', `no namespace ${id}`);
    return namespace;
  }

  /** A new namespace holds only `lo`, down, as `unshare -n` leaves it. */
  createNamespace(name: string | undefined): Namespace {
    const namespace = newNamespace(this.state.nextNamespaceId++, name);
    this.state.namespaces.set(namespace.id, namespace);
    this.addLink(namespace, { name: 'lo', kind: 'loopback', mac: ZERO_MAC });
    return namespace;
  }

  deleteNamespace(namespace: Namespace): void {
    for (const link of [...namespace.links.values()]) {
      if (link.kind === 'veth') this.deleteLink(namespace, link.name);
    }
    this.state.namespaces.delete(namespace.id);
  }

  link(namespace: Namespace, name: string): Link {
    const link = linkNamed(namespace, name);
    if (!link) throw new KernelError('ENODEV', `no device ${name}`);
    return link;
  }

  addLink(namespace: Namespace, spec: LinkSpec): Link {
    if (linkNamed(namespace, spec.name)) throw new KernelError('EEXIST', `device ${spec.name} exists`);
    const defaults = KIND_DEFAULTS[spec.kind];
    const link: Link = {
      index: allocateIndex(namespace),
      name: spec.name,
      kind: spec.kind,
      mac: spec.mac ?? macFromBytes(this.random.bytes(6)),
      mtu: spec.mtu ?? defaults.mtu,
      up: false,
      master: undefined,
      peer: undefined,
      lower: undefined,
      addresses: [],
      ipv6Disabled: false,
      txqlen: spec.txqlen ?? defaults.txqlen,
      qdisc: defaults.qdisc,
    };
    namespace.links.set(link.index, link);
    return link;
  }

  /**
   * A veth pair; the peer may be created straight in another namespace, as
   * `ip link add a type veth peer name b netns X` and Docker do.
   */
  addVethPair(namespace: Namespace, name: string, peerName: string, peerNamespace: Namespace = namespace, peerMac?: Mac): [Link, Link] {
    if (linkNamed(namespace, name)) throw new KernelError('EEXIST', `device ${name} exists`);
    // veth_newlink registers the peer first, so in one namespace it gets the lower ifindex.
    const far = this.addLink(peerNamespace, { name: peerName, kind: 'veth', ...(peerMac ? { mac: peerMac } : {}) });
    const near = this.addLink(namespace, { name, kind: 'veth' });
    near.peer = { namespace: peerNamespace.id, index: far.index };
    far.peer = { namespace: namespace.id, index: near.index };
    return [near, far];
  }

  /**
   * A macvlan or ipvlan link on `parent` (`ip link add NAME link PARENT type macvlan mode M`).
   * It takes the parent's MTU; an ipvlan also shares its MAC. A device carries
   * macvlan or ipvlan ports, never both: the rx handler is taken (EBUSY).
   */
  addStackedLink(namespace: Namespace, spec: Omit<LinkSpec, 'kind'>, parentName: string, stack: StackMode): Link {
    const parent = this.link(namespace, parentName);
    if (parent.kind === 'loopback') throw new KernelError('EINVAL', 'loopback cannot be a lower device');
    const other = stack.kind === 'macvlan' ? 'ipvlan' : 'macvlan';
    if (this.upperLinks(namespace, parent).some(({ link }) => link.kind === other)) throw new KernelError('EBUSY', `${parentName} has ${other} ports`);
    const link = this.addLink(namespace, { mtu: parent.mtu, ...spec, kind: stack.kind, ...(stack.kind === 'ipvlan' ? { mac: parent.mac } : {}) });
    link.lower = { ...stack, namespace: namespace.id, index: parent.index } as Lower;
    return link;
  }

  /** The macvlan and ipvlan links on `lower`, in whatever namespace they now are. */
  upperLinks(namespace: Namespace, lower: Link): { namespace: Namespace; link: Link }[] {
    return [...this.state.namespaces.values()].flatMap((upperNamespace) =>
      [...upperNamespace.links.values()].filter((link) => link.lower?.namespace === namespace.id && link.lower.index === lower.index).map((link) => ({ namespace: upperNamespace, link })),
    );
  }

  /** The device a macvlan or ipvlan link sits on. */
  lowerOf(link: Link): { namespace: Namespace; link: Link } | undefined {
    if (!link.lower) return undefined;
    const namespace = this.state.namespaces.get(link.lower.namespace);
    const lower = namespace?.links.get(link.lower.index);
    return namespace && lower ? { namespace, link: lower } : undefined;
  }

  /** Deleting one end of a veth deletes both; deleting a bridge frees its ports; a lower device takes its macvlans and ipvlans along. */
  deleteLink(namespace: Namespace, name: string): void {
    const link = this.link(namespace, name);
    if (link.kind === 'loopback') throw new KernelError('EINVAL', 'cannot delete lo');
    const uppers = this.upperLinks(namespace, link);
    namespace.links.delete(link.index);
    namespace.routes = namespace.routes.filter((route) => route.device !== link.index);
    forgetNeighbours(namespace, link.index);
    if (link.kind === 'bridge') {
      for (const port of namespace.links.values()) if (port.master === link.index) port.master = undefined;
    }
    if (link.peer) {
      const peerNamespace = this.state.namespaces.get(link.peer.namespace);
      const peer = peerNamespace?.links.get(link.peer.index);
      if (peerNamespace && peer) {
        peerNamespace.links.delete(peer.index);
        peerNamespace.routes = peerNamespace.routes.filter((route) => route.device !== peer.index);
        forgetNeighbours(peerNamespace, peer.index);
      }
    }
    for (const upper of uppers) this.deleteLink(upper.namespace, upper.link.name);
  }

  /**
   * Moves a link to another namespace (`ip link set X netns N`), renaming it on the
   * way if asked. It keeps its ifindex when that is free there, as
   * dev_change_net_namespace does; it leaves down, without addresses or master.
   */
  moveLink(namespace: Namespace, name: string, target: Namespace, newName = name): Link {
    const link = this.link(namespace, name);
    if (linkNamed(target, newName)) throw new KernelError('EEXIST', `device ${newName} exists in the target namespace`);
    namespace.links.delete(link.index);
    namespace.routes = namespace.routes.filter((route) => route.device !== link.index);
    forgetNeighbours(namespace, link.index);
    if (target.links.has(link.index)) link.index = allocateIndex(target);
    Object.assign(link, { name: newName, up: false, master: undefined, addresses: [] });
    target.links.set(link.index, link);
    const peer = this.peerOf(link);
    if (peer) peer.link.peer = { namespace: target.id, index: link.index };
    return link;
  }

  renameLink(namespace: Namespace, name: string, newName: string): void {
    if (linkNamed(namespace, newName)) throw new KernelError('EEXIST', `device ${newName} exists`);
    const link = this.link(namespace, name);
    link.name = newName;
  }

  setUp(namespace: Namespace, name: string, up: boolean): void {
    const link = this.link(namespace, name);
    link.up = up;
    if (up) return;
    namespace.routes = namespace.routes.filter((route) => route.device !== link.index);
    forgetNeighbours(namespace, link.index);
  }

  setMaster(namespace: Namespace, name: string, bridgeName: string | undefined): void {
    const link = this.link(namespace, name);
    if (bridgeName === undefined) {
      link.master = undefined;
      return;
    }
    const bridge = this.link(namespace, bridgeName);
    if (bridge.kind !== 'bridge' || bridge === link) throw new KernelError('EINVAL', `${bridgeName} is not a bridge`);
    link.master = bridge.index;
  }

  setIpv6Disabled(namespace: Namespace, name: string, disabled: boolean): void {
    this.link(namespace, name).ipv6Disabled = disabled;
  }

  setMac(namespace: Namespace, name: string, mac: Mac): void {
    this.link(namespace, name).mac = mac;
  }

  setMtu(namespace: Namespace, name: string, mtu: number): void {
    this.link(namespace, name).mtu = mtu;
  }

  /** `sysctl net.bridge.bridge-nf-call-iptables`, which loading br_netfilter makes exist. */
  setBridgeNfCallIptables(namespace: Namespace, on: boolean): void {
    namespace.bridgeNfCallIptables = on;
  }

  addAddress(namespace: Namespace, name: string, cidr: Cidr): void {
    const link = this.link(namespace, name);
    if (link.addresses.some((existing) => existing.cidr.address === cidr.address && existing.cidr.prefix === cidr.prefix)) {
      throw new KernelError('EEXIST', 'address exists');
    }
    const scope: AddressScope = cidr.address >>> 24 === 127 ? 'host' : 'global';
    const broadcast = cidr.prefix < 31 && scope === 'global' ? broadcastOf(cidr) : undefined;
    link.addresses.push({ cidr, broadcast, scope });
  }

  deleteAddress(namespace: Namespace, name: string, address: Ipv4): void {
    const link = this.link(namespace, name);
    const remaining = link.addresses.filter((existing) => existing.cidr.address !== address);
    if (remaining.length === link.addresses.length) throw new KernelError('EADDRNOTAVAIL', 'no such address');
    link.addresses = remaining;
  }

  /** A static route; the device must be up and a gateway reachable on it, as fib_check_nh requires. */
  addRoute(namespace: Namespace, route: Route): void {
    const device = namespace.links.get(route.device);
    if (!device?.up) throw new KernelError('ENETUNREACH', 'device down');
    const exists = this.routes(namespace).some((other) => sameDestination(other.destination, route.destination) && (other.metric ?? 0) === (route.metric ?? 0));
    if (exists) throw new KernelError('EEXIST', 'route exists');
    if (route.gateway !== undefined && !this.kernelRoutes(namespace).some((r) => r.device === route.device && r.destination && contains(r.destination, route.gateway!))) {
      throw new KernelError('ENETUNREACH', 'gateway unreachable');
    }
    namespace.routes.push(route);
  }

  /** bind(2) and listen(2): EADDRINUSE if another socket holds the address and port. */
  listen(namespace: Namespace, socket: Socket): void {
    this.listenAll(namespace, [socket]);
  }

  /**
   * Several listening sockets at once (docker-proxy for every published port):
   * each is checked against the sockets on its own port only, so publishing a
   * range of 65,535 ports takes linear time, not quadratic.
   */
  listenAll(namespace: Namespace, sockets: readonly Socket[]): void {
    const byPort = new Map<string, Socket[]>();
    const bucket = (socket: Socket) => `${socket.protocol}|${socket.port}`;
    for (const existing of namespace.sockets) {
      const group = byPort.get(bucket(existing));
      if (group) group.push(existing);
      else byPort.set(bucket(existing), [existing]);
    }
    for (const socket of sockets) {
      const samePort = byPort.get(bucket(socket)) ?? [];
      if (samePort.some((existing) => clashes(existing, socket))) throw new KernelError('EADDRINUSE', `${socket.address}:${socket.port} in use`);
      samePort.push(socket);
      byPort.set(bucket(socket), samePort);
    }
    for (const socket of sockets) namespace.sockets.push(socket);
  }

  /** A process exits: the kernel closes its sockets. */
  closeSockets(namespace: Namespace, pid: number): void {
    namespace.sockets = namespace.sockets.filter((socket) => socket.process.pid !== pid);
  }

  /**
   * Writes an ARP entry (RTM_NEWNEIGH), as `ip neigh add|replace|change` and
   * ARP resolution do: `add` fails on an existing entry (NLM_F_EXCL), `change`
   * on a missing one (no NLM_F_CREATE), `replace` does either.
   */
  setNeighbour(namespace: Namespace, entry: Neighbour, how: 'add' | 'replace' | 'change'): void {
    if (!namespace.links.has(entry.device)) throw new KernelError('ENODEV', `no device ${entry.device}`);
    const at = namespace.neighbours.findIndex((other) => other.address === entry.address && other.device === entry.device);
    if (at >= 0 && how === 'add') throw new KernelError('EEXIST', 'neighbour exists');
    if (at < 0 && how === 'change') throw new KernelError('ENOENT', 'no such neighbour');
    if (at >= 0) namespace.neighbours[at] = { ...entry };
    else namespace.neighbours.push({ ...entry });
  }

  /** RTM_DELNEIGH: `ip neigh del ADDR dev DEV`, and each entry `ip neigh flush` picks. */
  deleteNeighbour(namespace: Namespace, device: number, address: Ipv4): void {
    const at = namespace.neighbours.findIndex((entry) => entry.address === address && entry.device === device);
    if (at < 0) throw new KernelError('ENOENT', 'no such neighbour');
    namespace.neighbours.splice(at, 1);
  }

  /** The link at the other end of a veth, wherever it lives. */
  peerOf(link: Link): { namespace: Namespace; link: Link } | undefined {
    if (!link.peer) return undefined;
    const namespace = this.state.namespaces.get(link.peer.namespace);
    const peer = namespace?.links.get(link.peer.index);
    return namespace && peer ? { namespace, link: peer } : undefined;
  }

  /** Carrier (LOWER_UP): loopback always; a veth when both ends are up; a bridge when a port has carrier; a macvlan or ipvlan when its lower device has. */
  hasCarrier(namespace: Namespace, link: Link): boolean {
    if (!link.up) return false;
    switch (link.kind) {
      case 'loopback':
      case 'ether':
      case 'dummy':
        return true;
      case 'veth':
        return this.peerOf(link)?.link.up ?? false;
      case 'bridge':
        return [...namespace.links.values()].some((port) => port.master === link.index && this.hasCarrier(namespace, port));
      case 'macvlan':
      case 'ipvlan': {
        // netif_stacked_transfer_operstate: the lower device's carrier is theirs.
        const lower = this.lowerOf(link);
        return lower ? this.hasCarrier(lower.namespace, lower.link) : false;
      }
    }
  }

  operState(namespace: Namespace, link: Link): OperState {
    if (link.kind === 'loopback' || link.kind === 'dummy') return link.up ? 'UNKNOWN' : 'DOWN';
    if (!link.up) return 'DOWN';
    if (this.hasCarrier(namespace, link)) return 'UP';
    // rfc2863_policy: a link whose iflink is another device's waits on that device.
    return link.peer || link.lower ? 'LOWERLAYERDOWN' : 'DOWN';
  }

  /** Prefix routes the kernel adds for each address of an up link (`proto kernel scope link`). */
  kernelRoutes(namespace: Namespace): Route[] {
    const routes: Route[] = [];
    for (const link of namespace.links.values()) {
      if (!link.up) continue;
      for (const address of link.addresses) {
        if (address.scope === 'host') continue;
        routes.push({ destination: networkOf(address.cidr), gateway: undefined, device: link.index, protocol: 'kernel', scope: 'link', source: address.cidr.address, metric: undefined });
      }
    }
    return routes;
  }

  /** The main table in the order `ip route` dumps it: default first, then by network. */
  routes(namespace: Namespace): Route[] {
    const all = [...namespace.routes, ...this.kernelRoutes(namespace)];
    return all.sort((a, b) => routeKey(a) - routeKey(b) || (b.destination?.prefix ?? 0) - (a.destination?.prefix ?? 0) || (a.metric ?? 0) - (b.metric ?? 0));
  }
}

/** A device that goes down or away takes its ARP entries with it (neigh_ifdown). */
function forgetNeighbours(namespace: Namespace, device: number): void {
  namespace.neighbours = namespace.neighbours.filter((entry) => entry.device !== device);
}

function routeKey(route: Route): number {
  return route.destination ? route.destination.address : -1;
}

function sameDestination(a: Cidr | undefined, b: Cidr | undefined): boolean {
  if (!a || !b) return a === b;
  return a.address === b.address && a.prefix === b.prefix;
}
