import type { Engine } from './engine/engine';
import type { Container } from './engine/container';
import type { Network } from './engine/network';
import { dumpLinks, type LinkRecord } from './kernel/dump';
import type { Kernel } from './kernel/kernel';
import type { Namespace } from './kernel/namespace';
import type { HostProfile } from './profile';
import { formatCidr, networkOf, parseCidr } from './wire/cidr';
import { formatIpv4 } from './wire/ipv4';

/**
 * The host's network as a figure draws it: which devices exist, which are
 * plugged into which, and what Docker configured on them. Plain data, read from
 * the same records `ip`, `bridge` and `docker inspect` print, so a figure shows
 * nothing the tools would not.
 */
export interface TopologyRecord {
  hostname: string;
  /** The host's own devices: the NIC (ether) and the dummies a macvlan or ipvlan network made; lo and Docker's devices are elsewhere. */
  nics: TopologyDevice[];
  /** Linux bridges of the host's namespace: docker0 and br-<12 hex>. */
  bridges: (TopologyDevice & { network: string | undefined })[];
  /** veth pairs with one end in the host's namespace and the other in a container's. */
  veths: TopologyVeth[];
  /** Docker's networks, host and none included. */
  networks: TopologyNetwork[];
  containers: TopologyContainer[];
  /** The LAN beyond the NIC, as the host's profile sets it up: where "from outside" comes from. */
  lan: TopologyLan;
}

export interface TopologyLan {
  /** The host's NIC on it. */
  nic: string;
  /** Its subnet, as `ip route` prints the NIC's connected route (`192.168.1.0/24`). */
  subnet: string;
  /** The home router at the gateway address. */
  router: string;
  /** Other machines on the LAN (`lan-pc`), each with its address. */
  machines: { hostname: string; address: string }[];
  /** Whether the router reaches the internet. */
  internet: boolean;
}

export interface TopologyDevice {
  name: string;
  index: number;
  mac: string;
  /** IPv4 addresses as `ip a` prints them (`172.17.0.1/16`). */
  addresses: string[];
  /** `UP`, `DOWN`, `UNKNOWN`, `LOWERLAYERDOWN`, as `ip link` prints the state. */
  state: string;
}

export interface TopologyVeth {
  host: TopologyDevice & { master: string | undefined };
  container: { name: string; interface: string; index: number };
}

export interface TopologyNetwork {
  name: string;
  /** The 12 hex `docker network ls` prints. */
  id: string;
  driver: string;
  internal: boolean;
  subnets: string[];
  gateways: string[];
  /** The Linux bridge of a bridge network. */
  bridge: string | undefined;
  /** The device a macvlan or ipvlan network's ports sit on. */
  parent: string | undefined;
}

export interface TopologyInterface extends TopologyDevice {
  kind: string;
  /** The network this interface is the container's endpoint on. */
  network: string | undefined;
  /** A veth's other end, in the host's namespace. */
  peer: { name: string; index: number } | undefined;
  /** The host device a macvlan or ipvlan port sits on. */
  parent: string | undefined;
}

export interface TopologyContainer {
  name: string;
  id: string;
  image: string;
  status: string;
  /** `bridge`, a network's name, `host`, `none`, or `container:NAME`, as given to --network. */
  networkMode: string;
  /** Its namespace's devices but lo; none for host mode, which has the host's. */
  interfaces: TopologyInterface[];
  published: { hostIp: string; hostPort: number; containerPort: number; protocol: string }[];
}

