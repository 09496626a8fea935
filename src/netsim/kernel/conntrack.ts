import type { Packet } from '../wire/packet';
import type { ConntrackState, NatChange } from './netfilter/evaluate';
import { translate } from './netfilter/evaluate';

type Tuple = Pick<Packet, 'protocol' | 'source' | 'sourcePort' | 'destination' | 'destinationPort'>;

/** One tracked connection in one namespace: the tuple it started with and the NAT decided for it. */
interface Entry {
  readonly namespace: number;
  readonly original: Tuple;
  readonly originalKey: string;
  /** The tuple replies arrive with (reversed), known once the NAT is decided. */
  replyKey: string;
  dnat: NatChange | undefined;
  snat: NatChange | undefined;
  /** A connection IPVS balanced (ip_vs_conn): IPVS moves its packets both ways, ip_forward or not. */
  ipvs?: true;
}

export interface Tracked {
  readonly state: ConntrackState;
  readonly direction: 'original' | 'reply';
  readonly entry: Entry;
}

const keyOf = (t: Tuple) => `${t.protocol} ${t.source}:${t.sourcePort} ${t.destination}:${t.destinationPort}`;
const reverseKeyOf = (t: Tuple) => `${t.protocol} ${t.destination}:${t.destinationPort} ${t.source}:${t.sourcePort}`;

/**
 * Connection tracking for one exchange (a ping run, one TCP connection). Entries
 * last only as long as the exchange: the next command opens new connections (a
 * new ICMP id, a new source port), so nothing a later command sees depends on
 * them, and host snapshots stay small.
 */
export class Conntrack {
  private readonly entries: Entry[] = [];

  /** Classifies a packet at the first hook of a namespace; a new connection is stored only by `confirm`. */
  lookup(namespace: number, packet: Packet): Tracked {
    if (packet.quoted) {
      // An ICMP error is RELATED to the connection of the datagram it quotes (nf_conntrack_icmp_error):
      // the quoted datagram left as the connection's original translated, the tuple its replies answer (replyKey).
      const quotedKey = keyOf(packet.quoted);
      const entry = this.entries.find(
        (candidate) => candidate.namespace === namespace && candidate.replyKey === quotedKey,
      );
      if (entry) return { state: 'RELATED', direction: 'reply', entry };
    }
    const key = keyOf(packet);
    const reverseKey = reverseKeyOf(packet);
    for (const entry of this.entries) {
      if (entry.namespace !== namespace) continue;
      if (entry.originalKey === key) return { state: 'ESTABLISHED', direction: 'original', entry };
      if (entry.replyKey === reverseKey) return { state: 'ESTABLISHED', direction: 'reply', entry };
    }
    return {
      state: 'NEW',
      direction: 'original',
      entry: { namespace, original: packet, originalKey: key, replyKey: key, dnat: undefined, snat: undefined },
    };
  }

  /** The packet left or was delivered: its connection now exists, with the NAT it got on the way. */
  confirm(tracked: Tracked, translated: Packet): void {
    if (tracked.state !== 'NEW') return;
    tracked.entry.replyKey = keyOf(translated);
    this.entries.push(tracked.entry);
  }
}

/**
 * Applies a known connection's translation to a later packet, at the stage where
 * it belongs: destinations before routing, sources after. A reply undoes them:
 * the SNAT on its destination, the DNAT on its source.
 */
export function followConnection(tracked: Tracked, packet: Packet, stage: 'destination' | 'source'): Packet {
  if (tracked.state === 'NEW') return packet;
  if (tracked.state === 'RELATED') return followError(tracked, packet, stage);
  const { dnat, snat, original } = tracked.entry;
  if (tracked.direction === 'original') {
    const change = stage === 'destination' ? dnat : snat;
    return change ? translate(packet, change) : packet;
  }
  if (stage === 'destination' && snat)
    return { ...packet, destination: original.source, destinationPort: original.sourcePort };
  if (stage === 'source' && dnat)
    return { ...packet, source: original.destination, sourcePort: original.destinationPort };
  return packet;
}

/**
 * An ICMP error about a NATed connection's datagram goes back to the connection's
 * own sender, the datagram it quotes translated back too (nf_nat_icmp_reply_translation).
 * Only the SNAT case is modelled: a router's error about masqueraded traffic.
 */
function followError(tracked: Tracked, packet: Packet, stage: 'destination' | 'source'): Packet {
  const { snat, original } = tracked.entry;
  if (stage !== 'destination' || !snat || tracked.direction !== 'reply' || !packet.quoted) return packet;
  return {
    ...packet,
    destination: original.source,
    quoted: { ...packet.quoted, source: original.source, sourcePort: original.sourcePort },
  };
}
