import type { Socket } from '../kernel/socket';
import {
  formatNetstat,
  formatNetstatRoutes,
  type NetstatDialect,
  type NetstatScope,
  type NetstatSocketRow,
} from '../format/netstat';
import { serviceName } from '../format/services';
import { nameInHostsFile } from '../userland/name-resolution';
import { listSockets, listTimeWait, type SocketRecord, type TimeWaitRecord } from '../userland/sockets';
import type { Engine } from '../engine/engine';
import { serverArgv0 } from '../engine/processes';
import { routeRows } from './proc-net-route';
import { collect, fail, type CommandResult, type ProcessContext, type Program, type SocketOwner } from './command';
import { socketOwnerView } from './process-view';
import { getoptLong, type OptionSpec } from './getopt';
import { dumpLinks } from '../kernel/dump';
import { formatNetstatInterfaces } from '../format/netstat-interfaces';
import { formatNetstatStatistics } from '../format/netstat-statistics';
import { snmpSections } from '../kernel/snmp-proc';
import { interfaceFlags, nstrcmp } from './ifconfig';

/** net-tools 2.10's usage (netstat.c usage()), which an unknown option is followed by on stderr, exit 3 (E_OPTERR). */
const NET_TOOLS_USAGE = `usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}
       netstat [-vWnNcaeol] [<Socket> ...]
       netstat { [-vWeenNac] -i | [-cnNe] -M | -s [-6tuw] }

        -r, --route              display routing table
        -i, --interfaces         display interface table
        -g, --groups             display multicast group memberships
        -s, --statistics         display networking statistics (like SNMP)
        -M, --masquerade         display masqueraded connections

        -v, --verbose            be verbose
        -W, --wide               don't truncate IP addresses
        -n, --numeric            don't resolve names
        --numeric-hosts          don't resolve host names
        --numeric-ports          don't resolve port names
        --numeric-users          don't resolve user names
        -N, --symbolic           resolve hardware names
        -e, --extend             display other/more information
        -p, --programs           display PID/Program name for sockets
        -o, --timers             display timers
        -c, --continuous         continuous listing

        -l, --listening          display listening server sockets
        -a, --all                display all sockets (default: connected)
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB
        -Z, --context            display SELinux security context for sockets

  <Socket>={-t|--tcp} {-u|--udp} {-U|--udplite} {-S|--sctp} {-w|--raw}
           {-x|--unix} --ax25 --ipx --netrom
  <AF>=Use '-6|-4' or '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) 
    ddp (Appletalk DDP) x25 (CCITT X.25) 
`;

/** read_proc's warning when some /proc/PID/fd could not be read (EACCES): printed before the table. */
const NOT_ALL_PROCESSES =
  '(Not all processes could be identified, non-owned process info\n will not be shown, you would have to be root to see it all.)\n';

const option = (short: string | undefined, long?: string): OptionSpec => ({ short, long, takesValue: false });
/** The options both dialects model; net-tools' getopt string is "A:CFMacdeghilnNoprsStuUvVWw2fx64?Z". */
const SPECS: readonly OptionSpec[] = [
  option('t', 'tcp'),
  option('u', 'udp'),
  option('w', 'raw'),
  option('x', 'unix'),
  option('l', 'listening'),
  option('a', 'all'),
  option('n', 'numeric'),
  option('p', 'programs'),
  option('o', 'timers'),
  option('r', 'route'),
  option('i', 'interfaces'),
  option('s', 'statistics'),
  option('e', 'extend'),
  option('W', 'wide'),
  option('v', 'verbose'),
  option('4'),
  option('6'),
];
/** BusyBox's getopt32 string: "laentuwx" "r" "W" "p" (FEATURE_NETSTAT_ROUTE, _WIDE and _PRG, on in the images' builds): no -o. */
const BUSYBOX_LETTERS = 'laentuwxrWp';

