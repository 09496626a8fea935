import type { SeededRandom } from '../random';
import { contains, networkOf, broadcastOf, type Cidr } from '../wire/cidr';
import type { Ipv4 } from '../wire/ipv4';
import type { Ipv6Cidr } from '../wire/ipv6';
import { macFromBytes, ZERO_MAC, type Mac } from '../wire/mac';
import { KernelError } from './errno';
import { emptyUpper, type UpperLayer } from './filesystem';
import type { AddressScope, Link, LinkKind, Lower, OperState, StackMode } from './link';
import { allocateIndex, linkNamed, netnsIdOf, newNamespace, socketsOf, tablesOf, type Namespace } from './namespace';
import { netfilterTables, type NetfilterTables } from './netfilter/netfilter';
import type { Neighbour } from './neighbour';
import type { Route, Route6 } from './route';
import { clashes, type ServedHttp, type Socket } from './socket';
import { emptyCaptureTable, type CaptureTable } from './capture';
import type { HopRecorder } from './hop-record';
import { forgetLearnedOn } from './bridge-fdb';
import { TCP_TIMEWAIT_LEN_MS, withTimeWait, type TimeWaitSocket } from './time-wait';

export interface KernelState {
  namespaces: Map<number, Namespace>;
  nextNamespaceId: number;
  /** Open packet sockets (tcpdump's captures); absent in snapshots taken before captures existed. */
  captures?: CaptureTable;
  /** How many names /run/netns has been given, to order them. */
  namings?: number;
  /** What was written to the host's disk since it was installed; absent until the first write (and in older snapshots). */
  files?: UpperLayer;
  /** The same for the LAN machine's disk. */
  lanFiles?: UpperLayer;
  /** PIDs in a frozen cgroup (cgroup.freeze, what `docker pause` writes); absent while none is. */
  frozen?: number[];
}

export interface LinkSpec {
  name: string;
  kind: LinkKind;
  mac?: Mac;
  mtu?: number;
  txqlen?: number;
  /** The MAC was set by whoever made the link, though drawn at random (moby's netutils.GenerateRandomMAC): the bridge keeps it. */
  macSet?: boolean;
}

/**
 * Defaults of each link kind as a Debian 13 kernel creates them. ether_setup
 * gives bridges and veths a queue length of 1000 (`ip link add` leaves it);
 * Docker asks for 0 (moby's bridge driver sets TxQLen 0).
 */
const KIND_DEFAULTS: Record<LinkKind, { mtu: number; txqlen: number; qdisc: string }> = {
  loopback: { mtu: 65536, txqlen: 1000, qdisc: 'noqueue' },
  ether: { mtu: 1500, txqlen: 1000, qdisc: 'fq_codel' },
  bridge: { mtu: 1500, txqlen: 1000, qdisc: 'noqueue' },
  veth: { mtu: 1500, txqlen: 1000, qdisc: 'noqueue' },
  dummy: { mtu: 1500, txqlen: 1000, qdisc: 'noqueue' },
  // ether_setup's queue length; both set IFF_NO_QUEUE (macvlan_setup, ipvlan_link_setup). The MTU is the lower device's.
  macvlan: { mtu: 1500, txqlen: 1000, qdisc: 'noqueue' },
  ipvlan: { mtu: 1500, txqlen: 1000, qdisc: 'noqueue' },
  // vlan_setup: ether_setup, then IFF_NO_QUEUE.
  vlan: { mtu: 1500, txqlen: 1000, qdisc: 'noqueue' },
};

const LOOPBACK_ADDRESS = { address: 0x7f000001 as Ipv4, prefix: 8 };

/**
 * The simulated kernel's network stack: namespaces, links, addresses and routes.
 * Every change goes through these operations, whoever asks (`ip`, the Docker
 * engine), and failures are errno values, never text.
 */
export class Kernel {
  /**
   * Where the datapath writes what it does with each packet while a command is
   * traced; undefined otherwise, and never part of the state a snapshot keeps.
   */
  recorder: HopRecorder | undefined;

