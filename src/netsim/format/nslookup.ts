import { recordData, type DnsRecord } from '../wire/dns';
import type { DnsExchange } from '../userland/dns-query';

/** Which nslookup: BIND's (bind9-dnsutils) or BusyBox's applet. */
export type NslookupDialect = 'bind' | 'busybox';

/** dns_name_format and BusyBox's dn_expand: names without the root's dot. */
const bare = (name: string) => name.replace(/\.$/, '');

/** nslookup.c rtypetext[]: the words before each type's data. */
const BIND_TYPE_TEXT: Readonly<Record<DnsRecord['type'], string>> = {
  A: 'internet address = ',
  NS: 'nameserver = ',
  CNAME: 'canonical name = ',
  PTR: 'name = ',
  MX: 'mail exchanger = ',
  AAAA: 'has AAAA address ',
};

/** BIND nslookup.c printsection(): addresses as Name/Address pairs, anything else as `owner<TAB>text data`. */
function bindRecord(record: DnsRecord): string[] {
  if (record.type === 'A' || record.type === 'AAAA')
    return [`Name:\t${bare(record.name)}`, `Address: ${recordData(record)}`];
  return [`${bare(record.name)}\t${BIND_TYPE_TEXT[record.type]}${recordData(record)}`];
}

/** One lookup of BIND's nslookup: the exchange and how it came to be asked. */
export interface BindLookup {
  readonly exchange: DnsExchange;
  /** No -type given: nslookup's own A (or PTR) then AAAA pair. */
  readonly defaultLookups: boolean;
}

/**
 * BIND 9.20 nslookup.c printmessage() for each lookup, then main()'s final
 * puts(""). The server block comes with an A lookup or any explicit -type;
 * `Non-authoritative answer:` likewise. With default lookups an empty A answer
 * is quiet, and only an empty AAAA after it says `*** Can't find`. Types other
 * than A and AAAA add an (empty, from a forwarder) authoritative section.
 */
export function formatBindNslookup(lookups: readonly BindLookup[]): string {
  const lines: string[] = [];
  let aNoAnswer = false;
  for (const { exchange, defaultLookups } of lookups) {
    const reply = exchange.reply;
    if (reply === 'unreachable') continue;
    const type = exchange.question.type;
    if (!defaultLookups || type === 'A')
      lines.push(`Server:\t\t${exchange.server}`, `Address:\t${exchange.server}#53`, '');
    if (reply.status !== 'NOERROR') {
      lines.push(`** server can't find ${bare(exchange.question.name)}: ${reply.status}`);
      continue;
    }
    if (!defaultLookups || type === 'A') lines.push('Non-authoritative answer:');
    if (reply.answers.length > 0) lines.push(...reply.answers.flatMap(bindRecord));
    else if (defaultLookups && type === 'A') aNoAnswer = true;
    else if (!defaultLookups || (type === 'AAAA' && aNoAnswer))
      lines.push(`*** Can't find ${bare(exchange.question.name)}: No answer`);
    if (type !== 'A' && type !== 'AAAA') lines.push('', 'Authoritative answers can be found from:');
  }
  return `${lines.join('\n')}\n\n`;
}

/** BusyBox parse_reply(): the same words as BIND for addresses, CNAME, PTR, NS and MX. */
function busyboxRecord(record: DnsRecord): string[] {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return [`Name:\t${bare(record.name)}`, `Address: ${recordData(record)}`];
    case 'MX':
      return [`${bare(record.name)}\tmail exchanger = ${record.preference} ${bare(record.target)}`];
    case 'CNAME':
      return [`${bare(record.name)}\tcanonical name = ${bare(record.target)}`];
    case 'NS':
      return [`${bare(record.name)}\tnameserver = ${bare(record.target)}`];
    case 'PTR':
      return [`${bare(record.name)}\tname = ${bare(record.target)}`];
  }
}

/**
 * BusyBox networking/nslookup.c: the server block on the first reply
 * (`addr:53`), then each query's reply in turn, each followed by an empty
 * line: its `** server can't find` line, or `Non-authoritative answer:` (even
 * when empty) and its records.
 */
export function formatBusyboxNslookup(exchanges: readonly DnsExchange[]): string {
  const server = exchanges[0]!.server;
  const lines = [`Server:\t\t${server}`, `Address:\t${server}:53`, ''];
  for (const exchange of exchanges) {
    const reply = exchange.reply;
    if (reply === 'unreachable') continue;
    if (reply.status !== 'NOERROR')
      lines.push(`** server can't find ${bare(exchange.question.name)}: ${reply.status}`, '');
    else lines.push('Non-authoritative answer:', ...reply.answers.flatMap(busyboxRecord), '');
  }
  return `${lines.join('\n')}\n`;
}
