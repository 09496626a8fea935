import type { Engine } from '../engine/engine';
import { pidInContainer } from '../engine/processes';
import type { SocketOwner } from './command';

/**
 * What a program sees of the processes holding sockets, from where it runs:
 * on the host, every process by its own PID; in a container, its own PID
 * namespace only. The first process is PID 1 there; a server an init script
 * started later is numbered after it as the host numbered it (the namespace
 * hands out PIDs in the same order). dockerd's embedded DNS sockets and the
 * host's processes (a --network host container shares the host's sockets) are
 * outside, so they show no process.
 */
export function socketOwnerView(
  engine: Engine,
  containerId: string | undefined,
): (owner: SocketOwner) => SocketOwner | undefined {
  if (containerId === undefined) return (owner) => owner;
  const container = engine.containers.list().find((candidate) => candidate.id === containerId);
  return (owner) => {
    const first = container?.pid;
    if (first === undefined) return undefined;
    if (owner.pid === first) return { ...owner, pid: 1 };
    const services = Object.values(container!.services ?? {});
    return services.includes(owner.pid) ? { ...owner, pid: pidInContainer(owner.pid, first) } : undefined;
  };
}