  /**
   * The host's clock, in milliseconds: when a bridge came up or a port was
   * enabled, which its timers count from. The host sets it; a bare kernel reads 0.
   */
  now: () => number = () => 0;

  /** Who hears of each request a web server answers (the engine, for `docker logs`); nobody on a bare kernel. */
  httpServed: ((namespace: Namespace, served: ServedHttp) => void) | undefined;

  constructor(
    readonly state: KernelState,
    private readonly random: SeededRandom,
  ) {}

  static boot(random: SeededRandom): Kernel {
    const kernel = new Kernel({ namespaces: new Map(), nextNamespaceId: 0 }, random);
    kernel.createNamespace(undefined);
    return kernel;
  }

  /** The open packet sockets that see frames as the datapath moves them. */
  get captures(): CaptureTable {
    this.state.captures ??= emptyCaptureTable();
    return this.state.captures;
  }

  /** The writable layer of the host's files, made on first use. */
  hostFiles(): UpperLayer {
    return (this.state.files ??= emptyUpper());
  }

  /** The writable layer of the LAN machine's files, made on first use. */
  lanFiles(): UpperLayer {
    return (this.state.lanFiles ??= emptyUpper());
  }

  get root(): Namespace {
    return this.namespace(0);
  }

  namespace(id: number): Namespace {
    const namespace = this.state.namespaces.get(id);
    if (!namespace) throw new KernelError('ENOENT', `no namespace ${id}`);
    return namespace;
  }

  /** Every namespace of this kernel: what it counts across them (/proc/net/sockstat's TCP alloc). */
  allNamespaces(): Namespace[] {
    return [...this.state.namespaces.values()];
  }

  /** A new namespace holds only `lo`, down, as `unshare -n` leaves it. */
  createNamespace(name: string | undefined): Namespace {
    const namespace = newNamespace(this.state.nextNamespaceId++, undefined);
    this.state.namespaces.set(namespace.id, namespace);
    if (name !== undefined) this.nameNamespace(namespace, name);
    this.addLink(namespace, { name: 'lo', kind: 'loopback', mac: ZERO_MAC });
    return namespace;
  }