/** netstat of net-tools (the host, `apt install net-tools`) or BusyBox's applet. */
export function netstatProgram(engine: Engine, dialect: NetstatDialect = 'net-tools'): Program {
  return {
    name: 'netstat',
    run(args, context) {
      const specs =
        dialect === 'busybox' ? SPECS.filter((spec) => spec.short && BUSYBOX_LETTERS.includes(spec.short)) : SPECS;
      const { events } = getoptLong('netstat', args, specs);
      const flags = new Set<string>();
      for (const event of events) {
        // BusyBox's usage text depends on its build and version: only getopt's line is modelled.
        if (event.kind === 'error')
          return fail(
            dialect === 'busybox' ? event.message : event.message + NET_TOOLS_USAGE,
            dialect === 'busybox' ? 1 : 3,
          );
        flags.add(event.spec.short!);
      }
      // flag_int + flag_rou + flag_mas + flag_sta > 1: usage(E_OPTERR).
      if (['i', 'r', 's'].filter((letter) => flags.has(letter)).length > 1) return fail(NET_TOOLS_USAGE, 3);
      if (flags.has('s')) return { stdout: statistics(flags, context), stderr: '', exitCode: 0 };
      if (flags.has('i')) return { stdout: interfaceTable(flags.has('a'), context), stderr: '', exitCode: 0 };
      if (flags.has('r'))
        return {
          stdout: formatNetstatRoutes(routeRows(context, dialect === 'busybox', flags.has('n'))),
          stderr: '',
          exitCode: 0,
        };
      return socketTable(dialect, flags, context, socketOwnerView(engine, context.containerId));
    },
  };
}

/** parsesnmp: the protocols asked for with -t, -u, -w, or all of them. */
function statistics(flags: ReadonlySet<string>, context: ProcessContext): string {
  const named = flags.has('t') || flags.has('u') || flags.has('w');
  const filter = named
    ? { raw: flags.has('w'), tcp: flags.has('t'), udp: flags.has('u') }
    : { raw: true, tcp: true, udp: true };
  return formatNetstatStatistics(snmpSections(context.kernel, context.namespace), filter);
}

/** iface_info: the interfaces that are up (all with -a), in net-tools' nstrcmp order, each as ife_print_short prints it. */
function interfaceTable(all: boolean, context: ProcessContext): string {
  const links = dumpLinks(context.kernel, context.namespace)
    .filter((link) => all || link.flags.includes('UP'))
    .sort((a, b) => nstrcmp(a.name, b.name));
  return formatNetstatInterfaces(
    links.map((link) => ({ name: link.name, mtu: link.mtu, flags: interfaceFlags(link), stats: link.stats })),
  );
}

function socketTable(
  dialect: NetstatDialect,
  flags: ReadonlySet<string>,
  context: ProcessContext,
  view: (owner: SocketOwner) => SocketOwner | undefined,
): CommandResult {
  const named = ['t', 'u', 'w', 'x'].some((letter) => flags.has(letter));
  const scope: NetstatScope = flags.has('a') ? 'all' : flags.has('l') ? 'listening' : 'connected';
  const records = listSockets(context.namespace, {
    tcp: !named || flags.has('t'),
    udp: !named || flags.has('u'),
    listening: scope !== 'connected',
  });
  const programs = flags.has('p');
  // Only root reads every /proc/PID/fd; the sockets of a Docker host and its containers are all root's.
  const visible = (owner: Socket['process']) => (context.isRoot ? view(owner) : undefined);
  const hosts = flags.has('n') ? undefined : hostNames(context);
  const timers = flags.has('o');
  // tcp_do_one skips a socket with a peer under -l, one without under neither -l nor -a.
  const timeWaits =
    scope !== 'listening' && (!named || flags.has('t')) ? listTimeWait(context.namespace, context.clock.now()) : [];
  const rows = byFamily(records, timeWaits).map((record) =>
    'socket' in record ? socketRow(dialect, record, visible, hosts) : timeWaitRow(dialect, record, hosts),
  );
  const stdout = formatNetstat(dialect, { scope, programs, wide: flags.has('W'), rows, unix: !named, timers });
  if (!programs || context.isRoot || dialect === 'busybox') return { stdout, stderr: '', exitCode: 0 };
  return collect(
    [
      { stream: 'stderr', text: NOT_ALL_PROCESSES },
      { stream: 'stdout', text: stdout },
    ],
    0,
  );
}

