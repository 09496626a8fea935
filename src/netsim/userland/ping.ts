import type { Datapath, Fate } from '../kernel/datapath';
import type { Namespace } from '../kernel/namespace';
import type { SeededRandom } from '../random';
import type { Ipv4 } from '../wire/ipv4';
import { ECHO_PACKET_LENGTH, replyTo, type Packet } from '../wire/packet';
import { hash } from './tcp-sequence';

export interface PingOptions {
  count: number;
  /** -i: seconds between requests. */
  intervalSeconds: number;
  /** -W: seconds to wait for the last reply; undefined keeps iputils' 10-second linger. */
  waitSeconds: number | undefined;
  /** The icmp_seq of the first request on the wire: iputils counts from 1, BusyBox from 0 (ntransmitted before the increment). */
  firstWireSequence?: number;
  /** -s: the bytes of data after the ICMP header; 56 unless given. */
  payloadBytes?: number;
  /** -M do: IP_PMTUDISC_DO, so a request larger than the route's MTU is refused by the kernel (EMSGSIZE) instead of fragmented. */
  dontFragment?: boolean;
}

/** The ICMP data iputils sends without -s. */
export const DEFAULT_PAYLOAD_BYTES = ECHO_PACKET_LENGTH - 28;

export interface PingReply {
  readonly sequence: number;
  readonly ttl: number;
  readonly rttMs: number;
}

export interface PingResult {
  readonly destination: Ipv4;
  readonly transmitted: number;
  readonly replies: readonly PingReply[];
  /** `From <reporter> icmp_seq=N Destination Host Unreachable`, for packets ARP could not deliver. */
  readonly unreachable: readonly { sequence: number; reporter: Ipv4 }[];
  /** The most requests in flight at once, which iputils prints as `pipe N` when above 1. */
  readonly pipe: number;
  /** -s's data bytes. */
  readonly payloadBytes: number;
  /** Requests sendmsg refused with EMSGSIZE under -M do: `local error: message too long, mtu=N`. */
  readonly localErrors: readonly { sequence: number; mtu: number }[];
  /** From the first request to the last, as `time NNNNms`. */
  readonly elapsedMs: number;
  /** How long the run lasted, waits included: the clock moves this much. */
  readonly durationMs: number;
}

/** How long the kernel tries ARP before failing the queued packets (3 probes, 1 s apart). */
const ARP_FAILURE_MS = 3000;
/** iputils waits this long for replies after the last request when -W is not given (MAXWAIT). */
const LINGER_MS = 10_000;

/**
 * iputils ping: echo requests through the datapath, echo replies back. Round-trip
 * times come from the seeded random source: sub-millisecond on the host, longer
 * when the first packet waits for ARP or leaves through the NIC.
 */
