import type { Namespace } from '../kernel/namespace';
import { hasChain, insertRule, newChain } from '../kernel/netfilter/netfilter';
import { natTo, type RuleSpec } from '../kernel/netfilter/rule';
import { parseCidr } from '../wire/cidr';
import { parseIpv4 } from '../wire/ipv4';
import type { Daemon } from './daemon';
import { EMBEDDED_DNS_ADDRESS } from './dns';
import { is } from './firewall';

/** dockerd's PID on the simulated host: it starts at boot, long before any container. */
export const DOCKERD_PID = 812;

const resolverAddress = parseCidr(`${EMBEDDED_DNS_ADDRESS}/32`)!;
const embeddedDns = parseIpv4(EMBEDDED_DNS_ADDRESS)!;

/**
 * The embedded DNS server of one container (libnetwork resolver_unix.go,
 * setupIptablesNAT): dockerd listens on 127.0.0.11 at two random ports inside the
 * container's namespace, and nat rules there send port 53 to them and make the
 * answers come from port 53. Each rule is inserted with -I, so the last one
 * inserted comes first, as `iptables -t nat -S` shows in a real container.
 */
export function startEmbeddedResolver(daemon: Daemon, sandbox: Namespace): void {
  const netfilter = sandbox.netfilter;
  if (hasChain(netfilter, 'nat', 'DOCKER_OUTPUT')) return;
  const udpPort = daemon.random.int(32768, 60999);
  const tcpPort = daemon.random.int(32768, 60999);
  daemon.kernel.listen(sandbox, { protocol: 'udp', address: EMBEDDED_DNS_ADDRESS, port: udpPort, v6Only: false, process: { name: 'dockerd', pid: DOCKERD_PID, fd: 40 }, service: { kind: 'dns' } });
  daemon.kernel.listen(sandbox, { protocol: 'tcp', address: EMBEDDED_DNS_ADDRESS, port: tcpPort, v6Only: false, process: { name: 'dockerd', pid: DOCKERD_PID, fd: 41 }, service: { kind: 'dns' } });
  newChain(netfilter, 'nat', 'DOCKER_OUTPUT');
  insertRule(netfilter, 'nat', 'OUTPUT', { destination: is(resolverAddress), target: { kind: 'jump', chain: 'DOCKER_OUTPUT' } });
  newChain(netfilter, 'nat', 'DOCKER_POSTROUTING');
  insertRule(netfilter, 'nat', 'POSTROUTING', { destination: is(resolverAddress), target: { kind: 'jump', chain: 'DOCKER_POSTROUTING' } });
  const rules: [string, RuleSpec][] = [
    ['DOCKER_OUTPUT', { destination: is(resolverAddress), protocol: 'udp', destinationPort: 53, target: { kind: 'DNAT', to: natTo(embeddedDns, udpPort) } }],
    ['DOCKER_POSTROUTING', { source: is(resolverAddress), protocol: 'udp', sourcePort: udpPort, target: { kind: 'SNAT', to: natTo(undefined, 53) } }],
    ['DOCKER_OUTPUT', { destination: is(resolverAddress), protocol: 'tcp', destinationPort: 53, target: { kind: 'DNAT', to: natTo(embeddedDns, tcpPort) } }],
    ['DOCKER_POSTROUTING', { source: is(resolverAddress), protocol: 'tcp', sourcePort: tcpPort, target: { kind: 'SNAT', to: natTo(undefined, 53) } }],
  ];
  for (const [chain, spec] of rules) insertRule(netfilter, 'nat', chain, spec);
}
