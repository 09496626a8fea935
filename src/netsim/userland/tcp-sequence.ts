import type { Packet, TcpKind, TcpSegment } from '../wire/packet';

/**
 * The numbers Linux puts in a connection's TCP headers. The initial sequence
 * number and the timestamp offset are keyed hashes of the 4-tuple
 * (secure_tcp_seq, secure_tcp_ts_off in net/core/secure_seq.c); here the key is
 * fixed, so the same connection gets the same numbers, without drawing from the
 * seeded random source.
 *
 * Windows are those of a 1500-byte MTU with Linux's defaults: a SYN offers
 * 64240 (44 segments of MSS 1460), a SYN-ACK 65160 (45 of 1448, the MSS less
 * timestamps), and both then scale by 2^7 (tcp_select_initial_window): 64256 and
 * 65152 read as 502 and 509.
 */
export const SYN_WINDOW = 64240;
export const SYN_ACK_WINDOW = 65160;
const CLIENT_WINDOW = 502;
const SERVER_WINDOW = 509;

/** FNV-1a: the fixed-key hash standing in for the kernel's keyed ones. */
export function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) value = Math.imul(value ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return value >>> 0;
}

/** The initial sequence number the sender of `packet` picks for its side of the connection. */
export function initialSequence(packet: Packet): number {
  return hash(`seq|${packet.source}|${packet.sourcePort}|${packet.destination}|${packet.destinationPort}`);
}

/**
 * The IP identification a connected socket starts from (inet_id, random at
 * connect and at accept since Linux 5.x), then one more for each segment it
 * sends (ip_select_ident_segs); a keyed hash of the 4-tuple here.
 */
export function initialIpId(packet: Packet): number {
  return hash(`id|${packet.source}|${packet.sourcePort}|${packet.destination}|${packet.destinationPort}`) & 0xffff;
}

/** The TCP timestamp clock of the sender of `packet` (milliseconds, offset per connection). */
export function timestamp(packet: Packet, nowMs: number): number {
  return (hash(`ts|${packet.source}|${packet.destination}`) + nowMs) >>> 0;
}

export function synSegment(syn: Packet, nowMs: number): TcpSegment {
  return { seq: initialSequence(syn), ack: 0, window: SYN_WINDOW, tsVal: timestamp(syn, nowMs), tsEcr: 0 };
}

/** The SYN-ACK a listener answers `syn` with, or the RST a closed port answers (tcp_v4_send_reset: seq 0, ack the SYN's + 1, no options). */
export function answerSegment(syn: Packet, answer: Packet, kind: 'syn-ack' | 'rst', nowMs: number): TcpSegment {
  const acked = ((syn.segment?.seq ?? initialSequence(syn)) + 1) >>> 0;
  if (kind === 'rst') return { seq: 0, ack: acked, window: 0, tsVal: 0, tsEcr: 0 };
  return {
    seq: initialSequence(answer),
    ack: acked,
    window: SYN_ACK_WINDOW,
    tsVal: timestamp(answer, nowMs),
    tsEcr: syn.segment?.tsVal ?? 0,
  };
}

/**
 * Numbers the segments after the handshake: each side's next sequence number
 * moves by the bytes it sent (and one for its FIN), each acknowledges what it has
 * received from the other.
 */
export class SegmentCounter {
  private client: number;
  private server: number;
  private clientAcked: number;
  private serverAcked: number;

  constructor(
    private readonly syn: Packet,
    private readonly serverSide: Packet,
    private readonly nowMs: number,
  ) {
    this.client = (initialSequence(syn) + 1) >>> 0;
    this.server = (initialSequence(serverSide) + 1) >>> 0;
    this.clientAcked = this.server;
    this.serverAcked = this.client;
  }

  fromClient(kind: TcpKind, payload: number): TcpSegment {
    const segment = {
      seq: this.client,
      ack: this.clientAcked,
      window: CLIENT_WINDOW,
      tsVal: timestamp(this.syn, this.nowMs),
      tsEcr: timestamp(this.serverSide, this.nowMs),
    };
    this.client = (this.client + payload + (kind === 'fin' ? 1 : 0)) >>> 0;
    return segment;
  }

  fromServer(kind: TcpKind, payload: number): TcpSegment {
    const segment = {
      seq: this.server,
      ack: this.serverAcked,
      window: SERVER_WINDOW,
      tsVal: timestamp(this.serverSide, this.nowMs),
      tsEcr: timestamp(this.syn, this.nowMs),
    };
    this.server = (this.server + payload + (kind === 'fin' ? 1 : 0)) >>> 0;
    return segment;
  }

  /** What the client has received so far: the server's data and FIN. */
  clientReceives(upTo: TcpSegment, payload: number, kind: TcpKind): void {
    this.clientAcked = (upTo.seq + payload + (kind === 'fin' ? 1 : 0)) >>> 0;
  }

  serverReceives(upTo: TcpSegment, payload: number, kind: TcpKind): void {
    this.serverAcked = (upTo.seq + payload + (kind === 'fin' ? 1 : 0)) >>> 0;
  }
}
