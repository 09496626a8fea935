import { formatSs, msTimer, type SsProcess, type SsRow } from '../format/ss';
import { formatSsSummary, type SsSummary } from '../format/ss-summary';
import { serviceName, servicePort } from '../format/services';
import { listSockets, listTimeWait, type SocketRecord, type TimeWaitRecord } from '../userland/sockets';
import { lookupHost } from '../userland/name-resolution';
import type { Engine } from '../engine/engine';
import { hostProcessTable } from '../engine/processes';
import { fail, ok, type ProcessContext, type Program } from './command';
import { getoptLong, type OptionSpec } from './getopt';
import { addressBytes, parseInetPrefix, type InetPrefix } from './iproute2-prefix';
import type { NameServices } from './name-service';
import { socketOwnerView } from './process-view';
import { parseSsFilter, type FilterLookups, type SsFilter } from './ss-filter';
import { matchesFilter, type FilterSubject } from './ss-match';
import { readStateWords, severalStates, SS_ALL, SS_LISTENING, stateBit, TIME_WAIT_BIT } from './ss-states';
import { SS_USAGE } from './ss-usage';

/** The options the simulator knows, with their long names (ss.c long_opts); the others print usage as unknown ones. */
const OPTIONS: readonly OptionSpec[] = [
  ['t', 'tcp'],
  ['u', 'udp'],
  ['l', 'listening'],
  ['n', 'numeric'],
  ['p', 'processes'],
  ['a', 'all'],
  ['4', 'ipv4'],
  ['6', 'ipv6'],
  ['e', 'extended'],
  ['w', 'raw'],
  ['m', 'memory'],
  ['o', 'options'],
  ['i', 'info'],
  ['H', 'no-header'],
  ['V', 'version'],
  ['O', 'oneline'],
  ['r', 'resolve'],
  ['s', 'summary'],
  ['x', 'unix'],
  ['h', 'help'],
]
  .map(([short, long]): OptionSpec => ({ short, long, takesValue: false }))
  .concat([{ short: 'f', long: 'family', takesValue: true }]);

/** -f's words (ss.c main, case 'f'): inet and inet6 are the families netsim has sockets of; the others list none here. */
const FAMILIES: Readonly<Record<string, 'inet' | 'inet6' | 'other'>> = {
  inet: 'inet',
  inet6: 'inet6',
  link: 'other',
  unix: 'other',
  netlink: 'other',
  tipc: 'other',
  vsock: 'other',
  xdp: 'other',
};

/**
 * ss -tlnp, -tulpn, `state listening`, `'sport = :80'` (iproute2 misc/ss.c main):
 * options, then state words, then a filter expression, over the sockets of the
 * namespace it runs in.
 */
