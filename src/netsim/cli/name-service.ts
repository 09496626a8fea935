import type { Container } from '../engine/container';
import { EMBEDDED_DNS_ADDRESS, reverseContainerAddress } from '../engine/dns';
import type { Engine } from '../engine/engine';
import type { HostEtc } from '../engine/etc-files';
import { Datapath } from '../kernel/datapath';
import type { Namespace } from '../kernel/namespace';
import { nameserversOf, type DnsQuestion, type DnsReply, type NameService } from '../userland/name-resolution';
import { parseIpv4 } from '../wire/ipv4';
import type { ProcessContext } from './command';

/** The resolver a program gets where it runs: the host's, or the container's whose namespace it is in. */
export type NameServices = (context: ProcessContext) => NameService;

/** What the embedded DNS server's answers live for (libnetwork resolver.go respTTL). */
const EMBEDDED_TTL = 600;

/** A name nobody outside knows: the simulated LAN's resolver has no zone of its own. */
const NXDOMAIN: DnsReply = { status: 'NXDOMAIN', answers: [] };

/**
 * Name services backed by the engine: a container reads the /etc/hosts and
 * /etc/resolv.conf Docker wrote for it, and 127.0.0.11 is its embedded DNS
 * server, which answers container names on shared user networks and passes
 * anything else to the host's nameservers. The host reads its own files. A
 * server answers only if a route reaches it, and 127.0.0.11 only where the
 * daemon listens on it.
 */
export function engineNameServices(engine: Engine, hostEtc: () => HostEtc): NameServices {
  return (context) => {
    const container = containerIn(engine, context.namespace);
    // Read when a name is looked up: a program given an address never opens these files.
    let files: { hosts: string; nameservers: readonly string[] } | undefined;
    const read = () => {
      if (files) return files;
      const host = hostEtc();
      const written = container ? engine.containerEtcFiles(container.id, host) : undefined;
      files = written ? { hosts: written['/etc/hosts'], nameservers: nameserversOf(written['/etc/resolv.conf']) } : { hosts: host.hosts, nameservers: [...host.nameservers] };
      return files;
    };
    const reachable = (server: string) => {
      const address = parseIpv4(server);
      return address !== undefined && new Datapath(context.kernel, context.world, context.clock.now()).route(context.namespace, address) !== undefined;
    };
    return {
      get hosts() {
        return read().hosts;
      },
      get nameservers() {
        return read().nameservers;
      },
      query(server, question) {
        if (server === EMBEDDED_DNS_ADDRESS) {
          if (!container || !embeddedListener(context.namespace)) return 'unreachable';
          return embeddedAnswer(engine, container, question) ?? NXDOMAIN;
        }
        return reachable(server) ? NXDOMAIN : 'unreachable';
      },
    };
  };
}

function embeddedAnswer(engine: Engine, container: Container, question: DnsQuestion): DnsReply | undefined {
  // handleIPQuery: a name the daemon knows answers AAAA too, with no record when the container has no IPv6 address.
  if (question.type === 'AAAA') return engine.resolveName(container.id, question.name).length > 0 ? { status: 'NOERROR', answers: [] } : undefined;
  if (question.type === 'A') {
    const addresses = engine.resolveName(container.id, question.name);
    const name = `${question.name.replace(/\.$/, '')}.`;
    return addresses.length > 0 ? { status: 'NOERROR', answers: addresses.map((address) => ({ type: 'A', name, ttl: EMBEDDED_TTL, address })) } : undefined;
  }
  const octets = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/.exec(question.name)?.slice(1).reverse();
  const address = octets && parseIpv4(octets.join('.'));
  const target = address === undefined || !octets ? undefined : reverseContainerAddress({ networks: engine.networks(), containers: engine.containers() }, container, address);
  return target ? { status: 'NOERROR', answers: [{ type: 'PTR', name: `${question.name}.`, ttl: EMBEDDED_TTL, target: `${target}.` }] } : undefined;
}

/**
 * The running container whose own network namespace this is; --network host containers share the host's files.
 * Containers that joined it with container:NAME come after its owner: they read the owner's files and resolver.
 */
export function containerIn(engine: Engine, namespace: Namespace): Container | undefined {
  const inside = engine.containers().filter((c) => c.status === 'running' && c.namespaceId === namespace.id && c.networkMode !== 'host');
  return inside.find((c) => !c.networkMode.startsWith('container:')) ?? inside[0];
}

/** dockerd listens on 127.0.0.11 in the sandbox of a container with service discovery (engine/resolver.ts). */
function embeddedListener(namespace: Namespace): boolean {
  return namespace.sockets.some((socket) => socket.service.kind === 'dns' && socket.protocol === 'udp');
}
