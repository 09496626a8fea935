import type { Container } from '../engine/container';
import { EMBEDDED_DNS_ADDRESS, reverseContainerAddress, reverseContainerAddress6 } from '../engine/dns';
import type { Engine } from '../engine/engine';
import { externalServers, type HostEtc } from '../engine/etc-files';
import { Datapath } from '../kernel/datapath';
import type { Namespace } from '../kernel/namespace';
import { nameserversOf, type DnsQuestion, type DnsReply, type NameService } from '../userland/name-resolution';
import { address6OfReverseName, addressOfReverseName, absolute } from '../wire/dns';
import { parseIpv4 } from '../wire/ipv4';
import type { ProcessContext } from './command';

/** The resolver a program gets where it runs: the host's, or the container's whose namespace it is in. */
export type NameServices = (context: ProcessContext) => NameService;

/** What the embedded DNS server's answers live for (libnetwork resolver.go respTTL). */
const EMBEDDED_TTL = 600;

/** Docker's own answers: createRespMsg sets RA, adds no OPT record and leaves Compress off (resolver.go). */
const embeddedReply = (answers: DnsReply['answers']): DnsReply => ({
  status: 'NOERROR',
  answers,
  compressed: false,
  recursionAvailable: true,
  elapsedMs: 0,
});

/** A server on the LAN side that the modelled world does not describe: it knows no names (netsim's older model). */
const NOBODY_KNOWS: DnsReply = {
  status: 'NXDOMAIN',
  answers: [],
  compressed: true,
  recursionAvailable: true,
  elapsedMs: 0,
};

/**
 * serveDNS when no upstream answered: `new(dns.Msg).SetRcode(query,
 * RcodeServerFailure)`, whose SetReply copies RD but leaves RA unset.
 */
const EMBEDDED_SERVFAIL: DnsReply = {
  status: 'SERVFAIL',
  answers: [],
  compressed: false,
  recursionAvailable: false,
  elapsedMs: 0,
};

/**
 * Name services backed by the engine: a container reads the /etc/hosts and
 * /etc/resolv.conf Docker wrote for it, and 127.0.0.11 is its embedded DNS
 * server, which answers container names on shared user networks and passes
 * anything else to the container's external servers. The host reads its own
 * files. A server answers only if a route reaches it, and 127.0.0.11 only where
 * the daemon listens on it; the router and public resolvers answer as the world
 * says (world.ts).
 */
export function engineNameServices(engine: Engine, hostEtc: () => HostEtc): NameServices {
  return (context) => {
    const container = containerIn(engine, context.namespace);
    // Read when a name is looked up: a program given an address never opens these files.
    let files: { hosts: string; nameservers: readonly string[] } | undefined;
    const read = () => {
      if (files) return files;
      const host = hostEtc();
      const written = container ? engine.files.etc(container.id, host) : undefined;
      files = written
        ? { hosts: written['/etc/hosts'], nameservers: nameserversOf(written['/etc/resolv.conf']) }
        : { hosts: host.hosts, nameservers: [...host.nameservers] };
      return files;
    };
    return {
      get hosts() {
        return read().hosts;
      },
      get nameservers() {
        return read().nameservers;
      },
      query(server, question) {
        const recorder = context.kernel.recorder;
        if (server !== EMBEDDED_DNS_ADDRESS || !container || !embeddedListener(context.namespace)) {
          const reply = server === EMBEDDED_DNS_ADDRESS ? 'unreachable' : askServer(context, server, question);
          recorder?.add({
            kind: 'dns',
            namespace: context.namespace.id,
            server,
            question,
            by: server === EMBEDDED_DNS_ADDRESS ? 'embedded' : 'server',
            reply,
          });
          return reply;
        }
        const own = embeddedAnswer(engine, container, question);
        const reply = own ?? forwardExternally(context, externalServers(container, hostEtc()), question);
        recorder?.add({
          kind: 'dns',
          namespace: context.namespace.id,
          server,
          question,
          by: own ? 'embedded' : 'forwarded',
          reply,
        });
        return reply;
      },
    };
  };
}

