import type { Datapath, Fate } from '../kernel/datapath';
import type { Namespace } from '../kernel/namespace';
import { LOCAL_PORT_RANGE } from '../kernel/sysctl';
import type { SeededRandom } from '../random';
import type { Ipv4 } from '../wire/ipv4';
import type { Packet } from '../wire/packet';

/** How a traceroute probes: UDP datagrams to port, port+1, ... (both Butskoy's default method and BusyBox's). */
export interface TraceOptions {
  readonly firstTtl: number;
  readonly maxTtl: number;
  readonly probesPerHop: number;
  /** The first probe's destination port: each later probe takes the next one. */
  readonly port: number;
  /** The datagram's total IP length. */
  readonly packetLength: number;
}

/** A probe that came back: who answered, after how long, and whether it was the destination (port unreachable). */
export interface ProbeAnswer {
  readonly from: Ipv4;
  readonly rttMs: number;
  readonly final: boolean;
}

export interface TraceHop {
  readonly ttl: number;
  /** Each probe's answer, undefined for one nothing answered (`*`). */
  readonly probes: readonly (ProbeAnswer | undefined)[];
}

export interface TraceResult {
  readonly hops: readonly TraceHop[];
}

/**
 * Probes with TTL 1, 2, ... until the destination answers port unreachable or
 * the TTL passes the maximum: each probe goes through the datapath, and the
 * ICMP error the kernel or a router sends back (time exceeded, port
 * unreachable) must find its way to us. Round-trip times come from the seed.
 */
export function trace(
  datapath: Datapath,
  namespace: Namespace,
  source: Ipv4,
  destination: Ipv4,
  options: TraceOptions,
  random: SeededRandom,
): TraceResult {
  const hops: TraceHop[] = [];
  const sourcePort = random.int(LOCAL_PORT_RANGE.first, LOCAL_PORT_RANGE.last);
  let sequence = 0;
  for (let ttl = options.firstTtl; ttl <= options.maxTtl; ttl++) {
    const probes: (ProbeAnswer | undefined)[] = [];
    for (let probe = 0; probe < options.probesPerHop; probe++) {
      const packet: Packet = {
        protocol: 'udp',
        source,
        destination,
        sourcePort,
        destinationPort: options.port + sequence++,
        length: options.packetLength,
        ttl,
      };
      probes.push(probeOnce(datapath, namespace, packet, random));
    }
    hops.push({ ttl, probes });
    if (probes.some((answer) => answer?.final)) break;
  }
  return { hops };
}

function probeOnce(
  datapath: Datapath,
  namespace: Namespace,
  packet: Packet,
  random: SeededRandom,
): ProbeAnswer | undefined {
  const fate = datapath.send(namespace, packet);
  const back = datapath.answerWithError(fate);
  if (back?.kind !== 'local' || back.namespace !== namespace) return undefined;
  return { from: back.packet.source, rttMs: roundTrip(fate, random), final: back.packet.icmp === 'port-unreachable' };
}

/** Tens of microseconds inside the host; the modelled latency and some jitter beyond the NIC, the LAN's router being near. */
function roundTrip(fate: Fate, random: SeededRandom): number {
  if (fate.kind === 'remote') return (fate.host.latencyMs * 2000 + random.int(100, 900)) / 1000;
  if (fate.kind === 'expired-remote') return (fate.hop === 0 ? random.int(300, 700) : random.int(2000, 9000)) / 1000;
  return random.int(8, 90) / 1000;
}
