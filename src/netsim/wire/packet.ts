import type { Ipv4 } from './ipv4';

export type TransportProtocol = 'icmp' | 'tcp' | 'udp';

/** ICMP messages the simulator sends (RFC 792 types). */
export type IcmpKind = 'echo-request' | 'echo-reply' | 'port-unreachable' | 'time-exceeded';

/** TCP segment kinds that change connection state; `data` carries payload. */
export type TcpKind = 'syn' | 'syn-ack' | 'ack' | 'data' | 'fin' | 'rst';

/**
 * An IPv4 packet as netfilter sees it: addresses, ports, size. Immutable: NAT and
 * forwarding make new packets.
 */
export interface Packet {
  readonly protocol: TransportProtocol;
  readonly source: Ipv4;
  readonly destination: Ipv4;
  /** TCP/UDP ports, or the ICMP echo identifier in both fields (what conntrack keys ICMP on). */
  readonly sourcePort: number;
  readonly destinationPort: number;
  /** Total IP length in bytes, what iptables' byte counters add up. */
  readonly length: number;
  readonly ttl: number;
  readonly icmp?: IcmpKind;
  readonly tcp?: TcpKind;
  /** The echo sequence number of an ICMP echo request or reply (icmp_seq). */
  readonly icmpSequence?: number;
  /** The TCP header's numbers, as the sending socket chose them: what tcpdump prints. */
  readonly segment?: TcpSegment;
  /**
   * An ICMP error's quoted datagram: the header (and first bytes) of the packet
   * that caused it, as it was when the error was raised (RFC 792). Conntrack
   * finds the connection by it, and the sender matches it to its probe.
   */
  readonly quoted?: Packet;
  /**
   * The IP header's identification (0 when not given: what Linux writes on a
   * SYN-ACK, ip_build_and_send_pkt) and whether DF is set (Linux's default,
   * path MTU discovery; not on the kernel's own echo replies).
   */
  readonly ipId?: number;
  readonly dontFragment?: boolean;
  /** The transport payload's bytes, one character each (0-255), when the sender's are known: an HTTP request. */
  readonly payload?: string;
  /** The time iputils ping wrote into an echo request's data (its struct timeval); the reply echoes the same data. */
  readonly echoTimeUs?: number;
}

/**
 * Sequence and acknowledgment numbers, window and timestamps (RFC 7323) of a
 * TCP segment. Options follow from the kind: a SYN carries MSS, SACK-permitted,
 * timestamps and window scale; a RST none; every other segment timestamps.
 */
export interface TcpSegment {
  readonly seq: number;
  readonly ack: number;
  readonly window: number;
  readonly tsVal: number;
  readonly tsEcr: number;
  /** The window scale a SYN offers (RFC 7323); Linux's 7 when not given. */
  readonly windowScale?: number;
  /** The first line of the payload (an HTTP request or status line), which tcpdump shows for port 80. */
  readonly firstLine?: string;
}

/** IP header (20) + ICMP header (8) + ping's default 56 bytes of data. */
export const ECHO_PACKET_LENGTH = 84;
/** IP (20) + TCP (20) + the options Linux puts on a SYN (MSS, SACK, timestamps, window scale: 20). */
export const TCP_SYN_LENGTH = 60;
/** IP (20) + TCP (20) + timestamps option (12), on every segment after the handshake. */
export const TCP_SEGMENT_OVERHEAD = 52;
/** IP (20) + TCP (20), no options: what a RST answering a SYN carries. */
export const TCP_RST_LENGTH = 40;

/** The packet a reply travels as: addresses and ports swapped. */
export function replyTo(packet: Packet, change: Partial<Packet>): Packet {
  // The IP header's identification and DF are the replier's own.
  const { ipId: _ipId, dontFragment: _dontFragment, ...fields } = packet;
  return {
    ...fields,
    source: packet.destination,
    destination: packet.source,
    sourcePort: packet.destinationPort,
    destinationPort: packet.sourcePort,
    ttl: 64,
    ...change,
  };
}

/** UDP datagrams carry an 8-byte header after the IP header. */
export const UDP_HEADER_LENGTH = 8;
/** IP (20) + UDP (8): what a UDP datagram adds to its payload. */
export const UDP_OVERHEAD = 28;

/**
 * An ICMP error about `offending`, sent by `from`: it quotes the whole offending
 * datagram, as Linux's icmp_send does while the error stays within 576 bytes
 * (room = 576 - IP header - ICMP header), so its length is 20 + 8 + the datagram's.
 */
export function icmpError(
  offending: Packet,
  from: Packet['source'],
  kind: 'port-unreachable' | 'time-exceeded',
  ttl = 64,
): Packet {
  const quotedLength = Math.min(offending.length, 576 - 28);
  return {
    protocol: 'icmp',
    icmp: kind,
    source: from,
    destination: offending.source,
    sourcePort: 0,
    destinationPort: 0,
    length: 28 + quotedLength,
    ttl,
    quoted: offending,
  };
}
