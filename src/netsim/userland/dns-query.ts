import type { SeededRandom } from '../random';
import type { DnsQuestion, DnsReply, NameService } from './name-resolution';

/** One exchange with a DNS server, as dig and nslookup report it. */
export interface DnsExchange {
  readonly server: string;
  readonly question: DnsQuestion;
  /** The message ID of the query, from the seeded random source. */
  readonly id: number;
  readonly reply: DnsReply | 'unreachable';
  /** Size of the reply on the wire (dig's MSG SIZE rcvd). */
  readonly size: number;
}

/** A name's length on the wire (RFC 1035 3.1): one length byte per label, and the root's zero. */
export function wireLength(name: string): number {
  const labels = name.replace(/\.$/, '').split('.').filter(Boolean);
  return labels.reduce((total, label) => total + 1 + label.length, 1);
}

/**
 * The reply's size: header, question, answers. The embedded DNS server answers
 * with miekg/dns's Compress off (libnetwork resolver.go sets it only on forwarded
 * replies), so each answer repeats its owner name in full.
 */
function replySize(question: DnsQuestion, reply: DnsReply): number {
  const answers = reply.answers.reduce((total, record) => total + wireLength(record.name) + 10 + (record.type === 'A' ? 4 : wireLength(record.target)), 0);
  return 12 + wireLength(question.name) + 4 + answers;
}

/** Asks `server` one question, as dig and nslookup do (a UDP query with a random ID). */
export function queryServer(service: NameService, server: string, question: DnsQuestion, random: SeededRandom): DnsExchange {
  const id = random.int(0, 65535);
  const reply = service.query(server, question);
  return { server, question, id, reply, size: reply === 'unreachable' ? 0 : replySize(question, reply) };
}
