import { KernelError } from '../kernel/errno';
import type { Namespace } from '../kernel/namespace';
import type { SocketService } from '../kernel/socket';
import type { Container, Endpoint, LogEntry } from './container';
import { daemonConfig, type Daemon } from './daemon';
import { DOCKERD_PID } from './host-processes';
import { imageInfo, runsImageDefault } from './images';
import { parseImageReference } from '../wire/image-reference';
import { HOST_CPUS, HOST_KERNEL_RELEASE } from './host-processes';
import { nginxBindFailure, nginxStartup } from './nginx-log';
import { nginxTime } from '../wire/time-text';
import { mariadbAccounts, wordpressConfigured, wordpressDatabase } from './image-entrypoints';
import { commandServer } from './command-servers';
import { hostnameAddress, httpdStartup } from './apache-log';
import { derivedInt } from './derived';
import { HTTPD_VERSION } from '../userland/web-servers';

interface ServerSocket {
  readonly address: string;
  readonly port: number;
  readonly v6Only: boolean;
}

/**
 * The servers an image's default command starts and where they listen, from each
 * image's own configuration: nginx's default.conf has `listen 80;` and
 * `listen [::]:80;` (IPv6-only), httpd.conf and Debian's ports.conf have
 * `Listen 80` (one dual-stack socket). nginx's default `listen ... backlog` and
 * Apache's ListenBacklog are both 511.
 */
const APACHE_PORT_80: readonly ServerSocket[] = [{ address: '::', port: 80, v6Only: false }];
const IMAGE_SERVERS: Record<
  string,
  { process: string; service: SocketService; backlog: number; sockets: readonly ServerSocket[] }
> = {
  nginx: {
    process: 'nginx',
    service: { kind: 'http', server: 'nginx' },
    backlog: 511,
    sockets: [
      { address: '0.0.0.0', port: 80, v6Only: false },
      { address: '::', port: 80, v6Only: true },
    ],
  },
  httpd: { process: 'httpd', service: { kind: 'http', server: 'httpd' }, backlog: 511, sockets: APACHE_PORT_80 },
  // apache2ctl -D FOREGROUND runs Debian's apache2 (ports.conf `Listen 80`). ~: ss -p names PID 1,
  // though apache2ctl runs apache2 as its child rather than exec'ing it.
  'josedom24/aplicacionweb': {
    process: 'apache2',
    service: { kind: 'http', server: 'aplicacionweb' },
    backlog: 511,
    sockets: APACHE_PORT_80,
  },
  // docker-library/wordpress: docker-entrypoint.sh execs apache2-foreground, which execs `apache2 -DFOREGROUND`.
  wordpress: {
    process: 'apache2',
    service: { kind: 'http', server: 'wordpress' },
    backlog: 511,
    sockets: APACHE_PORT_80,
  },
  // MariaDB/mariadb-docker's Dockerfile comments out `bind-address` in /etc/mysql's *.cnf, so
  // mariadbd listens on every address getaddrinfo(NULL) gives, one socket each: its log says
  // `Server socket created on IP: '0.0.0.0', port: '3306'.` then `'::'` (real 12.3 logs), so the
  // `::` one is IPv6-only, or its bind would fail. back_log is autosized:
  // ~: 80 is MySQL 5.6's formula 50 + max_connections / 5 with max_connections 151 (MySQL
  // WL#9704 quotes it), assumed kept by MariaDB, not checked in MariaDB's mysqld.cc.
  // traefik/whoami (app.go): http.ListenAndServe(":80"), Go's one dual-stack socket; Go's listen backlog is
  // /proc/sys/net/core/somaxconn, 4096.
  'traefik/whoami': {
    process: 'whoami',
    service: { kind: 'http', server: 'whoami' },
    backlog: 4096,
    sockets: [{ address: '::', port: 80, v6Only: false }],
  },
  mariadb: {
    process: 'mariadbd',
    service: { kind: 'mariadb', accounts: [], databases: [] },
    backlog: 80,
    sockets: [
      { address: '0.0.0.0', port: 3306, v6Only: false },
      { address: '::', port: 3306, v6Only: true },
    ],
  },
};

/**
 * The service as this container's configuration makes it: WordPress answers one
 * way without wp-config.php and another with the one its entrypoint wrote (and
 * the database that names); MariaDB knows the accounts its entrypoint created.
 */
function serviceOf(container: Container, service: SocketService): SocketService {
  if (service.kind === 'mariadb') return { kind: 'mariadb', ...mariadbAccounts(container) };
  if (service.kind === 'http' && service.server === 'whoami') return { ...service, hostname: container.hostname };
  if (service.kind === 'http' && service.server === 'wordpress' && wordpressConfigured(container))
    return { kind: 'http', server: 'wordpress-configured', database: wordpressDatabase(container) };
  return service;
}

/**
 * The container's server binds its ports in the container's namespace (the host's
 * with --network host). Returns the addresses it could not bind, as nginx names
 * them (`0.0.0.0:80`, `[::]:80`): any makes it exit, releasing the others.
 */
