import type { ArpMessage, Frame, PacketType } from '../wire/frame';
import { formatIpv4 } from '../wire/ipv4';
import type { Packet } from '../wire/packet';
import { encodePacket, onesSum, pseudoHeaderSum } from '../wire/packet-bytes';
import { serviceName } from './services';

/**
 * tcpdump 4.99's text (Debian 13: tcpdump 4.99.5, libpcap 1.10.5). Each piece
 * names the function of the tcpdump source that prints it.
 */
export interface TcpdumpDisplay {
  /** -n: numbers, not names (ports through /etc/services: tcpport_string). */
  readonly numeric: boolean;
  /** -e: the link-level header. */
  readonly linkHeader: boolean;
  /** The "any" device: Linux cooked v2 headers (sll2_if_print), each line naming its device and direction. */
  readonly cooked: boolean;
  /** -v, -vv: 1 or 2 (the IP header decode, TCP checksums, text protocols line by line); 0 without. */
  readonly verbose?: number;
  /** -A: each packet after its line, in ASCII. */
  readonly ascii?: boolean;
}

/** tcpdump.c main(): what a live capture says on stderr before the first packet. */
export function formatListening(device: string, cooked: boolean, quiet = true): string {
  const linkType = cooked ? 'LINUX_SLL2 (Linux cooked v2)' : 'EN10MB (Ethernet)';
  // Without -v (nor -w, which prints no packets), tcpdump.c says how to get more.
  const hint = quiet ? 'tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n' : '';
  return `${hint}${quiet ? '' : 'tcpdump: '}listening on ${device}, link-type ${linkType}, snapshot length 262144 bytes\n`;
}

/** tcpdump.c main, reading a file: "reading from file %s, link-type %s (%s), snapshot length %d". */
export function formatReading(path: string): string {
  return `reading from file ${path}, link-type EN10MB (Ethernet), snapshot length 262144\n`;
}

/**
 * pcap-linux.c pcap_activate_linux: the "any" device cannot be promiscuous, and
 * says so as a warning, which tcpdump.c open_interface prints with warning():
 * "%s: %s\n(%s)" of the device, pcap_statustostr and the error buffer.
 */
export const ANY_PROMISCUOUS_WARNING =
  'tcpdump: WARNING: any: That device doesn\'t support promiscuous mode\n(Promiscuous mode not supported on the "any" device)\n';

/** A device as pcap_findalldevs reports it (pcap_if_t's flags). */
export interface CaptureDevice {
  readonly name: string;
  readonly description?: string;
  readonly up: boolean;
  readonly running: boolean;
  readonly loopback: boolean;
  readonly wireless?: boolean;
  readonly connection: 'connected' | 'disconnected' | 'not-applicable';
}

/**
 * tcpdump.c show_devices_and_exit: "%d.%s", the description in parentheses,
 * then the flags (bittok2str of Up, Running, Loopback, Wireless, "none" for
 * none) and the connection status, in brackets.
 */
export function formatDevices(devices: readonly CaptureDevice[]): string {
  return devices
    .map((device, index) => {
      const bits = [
        ...(device.up ? ['Up'] : []),
        ...(device.running ? ['Running'] : []),
        ...(device.loopback ? ['Loopback'] : []),
        ...(device.wireless ? ['Wireless'] : []),
      ];
      const status =
        device.connection === 'connected'
          ? ', Connected'
          : device.connection === 'disconnected'
            ? ', Disconnected'
            : '';
      const description = device.description === undefined ? '' : ` (${device.description})`;
      return `${index + 1}.${device.name}${description} [${bits.length > 0 ? bits.join(', ') : 'none'}${status}]\n`;
    })
    .join('');
}

/** tcpdump.c info(1): one statistic a line, PLURAL_SUFFIX on each count. */
export function formatStatistics(captured: number, received: number): string {
  const plural = (count: number) => (count === 1 ? '' : 's');
  return `${captured} packet${plural(captured)} captured\n${received} packet${plural(received)} received by filter\n0 packets dropped by kernel\n`;
}

