import type { RemoteHost, Station, World } from './kernel/datapath';
import { internet } from './userland/public-internet-loader';
import type { HostProfile } from './profile';
import { contains, parseCidr } from './wire/cidr';
import type { DnsQuestion, DnsReply } from './wire/dns';
import { formatIpv4, parseIpv4, type Ipv4 } from './wire/ipv4';
import { parseMac } from './wire/mac';

/** RFC 1918 and other ranges that are never on the internet. */
const NOT_ON_THE_INTERNET = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '0.0.0.0/8',
].map((text) => parseCidr(text)!);

/**
 * Public resolvers a reader may name (`dig @8.8.8.8`, `--dns 1.1.1.1`), with the
 * EDNS UDP size their replies carry: Google Public DNS answers with 512, as dig
 * captures show (`; EDNS: version: 0, flags:; udp: 512`); Cloudflare and Quad9
 * with DNS Flag Day 2020's 1232.
 */
const PUBLIC_RESOLVERS: Readonly<Record<string, number>> = {
  '8.8.8.8': 512,
  '8.8.4.4': 512,
  '1.1.1.1': 1232,
  '1.0.0.1': 1232,
  '9.9.9.9': 1232,
};

/**
 * The router's DNS forwarder (dnsmasq on a home router, with its default
 * edns-packet-max of 1232), or SERVFAIL when it has no internet to ask.
 */
const ROUTER_EDNS_UDP_SIZE = 1232;

/** A stable few milliseconds per name: the upstream resolver's time to answer, the same on every run. */
function upstreamMs(name: string): number {
  let hash = 2166136261;
  for (const char of name.toLowerCase()) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return 9 + (hash % 20);
}

/** A recursive resolver answering from the public snapshot (userland/public-internet.ts). */
function recursiveResolver(ednsUdpSize: number, online: boolean): (question: DnsQuestion) => DnsReply {
  return (question) => {
    const base = { ednsUdpSize, compressed: true, recursionAvailable: true };
    if (!online) return { ...base, status: 'SERVFAIL', answers: [], elapsedMs: 0 };
    return { ...base, ...internet().resolvePublicName(question), elapsedMs: upstreamMs(question.name) };
  };
}

/**
 * The network outside the host, from its profile: a router that answers ping,
 * refuses TCP and forwards DNS queries, and behind it, if the profile says so,
 * an internet whose hosts answer as userland/public-internet.ts says (public names, their
 * addresses, TTLs and latencies: a fixed snapshot). `lanStations` are the LAN's
 * machines with a network stack of their own (lan-machine.ts).
 */
export function worldOf(profile: HostProfile, lanStations: () => readonly Station[] = () => []): World {
  const lan = parseCidr(profile.nic.cidr)!;
  const gateway = parseIpv4(profile.nic.gateway)!;
  const router: RemoteHost = {
    address: gateway,
    answersPing: true,
    openTcpPorts: [],
    replyTtl: 64,
    latencyMs: 0.2,
    dns: recursiveResolver(ROUTER_EDNS_UDP_SIZE, profile.internet),
  };
  return {
    nic: profile.nic.name,
    neighbourMac: (address: Ipv4) => (address === gateway ? parseMac(profile.router.mac) : undefined),
    onLan: (address: Ipv4) => contains(lan, address),
    lanStations,
    reach(destination: Ipv4) {
      if (destination === gateway) return router;
      if (
        !profile.internet ||
        contains(lan, destination) ||
        NOT_ON_THE_INTERNET.some((range) => contains(range, destination))
      )
        return undefined;
      const resolverUdpSize = PUBLIC_RESOLVERS[formatIpv4(destination)];
      const behaviour = internet().publicHostBehaviour(destination);
      // The routers on the way: as many as the reply's TTL lost from its sender's initial 64, 128 or 255.
      // The LAN's router answers traceroute's probes; the provider's routers beyond it are not modelled by
      // address, so they stay silent (`* * *`), as routers that filter ICMP do.
      const hops = Math.max(1, initialTtl(behaviour.replyTtl) - behaviour.replyTtl);
      const path = [gateway, ...Array.from({ length: hops - 1 }, () => undefined)];
      return {
        address: destination,
        ...behaviour,
        path,
        ...(resolverUdpSize ? { dns: recursiveResolver(resolverUdpSize, true) } : {}),
      };
    },
  };
}

/** The TTL a sender started from, as traceroute users reckon it: the smallest of the usual 64, 128 and 255 not below what arrived. */
function initialTtl(arrived: number): number {
  return [64, 128, 255].find((initial) => initial >= arrived) ?? 255;
}