export function ping(
  datapath: Datapath,
  namespace: Namespace,
  destination: Ipv4,
  options: PingOptions,
  random: SeededRandom,
): PingResult | 'network-unreachable' {
  const route = datapath.route(namespace, destination);
  if (!route) return 'network-unreachable';
  const identifier = random.int(1, 65535);
  const replies: PingReply[] = [];
  const failedAt: { sequence: number; sentMs: number; reporter: Ipv4 }[] = [];
  const localErrors: { sequence: number; mtu: number }[] = [];
  const payloadBytes = options.payloadBytes ?? DEFAULT_PAYLOAD_BYTES;
  const intervalMs = options.intervalSeconds * 1000;
  let knownNeighbours = namespace.neighbours.length;
  for (let sequence = 1; sequence <= options.count; sequence++) {
    const request: Packet = {
      protocol: 'icmp',
      icmp: 'echo-request',
      icmpSequence: sequence - 1 + (options.firstWireSequence ?? 1),
      source: route.source,
      destination,
      sourcePort: identifier,
      destinationPort: identifier,
      length: payloadBytes + 28,
      ttl: 64,
      ipId: hash(`ping|${route.source}|${destination}|${identifier}|${sequence}`) & 0xffff,
      echoTimeUs: datapath.startMs * 1000 + (sequence - 1) * intervalMs * 1000,
    };
    if (options.dontFragment && request.length > route.device.mtu) {
      localErrors.push({ sequence, mtu: route.device.mtu });
      continue;
    }
    const sentUs = (sequence - 1) * intervalMs * 1000;
    datapath.at(sentUs);
    const crossingsBefore = datapath.lanCrossings;
    const fate = datapath.send(namespace, request);
    const resolvedNow = namespace.neighbours.length > knownNeighbours;
    knownNeighbours = namespace.neighbours.length;
    if (fate.kind === 'unresolved') {
      failedAt.push({ sequence, sentMs: (sequence - 1) * intervalMs, reporter: fate.reporter });
      continue;
    }
    const replyFrames = datapath.mark();
    const reply = echoReply(datapath, namespace, fate);
    if (!reply) continue;
    const crossings = datapath.lanCrossings - crossingsBefore;
    const rttMs = roundTrip(random, fate, resolvedNow) + wireTime(random, crossings);
    // The reply reaches the pinger when the round trip is over: its taps end then.
    datapath.retime(replyFrames, sentUs + rttMs * 1000);
    replies.push({ sequence, ttl: reply.ttl, rttMs });
  }
  const lastSentMs = (options.count - 1) * intervalMs;
  const waitMs = options.waitSeconds === undefined ? LINGER_MS : options.waitSeconds * 1000;
  const unreachable = withReportTimes(failedAt).filter((entry) => entry.reportedMs <= lastSentMs + waitMs);
  const elapsedMs = options.count > 1 ? lastSentMs + random.int(5, 30) : 0;
  // iputils stops as soon as every request has its reply or its error (ping_common.c main loop).
  const accountedMs = Math.max(lastSentMs, ...unreachable.map((entry) => entry.reportedMs));
  const lost = replies.length + unreachable.length + localErrors.length < options.count;
  return {
    destination,
    transmitted: options.count,
    replies,
    unreachable: unreachable.map(({ sequence, reporter }) => ({ sequence, reporter })),
    pipe: unreachable.length > 0 ? Math.min(unreachable.length, Math.ceil(ARP_FAILURE_MS / intervalMs)) : 1,
    payloadBytes,
    localErrors,
    elapsedMs,
    durationMs: lost ? lastSentMs + waitMs : accountedMs,
  };
}

/** The kernel answers an echo request itself; the answer must find its way back to us. */
function echoReply(datapath: Datapath, namespace: Namespace, fate: Fate): Packet | undefined {
  let back: Fate;
  if (fate.kind === 'local') {
    // icmp_reply: the kernel's own ICMP socket sends without DF, its identification from ip_select_ident's hash.
    const ipId = hash(`reply|${fate.packet.ipId ?? 0}|${fate.packet.destination}`) & 0xffff;
    back = datapath.send(fate.namespace, replyTo(fate.packet, { icmp: 'echo-reply', dontFragment: false, ipId }));
  } else if (fate.kind === 'remote' && fate.host.answersPing) {
    back = datapath.fromWorld(replyTo(fate.packet, { icmp: 'echo-reply', ttl: fate.host.replyTtl }));
  } else {
    return undefined;
  }
  return back.kind === 'local' && back.namespace === namespace ? back.packet : undefined;
}

/**
 * When each undeliverable request is reported: ARP gives up 3 s after the attempt
 * that queued it started, failing every packet queued meanwhile; a later packet
 * starts a new attempt. Ping sees a report only if it is still waiting then.
 */
export function withReportTimes<T extends { sentMs: number }>(
  failed: readonly T[],
  failureMs = ARP_FAILURE_MS,
): (T & { reportedMs: number })[] {
  let attemptStart: number | undefined;
  return failed.map((entry) => {
    if (attemptStart === undefined || entry.sentMs >= attemptStart + failureMs) attemptStart = entry.sentMs;
    return { ...entry, reportedMs: attemptStart + failureMs };
  });
}

/**
 * Each crossing of the LAN between two machines (a switch and two NICs): about
 * a tenth of a millisecond, so a ping across a gigabit home LAN shows 0.2-0.5 ms.
 */
function wireTime(random: SeededRandom, crossings: number): number {
  let microseconds = 0;
  for (let crossing = 0; crossing < crossings; crossing++) microseconds += random.int(90, 220);
  return microseconds / 1000;
}

function roundTrip(random: SeededRandom, fate: Fate, neededArp: boolean): number {
  const microseconds =
    fate.kind === 'remote'
      ? fate.host.latencyMs * 2000 + random.int(100, 900)
      : fate.kind === 'local' && fate.packet.source === fate.packet.destination
        ? random.int(20, 60)
        : random.int(40, 110);
  return (microseconds + (neededArp ? random.int(150, 300) : 0)) / 1000;
}
