import type { ArpMessage, Frame } from './frame';
import type { Ipv4 } from './ipv4';
import type { Mac } from './mac';
import type { Packet } from './packet';

/**
 * A frame's bytes on the wire (RFC 791 IPv4, RFC 793 TCP, RFC 768 UDP, RFC 792
 * ICMP, RFC 826 ARP), for what reads them whole: tcpdump's -A and -w, and the
 * checksums -v verifies. TCP and UDP go out of a Docker host's veth and bridge
 * devices with their checksum left to the device (CHECKSUM_PARTIAL): the field
 * holds the pseudo-header's sum only, which tcpdump reports as incorrect
 * (captured: golden/tools/tcpdump-v-port-80.txt). ICMP is summed by the kernel.
 */

/** The Internet checksum's running sum (RFC 1071), folded to 16 bits, not complemented. */
export function onesSum(bytes: Uint8Array, start = 0, end = bytes.length, initial = 0): number {
  let sum = initial;
  for (let at = start; at < end; at += 2) sum += (bytes[at]! << 8) | (at + 1 < end ? bytes[at + 1]! : 0);
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return sum;
}

const PROTOCOL_NUMBER = { icmp: 1, tcp: 6, udp: 17 } as const;

/** The TCP or UDP pseudo-header's sum: addresses, protocol, the segment's length. */
export function pseudoHeaderSum(packet: Packet, transportLength: number): number {
  const words = [
    packet.source >>> 16,
    packet.source & 0xffff,
    packet.destination >>> 16,
    packet.destination & 0xffff,
    PROTOCOL_NUMBER[packet.protocol],
    transportLength,
  ];
  return onesSum(new Uint8Array(words.flatMap((word) => [word >>> 8, word & 0xff])));
}

class Writer {
  readonly bytes: Uint8Array;
  at = 0;
  constructor(length: number) {
    this.bytes = new Uint8Array(length);
  }
  u8(value: number): this {
    if (this.at < this.bytes.length) this.bytes[this.at] = value & 0xff;
    this.at++;
    return this;
  }
  u16(value: number): this {
    return this.u8(value >>> 8).u8(value);
  }
  u32(value: number): this {
    return this.u16(value >>> 16).u16(value & 0xffff);
  }
  text(value: string): this {
    for (let index = 0; index < value.length; index++) this.u8(value.charCodeAt(index));
    return this;
  }
  mac(value: Mac): this {
    for (const part of value.split(':')) this.u8(parseInt(part, 16));
    return this;
  }
  checksum(at: number, value: number): void {
    this.bytes[at] = value >>> 8;
    this.bytes[at + 1] = value & 0xff;
  }
}

/** An IPv4 packet's bytes, header and all, `packet.length` of them. */
export function encodePacket(packet: Packet): Uint8Array {
  const writer = new Writer(packet.length);
  writer
    .u8(0x45)
    .u8(0)
    .u16(packet.length)
    .u16(packet.ipId ?? 0)
    .u16(packet.dontFragment === false ? 0 : 0x4000)
    .u8(packet.ttl)
    .u8(PROTOCOL_NUMBER[packet.protocol])
    .u16(0)
    .u32(packet.source)
    .u32(packet.destination);
  writer.checksum(10, ~onesSum(writer.bytes, 0, 20) & 0xffff);
  if (packet.protocol === 'tcp') writeTcp(writer, packet);
  else if (packet.protocol === 'udp') writeUdp(writer, packet);
  else writeIcmp(writer, packet);
  return writer.bytes;
}

/** The options Linux sends (tcp_syn_options, tcp_established_options); none on a RST answering a SYN. */
function tcpOptions(packet: Packet): number[] {
  const segment = packet.segment;
  const kind = packet.tcp ?? 'ack';
  if (!segment || kind === 'rst') return [];
  const timestamps = [8, 10, ...u32(segment.tsVal), ...u32(segment.tsEcr)];
  if (kind === 'syn' || kind === 'syn-ack')
    return [2, 4, 0x05, 0xb4, 4, 2, ...timestamps, 1, 3, 3, segment.windowScale ?? 7];
  return [1, 1, ...timestamps];
}

const u32 = (value: number) => [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff];

/** tcp_flag_values' bits: FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10. */
const TCP_FLAG_BITS = { syn: 0x02, 'syn-ack': 0x12, ack: 0x10, data: 0x18, fin: 0x11, rst: 0x14 } as const;

