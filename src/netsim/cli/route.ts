import { formatNetstatRoutes, formatRouteTable } from '../format/netstat';
import { fail, ok, type Program } from './command';
import { routeRows } from './proc-net-route';

/**
 * `route` listing the kernel's IPv4 routing table (net-tools route.c with
 * lib/inet_gr.c rprint_fib; BusyBox networking/route.c bb_displayroutes):
 * `default` and, in BusyBox, `*` for a missing gateway unless -n; `-e` prints
 * netstat's columns (rprint_fib's ext 2, BusyBox's netstatfmt). Adding and
 * deleting routes is left to `ip route`, which netsim simulates.
 */
export function routeProgram(dialect: 'net-tools' | 'busybox'): Program {
  return {
    name: 'route',
    run(args, context) {
      const flags = new Set<string>();
      for (const word of args) {
        if (word === '--numeric') flags.add('n');
        else if (word === '--extend') flags.add('e');
        else if (word === '--inet') continue;
        else if (/^-[ne4]+$/.test(word)) for (const letter of word.slice(1)) flags.add(letter);
        else
          return fail(`route: ${word} is not available in this simulator yet; ip route shows and changes routes.\n`, 1);
      }
      const rows = routeRows(context, dialect === 'busybox', flags.has('n'));
      return ok(flags.has('e') ? formatNetstatRoutes(rows) : formatRouteTable(rows));
    },
  };
}
