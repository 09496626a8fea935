import { formatIpv4, parseIpv4, type Ipv4 } from './ipv4';
import { formatIpv6, parseIpv6 } from './ipv6';

/** The record types netsim's resolvers know (RFC 1035 3.2.2, RFC 3596 for AAAA). */
export const DNS_TYPES = ['A', 'NS', 'CNAME', 'PTR', 'MX', 'AAAA'] as const;
export type DnsType = (typeof DNS_TYPES)[number];

export const isDnsType = (type: string): type is DnsType => (DNS_TYPES as readonly string[]).includes(type);

/** One resource record of an answer; names are absolute (`google.com.`). */
export type DnsRecord =
  | { readonly type: 'A'; readonly name: string; readonly ttl: number; readonly address: Ipv4 }
  /** An IPv6 address as RFC 5952 writes it (what dig and inet_ntop print). */
  | { readonly type: 'AAAA'; readonly name: string; readonly ttl: number; readonly address: string }
  | { readonly type: 'CNAME' | 'PTR' | 'NS'; readonly name: string; readonly ttl: number; readonly target: string }
  | {
      readonly type: 'MX';
      readonly name: string;
      readonly ttl: number;
      readonly preference: number;
      readonly target: string;
    };

/** One question. */
export interface DnsQuestion {
  readonly name: string;
  readonly type: DnsType;
}

/** What a DNS server sends back: its RCODE, its answer section, and how it writes the message. */
export interface DnsReply {
  readonly status: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';
  readonly answers: readonly DnsRecord[];
  /**
   * The UDP size of the OPT record the server adds when the query had one
   * (RFC 6891 6.2.3); undefined: the server sends none (Docker's own answers).
   */
  readonly ednsUdpSize?: number;
  /** Whether the server compresses names (RFC 1035 4.1.4): real servers do; Docker's own answers do not. */
  readonly compressed: boolean;
  /** RA: false in the SERVFAIL Docker makes when no upstream answered (miekg/dns SetRcode). */
  readonly recursionAvailable: boolean;
  /** Milliseconds from query to answer: a recursive resolver asks the internet. */
  readonly elapsedMs: number;
}

/** The data of a record as dig and master files write it (RFC 1035 5.1). */
export function recordData(record: DnsRecord): string {
  switch (record.type) {
    case 'A':
      return formatIpv4(record.address);
    case 'AAAA':
      return record.address;
    case 'MX':
      return `${record.preference} ${record.target}`;
    default:
      return record.target;
  }
}

/** `name.` for `name`: names in records are absolute. */
export const absolute = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

/** in-addr.arpa name of an address (RFC 1035 3.5): 172.18.0.3 -> 3.0.18.172.in-addr.arpa. */
export function reverseName(address: Ipv4): string {
  return `${formatIpv4(address).split('.').reverse().join('.')}.in-addr.arpa`;
}

/** ip6.arpa name of an IPv6 address (RFC 3596 2.5): its 32 nibbles, last first. */
export function reverseName6(address: string): string {
  const value = parseIpv6(address)!;
  return `${value.toString(16).padStart(32, '0').split('').reverse().join('.')}.ip6.arpa`;
}

/** The IPv6 address an ip6.arpa name stands for, if it is one, as RFC 5952 text. */
export function address6OfReverseName(name: string): string | undefined {
  const nibbles = /^((?:[0-9a-f]\.){32})ip6\.arpa\.?$/i.exec(name)?.[1];
  return nibbles === undefined
    ? undefined
    : formatIpv6(BigInt(`0x${nibbles.split('.').filter(Boolean).reverse().join('')}`));
}

/** The address an in-addr.arpa name stands for, if it is one. */
export function addressOfReverseName(name: string): Ipv4 | undefined {
  const octets = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(name)?.slice(1).reverse();
  return octets && parseIpv4(octets.join('.'));
}

const labelsOf = (name: string) => name.replace(/\.$/, '').split('.').filter(Boolean);

/** A name's length on the wire (RFC 1035 3.1): one length byte per label, and the root's zero. */
export function wireLength(name: string): number {
  return labelsOf(name).reduce((total, label) => total + 1 + label.length, 1);
}

/**
 * Bytes of names written with RFC 1035 4.1.4 compression: a name whose tail
 * was already written ends in a 2-byte pointer to it. Every suffix of every
 * name written becomes a target, as in miekg/dns and BIND's compress.c.
 */
class NameWriter {
  private readonly written = new Set<string>();
  constructor(private readonly compress: boolean) {}
  length(name: string): number {
    const labels = labelsOf(name.toLowerCase());
    if (!this.compress) return wireLength(name);
    let bytes = 0;
    for (let at = 0; at < labels.length; at++) {
      const suffix = labels.slice(at).join('.');
      if (this.written.has(suffix)) return bytes + 2;
      this.written.add(suffix);
      bytes += 1 + labels[at]!.length;
    }
    return bytes + 1;
  }
}

/** RDATA bytes of a record (RFC 1035 3.3, RFC 3596 2.2); the names in CNAME, PTR, NS and MX compress. */
function rdataLength(record: DnsRecord, names: NameWriter): number {
  switch (record.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'MX':
      return 2 + names.length(record.target);
    default:
      return names.length(record.target);
  }
}

/** The reply's size on the wire (dig's MSG SIZE rcvd): header, question, answers, and the OPT record when it has one (11 bytes, no options). */
export function replySize(question: DnsQuestion, reply: DnsReply, withEdns: boolean): number {
  const names = new NameWriter(reply.compressed);
  let size = 12 + names.length(question.name) + 4;
  for (const record of reply.answers) size += names.length(record.name) + 10 + rdataLength(record, names);
  return size + (withEdns && reply.ednsUdpSize !== undefined ? 11 : 0);
}
