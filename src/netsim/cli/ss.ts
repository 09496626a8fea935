import { formatSs, type SsProcess, type SsRow } from '../format/ss';
import { serviceName } from '../format/services';
import { listSockets, type SocketRecord } from '../userland/sockets';
import type { Engine } from '../engine/engine';
import { fail, ok, type Program } from './command';
import { socketOwnerView } from './process-view';

const KNOWN = 'tulnpa46ewmoiHOrsx';

/** ss -tlnp, -tulpn, -tln, -tl (iproute2): listening sockets of the namespace it runs in. */
export function ssProgram(engine: Engine): Program {
  return {
    name: 'ss',
    run(args, context) {
      const flags = new Set<string>();
      for (const word of args) {
        if (!/^-[A-Za-z0-9]+$/.test(word)) continue;
        for (const letter of word.slice(1)) {
          if (!KNOWN.includes(letter)) return fail(`ss: invalid option -- '${letter}'\n`, 255);
          flags.add(letter);
        }
      }
      const tcp = flags.has('t') || !flags.has('u');
      const udp = flags.has('u');
      const records = listSockets(context.namespace, { tcp, udp, listening: flags.has('l') || flags.has('a') });
      const processes = flags.has('p');
      // ss -p sees a process only when it may read its /proc/PID/fd: root, or the owner.
      const rows = records.map((record) =>
        toRow(record, flags.has('n'), processes && context.isRoot ? socketOwnerView(engine, context.containerId) : () => undefined),
      );
      return ok(formatSs(rows, { netid: tcp && udp, process: processes }));
    },
  };
}

/** inet_addr_print: a dual-stack `::` is `*`, other IPv6 addresses are bracketed; the peer of a listener is the wildcard. */
function toRow(record: SocketRecord, numeric: boolean, view: (owner: SsProcess) => SsProcess | undefined): SsRow {
  const { socket } = record;
  const ipv6 = socket.address.includes(':');
  const wildcard = ipv6 ? (socket.v6Only ? '[::]' : '*') : '0.0.0.0';
  const local = ipv6 ? (socket.address === '::' ? wildcard : `[${socket.address}]`) : socket.address;
  const owner = view(socket.process);
  return {
    netid: socket.protocol,
    state: record.state,
    recvQ: record.recvQ,
    sendQ: record.sendQ,
    local,
    localPort: numeric ? String(socket.port) : serviceName(socket.port),
    peer: wildcard,
    peerPort: '*',
    users: owner ? [owner] : [],
  };
}
