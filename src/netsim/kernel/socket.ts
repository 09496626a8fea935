import { addressFamily, isWildcardAddress } from '../wire/bind-address';
import type { Ipv4 } from '../wire/ipv4';

/**
 * Who answers what arrives on a socket. The kernel only delivers; these name the
 * application above it, with what it needs to answer (userland holds the answers).
 */
export type SocketService =
  /**
   * Docker's userland proxy: relays each connection to a container's address and port.
   * A proxy on an IPv6 host address targets the container's IPv6 address when it has
   * one (`address6`, what its -container-ip says); the simulation relays over IPv4 all the
   * same, unless the container has no IPv4 address (`address` undefined, an IPv6-only network).
   */
  | {
      readonly kind: 'docker-proxy';
      readonly address: Ipv4 | undefined;
      readonly address6?: string;
      readonly port: number;
    }
  /**
   * A published port dockerd keeps bound itself when there is no userland proxy
   * (portallocator osallocator_linux.go listenTCP: bound and listening, with a
   * socket filter that drops every packet); NAT sends the traffic past it, to `address`.
   */
  | { readonly kind: 'held'; readonly address: Ipv4 | undefined; readonly address6?: string; readonly port: number }
  /**
   * A web server; `server` names its software (nginx, httpd), which decides the pages.
   * `database`: the MySQL server and account a PHP application (WordPress) connects
   * to for each request, as its configuration names them. `hostname`: the machine's
   * name, for a server that tells it (traefik/whoami).
   */
  | { readonly kind: 'http'; readonly server: string; readonly database?: DatabaseClient; readonly hostname?: string }
  /** The Docker daemon's embedded DNS server of one container. */
  | { readonly kind: 'dns' }
  /**
   * A MariaDB server: the MySQL protocol, where the server speaks first (its handshake
   * packet). Its accounts (any client host) and databases, as its entrypoint created them.
   */
  | {
      readonly kind: 'mariadb';
      readonly accounts: readonly { readonly user: string; readonly password: string }[];
      readonly databases: readonly string[];
    }
  /** OpenSSH's sshd (the LAN machine's): the server speaks first, its version line. */
  | { readonly kind: 'ssh' }
  /** A listening netcat: it accepts and prints what it reads; it writes nothing until its stdin does. */
  | { readonly kind: 'netcat' };

/** Where and as whom a client logs in to a MySQL server: `host` may carry `:port`. */
export interface DatabaseClient {
  readonly host: string;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/**
 * A request a web server answered on one of its sockets: what its own access
 * log records. The kernel passes it on to whoever listens (the Docker engine,
 * which keeps the container's output), as it passes frames to captures.
 */
export interface ServedHttp {
  readonly timeMs: number;
  /** The server software (the socket's `http` service), which decides the log's format. */
  readonly server: string;
  /** The client's address as the server's socket sees it (docker-proxy's, for a published port). */
  readonly remoteAddress: string;
  /** The request line: `GET / HTTP/1.1`. */
  readonly requestLine: string;
  readonly status: number;
  /** The body's bytes, headers not counted ($body_bytes_sent). */
  readonly bodyBytes: number;
  /** Request headers the log may quote, as the client sent them. */
  readonly referer: string | undefined;
  readonly userAgent: string | undefined;
  readonly forwardedFor: string | undefined;
  /** The Host header. */
  readonly host: string | undefined;
}

/** A listening socket: what `ss -l` and `netstat -l` show, and where connections land. */
export interface Socket {
  readonly protocol: 'tcp' | 'udp';
  /** Local address as text: an IPv4 or IPv6 address, `0.0.0.0` or `::` for any. */
  readonly address: string;
  readonly port: number;
  /** IPV6_V6ONLY on a `::` socket: it then takes no IPv4 connections (nginx's `listen [::]:80`, docker-proxy). */
  readonly v6Only: boolean;
  /** listen(2)'s backlog, which `ss -l` shows as Send-Q; unset is SOMAXCONN (4096), what Go servers ask for. */
  readonly backlog?: number;
  /** The owning process, as `ss -p` shows it. */
  readonly process: { readonly name: string; readonly pid: number; readonly fd: number };
  readonly service: SocketService;
}

/**
 * Whether a new socket would clash with an existing one (EADDRINUSE). A wildcard
 * takes the port on every address; `[::]` without IPV6_V6ONLY also takes IPv4's,
 * but Linux lets `0.0.0.0` and `[::]` coexist when the IPv6 one is V6ONLY, as
 * docker-proxy and nginx set it.
 */
export function clashes(
  existing: Socket,
  candidate: Pick<Socket, 'protocol' | 'address' | 'port' | 'v6Only'>,
): boolean {
  if (existing.protocol !== candidate.protocol || existing.port !== candidate.port) return false;
  const dualStack = (socket: Pick<Socket, 'address' | 'v6Only'>) => socket.address === '::' && !socket.v6Only;
  if (
    addressFamily(existing.address) !== addressFamily(candidate.address) &&
    !dualStack(existing) &&
    !dualStack(candidate)
  )
    return false;
  return (
    existing.address === candidate.address ||
    isWildcardAddress(existing.address) ||
    isWildcardAddress(candidate.address)
  );
}

/** The socket an incoming IPv4 packet for `address:port` reaches: an exact address first, then a wildcard. */
export function listenerFor(
  sockets: readonly Socket[],
  protocol: 'tcp' | 'udp',
  address: string,
  port: number,
): Socket | undefined {
  const candidates = sockets.filter((socket) => socket.protocol === protocol && socket.port === port);
  return (
    candidates.find((socket) => socket.address === address) ??
    candidates.find((socket) => socket.address === '0.0.0.0' || (socket.address === '::' && !socket.v6Only))
  );
}
