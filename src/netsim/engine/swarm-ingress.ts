import type { IpvsDestination } from '../kernel/ipvs-state';
import { setIpvsService } from '../kernel/ipvs';
import type { Kernel } from '../kernel/kernel';
import { natTo, type RuleSpec } from '../kernel/netfilter/rule';
import type { Ipv4 } from '../wire/ipv4';
import type { Daemon } from './daemon';
import { apply, is, type Placed } from './firewall';
import type { ServicePort } from './swarm-service-state';

/**
 * The routing mesh's rules on the host, as moby writes them
 * (daemon/libnetwork/service_linux.go at docker-v29.7.0): a DOCKER-INGRESS
 * chain in nat and in filter, ending in RETURN, reached from nat PREROUTING and
 * OUTPUT for local destinations and from filter DOCKER-FORWARD; each ingress
 * port is DNAT'd to the ingress sandbox's address on docker_gwbridge.
 */
export const INGRESS_CHAIN = 'DOCKER-INGRESS';

/** The bridge the ingress sandbox reaches the host by (findOIFName of its gateway address). */
const GATEWAY_BRIDGE = 'docker_gwbridge';

const jump = { kind: 'jump', chain: INGRESS_CHAIN } as const;

/**
 * initIngressConfiguration: the chains and their RETURN, the jumps (EnsureJumpRule
 * inserts at the top: OUTPUT then PREROUTING, then DOCKER-FORWARD), and the
 * MASQUERADE (Rule.Insert) of what the host itself sends to the sandbox.
 */
function chainRules(): Placed[] {
  const jumpIfLocal: RuleSpec = { destinationLocal: true, target: jump };
  return [
    { table: 'nat', chain: INGRESS_CHAIN, spec: { target: { kind: 'RETURN' } } },
    { table: 'filter', chain: INGRESS_CHAIN, spec: { target: { kind: 'RETURN' } } },
    { table: 'nat', chain: 'OUTPUT', spec: jumpIfLocal, first: true },
    { table: 'nat', chain: 'PREROUTING', spec: jumpIfLocal, first: true },
    { table: 'filter', chain: 'DOCKER-FORWARD', spec: { target: jump }, first: true },
    {
      table: 'nat',
      chain: 'POSTROUTING',
      spec: { sourceLocal: true, outInterface: is(GATEWAY_BRIDGE), target: { kind: 'MASQUERADE' } },
      first: true,
    },
  ];
}

/**
 * generateIngressRules: per port, the DNAT to the sandbox's gateway address
 * (published port kept), then in filter the replies and the port itself, each
 * inserted at the top (Rule.Insert), so the last one ends up first.
 */
export function ingressPortRules(gatewayAddress: Ipv4, port: ServicePort): Placed[] {
  const protocol = port.protocol as 'tcp' | 'udp';
  const published = port.publishedPort;
  return [
    {
      table: 'nat',
      chain: INGRESS_CHAIN,
      spec: { protocol, destinationPort: published, target: { kind: 'DNAT', to: natTo(gatewayAddress, published) } },
      first: true,
    },
    {
      table: 'filter',
      chain: INGRESS_CHAIN,
      spec: {
        protocol,
        sourcePort: published,
        ctState: { states: ['RELATED', 'ESTABLISHED'], module: 'conntrack' },
        target: { kind: 'ACCEPT' },
      },
      first: true,
    },
    {
      table: 'filter',
      chain: INGRESS_CHAIN,
      spec: { protocol, destinationPort: published, target: { kind: 'ACCEPT' } },
      first: true,
    },
  ];
}

/**
 * addIngressPorts: the chains once (their rules only if missing: iptables.Rule
 * ensure and Exists), then each port's rules, one at a time as moby runs them.
 */
export function addIngressPorts(kernel: Kernel, gatewayAddress: Ipv4, ports: readonly ServicePort[]): void {
  const tables = kernel.netfilter(kernel.root);
  for (const table of ['nat', 'filter'] as const)
    if (!tables.hasChain(table, INGRESS_CHAIN)) tables.newChain(table, INGRESS_CHAIN);
  for (const rule of chainRules()) apply(kernel, [rule], true);
  for (const port of ports) for (const rule of ingressPortRules(gatewayAddress, port)) apply(kernel, [rule], true);
}

/** removeIngressPorts: each port's rules go; the chains and jumps stay, as moby leaves them. */
export function removeIngressPorts(kernel: Kernel, gatewayAddress: Ipv4, ports: readonly ServicePort[]): void {
  for (const port of ports) apply(kernel, ingressPortRules(gatewayAddress, port), false);
}

/**
 * The ingress sandbox's load balancer (service_linux.go addLBBackend, with the
 * ingress network's fwmark service per port): each published port's IPVS
 * service sends to the running tasks' addresses on the ingress network.
 * ~: the fwmark (mangle PREROUTING MARK), the `-m ipvs --ipvs` SNAT and the
 * tasks' REDIRECT from the published to the target port are not written as
 * rules: IPVS here sends to the target port and writes the source itself.
 */
export function syncIngressBalancer(daemon: Daemon): void {
  const swarm = daemon.state.swarm;
  const sandbox = swarm?.ingressSandbox && daemon.kernel.state.namespaces.get(swarm.ingressSandbox.namespaceId);
  const ingress = daemon.state.networks.find((network) => network.swarm?.ingress);
  if (!swarm || !sandbox || !ingress) return;
  const wanted = new Map<string, { protocol: 'tcp' | 'udp'; port: number; destinations: IpvsDestination[] }>();
  for (const service of swarm.services) {
    const addresses = service.tasks.flatMap((task) => {
      const container = daemon.state.containers.find((c) => c.id === task.containerId && c.status === 'running');
      return container?.endpoints.find((e) => e.networkId === ingress.id)?.address?.address ?? [];
    });
    for (const port of service.ports) {
      if (port.publishMode !== 'ingress' || port.protocol === 'sctp') continue;
      wanted.set(`${port.protocol}/${port.publishedPort}`, {
        protocol: port.protocol,
        port: port.publishedPort,
        destinations: addresses.map((address) => ({ address, port: port.targetPort })),
      });
    }
  }
  for (const existing of sandbox.ipvs ?? [])
    if (!wanted.has(`${existing.protocol}/${existing.port}`))
      setIpvsService(sandbox, existing.protocol, existing.port, []);
  for (const { protocol, port, destinations } of wanted.values()) setIpvsService(sandbox, protocol, port, destinations);
}
