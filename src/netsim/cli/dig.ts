import { formatDig, formatDigNoServers, formatDigShort } from '../format/dig';
import { formatNslookup, type NslookupDialect } from '../format/nslookup';
import { queryServer, type DnsExchange } from '../userland/dns-query';
import { fail, ok, type Program } from './command';
import type { NameServices } from './name-service';

/** dig waits 5 s for each of its 3 tries (+timeout=5 +tries=3) before giving up on a server. */
const DIG_GIVE_UP_MS = 15_000;

/** dig NAME [@SERVER] [+short] [A]: one A query to the first nameserver of resolv.conf, or the one named. */
export function digProgram(names: NameServices): Program {
  return {
    name: 'dig',
    run(args, context) {
      const service = names(context);
      let server = service.nameservers[0] ?? '127.0.0.1';
      let short = false;
      let name: string | undefined;
      for (const word of args) {
        if (word.startsWith('@')) server = word.slice(1);
        else if (word === '+short') short = true;
        else if (word.startsWith('+')) continue;
        else if (word.toUpperCase() === 'A' && name !== undefined) continue;
        else if (word.startsWith('-')) return fail(`Invalid option: ${word}\n`, 1);
        else name = word;
      }
      // Without a name dig asks for the root's NS records, which the simulated resolvers do not serve.
      if (name === undefined) return fail('dig: a query for the root servers is not available in this simulator yet.\n', 1);
      const exchange = queryServer(service, server, { name, type: 'A' }, context.random);
      if (exchange.reply === 'unreachable') {
        context.clock.advance(DIG_GIVE_UP_MS);
        return { stdout: short ? `;; communications error to ${server}#53: timed out\n`.repeat(3) + ';; no servers could be reached\n' : formatDigNoServers(server, args.join(' ')), stderr: '', exitCode: 9 };
      }
      return ok(short ? formatDigShort(exchange) : formatDig(exchange, args.join(' '), context.clock.now()));
    },
  };
}

/** nslookup NAME [SERVER]: an A and an AAAA query, reported in BIND's or BusyBox's words. */
export function nslookupProgram(names: NameServices, dialect: NslookupDialect): Program {
  return {
    name: 'nslookup',
    run(args, context) {
      const service = names(context);
      const [name, named] = args.filter((word) => !word.startsWith('-'));
      if (name === undefined) return fail(dialect === 'bind' ? '' : 'Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n', 1);
      const server = named ?? service.nameservers[0] ?? '127.0.0.1';
      const exchanges: DnsExchange[] = [queryServer(service, server, { name, type: 'A' }, context.random), queryServer(service, server, { name, type: 'AAAA' }, context.random)];
      if (exchanges[0]!.reply === 'unreachable') {
        context.clock.advance(DIG_GIVE_UP_MS);
        const text = dialect === 'bind' ? `;; communications error to ${server}#53: timed out\n`.repeat(3) + ';; no servers could be reached\n\n' : ';; connection timed out; no servers could be reached\n\n';
        return { stdout: text, stderr: '', exitCode: 1 };
      }
      const found = exchanges.some((exchange) => exchange.reply !== 'unreachable' && exchange.reply.status === 'NOERROR');
      return { stdout: formatNslookup(exchanges, dialect), stderr: '', exitCode: found ? 0 : 1 };
    },
  };
}