export function startServers(daemon: Daemon, container: Container, namespace: Namespace): string[] {
  const fromCommand = commandServer(container);
  if (fromCommand && container.pid !== undefined) {
    const { socket, backlog, process, service, fd } = fromCommand;
    // A taken port: BusyBox's xbind dies (bind: Address in use), and so does the container; not modelled, it just does not listen.
    try {
      daemon.kernel.listen(namespace, {
        protocol: 'tcp',
        ...socket,
        backlog,
        process: { name: process, pid: container.pid, fd },
        service,
      });
    } catch (error) {
      if (!(error instanceof KernelError) || error.errno !== 'EADDRINUSE') throw error;
    }
    return [];
  }
  const servers = runsImageDefault(container)
    ? IMAGE_SERVERS[parseImageReference(container.image).familiar]
    : undefined;
  if (!servers || container.pid === undefined) return [];
  const service = serviceOf(container, servers.service);
  const failed: string[] = [];
  servers.sockets.forEach((socket, index) => {
    try {
      daemon.kernel.listen(namespace, {
        protocol: 'tcp',
        ...socket,
        backlog: servers.backlog,
        process: { name: servers.process, pid: container.pid!, fd: 6 + index },
        service,
      });
    } catch (error) {
      if (!(error instanceof KernelError) || error.errno !== 'EADDRINUSE') throw error;
      failed.push(`${socket.address.includes(':') ? `[${socket.address}]` : socket.address}:${socket.port}`);
    }
  });
  if (failed.length > 0) daemon.kernel.closeSockets(namespace, container.pid);
  return failed;
}

/**
 * What the image's server logs as it starts, or as it fails to bind `failed`
 * (nginx-log.ts, apache-log.ts). ~: httpd's own bind failure (AH00072) is not modelled.
 */
export function serverStartLog(
  container: Container,
  nowMs: number,
  failed: readonly string[],
): Omit<LogEntry, 'timeMs'>[] {
  if (!runsImageDefault(container)) return [];
  switch (parseImageReference(container.image).familiar) {
    case 'nginx':
      return failed.length > 0
        ? nginxBindFailure(nowMs, failed)
        : nginxStartup(
            nowMs,
            HOST_KERNEL_RELEASE,
            HOST_CPUS,
            imageInfo(container.image)?.os.family === 'alpine' ? 'alpine' : 'debian',
          );
    case 'httpd': {
      if (failed.length > 0) return [];
      const micros = (nowMs % 1000) * 1000 + derivedInt(container.id, 'apache:start', 1000);
      return httpdStartup(nowMs, micros, HTTPD_VERSION, container.hostname, hostnameAddress(container));
    }
    case 'traefik/whoami':
      // log.Printf with Go's LstdFlags: `2009/11/10 23:00:00 ` before the text, to stderr.
      return failed.length > 0 ? [] : [{ stream: 'stderr', text: `${nginxTime(nowMs)} Starting up on port 80` }];
    default:
      return [];
  }
}

/**
 * docker-proxy: one process per published address and port, listening on the
 * host and relaying to the container. With no host IP given, one for 0.0.0.0 and
 * one for [::] (IPv6-only, so both can bind).
 */
export function startProxies(daemon: Daemon, endpoint: Endpoint): void {
  // An IPv6-only container (no IPv4 address) has IPv6 bindings only, proxied to its IPv6 address.
  const container = endpoint.address?.address;
  if (container === undefined && endpoint.address6 === undefined) return;
  const proxy = daemonConfig(daemon).userlandProxy;
  const dockerd = daemon.state.service?.pid ?? DOCKERD_PID;
  const sockets = endpoint.published
    .filter((port) => port.hostPort !== 0)
    .map((port, index) => {
      if (proxy) daemon.state.lastPid += 1 + daemon.random.int(0, 4);
      // A proxy on an IPv6 host address targets the container's IPv6 address when it has one.
      const address6 = port.hostIp.includes(':') && endpoint.address6 ? { address6: endpoint.address6.address } : {};
      return {
        protocol: port.protocol === 'udp' ? ('udp' as const) : ('tcp' as const),
        address: port.hostIp,
        port: port.hostPort,
        v6Only: port.hostIp.includes(':'),
        // Without the proxy dockerd keeps the socket it bound (port_mapping_linux.go: only a started proxy takes it).
        process: proxy
          ? { name: 'docker-proxy', pid: daemon.state.lastPid, fd: 4 }
          : { name: 'dockerd', pid: dockerd, fd: 60 + index },
        service: proxy
          ? { kind: 'docker-proxy' as const, address: container, ...address6, port: port.containerPort }
          : { kind: 'held' as const, address: container, ...address6, port: port.containerPort },
      };
    });
  daemon.kernel.listenAll(daemon.kernel.root, sockets);
}

export function stopProxies(daemon: Daemon, endpoint: Endpoint): void {
  const ours = (service: { address: unknown; address6?: string }) =>
    endpoint.address
      ? service.address === endpoint.address.address
      : service.address === undefined && service.address6 === endpoint.address6?.address;
  daemon.kernel.closeSocketsWhere(
    daemon.kernel.root,
    (socket) => (socket.service.kind === 'docker-proxy' || socket.service.kind === 'held') && ours(socket.service),
  );
}
