import type { RemoteHost, Station, World } from './kernel/datapath';
import type { HostProfile } from './profile';
import { contains, parseCidr } from './wire/cidr';
import { parseIpv4, type Ipv4 } from './wire/ipv4';
import { parseMac } from './wire/mac';

/** Routers between the host and a server on the internet, the LAN's router among them. */
const INTERNET_ROUTERS = 10;

/** RFC 1918 and other ranges that are never on the internet. */
const NOT_ON_THE_INTERNET = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '127.0.0.0/8', '169.254.0.0/16', '0.0.0.0/8'].map((text) => parseCidr(text)!);

/**
 * The network outside the host, from its profile: a router that answers ping and
 * refuses TCP, and behind it, if the profile says so, an internet where every
 * public address answers ping and serves HTTP and HTTPS. `lanStations` are the
 * LAN's machines with a network stack of their own (lan-machine.ts).
 */
export function worldOf(profile: HostProfile, lanStations: () => readonly Station[] = () => []): World {
  const lan = parseCidr(profile.nic.cidr)!;
  const gateway = parseIpv4(profile.nic.gateway)!;
  const router: RemoteHost = { address: gateway, answersPing: true, openTcpPorts: [], replyTtl: 64, latencyMs: 0.2 };
  return {
    nic: profile.nic.name,
    neighbourMac: (address: Ipv4) => (address === gateway ? parseMac(profile.router.mac) : undefined),
    onLan: (address: Ipv4) => contains(lan, address),
    lanStations,
    reach(destination: Ipv4) {
      if (destination === gateway) return router;
      if (!profile.internet || contains(lan, destination) || NOT_ON_THE_INTERNET.some((range) => contains(range, destination))) return undefined;
      // Replies come back across ~10 routers: Linux servers start at TTL 64, so 54 is typical. On the way
      // there the same 10: the LAN's router answers traceroute's probes; the provider's routers beyond it are
      // not modelled by address, so they stay silent (`* * *`), as routers that filter ICMP do.
      const path = [gateway, ...Array.from({ length: INTERNET_ROUTERS - 1 }, () => undefined)];
      return { address: destination, answersPing: true, openTcpPorts: [80, 443], replyTtl: 64 - INTERNET_ROUTERS, latencyMs: 6, path };
    },
  };
}