function writeTcp(writer: Writer, packet: Packet): void {
  const start = writer.at;
  const options = tcpOptions(packet);
  const segment = packet.segment;
  writer
    .u16(packet.sourcePort)
    .u16(packet.destinationPort)
    .u32(segment?.seq ?? 0)
    .u32(segment?.ack ?? 0)
    .u8(((20 + options.length) / 4) << 4)
    .u8(TCP_FLAG_BITS[packet.tcp ?? 'ack'])
    .u16(segment?.window ?? 0)
    .u16(0)
    .u16(0);
  for (const byte of options) writer.u8(byte);
  writer.text(packet.payload ?? '');
  writer.checksum(start + 16, pseudoHeaderSum(packet, packet.length - 20));
}

function writeUdp(writer: Writer, packet: Packet): void {
  const start = writer.at;
  writer
    .u16(packet.sourcePort)
    .u16(packet.destinationPort)
    .u16(packet.length - 20)
    .u16(0)
    .text(packet.payload ?? '');
  writer.checksum(start + 6, pseudoHeaderSum(packet, packet.length - 20));
}

/** ICMP types and codes (RFC 792): echo request 8, reply 0, port unreachable 3/3, TTL exceeded in transit 11/0. */
const ICMP_TYPE = {
  'echo-request': [8, 0],
  'echo-reply': [0, 0],
  'port-unreachable': [3, 3],
  'time-exceeded': [11, 0],
} as const;

function writeIcmp(writer: Writer, packet: Packet): void {
  const start = writer.at;
  const [type, code] = ICMP_TYPE[packet.icmp ?? 'echo-request'];
  writer.u8(type).u8(code).u16(0);
  if (packet.quoted) {
    writer.u32(0);
    for (const byte of encodePacket(packet.quoted).slice(0, packet.length - 28)) writer.u8(byte);
  } else {
    writer
      .u16(packet.sourcePort)
      .u16(packet.icmpSequence ?? 0)
      .text(packet.payload ?? echoData(packet.length - 28, packet.echoTimeUs ?? 0));
  }
  writer.checksum(start + 2, ~onesSum(writer.bytes, start, writer.bytes.length) & 0xffff);
}

/**
 * iputils ping's data (ping4_send_probe, ping_common.c): the time it sent at as a
 * struct timeval (two 64-bit little-endian numbers), then each byte its own index.
 */
function echoData(length: number, sentUs: number): string {
  const bytes: number[] = [];
  for (let index = 0; index < length; index++) bytes.push(index & 0xff);
  if (length >= 16) {
    const seconds = Math.floor(sentUs / 1_000_000);
    const micros = sentUs % 1_000_000;
    for (let index = 0; index < 8; index++) {
      bytes[index] = index < 4 ? (seconds >>> (8 * index)) & 0xff : 0;
      bytes[8 + index] = index < 4 ? (micros >>> (8 * index)) & 0xff : 0;
    }
  }
  return String.fromCharCode(...bytes);
}

/** ARP over Ethernet (RFC 826): a request's target hardware address is zeros, a reply's the asker's. */
function encodeArp(arp: ArpMessage, destination: Mac): Uint8Array {
  const writer = new Writer(28);
  writer
    .u16(1)
    .u16(0x0800)
    .u8(6)
    .u8(4)
    .u16(arp.operation === 'request' ? 1 : 2);
  writer.mac(arp.senderMac).u32(arp.senderAddress);
  writer.mac(arp.operation === 'request' ? ('00:00:00:00:00:00' as Mac) : destination).u32(arp.targetAddress);
  return writer.bytes;
}

/** The frame as a packet socket reads it on an Ethernet device: the 14-byte header, then the payload. */
export function encodeFrame(frame: Frame): Uint8Array {
  const payload =
    frame.payload.kind === 'ip'
      ? encodePacket(frame.payload.packet)
      : encodeArp(frame.payload.arp, frame.destinationMac);
  const writer = new Writer(14 + payload.length);
  writer
    .mac(frame.destinationMac)
    .mac(frame.sourceMac)
    .u16(frame.payload.kind === 'ip' ? 0x0800 : 0x0806);
  writer.bytes.set(payload, 14);
  return writer.bytes;
}

/** A dotted quad's number from four bytes. */
export const ipv4At = (bytes: Uint8Array, at: number): Ipv4 =>
  (((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0) as Ipv4;
