import type { Namespace } from '../kernel/namespace';
import { natTo, type RuleSpec } from '../kernel/netfilter/rule';
import { parseCidr } from '../wire/cidr';
import { parseIpv4 } from '../wire/ipv4';
import type { Daemon } from './daemon';
import { EMBEDDED_DNS_ADDRESS } from './dns';
import { apply, is, type Placed } from './firewall';
import { LOCAL_PORT_RANGE } from '../kernel/sysctl';

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
  const tables = daemon.kernel.netfilter(sandbox);
  if (tables.hasChain('nat', 'DOCKER_OUTPUT')) return;
  const udpPort = daemon.random.int(LOCAL_PORT_RANGE.first, LOCAL_PORT_RANGE.last);
  const tcpPort = daemon.random.int(LOCAL_PORT_RANGE.first, LOCAL_PORT_RANGE.last);
  daemon.kernel.listen(sandbox, {
    protocol: 'udp',
    address: EMBEDDED_DNS_ADDRESS,
    port: udpPort,
    v6Only: false,
    process: { name: 'dockerd', pid: DOCKERD_PID, fd: 40 },
    service: { kind: 'dns' },
  });
  daemon.kernel.listen(sandbox, {
    protocol: 'tcp',
    address: EMBEDDED_DNS_ADDRESS,
    port: tcpPort,
    v6Only: false,
    process: { name: 'dockerd', pid: DOCKERD_PID, fd: 41 },
    service: { kind: 'dns' },
  });
  tables.newChain('nat', 'DOCKER_OUTPUT');
  tables.newChain('nat', 'DOCKER_POSTROUTING');
  apply(daemon.kernel, resolverRules(udpPort, tcpPort), true, sandbox);
}

/** The jumps, then the translations, each inserted first (-I) in this order. */
function resolverRules(udpPort: number, tcpPort: number): Placed[] {
  const first = (chain: string, spec: RuleSpec): Placed => ({ table: 'nat', chain, spec, first: true });
  return [
    first('OUTPUT', { destination: is(resolverAddress), target: { kind: 'jump', chain: 'DOCKER_OUTPUT' } }),
    first('POSTROUTING', { destination: is(resolverAddress), target: { kind: 'jump', chain: 'DOCKER_POSTROUTING' } }),
    first('DOCKER_OUTPUT', {
      destination: is(resolverAddress),
      protocol: 'udp',
      destinationPort: 53,
      target: { kind: 'DNAT', to: natTo(embeddedDns, udpPort) },
    }),
    first('DOCKER_POSTROUTING', {
      source: is(resolverAddress),
      protocol: 'udp',
      sourcePort: udpPort,
      target: { kind: 'SNAT', to: natTo(undefined, 53) },
    }),
    first('DOCKER_OUTPUT', {
      destination: is(resolverAddress),
      protocol: 'tcp',
      destinationPort: 53,
      target: { kind: 'DNAT', to: natTo(embeddedDns, tcpPort) },
    }),
    first('DOCKER_POSTROUTING', {
      source: is(resolverAddress),
      protocol: 'tcp',
      sourcePort: tcpPort,
      target: { kind: 'SNAT', to: natTo(undefined, 53) },
    }),
  ];
}
