import type { Frame } from './frame';
import { macFromBytes, type Mac } from './mac';
import type { IcmpKind, Packet, TcpKind } from './packet';
import { ipv4At } from './packet-bytes';

/**
 * A frame read back from its bytes (tcpdump -r): the Ethernet header, then an
 * IPv4 packet or an ARP message, into the records tcpdump's printer reads. The
 * bytes stay with it, for -A. What the records cannot hold is left out.
 */
export function decodeFrame(bytes: Uint8Array, timeUs: number): Frame | undefined {
  if (bytes.length < 14) return undefined;
  const mac = (at: number) => macFromBytes([...bytes.subarray(at, at + 6)]);
  const etherType = (bytes[12]! << 8) | bytes[13]!;
  const base = {
    timeUs,
    namespace: 0,
    ifindex: 0,
    device: '',
    packetType: 'host' as const,
    promiscuousOnly: false,
    destinationMac: mac(0),
    sourceMac: mac(6),
    bytes,
  };
  if (etherType === 0x0806 && bytes.length >= 42) {
    const operation = bytes[21] === 1 ? ('request' as const) : ('reply' as const);
    return {
      ...base,
      payload: {
        kind: 'arp',
        arp: {
          operation,
          senderMac: mac(22) as Mac,
          senderAddress: ipv4At(bytes, 28),
          targetAddress: ipv4At(bytes, 38),
        },
      },
    };
  }
  if (etherType !== 0x0800) return undefined;
  const packet = decodePacket(bytes.subarray(14));
  return packet && { ...base, payload: { kind: 'ip', packet } };
}

const TCP_KINDS: Readonly<Record<number, TcpKind>> = {
  0x02: 'syn',
  0x12: 'syn-ack',
  0x10: 'ack',
  0x18: 'data',
  0x11: 'fin',
  0x14: 'rst',
  0x04: 'rst',
};
const ICMP_KINDS: Readonly<Record<string, IcmpKind>> = {
  '8/0': 'echo-request',
  '0/0': 'echo-reply',
  '3/3': 'port-unreachable',
  '11/0': 'time-exceeded',
};

export function decodePacket(bytes: Uint8Array): Packet | undefined {
  if (bytes.length < 20 || bytes[0]! >> 4 !== 4) return undefined;
  const headerLength = (bytes[0]! & 0x0f) * 4;
  const u16 = (at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
  const u32 = (at: number) => ((u16(at) << 16) | u16(at + 2)) >>> 0;
  const protocol = bytes[9] === 1 ? 'icmp' : bytes[9] === 6 ? 'tcp' : bytes[9] === 17 ? 'udp' : undefined;
  if (!protocol) return undefined;
  const length = u16(2);
  const at = headerLength;
  const common = {
    protocol,
    source: ipv4At(bytes, 12),
    destination: ipv4At(bytes, 16),
    length,
    ttl: bytes[8]!,
    ipId: u16(4),
    dontFragment: (bytes[6]! & 0x40) !== 0,
  } as const;
  const text = (from: number) => String.fromCharCode(...bytes.subarray(from, length));
  if (protocol === 'icmp') {
    const icmp = ICMP_KINDS[`${bytes[at]}/${bytes[at + 1]}`];
    if (icmp === 'echo-request' || icmp === 'echo-reply')
      return {
        ...common,
        icmp,
        sourcePort: u16(at + 4),
        destinationPort: u16(at + 4),
        icmpSequence: u16(at + 6),
        payload: text(at + 8),
      };
    const quoted = decodePacket(bytes.subarray(at + 8, length));
    if (icmp === undefined) return undefined;
    return { ...common, icmp, sourcePort: 0, destinationPort: 0, ...(quoted ? { quoted } : {}) };
  }
  const ports = { sourcePort: u16(at), destinationPort: u16(at + 2) };
  if (protocol === 'udp') return { ...common, ...ports, payload: text(at + 8) };
  const dataAt = at + (bytes[at + 12]! >> 4) * 4;
  const options = bytes.subarray(at + 20, dataAt);
  const timestamps = findOption(options, 8);
  const scale = findOption(options, 3);
  return {
    ...common,
    ...ports,
    tcp: TCP_KINDS[bytes[at + 13]!] ?? 'ack',
    segment: {
      seq: u32(at + 4),
      ack: u32(at + 8),
      window: u16(at + 14),
      tsVal: timestamps
        ? ((timestamps[0]! << 24) | (timestamps[1]! << 16) | (timestamps[2]! << 8) | timestamps[3]!) >>> 0
        : 0,
      tsEcr: timestamps
        ? ((timestamps[4]! << 24) | (timestamps[5]! << 16) | (timestamps[6]! << 8) | timestamps[7]!) >>> 0
        : 0,
      ...(scale ? { windowScale: scale[0]! } : {}),
    },
    ...(length > dataAt ? { payload: text(dataAt) } : {}),
  };
}

/** A TCP option's data by its kind: NOP (1) is one byte, the others kind, length, data. */
function findOption(options: Uint8Array, kind: number): Uint8Array | undefined {
  for (let at = 0; at < options.length;) {
    const current = options[at]!;
    if (current === 0) return undefined;
    if (current === 1) {
      at++;
      continue;
    }
    const length = options[at + 1] ?? 2;
    if (current === kind) return options.subarray(at + 2, at + length);
    at += Math.max(length, 2);
  }
  return undefined;
}