export function ssProgram(engine: Engine, names?: NameServices): Program {
  return {
    name: 'ss',
    run(args, context) {
      const { events, operands } = getoptLong('ss', args, OPTIONS);
      const flags = new Set<string>();
      // filter_af_set: each -4, -6 or -f adds a family; none means all of them.
      const families = new Set<'inet' | 'inet6' | 'other'>();
      let fromOptions = 0;
      for (const event of events) {
        if (event.kind === 'error') return fail(event.message + SS_USAGE, 255);
        const letter = event.spec.short!;
        if (letter === 'h') return ok(SS_USAGE);
        // case 'V': printf("ss utility, iproute2-%s\n", version); exit(0), as getopt meets it.
        if (letter === 'V') return ok('ss utility, iproute2-6.15.0\n');
        if (letter === '4') families.add('inet');
        if (letter === '6') families.add('inet6');
        if (letter === 'f') {
          if (event.value === 'help') return ok(SS_USAGE);
          const family = FAMILIES[event.value ?? ''];
          if (!family) return fail(`ss: "${event.value}" is invalid family\n${SS_USAGE}`, 255);
          families.add(family);
        }
        // -a and -l set the state filter; the later one wins.
        if (letter === 'a') fromOptions = SS_ALL;
        if (letter === 'l') fromOptions = SS_LISTENING;
        flags.add(letter);
      }
      // -s prints the summary, and then the sockets only when an option or an operand chose some (ss.c: do_default).
      const summary = flags.has('s') ? formatSsSummary(summaryOf(context)) : '';
      if (summary !== '' && operands.length === 0 && ![...'tuwx46f'].some((letter) => flags.has(letter)))
        return ok(summary);
      const tcp = flags.has('t') || !flags.has('u');
      const udp = flags.has('u');
      const stateWords = readStateWords(operands, fromOptions);
      if ('error' in stateWords) return fail(stateWords.error, 255);
      const parsed = parseSsFilter(
        stateWords.rest,
        lookups(context, names, udp ? (tcp ? ['udp', 'tcp'] : ['udp']) : ['tcp']),
      );
      if ('failure' in parsed)
        return fail(parsed.failure.stderr + (parsed.failure.usage ? SS_USAGE : ''), parsed.failure.exitCode);
      const { states } = stateWords;
      // Connections open and close within a command: what the kernel keeps is listening and unconnected sockets, and TIME_WAIT.
      // A dual-stack `::` socket is AF_INET6: -4 leaves it out (inet_diag dumps one family at a time).
      const records = listSockets(context.namespace, { tcp, udp, listening: true }).filter(
        (record) =>
          (states & stateBit(record.state)) !== 0 &&
          (families.size === 0 || families.has(record.socket.address.includes(':') ? 'inet6' : 'inet')) &&
          passes(parsed.filter, record),
      );
      const familyOf = (address: string) => (address.includes(':') ? 'inet6' : 'inet');
      const timeWaits =
        tcp && (states & TIME_WAIT_BIT) !== 0
          ? listTimeWait(context.namespace, context.clock.now()).filter(
              (record) =>
                (families.size === 0 || families.has(familyOf(record.local.address))) &&
                passesConnection(parsed.filter, record),
            )
          : [];
      const processes = flags.has('p');
      // ss -p sees a process only when it may read its /proc/PID/fd: root, or the owner.
      const view = processes && context.isRoot ? holdersView(engine, context) : () => [];
      const rows = [
        ...records.map((record) => toRow(record, flags.has('n'), view)),
        ...timeWaits.map((record) => timeWaitRow(record, flags.has('n'), flags.has('o'))),
      ];
      return ok(
        summary +
          formatSs(rows, { netid: tcp && udp, state: severalStates(states), process: processes }, screenWidth(context)),
      );
    },
  };
}

/**
 * What `ss -s` counts where it runs. Only the sockets netsim models count: a
 * real host's `Total` adds its unix and netlink sockets (systemd's, dockerd's).
 * Connections open and close within a command, so none is established.
 */
function summaryOf(context: ProcessContext): SsSummary {
  const sockets = context.namespace.sockets;
  const count = (protocol: 'tcp' | 'udp', ipv6: boolean) =>
    sockets.filter((socket) => socket.protocol === protocol && socket.address.includes(':') === ipv6).length;
  const allocated = context.kernel
    .allNamespaces()
    .reduce((sum, namespace) => sum + namespace.sockets.filter((socket) => socket.protocol === 'tcp').length, 0);
  return {
    sockets: sockets.length,
    tcpAllocated: allocated,
    tcpTimeWait: listTimeWait(context.namespace, context.clock.now()).length,
    tcpOrphans: 0,
    tcpEstablished: 0,
    tcp4: count('tcp', false),
    tcp6: count('tcp', true),
    udp4: count('udp', false),
    udp6: count('udp', true),
    raw4: 0,
    raw6: 0,
  };
}

/**
 * render_screen_width: the terminal's width when stdout is one, else COLUMNS from
 * the environment (atoi, positive), else none. An interactive bash sets COLUMNS
 * without exporting it, so `ss | cat` packs its columns.
 */
function screenWidth(context: ProcessContext): number | undefined {
  if (context.terminalColumns !== undefined && context.terminalColumns > 0) return context.terminalColumns;
  const columns = atoi(context.env?.get('COLUMNS'));
  return columns > 0 ? columns : undefined;
}

/** C's atoi: optional blanks and sign, then digits; anything else ends it, and none is 0. */
function atoi(text: string | undefined): number {
  const match = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text ?? '');
  return match ? Number.parseInt(match[1]!, 10) : 0;
}

function lookups(
  context: ProcessContext,
  names: NameServices | undefined,
  protocols: readonly ('tcp' | 'udp')[],
): FilterLookups {
  return {
    protocols,
    servicePort,
    linkIndex: (name) => [...context.namespace.links.values()].find((link) => link.name === name)?.index,
    resolveHost: (name) => (names ? resolveHost(names, context, name) : undefined),
  };
}

/**
 * get_dns_host: gethostbyname2 for IPv4, then IPv6. ss keeps every address,
 * but its bytecode repeats the first one for all of them (ssfilter_bytecompile
 * copies `a`, not `b`), so only the first counts.
 */