/**
 * The files netstat reads in turn: /proc/net/tcp, tcp6, udp, udp6 (a dual-stack `::` socket is in tcp6 only);
 * in each TCP file the listeners come first, then the established hash with its TIME_WAIT connections.
 */
function byFamily(
  records: readonly SocketRecord[],
  timeWaits: readonly TimeWaitRecord[],
): (SocketRecord | TimeWaitRecord)[] {
  const isIpv6 = (record: SocketRecord) => record.socket.address.includes(':');
  const of = (protocol: 'tcp' | 'udp', ipv6: boolean) =>
    records.filter((record) => record.socket.protocol === protocol && isIpv6(record) === ipv6);
  const waiting = (ipv6: boolean) => timeWaits.filter((record) => record.local.address.includes(':') === ipv6);
  return [
    ...of('tcp', false),
    ...waiting(false),
    ...of('tcp', true),
    ...waiting(true),
    ...of('udp', false),
    ...of('udp', true),
  ];
}

/**
 * A TIME_WAIT line of /proc/net/tcp (get_timewait4_sock: timer 3, the time left in
 * USER_HZ ticks, no inode): no program, and -o's `timewait (59.36/0/0)`.
 */
function timeWaitRow(dialect: NetstatDialect, record: TimeWaitRecord, hosts: HostNames | undefined): NetstatSocketRow {
  const port = (number: number) => (hosts !== undefined ? serviceName(number) : String(number));
  const ticks = Math.floor(record.remainingMs / 10);
  return {
    protocol: 'tcp',
    ipv6: record.local.address.includes(':'),
    recvQ: 0,
    sendQ: 0,
    localHost: hostName(dialect, record.local.address, hosts),
    localPort: port(record.local.port),
    foreignHost: hostName(dialect, record.remote.address, hosts),
    foreignPort: port(record.remote.port),
    state: 'TIME_WAIT',
    program: '-',
    timer: `timewait (${(ticks / 100).toFixed(2)}/0/0)`,
  };
}

function socketRow(
  dialect: NetstatDialect,
  record: SocketRecord,
  visible: (owner: Socket['process']) => Socket['process'] | undefined,
  hosts: HostNames | undefined,
): NetstatSocketRow {
  const { socket } = record;
  const ipv6 = socket.address.includes(':');
  const wildcard = ipv6 ? '::' : '0.0.0.0';
  const owner = visible(socket.process);
  return {
    protocol: socket.protocol,
    ipv6,
    recvQ: 0,
    // /proc/net/tcp's tx_queue of a listener is 0: the backlog is sock_diag's (ss), not netstat's.
    sendQ: 0,
    localHost: hostName(dialect, socket.address, hosts),
    localPort: hosts !== undefined ? serviceName(socket.port) : String(socket.port),
    foreignHost: hostName(dialect, wildcard, hosts),
    foreignPort: '*',
    state: record.state === 'LISTEN' ? 'LISTEN' : '',
    // A listener's and an unconnected UDP socket's timer is off (timer_active 0).
    timer: 'off (0.00/0/0)',
    // -p shows argv[0] as /proc/PID/cmdline holds it: nginx's retitled one; the others' basename is their name.
    program: owner ? `${owner.pid}/${serverArgv0(owner.name) ?? owner.name}` : '-',
  };
}

/** /etc/hosts, where addresses get their names; reverse DNS for the rest is not modelled (it finds none for these addresses). */
type HostNames = string;

function hostNames(context: ProcessContext): HostNames {
  const file = context.readFile?.('/etc/hosts');
  return file && 'content' in file ? file.content : '';
}

/** INET6_rresolve prints the unspecified address as `[::]` when it resolves names; BusyBox falls back to the numeric form. */
function hostName(dialect: NetstatDialect, address: string, hosts: HostNames | undefined): string {
  if (hosts === undefined) return address;
  if (address === '::' && dialect === 'net-tools') return '[::]';
  if (address === '0.0.0.0' || address === '::') return address;
  return nameInHostsFile(hosts, address) ?? address;
}
