import type { SeededRandom } from '../random';
import { replySize } from '../wire/dns';
import type { DnsQuestion, DnsReply, NameService } from './name-resolution';

/** How a query goes out: over UDP or TCP, with an EDNS OPT record (dig's default) or without (nslookup, BusyBox). */
export interface QueryOptions {
  readonly tcp: boolean;
  readonly edns: boolean;
}

/** One exchange with a DNS server, as dig and nslookup report it. */
export interface DnsExchange {
  readonly server: string;
  readonly question: DnsQuestion;
  /** The message ID of the query, from the seeded random source. */
  readonly id: number;
  readonly reply: DnsReply | 'unreachable';
  /** Size of the reply on the wire (dig's MSG SIZE rcvd). */
  readonly size: number;
  readonly options: QueryOptions;
}

function withoutOpt(reply: DnsReply): DnsReply {
  const { ednsUdpSize: _dropped, ...rest } = reply;
  return rest;
}

const PLAIN_UDP: QueryOptions = { tcp: false, edns: false };

/** Asks `server` one question, as dig and nslookup do (a query with a random ID). */
export function queryServer(
  service: NameService,
  server: string,
  question: DnsQuestion,
  random: SeededRandom,
  options: QueryOptions = PLAIN_UDP,
): DnsExchange {
  const id = random.int(0, 65535);
  const reply = service.query(server, question);
  // A server answers with an OPT record only to a query that had one (RFC 6891 7).
  const answered = reply === 'unreachable' || options.edns ? reply : withoutOpt(reply);
  return {
    server,
    question,
    id,
    reply: answered,
    size: answered === 'unreachable' ? 0 : replySize(question, answered, options.edns),
    options,
  };
}