  deleteNamespace(namespace: Namespace): void {
    for (const link of [...namespace.links.values()]) {
      if (link.kind === 'veth') this.deleteLink(namespace, link.name);
    }
    this.state.namespaces.delete(namespace.id);
    // unhash_nsid: every namespace forgets the id it gave the dead one.
    for (const other of this.state.namespaces.values()) other.netnsIds.delete(namespace.id);
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
      qdisc: 'noop',
      macSet: spec.mac !== undefined || spec.macSet === true,
    };
    namespace.links.set(link.index, link);
    return link;
  }

  /**
   * A veth pair; the peer may be created straight in another namespace, as
   * `ip link add a type veth peer name b netns X` and Docker do.
   */
  addVethPair(
    namespace: Namespace,
    name: string,
    peerName: string,
    peerNamespace: Namespace = namespace,
    peerMac?: Mac,
    txqlen?: number,
  ): [Link, Link] {
    if (linkNamed(namespace, name) || (peerName === name && peerNamespace === namespace))
      throw new KernelError('EEXIST', `device ${name} exists`);
    // veth_newlink registers the peer first, so in one namespace it gets the lower ifindex.
    const queue = txqlen === undefined ? {} : { txqlen };
    const far = this.addLink(peerNamespace, {
      name: peerName,
      kind: 'veth',
      ...queue,
      ...(peerMac ? { mac: peerMac } : {}),
    });
    const near = this.addLink(namespace, { name, kind: 'veth', ...queue });
    near.peer = { namespace: peerNamespace.id, index: far.index };
    far.peer = { namespace: namespace.id, index: near.index };
    if (peerNamespace !== namespace) pairNetnsIds(namespace, peerNamespace);
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
    // A vlan link takes no rx handler: it sits beside macvlans or ipvlans on the same device.
    const other = stack.kind === 'macvlan' ? 'ipvlan' : stack.kind === 'ipvlan' ? 'macvlan' : undefined;
    if (other && this.upperLinks(namespace, parent).some(({ link }) => link.kind === other))
      throw new KernelError('EBUSY', `${parentName} has ${other} ports`);
    const link = this.addLink(namespace, {
      mtu: parent.mtu,
      ...spec,
      kind: stack.kind,
      // An ipvlan port shares its parent's MAC; a vlan link starts with it (vlan_dev_init).
      ...(stack.kind !== 'macvlan' ? { mac: parent.mac } : {}),
    });
    link.lower = { ...stack, namespace: namespace.id, index: parent.index } as Lower;
    return link;
  }

  /** The macvlan and ipvlan links on `lower`, in whatever namespace they now are. */
  upperLinks(namespace: Namespace, lower: Link): { namespace: Namespace; link: Link }[] {
    return [...this.state.namespaces.values()].flatMap((upperNamespace) =>
      [...upperNamespace.links.values()]
        .filter((link) => link.lower?.namespace === namespace.id && link.lower.index === lower.index)
        .map((link) => ({ namespace: upperNamespace, link })),
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
    if (namespace.routes6) namespace.routes6 = namespace.routes6.filter((route) => route.device !== link.index);
    forgetNeighbours(namespace, link.index);
    if (link.kind === 'bridge') {
      for (const port of namespace.links.values()) if (port.master === link.index) port.master = undefined;
    }
    this.recalculateBridgeMac(namespace, link.master);
    if (link.peer) {
      const peerNamespace = this.state.namespaces.get(link.peer.namespace);
      const peer = peerNamespace?.links.get(link.peer.index);
      if (peerNamespace && peer) {
        peerNamespace.links.delete(peer.index);
        peerNamespace.routes = peerNamespace.routes.filter((route) => route.device !== peer.index);
        if (peerNamespace.routes6)
          peerNamespace.routes6 = peerNamespace.routes6.filter((route) => route.device !== peer.index);
        forgetNeighbours(peerNamespace, peer.index);
        this.recalculateBridgeMac(peerNamespace, peer.master);
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
    // __dev_change_net_namespace announces the move with the target's netnsid (peernet2id_alloc): the namespace
    // the link leaves gives the target an id, before any peer's announcement does.
    if (target !== namespace) netnsIdOf(namespace, target.id);
    namespace.links.delete(link.index);
    namespace.routes = namespace.routes.filter((route) => route.device !== link.index);
    forgetNeighbours(namespace, link.index);
    if (target.links.has(link.index)) link.index = allocateIndex(target);
    const master = link.master;
    if (namespace.routes6) namespace.routes6 = namespace.routes6.filter((route) => route.device !== link.index);
    Object.assign(link, { name: newName, up: false, master: undefined, addresses: [], addresses6: [] });
    this.recalculateBridgeMac(namespace, master);
    target.links.set(link.index, link);
    const peer = this.peerOf(link);
    if (peer) {
      peer.link.peer = { namespace: target.id, index: link.index };
      if (peer.namespace !== target) pairNetnsIds(peer.namespace, target);
    }
    return link;
  }

  /** dev_change_name: Linux 6.2 and later rename a link that is up too. */
  renameLink(namespace: Namespace, name: string, newName: string): void {
    const link = this.link(namespace, name);
    if (newName === name) return;
    if (linkNamed(namespace, newName)) throw new KernelError('EEXIST', `device ${newName} exists`);
    link.name = newName;
  }

  setUp(namespace: Namespace, name: string, up: boolean): void {
    const link = this.link(namespace, name);
    if (up && !link.up) this.stampBridgeTimers(namespace, link);
    link.up = up;
    // dev_activate attaches the kind's default qdisc the first time; it stays when the link goes down.
    if (up) {
      link.qdisc = KIND_DEFAULTS[link.kind].qdisc;
      // inetdev_event (NETDEV_UP): a loopback device that comes up gets 127.0.0.1/8, scope host.
      if (
        link.kind === 'loopback' &&
        !link.addresses.some((address) => address.cidr.address === LOOPBACK_ADDRESS.address)
      )
        this.addAddress(namespace, name, LOOPBACK_ADDRESS);
      return;
    }
    this.disablePorts(namespace, link);
    namespace.routes = namespace.routes.filter((route) => route.device !== link.index);
    // addrconf_ifdown with keep_addr_on_down 0 (the default): a link going down loses its IPv6 addresses and routes.
    if (link.addresses6?.length) link.addresses6 = [];
    if (namespace.routes6) namespace.routes6 = namespace.routes6.filter((route) => route.device !== link.index);
    forgetNeighbours(namespace, link.index);
  }

  /**
   * do_set_master (net/core/rtnetlink.c): the link leaves its master first, then
   * joins the new one, so a refused master still takes it off the old bridge.
   * Only a bridge has ndo_add_slave here (EOPNOTSUPP otherwise); br_add_if
   * refuses loopback (EINVAL) and a bridge (ELOOP, with its message).
   */
  setMaster(namespace: Namespace, name: string, bridgeName: string | undefined): void {
    const link = this.link(namespace, name);
    const bridge = bridgeName === undefined ? undefined : this.link(namespace, bridgeName);
    if (bridge && link.master === bridge.index) return;
    const previous = link.master;
    link.master = undefined;
    // br_del_if: br_fdb_delete_by_port forgets what the bridge learned on the port.
    const left = previous === undefined ? undefined : namespace.links.get(previous);
    if (left) forgetLearnedOn(left, link.index);
    this.recalculateBridgeMac(namespace, previous);
    if (!bridge) return;
    if (bridge.kind !== 'bridge') throw new KernelError('EOPNOTSUPP', `${bridgeName} takes no ports`);
    if (link.kind === 'loopback') throw new KernelError('EINVAL', 'loopback cannot be a bridge port');
    if (link.kind === 'bridge')
      throw new KernelError('ELOOP', 'bridge in a bridge', 'Can not enslave a bridge to a bridge');
    link.portNo = freePortNo(namespace, bridge.index);
    link.master = bridge.index;
    link.portEnabledMs = this.now();
    this.recalculateBridgeMac(namespace, bridge.index);
  }

  /**
   * br_stp_disable_port: a port disabled because it, its veth peer (its carrier)
   * or its bridge went down forgets the MACs learned on it.
   */
  private disablePorts(namespace: Namespace, link: Link): void {
    if (link.kind === 'bridge') link.fdb = [];
    const forget = (at: Namespace, port: Link) => {
      const bridge = port.master === undefined ? undefined : at.links.get(port.master);
      if (bridge) forgetLearnedOn(bridge, port.index);
    };
    forget(namespace, link);
    const peer = this.peerOf(link);
    if (peer) forget(peer.namespace, peer.link);
  }

  /**
   * What starts a bridge's timers: br_dev_open queues the FDB garbage collection;
   * br_stp_enable_port starts a port's forward delay when the port, its veth
   * peer (its carrier) or its bridge comes up.
   */
  private stampBridgeTimers(namespace: Namespace, link: Link): void {
    const now = this.now();
    if (link.kind === 'bridge') {
      link.openedMs = now;
      for (const port of namespace.links.values()) if (port.master === link.index) port.portEnabledMs = now;
    }
    if (link.master !== undefined) link.portEnabledMs = now;
    const peer = this.peerOf(link);
    if (peer && peer.link.master !== undefined) peer.link.portEnabledMs = now;
  }

  /**
   * br_stp_recalculate_bridge_id: a bridge whose MAC nobody set takes the
   * lowest MAC of its ports, and all zeros once it has none.
   */
  private recalculateBridgeMac(namespace: Namespace, bridgeIndex: number | undefined): void {
    const bridge = bridgeIndex === undefined ? undefined : namespace.links.get(bridgeIndex);
    if (!bridge || bridge.kind !== 'bridge' || bridge.macSet) return;
    const ports = [...namespace.links.values()].filter((port) => port.master === bridge.index).map((port) => port.mac);
    bridge.mac = ports.length === 0 ? ZERO_MAC : ports.reduce((lowest, mac) => (mac < lowest ? mac : lowest));
  }

  setIpv6Disabled(namespace: Namespace, name: string, disabled: boolean): void {
    this.link(namespace, name).ipv6Disabled = disabled;
  }

  /** eth_prepare_mac_addr_change: a multicast or all-zero MAC is no station address (EADDRNOTAVAIL). */
  setMac(namespace: Namespace, name: string, mac: Mac): void {
    const link = this.link(namespace, name);
    if ((Number.parseInt(mac.slice(0, 2), 16) & 1) === 1 || mac === ZERO_MAC)
      throw new KernelError('EADDRNOTAVAIL', `${mac} is not unicast`);
    link.mac = mac;
    link.macSet = true;
    this.recalculateBridgeMac(namespace, link.master);
  }

  /** dev_validate_mtu: between ETH_MIN_MTU (68) and the driver's max_mtu (ETH_MAX_MTU, 65535, for bridges and veths). */
  setMtu(namespace: Namespace, name: string, mtu: number): void {
    const link = this.link(namespace, name);
    const maximum = link.kind === 'loopback' ? 0x7fffffff : 65535;
    if (mtu < 68) throw new KernelError('EINVAL', `mtu ${mtu}`, 'mtu less than device minimum');
    if (mtu > maximum) throw new KernelError('EINVAL', `mtu ${mtu}`, 'mtu greater than device maximum');
    link.mtu = mtu;
  }

  /** IFLA_TXQLEN (dev_change_tx_queue_len). */
  setTxqlen(namespace: Namespace, name: string, txqlen: number): void {
    this.link(namespace, name).txqlen = txqlen;
  }

  /**
   * A namespace file under /run/netns (`ip netns add` or `attach` bind-mounts it,
   * a symlink may point at one): it keeps the namespace and gives it the name
   * `ip netns` lists and iproute2 prints as `link-netns NAME`; undefined unnames it.
   */
  nameNamespace(namespace: Namespace, name: string | undefined): void {
    namespace.name = name;
    this.state.namings = (this.state.namings ?? 0) + 1;
    namespace.namedAt = name === undefined ? undefined : this.state.namings;
  }

  /** `sysctl net.bridge.bridge-nf-call-iptables`, which loading br_netfilter makes exist. */
  setBridgeNfCallIptables(namespace: Namespace, on: boolean): void {
    namespace.bridgeNfCallIptables = on;
  }

  /**
   * RTM_NEWADDR. The kernel sets a broadcast address only when asked
   * (IFA_BROADCAST): `auto` is what vishvananda/netlink's AddrAdd (Docker) and
   * ifupdown ask for, the subnet's last address below a /31; `ip addr add` asks
   * for none unless told `brd`. __inet_insert_ifa refuses the same address twice.
   */
  addAddress(namespace: Namespace, name: string, cidr: Cidr, broadcast: Ipv4 | 'auto' | 'none' = 'auto'): void {
    const link = this.link(namespace, name);
    if (
      link.addresses.some((existing) => existing.cidr.address === cidr.address && existing.cidr.prefix === cidr.prefix)
    ) {
      throw new KernelError('EEXIST', 'address exists', 'ipv4: Address already assigned');
    }
    const scope: AddressScope = cidr.address >>> 24 === 127 ? 'host' : 'global';
    const auto = cidr.prefix < 31 && scope === 'global' ? broadcastOf(cidr) : undefined;
    link.addresses.push({
      cidr,
      broadcast: broadcast === 'auto' ? auto : broadcast === 'none' ? undefined : broadcast,
      scope,
    });
  }

  /**
   * RTM_NEWADDR for AF_INET6 (inet6_addr_add): the same address twice is EEXIST.
   * Docker asks for IFA_F_NODAD, so the address is usable at once (no tentative state).
   */
  addAddress6(namespace: Namespace, name: string, cidr: Ipv6Cidr): void {
    const link = this.link(namespace, name);
    if ((link.addresses6 ?? []).some((existing) => existing.address === cidr.address))
      throw new KernelError('EEXIST', 'address exists');
    link.addresses6 = [...(link.addresses6 ?? []), cidr];
  }

  /** RTM_NEWROUTE for AF_INET6 (ip6_route_add): Docker's default route via the gateway (osl SetGatewayIPv6). */
  addRoute6(namespace: Namespace, route: Route6): void {
    const routes = namespace.routes6 ?? [];
    if (routes.some((other) => other.destination === route.destination && other.metric === route.metric))
      throw new KernelError('EEXIST', 'route exists');
    namespace.routes6 = [...routes, route];
  }

  deleteRoute6(namespace: Namespace, destination: string | undefined, device: number): void {
    namespace.routes6 = (namespace.routes6 ?? []).filter(
      (route) => route.destination !== destination || route.device !== device,
    );
  }

  /** inet_rtm_deladdr: the address, and its prefix length when one is given. */
  deleteAddress(namespace: Namespace, name: string, address: Ipv4, prefix?: number): void {
    const link = this.link(namespace, name);
    const at = link.addresses.findIndex(
      (existing) => existing.cidr.address === address && (prefix === undefined || existing.cidr.prefix === prefix),
    );
    if (at < 0) throw new KernelError('EADDRNOTAVAIL', 'no such address', 'ipv4: Address not found');
    link.addresses = link.addresses.filter((_, index) => index !== at);
  }

  /**
   * RTM_NEWROUTE with NLM_F_EXCL (fib_table_insert, fib_check_nh). A gateway
   * must sit on a link-scope route (a connected subnet), on the named device if
   * there is one, which also picks the device; a device route needs its device up.
   */
  addRoute(namespace: Namespace, request: Omit<Route, 'device'> & { readonly device: number | undefined }): void {
    const device =
      request.gateway === undefined ? request.device : this.gatewayDevice(namespace, request.gateway, request.device);
    // fib_lookup's own error (ENETUNREACH) goes back, with the message.
    if (device === undefined)
      throw new KernelError('ENETUNREACH', 'gateway unreachable', 'Nexthop has invalid gateway');
    if (!namespace.links.get(device)?.up) throw new KernelError('ENETDOWN', 'device down', 'Nexthop device is not up');
    const route: Route = { ...request, device };
    const exists = this.routes(namespace).some(
      (other) => sameDestination(other.destination, route.destination) && (other.metric ?? 0) === (route.metric ?? 0),
    );
    if (exists) throw new KernelError('EEXIST', 'route exists');
    namespace.routes.push(route);
  }

  /** fib_check_nh_v4_gw: the device of the connected route the gateway is on; the lookup skips routes of wider scope (a default route). */
  private gatewayDevice(namespace: Namespace, gateway: Ipv4, device: number | undefined): number | undefined {
    const onLink = this.routes(namespace).filter(
      (route) =>
        route.scope === 'link' &&
        route.destination &&
        contains(route.destination, gateway) &&
        (device === undefined || route.device === device),
    );
    return onLink[0]?.device;
  }

  /**
   * RTM_DELROUTE (fib_table_delete): the first static route to the destination
   * whose gateway and device match those given; none is ESRCH. The prefix
   * routes of addresses are not deleted here: they go with their address.
   */
  deleteRoute(namespace: Namespace, destination: Cidr | undefined, match: { gateway?: Ipv4; device?: number }): void {
    const at = namespace.routes.findIndex(
      (route) =>
        sameDestination(route.destination, destination) &&
        (match.gateway === undefined || route.gateway === match.gateway) &&
        (match.device === undefined || route.device === match.device),
    );
    if (at < 0) throw new KernelError('ESRCH', 'no such route');
    namespace.routes.splice(at, 1);
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
      if (samePort.some((existing) => clashes(existing, socket)))
        throw new KernelError('EADDRINUSE', `${socket.address}:${socket.port} in use`);
      samePort.push(socket);
      byPort.set(bucket(socket), samePort);
    }
    const open = socketsOf(namespace).sockets;
    for (const socket of sockets) open.push(socket);
  }

  /** A process exits: the kernel closes its sockets. */
  closeSockets(namespace: Namespace, pid: number): void {
    this.closeSocketsWhere(namespace, (socket) => socket.process.pid === pid);
  }

  /**
   * The cgroup freezer: `pids` stop being scheduled, or run again. Their sockets
   * stay open and the kernel still completes handshakes into their backlog and
   * answers pings; only the processes' own answers stop.
   */
  setFrozen(pids: readonly number[], frozen: boolean): void {
    const rest = (this.state.frozen ?? []).filter((pid) => !pids.includes(pid));
    const next = frozen ? [...rest, ...pids] : rest;
    if (next.length > 0) this.state.frozen = next;
    else delete this.state.frozen;
  }

  isFrozen(pid: number): boolean {
    return this.state.frozen?.includes(pid) ?? false;
  }

  /** close(2) on the sockets `chosen` picks: their owner lets them go (docker-proxy's, when a container's ports are unpublished). */
  closeSocketsWhere(namespace: Namespace, chosen: (socket: Socket) => boolean): void {
    const writable = socketsOf(namespace);
    writable.sockets = writable.sockets.filter((socket) => !chosen(socket));
  }

  /**
   * A TCP connection of `namespace` ends with this side's FIN sent first (an HTTP
   * client after its response): it stays TIME_WAIT for 60 s from `nowMs`.
   */
  closeFirst(
    namespace: Namespace,
    local: TimeWaitSocket['local'],
    remote: TimeWaitSocket['remote'],
    nowMs: number,
  ): void {
    const writable = namespace as { timeWait?: readonly TimeWaitSocket[] };
    writable.timeWait = withTimeWait(namespace, { local, remote, expiresMs: nowMs + TCP_TIMEWAIT_LEN_MS }, nowMs);
  }

  /** iptables' (4) or ip6tables' (6) tables of a namespace, with the operations that change them. */
  netfilter(namespace: Namespace, family: 4 | 6 = 4): NetfilterTables {
    return netfilterTables(tablesOf(namespace, family));
  }

  /**
   * Writes an ARP entry (RTM_NEWNEIGH), as `ip neigh add|replace|change` and
   * ARP resolution do: `add` fails on an existing entry (NLM_F_EXCL), `change`
   * on a missing one (no NLM_F_CREATE), `replace` does either.
   */
  setNeighbour(namespace: Namespace, entry: Neighbour, how: 'add' | 'replace' | 'change'): void {
    if (!namespace.links.has(entry.device)) throw new KernelError('ENODEV', `no device ${entry.device}`);
    const at = namespace.neighbours.findIndex(
      (other) => other.address === entry.address && other.device === entry.device,
    );
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
        return [...namespace.links.values()].some(
          (port) => port.master === link.index && this.hasCarrier(namespace, port),
        );
      case 'macvlan':
      case 'ipvlan':
      case 'vlan': {
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
        routes.push({
          destination: networkOf(address.cidr),
          gateway: undefined,
          device: link.index,
          protocol: 'kernel',
          scope: 'link',
          source: address.cidr.address,
          metric: undefined,
        });
      }
    }
    return routes;
  }

  /** The main table in the order `ip route` dumps it: default first, then by network. */
  routes(namespace: Namespace): Route[] {
    const all = [...namespace.routes, ...this.kernelRoutes(namespace)];
    return all.sort(
      (a, b) =>
        routeKey(a) - routeKey(b) ||
        (b.destination?.prefix ?? 0) - (a.destination?.prefix ?? 0) ||
        (a.metric ?? 0) - (b.metric ?? 0),
    );
  }
}

/**
 * rtnl_fill_link_netnsid (peernet2id_alloc): announcing a veth whose peer is in
 * another namespace gives each namespace a netnsid for the other, in that order.
 */
function pairNetnsIds(a: Namespace, b: Namespace): void {
  netnsIdOf(a, b.id);
  netnsIdOf(b, a.id);
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

/** find_portno (net/bridge/br_if.c): the lowest port number no port of the bridge holds, from 1. */
function freePortNo(namespace: Namespace, bridge: number): number {
  const used = new Set(
    [...namespace.links.values()].filter((port) => port.master === bridge).map((port) => port.portNo),
  );
  let number = 1;
  while (used.has(number)) number++;
  return number;
}