/** ts_date_hmsfrac_format: local time (the host's zone is UTC) to the microsecond. */
function formatTime(timeUs: number): string {
  const date = new Date(Math.floor(timeUs / 1000));
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${String(timeUs % 1_000_000).padStart(6, '0')}`;
}

/** sll_pkttype_values in print-sll.c. */
const DIRECTION: Readonly<Record<PacketType, string>> = { host: 'In', broadcast: 'B', otherhost: 'P', outgoing: 'Out' };

/** tcp_flag_values in print-tcp.c, in their bit order (FIN, SYN, RST, PUSH, ACK). */
const TCP_FLAGS: Readonly<Record<NonNullable<Packet['tcp']>, string>> = {
  syn: 'S',
  'syn-ack': 'S.',
  ack: '.',
  data: 'P.',
  fin: 'F.',
  rst: 'R.',
};

/**
 * The lines of a capture, in order. tcpdump numbers a TCP connection's sequence
 * numbers from its SYN on (print-tcp.c tcp_seq_hash): absolute on the SYN and
 * SYN-ACK, relative to them afterwards; `relative` carries that state along.
 */
export function formatFrames(
  frames: readonly Frame[],
  display: TcpdumpDisplay,
  relative: Map<string, number> = new Map(),
): string {
  return frames
    .map(
      (frame) =>
        `${formatTime(frame.timeUs)} ${linkPart(frame, display)}${payloadPart(frame, display, relative)}${display.ascii ? asciiPrint(frame) : ''}\n`,
    )
    .join('');
}

/**
 * print-ascii.c ascii_print, for -A: a newline, then the packet after its link
 * header, graphic characters, blanks, tabs and newlines as they are, a CR
 * before a LF left out, any other byte as a dot.
 */
function asciiPrint(frame: Frame): string {
  const bytes = frame.bytes
    ? frame.bytes.subarray(14)
    : frame.payload.kind === 'ip'
      ? encodePacket(frame.payload.packet)
      : new Uint8Array(28);
  let text = '\n';
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at]!;
    const left = bytes.length - at - 1;
    if (byte === 0x0d) {
      if (left > 1 && bytes[at + 1] !== 0x0a) text += '.';
    } else
      text +=
        (byte >= 0x21 && byte <= 0x7e) || byte === 0x09 || byte === 0x20 || byte === 0x0a
          ? String.fromCharCode(byte)
          : '.';
  }
  return text;
}

/** The bytes the capture saw: an Ethernet header (14) or a cooked v2 one (20), then the packet or the ARP message (28). */
function frameLength(frame: Frame, cooked: boolean): number {
  return (cooked ? 20 : 14) + (frame.payload.kind === 'ip' ? frame.payload.packet.length : 28);
}

function linkPart(frame: Frame, display: TcpdumpDisplay): string {
  const etherType = frame.payload.kind === 'ip' ? 'IPv4 (0x0800)' : 'ARP (0x0806)';
  if (display.cooked) {
    // sll2_if_print: "%-5s " the device, "%-3s " the direction; -e adds sll2_print's fields.
    const head = `${frame.device.padEnd(5)} ${DIRECTION[frame.packetType].padEnd(3)} `;
    if (!display.linkHeader) return head;
    return `${head}ifindex ${frame.ifindex} ${frame.sourceMac} ethertype ${etherType}, length ${frameLength(frame, true)}: `;
  }
  // ether_common_print: "%s > %s, " then the ethertype and ", length %u: ".
  if (display.linkHeader)
    return `${frame.sourceMac} > ${frame.destinationMac}, ethertype ${etherType}, length ${frameLength(frame, false)}: `;
  return '';
}

function payloadPart(frame: Frame, display: TcpdumpDisplay, relative: Map<string, number>): string {
  // ip_print and arp_print name their protocol unless -e already did.
  const name = (protocol: string) => (display.linkHeader ? '' : `${protocol} `);
  if (frame.payload.kind === 'arp') return `${display.linkHeader ? '' : 'ARP, '}${formatArp(frame.payload.arp)}`;
  return `${name('IP')}${ipHeader(frame.payload.packet, display)}${formatIp(frame.payload.packet, display, relative)}`;
}

const PROTOCOL_NAMES = { icmp: 'ICMP (1)', tcp: 'TCP (6)', udp: 'UDP (17)' } as const;

/** ip_print with -v: the header's fields in parentheses, then the addresses on a line of their own. */
function ipHeader(packet: Packet, display: TcpdumpDisplay): string {
  if (!display.verbose) return '';
  const flags = packet.dontFragment === false ? 'none' : 'DF';
  return `(tos 0x0, ttl ${packet.ttl}, id ${packet.ipId ?? 0}, offset 0, flags [${flags}], proto ${PROTOCOL_NAMES[packet.protocol]}, length ${packet.length})\n    `;
}

/** arp_print: "Request who-has TPA tell SPA" and "Reply SPA is-at SHA", then the message's length (28). */
function formatArp(arp: ArpMessage): string {
  if (arp.operation === 'request')
    return `Request who-has ${formatIpv4(arp.targetAddress)} tell ${formatIpv4(arp.senderAddress)}, length 28`;
  return `Reply ${formatIpv4(arp.senderAddress)} is-at ${arp.senderMac}, length 28`;
}

function formatIp(packet: Packet, display: TcpdumpDisplay, relative: Map<string, number>): string {
  const source = formatIpv4(packet.source);
  const destination = formatIpv4(packet.destination);
  const payload = packet.length - 20;
  if (packet.protocol === 'icmp') return `${source} > ${destination}: ${formatIcmp(packet, payload)}`;
  const port = (value: number) => (display.numeric ? String(value) : serviceName(value));
  const ends = `${source}.${port(packet.sourcePort)} > ${destination}.${port(packet.destinationPort)}: `;
  // udpipaddr_print and udp_print: "UDP, length %u" for a payload tcpdump does not decode.
  if (packet.protocol === 'udp') return `${ends}UDP, length ${payload - 8}`;
  return ends + formatTcp(packet, relative, display.verbose ?? 0);
}

/** icmp_print: "ICMP %s, length %u", the length being the ICMP message's (the IP payload). */
function formatIcmp(packet: Packet, length: number): string {
  // print-icmp.c: ICMP_TIMXCEED code 0 is "time exceeded in-transit"; ICMP_UNREACH_PORT names the quoted datagram's
  // destination and UDP port ("%s udp port %s unreachable").
  if (packet.icmp === 'time-exceeded') return `ICMP time exceeded in-transit, length ${length}`;
  if (packet.icmp === 'port-unreachable' && packet.quoted)
    return `ICMP ${formatIpv4(packet.quoted.destination)} udp port ${packet.quoted.destinationPort} unreachable, length ${length}`;
  const echo = packet.icmp === 'echo-reply' ? 'reply' : 'request';
  return `ICMP echo ${echo}, id ${packet.sourcePort}, seq ${packet.icmpSequence ?? 0}, length ${length}`;
}

/**
 * tcp_print: "Flags [%s]", then seq (with ":end" when there is data) for data,
 * SYN, FIN and RST, ack when ACK is set, win, options, "length %u".
 */
function formatTcp(packet: Packet, relative: Map<string, number>, verbose: number): string {
  const kind = packet.tcp ?? 'ack';
  const segment = packet.segment;
  const dataLength = Math.max(
    0,
    packet.length - (kind === 'syn' || kind === 'syn-ack' ? 60 : kind === 'rst' ? 40 : 52),
  );
  const parts = [`Flags [${TCP_FLAGS[kind]}]`];
  if (verbose > 0) parts.push(tcpChecksum(packet));
  if (segment) {
    const key = `${packet.source}.${packet.sourcePort}>${packet.destination}.${packet.destinationPort}`;
    const reverse = `${packet.destination}.${packet.destinationPort}>${packet.source}.${packet.sourcePort}`;
    const synLike = kind === 'syn' || kind === 'syn-ack';
    if (synLike) {
      relative.set(key, segment.seq);
      if (kind === 'syn-ack') relative.set(reverse, (segment.ack - 1) >>> 0);
    }
    const ownBase = synLike ? 0 : (relative.get(key) ?? 0);
    const peerBase = synLike ? 0 : (relative.get(reverse) ?? 0);
    const seq = (segment.seq - ownBase) >>> 0;
    const ack = (segment.ack - peerBase) >>> 0;
    if (dataLength > 0 || kind === 'syn' || kind === 'syn-ack' || kind === 'fin' || kind === 'rst')
      parts.push(`seq ${seq}${dataLength > 0 ? `:${(seq + dataLength) >>> 0}` : ''}`);
    if (kind !== 'syn') parts.push(`ack ${ack}`);
    parts.push(`win ${segment.window}`);
    const options = tcpOptions(kind, segment.tsVal, segment.tsEcr, segment.windowScale ?? 7);
    if (options) parts.push(`options [${options}]`);
  }
  parts.push(`length ${dataLength}`);
  return parts.join(', ') + httpPart(packet, dataLength, verbose);
}

/**
 * tcp_print's checksum with -v: the field, and whether it sums right; a device
 * that fills it in later (CHECKSUM_PARTIAL) shows "(incorrect -> 0x%04x)".
 */
function tcpChecksum(packet: Packet): string {
  const bytes = encodePacket(packet);
  const stored = (bytes[36]! << 8) | bytes[37]!;
  bytes[36] = 0;
  bytes[37] = 0;
  const correct = ~onesSum(bytes, 20, bytes.length, pseudoHeaderSum(packet, packet.length - 20)) & 0xffff;
  const hex = (value: number) => `0x${value.toString(16).padStart(4, '0')}`;
  return `cksum ${hex(stored)} ${stored === correct ? '(correct)' : `(incorrect -> ${hex(correct)})`}`;
}

/** HTTP's methods that print-http.c's txtproto_print takes a line for a request by. */
const HTTP_METHODS = [
  'GET',
  'PUT',
  'COPY',
  'HEAD',
  'LOCK',
  'MOVE',
  'POLL',
  'POST',
  'BCOPY',
  'BMOVE',
  'MKCOL',
  'TRACE',
  'LABEL',
  'MERGE',
  'DELETE',
  'SEARCH',
  'UNLOCK',
  'REPORT',
  'UPDATE',
  'NOTIFY',
  'BDELETE',
  'CONNECT',
  'OPTIONS',
  'CHECKIN',
  'PROPFIND',
  'CHECKOUT',
  'CHECKOUT',
  'BPROPFIND',
  'BPROPPATCH',
  'PROPPATCH',
  'SUBSCRIBE',
  'MKWORKSPACE',
  'UNSUBSCRIBE',
  'UNCHECKOUT',
  'BASELINE-CONTROL',
  'VERSION-CONTROL',
  'MKACTIVITY',
];

/**
 * http_print (print-http.c, txtproto_print) for data to or from port 80: ": HTTP",
 * then a request or status line; with -v ", length: %u" and each line after a
 * newline and a tab.
 */
function httpPart(packet: Packet, dataLength: number, verbose: number): string {
  if (dataLength === 0 || (packet.sourcePort !== 80 && packet.destinationPort !== 80)) return '';
  const text = packet.payload;
  // A response's bytes are not kept (only their size): its line is not shown.
  if (text === undefined) return '';
  const first = text.split('\r\n')[0]!;
  const [word = '', second = ''] = first.split(' ');
  const request = HTTP_METHODS.includes(word) && second !== '';
  const response = /^HTTP\/\d\.\d$/.test(word);
  // A segment that starts mid-message (the rest of a body) is only named.
  if (!request && !response) return ': HTTP';
  if (verbose === 0) return `: HTTP: ${first}`;
  const lines = text.split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  return `: HTTP, length: ${dataLength}${lines.map((line) => `\n\t${line}`).join('')}`;
}

/**
 * The options Linux sends (tcp_syn_options, tcp_established_options): on a SYN,
 * MSS, SACK-permitted with timestamps, a NOP and the window scale; afterwards
 * two NOPs and timestamps; none on a RST answering a SYN (tcp_v4_send_reset).
 */
function tcpOptions(
  kind: NonNullable<Packet['tcp']>,
  tsVal: number,
  tsEcr: number,
  windowScale: number,
): string | undefined {
  if (kind === 'rst') return undefined;
  if (kind === 'syn' || kind === 'syn-ack')
    return `mss 1460,sackOK,TS val ${tsVal} ecr ${tsEcr},nop,wscale ${windowScale}`;
  return `nop,nop,TS val ${tsVal} ecr ${tsEcr}`;
}