/** A query sent from the program's namespace to `server`: lost without a route; answered by whatever serves DNS there. */
function askServer(context: ProcessContext, server: string, question: DnsQuestion): DnsReply | 'unreachable' {
  const address = parseIpv4(server);
  if (
    address === undefined ||
    new Datapath(context.kernel, context.world, context.clock.now()).route(context.namespace, address) === undefined
  )
    return 'unreachable';
  const remote = context.world?.reach(address);
  if (!remote) return NOBODY_KNOWS;
  return remote.dns ? remote.dns(question) : 'unreachable';
}

/**
 * forwardExtDNS: each external server in turn, asked from the container's own
 * namespace (a non-loopback server is not HostLoopback), until one answers
 * with other than SERVFAIL or REFUSED; that reply goes back as it came, with
 * Compress set. No answer at all: SERVFAIL (serveDNS).
 */
function forwardExternally(context: ProcessContext, servers: readonly string[], question: DnsQuestion): DnsReply {
  for (const server of servers) {
    const reply = askServer(context, server, question);
    if (reply === 'unreachable' || reply.status === 'SERVFAIL') continue;
    return { ...reply, compressed: true };
  }
  return EMBEDDED_SERVFAIL;
}

function embeddedAnswer(engine: Engine, container: Container, question: DnsQuestion): DnsReply | undefined {
  const name = absolute(question.name);
  // handleIPQuery: a name the daemon knows answers AAAA with its IPv6 addresses, none when it has only IPv4 ones.
  if (question.type === 'AAAA') {
    const addresses = engine.dns.resolve6(container.id, question.name);
    return addresses && embeddedReply(addresses.map((address) => ({ type: 'AAAA', name, ttl: EMBEDDED_TTL, address })));
  }
  // handleMXQuery answers MX for a known name with an empty NOERROR ("implicit MX", RFC 5321 5.1).
  if (question.type === 'MX')
    return engine.dns.resolve(container.id, question.name).length > 0 ? embeddedReply([]) : undefined;
  if (question.type === 'A') {
    const addresses = engine.dns.resolve(container.id, question.name);
    return addresses.length > 0
      ? embeddedReply(addresses.map((address) => ({ type: 'A', name, ttl: EMBEDDED_TTL, address })))
      : undefined;
  }
  // Other types than A, AAAA, MX, PTR (and SRV, which only swarm services answer) go to the external servers.
  if (question.type !== 'PTR') return undefined;
  const address = addressOfReverseName(question.name);
  const known = { networks: engine.networks.list(), containers: engine.containers.list() };
  // handlePTRQuery takes in-addr.arpa and ip6.arpa names alike (ResolveIP).
  const address6 = address === undefined ? address6OfReverseName(question.name) : undefined;
  const target =
    address !== undefined
      ? reverseContainerAddress(known, container, address)
      : address6 !== undefined
        ? reverseContainerAddress6(known, container, address6)
        : undefined;
  return target ? embeddedReply([{ type: 'PTR', name, ttl: EMBEDDED_TTL, target: `${target}.` }]) : undefined;
}

/**
 * The running container whose own network namespace this is; --network host containers share the host's files.
 * Containers that joined it with container:NAME come after its owner: they read the owner's files and resolver.
 */
export function containerIn(engine: Engine, namespace: Namespace): Container | undefined {
  const inside = engine.containers
    .list()
    .filter((c) => c.status === 'running' && c.namespaceId === namespace.id && c.networkMode !== 'host');
  return inside.find((c) => !c.networkMode.startsWith('container:')) ?? inside[0];
}

/** dockerd listens on 127.0.0.11 in the sandbox of a container with service discovery (engine/resolver.ts). */
function embeddedListener(namespace: Namespace): boolean {
  return namespace.sockets.some((socket) => socket.service.kind === 'dns' && socket.protocol === 'udp');
}