/** The topology of the host's network as its kernel and daemon hold it now. */
export function readTopology(kernel: Kernel, engine: Engine, profile: HostProfile): TopologyRecord {
  const root = kernel.root;
  const hostLinks = dumpLinks(kernel, root);
  const networks = engine.networks.list();
  const containers = engine.containers.list();
  const byNamespace = new Map<number, Container>();
  // Several containers can share one namespace (container:NAME): the one that made it names it.
  for (const container of containers)
    if (
      container.namespaceId !== undefined &&
      container.namespaceId !== root.id &&
      !container.networkMode.startsWith('container:')
    )
      byNamespace.set(container.namespaceId, container);
  const rootLinks = [...root.links.values()];
  return {
    hostname: profile.hostname,
    nics: hostLinks.filter((link) => link.kind === 'ether' || link.kind === 'dummy').map(device),
    bridges: hostLinks
      .filter((link) => link.kind === 'bridge')
      .map((link) => ({
        ...device(link),
        network: networks.find((network) => network.bridgeName === link.name)?.name,
      })),
    veths: hostLinks.flatMap((link): TopologyVeth[] => {
      const raw = rootLinks.find((candidate) => candidate.index === link.index);
      const peer = raw && kernel.peerOf(raw);
      const owner = peer && byNamespace.get(peer.namespace.id);
      if (link.kind !== 'veth' || !peer || !owner) return [];
      return [
        {
          host: { ...device(link), master: link.master },
          container: { name: owner.name, interface: peer.link.name, index: peer.link.index },
        },
      ];
    }),
    networks: networks.map(networkRecord),
    containers: containers.map((container) => containerRecord(kernel, container, networks, containers, root)),
    lan: lanRecord(profile),
  };
}

function lanRecord(profile: HostProfile): TopologyLan {
  const machine = profile.lanMachine;
  return {
    nic: profile.nic.name,
    subnet: formatCidr(networkOf(parseCidr(profile.nic.cidr)!)),
    router: profile.nic.gateway,
    machines: machine ? [{ hostname: machine.hostname, address: machine.address }] : [],
    internet: profile.internet,
  };
}

const device = (link: LinkRecord): TopologyDevice => ({
  name: link.name,
  index: link.index,
  mac: link.mac,
  addresses: link.addresses.filter((address) => address.family === 'inet').map((address) => address.cidr),
  state: link.operState,
});

function networkRecord(network: Network): TopologyNetwork {
  return {
    name: network.name,
    id: network.id.slice(0, 12),
    driver: network.driver,
    internal: network.internal,
    subnets: network.ipam.map((config) => formatCidr(config.subnet)),
    gateways: network.ipam.flatMap((config) => (config.gateway === undefined ? [] : [formatIpv4(config.gateway)])),
    bridge: network.bridgeName,
    parent: network.parent?.name,
  };
}

function containerRecord(
  kernel: Kernel,
  container: Container,
  networks: readonly Network[],
  containers: readonly Container[],
  root: Namespace,
): TopologyContainer {
  const namespace =
    container.status === 'running' && container.namespaceId !== undefined && container.namespaceId !== root.id
      ? kernel.namespace(container.namespaceId)
      : undefined;
  // container:NAME shares its owner's namespace, and so its owner's endpoints.
  const owner = container.networkMode.startsWith('container:')
    ? containers.find((other) => other.id === container.networkMode.slice('container:'.length))
    : container;
  const endpoints = owner?.endpoints ?? [];
  const interfaces = namespace
    ? dumpLinks(kernel, namespace)
        .filter((link) => link.kind !== 'loopback')
        .map((link): TopologyInterface => {
          const raw = [...namespace.links.values()].find((candidate) => candidate.index === link.index)!;
          const peer = kernel.peerOf(raw);
          const lower = kernel.lowerOf(raw);
          const endpoint = endpoints.find((candidate) => candidate.interfaceName === link.name);
          return {
            ...device(link),
            kind: link.kind,
            network: networks.find((network) => network.id === endpoint?.networkId)?.name,
            peer: peer && peer.namespace.id === root.id ? { name: peer.link.name, index: peer.link.index } : undefined,
            parent: lower?.link.name,
          };
        })
    : [];
  const mode = container.networkMode.startsWith('container:')
    ? `container:${owner?.name ?? container.networkMode.slice('container:'.length, 'container:'.length + 12)}`
    : container.networkMode;
  return {
    name: container.name,
    id: container.id.slice(0, 12),
    image: container.image,
    status: container.status,
    networkMode: mode === 'default' ? 'bridge' : mode,
    interfaces,
    published: container.endpoints.flatMap((endpoint) =>
      endpoint.published.map((port) => ({
        hostIp: port.hostIp,
        hostPort: port.hostPort,
        containerPort: port.containerPort,
        protocol: port.protocol,
      })),
    ),
  };
}
