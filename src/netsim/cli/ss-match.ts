import { prefixContains } from './iproute2-prefix';
import type { HostCond, SsFilter } from './ss-filter';

/** A socket as ss's filter sees it (struct sockstat, and the kernel's inet_diag_entry). */
export interface FilterSubject {
  readonly family: 'inet' | 'inet6';
  readonly local: readonly number[];
  readonly localPort: number;
  readonly remote: readonly number[];
  readonly remotePort: number;
  /** SO_BINDTODEVICE's ifindex, 0 when unbound. */
  readonly ifindex: number;
  readonly mark: number;
  /** The kernel chose the port (no SOCK_BINDPORT_LOCK): never so for a socket that bind() named. */
  readonly autobound: boolean;
}

/**
 * Whether a socket passes the filter. ss sends the filter to the kernel as
 * inet_diag bytecode (ssfilter_bytecompile; net/ipv4/inet_diag.c
 * inet_diag_bc_run) and runs it again on what comes back (run_ssfilter);
 * a socket is shown when both agree. The kernel compares families, so
 * `src 0.0.0.0/0` keeps only IPv4 sockets, while a port alone matches both.
 */
export function matchesFilter(filter: SsFilter, socket: FilterSubject): boolean {
  switch (filter.kind) {
    case 'and':
      return matchesFilter(filter.left, socket) && matchesFilter(filter.right, socket);
    case 'or':
      return matchesFilter(filter.left, socket) || matchesFilter(filter.right, socket);
    case 'not':
      return !matchesFilter(filter.operand, socket);
    case 'src':
      return matchesEnd(filter.cond, socket.family, socket.local, socket.localPort);
    case 'dst':
      return matchesEnd(filter.cond, socket.family, socket.remote, socket.remotePort);
    case 'sport>=':
      return socket.localPort >= filter.port;
    case 'sport<=':
      return socket.localPort <= filter.port;
    case 'dport>=':
      return socket.remotePort >= filter.port;
    case 'dport<=':
      return socket.remotePort <= filter.port;
    case 'dev':
      return socket.ifindex === filter.ifindex;
    case 'fwmark':
      return (socket.mark & filter.mask) >>> 0 === filter.mark >>> 0;
    case 'autobound':
      return socket.autobound;
  }
}

/**
 * INET_DIAG_BC_S_COND / _D_COND: the port if one was given, then the family
 * unless the address was `any` or absent, then the prefix. (A v4-mapped IPv6
 * socket may match an IPv4 prefix in the kernel; the simulator has none.)
 */
function matchesEnd(cond: HostCond, family: 'inet' | 'inet6', address: readonly number[], port: number): boolean {
  if (cond.port !== -1 && cond.port !== port) return false;
  const { prefix } = cond;
  if (prefix === undefined || prefix.family === undefined) return true;
  return prefix.family === family && prefixContains(prefix, address);
}