function resolveHost(names: NameServices, context: ProcessContext, name: string): InetPrefix | undefined {
  const service = names(context);
  const found = lookupHost(service, name);
  if (found.kind === 'found' && found.addresses.length > 0) {
    const address = found.addresses[0]!;
    return {
      family: 'inet',
      bytes: [address >>> 24, (address >>> 16) & 255, (address >>> 8) & 255, address & 255],
      bitlen: 32,
    };
  }
  for (const line of service.hosts.split('\n')) {
    const [address, ...aliases] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (address?.includes(':') && aliases.includes(name)) return parseInetPrefix(address);
  }
  return undefined;
}

/** A listener's peer is the wildcard address of its family, port 0. */
function passes(filter: SsFilter | undefined, record: SocketRecord): boolean {
  if (!filter) return true;
  const { socket } = record;
  const local = addressBytes(socket.address);
  const subject: FilterSubject = {
    family: local.family,
    local: local.bytes,
    localPort: socket.port,
    remote: local.family === 'inet' ? [0, 0, 0, 0] : new Array<number>(16).fill(0),
    remotePort: 0,
    ifindex: 0,
    mark: 0,
    autobound: false,
  };
  return matchesFilter(filter, subject);
}

/** A connection's own addresses and ports, as the filter sees them. */
function passesConnection(filter: SsFilter | undefined, record: TimeWaitRecord): boolean {
  if (!filter) return true;
  const local = addressBytes(record.local.address);
  const subject: FilterSubject = {
    family: local.family,
    local: local.bytes,
    localPort: record.local.port,
    remote: addressBytes(record.remote.address).bytes,
    remotePort: record.remote.port,
    ifindex: 0,
    mark: 0,
    autobound: false,
  };
  return matchesFilter(filter, subject);
}

/**
 * A TIME-WAIT connection: no queues and no process (the timewait socket has no
 * owner); -o adds its timer (tcp_timer_print: IDIAG_TIMER_TIMEWAIT, the time
 * left as print_ms_timer writes it, no retransmits).
 */
function timeWaitRow(record: TimeWaitRecord, numeric: boolean, options: boolean): SsRow {
  const address = (text: string) => (text.includes(':') ? `[${text}]` : text);
  const port = (number: number) => (numeric ? String(number) : serviceName(number));
  return {
    netid: 'tcp',
    state: 'TIME-WAIT',
    recvQ: 0,
    sendQ: 0,
    local: address(record.local.address),
    localPort: port(record.local.port),
    peer: address(record.remote.address),
    peerPort: port(record.remote.port),
    users: [],
    ...(options ? { ext: ` timer:(timewait,${msTimer(record.remainingMs)},0)` } : {}),
  };
}

/**
 * Every process holding the socket, as user_ent_hash_build finds them in /proc/PID/fd:
 * the server that opened it and the workers it forked (nginx's and Apache's inherit
 * their master's listening sockets, fd and all). /proc is read in PID order and each
 * entry is put at the head of its hash chain, so find_entry lists the highest PID first.
 */
function holdersView(engine: Engine, context: ProcessContext): (owner: SsProcess) => SsProcess[] {
  const see = socketOwnerView(engine, context.containerId);
  const table = hostProcessTable({
    containers: engine.containers.list(),
    root: context.kernel.root,
    shells: [],
    hostUser: '',
    dockerd: engine.service.process(),
  });
  return (owner) => {
    const forked = table.filter((process) => process.ppid === owner.pid && process.comm === owner.name);
    const holders = [owner, ...forked.map((process) => ({ ...owner, pid: process.pid }))];
    return holders
      .sort((a, b) => b.pid - a.pid)
      .map(see)
      .filter((holder) => holder !== undefined);
  };
}

/** inet_addr_print: a dual-stack `::` is `*`, other IPv6 addresses are bracketed; the peer of a listener is the wildcard. */
function toRow(record: SocketRecord, numeric: boolean, view: (owner: SsProcess) => SsProcess[]): SsRow {
  const { socket } = record;
  const ipv6 = socket.address.includes(':');
  const wildcard = ipv6 ? (socket.v6Only ? '[::]' : '*') : '0.0.0.0';
  const local = ipv6 ? (socket.address === '::' ? wildcard : `[${socket.address}]`) : socket.address;
  const users = view(socket.process);
  return {
    netid: socket.protocol,
    state: record.state,
    recvQ: record.recvQ,
    sendQ: record.sendQ,
    local,
    localPort: numeric ? String(socket.port) : serviceName(socket.port),
    peer: wildcard,
    peerPort: '*',
    users,
  };
}
