import { formatIpv4 } from '../wire/ipv4';
import type { DnsExchange } from '../userland/dns-query';

/** Which nslookup: BIND's (bind9-dnsutils) or BusyBox's applet. */
export type NslookupDialect = 'bind' | 'busybox';

/**
 * nslookup's report of an A and an AAAA exchange (BIND nslookup.c printmessage,
 * BusyBox networking/nslookup.c). BIND writes the server as `addr#53` and prints
 * nothing for an empty AAAA; BusyBox writes `addr:53`, and gives each query its
 * own block: `Non-authoritative answer:` even when empty, or its NXDOMAIN line.
 */
export function formatNslookup(exchanges: readonly DnsExchange[], dialect: NslookupDialect): string {
  const server = exchanges[0]!.server;
  const lines = [`Server:\t\t${server}`, `Address:\t${server}${dialect === 'bind' ? '#' : ':'}53`, ''];
  const answered = exchanges.filter((exchange) => exchange.reply !== 'unreachable' && exchange.reply.status === 'NOERROR');
  for (const exchange of dialect === 'bind' ? exchanges.slice(0, 1) : exchanges) {
    const reply = exchange.reply;
    if (reply === 'unreachable') continue;
    const name = exchange.question.name.replace(/\.$/, '');
    if (reply.status !== 'NOERROR') {
      lines.push(`** server can't find ${name}: ${reply.status}`, '');
      continue;
    }
    lines.push('Non-authoritative answer:');
    for (const record of reply.answers) if (record.type === 'A') lines.push(`Name:\t${name}`, `Address: ${formatIpv4(record.address)}`);
    lines.push('');
  }
  if (dialect === 'bind' && answered.length === 0 && exchanges[0]!.reply === 'unreachable') return '';
  return `${lines.join('\n')}\n`;
}
