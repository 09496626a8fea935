import { KernelError } from '../kernel/errno';
import { formatIpv4 } from '../wire/ipv4';
import type { Container } from './container';
import type { Daemon } from './daemon';
import type { ImageService } from './images';

/** Apache's ListenBacklog default, as for the images' own servers (listeners.ts). */
const SERVICE_BACKLOG = 511;

export type ServiceStart = { readonly kind: 'started'; readonly output: string } | { readonly kind: 'running' };

/**
 * An init script's `start`: the server forks from the shell (a PID of its own,
 * as `ps` shows `/usr/sbin/apache2 -k start` apart from PID 1) and binds its
 * sockets in the container's namespace. Starting it again finds the port taken
 * and leaves the running one alone.
 */
export function startService(daemon: Daemon, container: Container, name: string, service: ImageService): ServiceStart {
  if (container.services?.[name] !== undefined || container.namespaceId === undefined) return { kind: 'running' };
  const namespace = daemon.kernel.namespace(container.namespaceId);
  daemon.state.lastPid += 1 + daemon.random.int(0, 30);
  const pid = daemon.state.lastPid;
  try {
    service.sockets.forEach((socket, index) => {
      daemon.kernel.listen(namespace, {
        protocol: 'tcp',
        ...socket,
        backlog: SERVICE_BACKLOG,
        process: { name, pid, fd: 3 + index },
        service: { kind: 'http', server: service.server },
      });
    });
  } catch (error) {
    if (!(error instanceof KernelError) || error.errno !== 'EADDRINUSE') throw error;
    daemon.kernel.closeSockets(namespace, pid);
    return { kind: 'running' };
  }
  // The server forks its workers at once: they hold the PIDs after its own (processes.ts lists them).
  daemon.state.lastPid += service.process.workers;
  container.services = { ...container.services, [name]: pid };
  // AH00558 names the address apache2 found for the hostname: the container's first one.
  const address = container.endpoints[0]?.address ? formatIpv4(container.endpoints[0].address.address) : '127.0.1.1';
  return { kind: 'started', output: service.startOutput.replaceAll('{address}', address) };
}

/** The container stops: its services die with it. */
export function stopServices(daemon: Daemon, container: Container): void {
  if (container.namespaceId === undefined) return;
  const namespace = daemon.kernel.namespace(container.namespaceId);
  for (const pid of Object.values(container.services ?? {})) daemon.kernel.closeSockets(namespace, pid);
  delete container.services;
}
