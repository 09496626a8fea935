import type { DnsExchange } from '../userland/dns-query';
import { recordData, type DnsRecord } from '../wire/dns';

/** One lookup host made: the name as it was asked (the typed word for the first), and what came back. */
export interface HostLookup {
  readonly typed: string;
  readonly exchange: DnsExchange;
}

/** host.c rtypes[]: the words each type is said with; any other is `has TYPE record`. */
const SAID: Readonly<Record<DnsRecord['type'], string>> = {
  A: 'has address',
  NS: 'name server',
  CNAME: 'is an alias for',
  PTR: 'domain name pointer',
  MX: 'mail is handled by',
  AAAA: 'has IPv6 address',
};

/**
 * host's short form (host.c printmessage, printsection, say_message): each
 * answer as `OWNER WORDS DATA`, the owner without its final dot
 * (dns_name_format), the data as master files write it (with its dot);
 * a failed lookup as `Host NAME not found: RCODE(TEXT)`, NAME as typed for
 * NXDOMAIN. With -t, an empty answer is `NAME has no TYPE record`.
 */
export function formatHostLookups(lookups: readonly HostLookup[], defaultLookups: boolean): string {
  return lookups
    .map(({ typed, exchange }) => {
      const reply = exchange.reply;
      if (reply === 'unreachable') return '';
      if (reply.status !== 'NOERROR') {
        const code = reply.status === 'NXDOMAIN' ? 3 : 2;
        const name = reply.status === 'NXDOMAIN' ? typed : exchange.question.name.replace(/\.$/, '');
        return `Host ${name} not found: ${code}(${reply.status})\n`;
      }
      if (reply.answers.length === 0)
        return defaultLookups
          ? ''
          : `${exchange.question.name.replace(/\.$/, '')} has no ${exchange.question.type} record\n`;
      return reply.answers
        .map((record) => `${record.name.replace(/\.$/, '')} ${SAID[record.type]} ${recordData(record)}\n`)
        .join('');
    })
    .join('');
}

/** printmessage's banner for a server given on the command line: its name as typed, its address and port. */
export function formatHostServer(typed: string, address: string): string {
  return `Using domain server:\nName: ${typed}\nAddress: ${address}#53\nAliases: \n\n`;
}
