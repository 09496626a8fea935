import type { Engine } from '../../engine/engine';
import { fail, type Program } from '../command';
import { getoptLong, type OptionSpec } from '../getopt';
import { processView } from '../ps';

/** procps 4.0.4's usage text for pgrep (tests/netsim/golden/apt/pgrep-unknown-option.txt), after getopt's complaint. */
const PGREP_USAGE = `
Usage:
 pgrep [options] <pattern>

Options:
 -d, --delimiter <string>  specify output delimiter
 -l, --list-name           list PID and process name
 -a, --list-full           list PID and full command line
 -v, --inverse             negates the matching
 -w, --lightweight         list all TID
 -c, --count               count of matching processes
 -f, --full                use full process name to match
 -g, --pgroup <PGID,...>   match listed process group IDs
 -G, --group <GID,...>     match real group IDs
 -i, --ignore-case         match case insensitively
 -n, --newest              select most recently started
 -o, --oldest              select least recently started
 -O, --older <seconds>     select where older than seconds
 -P, --parent <PPID,...>   match only child processes of the given parent
 -s, --session <SID,...>   match session IDs
     --signal <sig>        signal to send (either number or name)
 -t, --terminal <tty,...>  match by controlling terminal
 -u, --euid <ID,...>       match by effective IDs
 -U, --uid <ID,...>        match by real IDs
 -x, --exact               match exactly with the command name
 -F, --pidfile <file>      read PIDs from file
 -L, --logpidfile          fail if PID file is not locked
 -r, --runstates <state>   match runstates [D,S,Z,...]
 -A, --ignore-ancestors    exclude our ancestors from results
 --cgroup <grp,...>        match by cgroup v2 names
 --ns <PID>                match the processes that belong to the same
                           namespace as <pid>
 --nslist <ns,...>         list which namespaces will be considered for
                           the --ns option.
                           Available namespaces: ipc, mnt, net, pid, user, uts

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see pgrep(1).
`;

const flag = (short: string, long: string): OptionSpec => ({ short, long, takesValue: false });

/** The options simulated; pgrep's others are refused as not simulated. */
const SPECS: readonly OptionSpec[] = [
  flag('l', 'list-name'),
  flag('a', 'list-full'),
  flag('f', 'full'),
  flag('x', 'exact'),
  flag('c', 'count'),
  flag('i', 'ignore-case'),
];

/**
 * procps' pgrep on the host: the processes whose name (/proc/PID/comm), or with
 * -f whole command line, matches the extended regular expression, itself
 * excepted; PIDs one a line, with -l the name, with -a the command line.
 * Exit 1 when none matches (pgrep.c EXIT_FATAL is 3, a usage error 2).
 */
export function pgrepProgram(engine: Engine): Program {
  return {
    name: 'pgrep',
    run(args, context) {
      const { events, operands } = getoptLong('pgrep', args, SPECS);
      const error = events.find((event) => event.kind === 'error');
      if (error?.kind === 'error') {
        if (knownPgrepOption(error.message)) return fail('netsim: this pgrep option is not simulated\n', 2);
        return fail(error.message + PGREP_USAGE, 2);
      }
      const set = new Set(events.map((event) => (event.kind === 'option' ? event.spec.short : '')));
      if (operands.length === 0)
        return fail(`pgrep: no matching criteria specified\nTry \`pgrep --help' for more information.\n`, 2);
      const pattern = new RegExp(set.has('x') ? `^(?:${operands[0]})$` : operands[0]!, set.has('i') ? 'i' : '');
      const { self, records } = processView(engine, context, ['pgrep', ...args]);
      const matched = records.filter(
        (record) => record.pid !== self.pid && pattern.test(set.has('f') ? record.argv.join(' ') : record.comm),
      );
      if (set.has('c')) return { stdout: `${matched.length}\n`, stderr: '', exitCode: matched.length > 0 ? 0 : 1 };
      const line = (record: (typeof matched)[number]) =>
        set.has('a')
          ? `${record.pid} ${record.argv.join(' ')}`
          : set.has('l')
            ? `${record.pid} ${record.comm}`
            : `${record.pid}`;
      return {
        stdout: matched.map((record) => `${line(record)}\n`).join(''),
        stderr: '',
        exitCode: matched.length > 0 ? 0 : 1,
      };
    },
  };
}

/** pgrep's options netsim leaves out (getopt reports them unknown here, not on a real host). */
function knownPgrepOption(message: string): boolean {
  return /-- '[dvwgGnoOPstuUFLrA]'|'--(delimiter|inverse|lightweight|pgroup|group|newest|oldest|older|parent|session|signal|terminal|euid|uid|pidfile|logpidfile|runstates|ignore-ancestors|cgroup|ns|nslist|help|version)'/.test(
    message,
  );
}
