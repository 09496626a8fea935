import type { Container } from './container';
import { connectedContainer } from './container-config';
import { derivedHex } from './derived';

/** The sandbox's ID: libnetwork makes one per start. */
export function sandboxIdOf(container: Container): string {
  return derivedHex(container.id, `sandbox-${container.starts}`, 64);
}

/** Where a running container's network namespace is bind-mounted (libnetwork osl: the first 12 of the sandbox ID, `default` for the host's). */
export function sandboxKey(container: Container): string | undefined {
  // A container that joined another's namespace (container:NAME) has no sandbox of its own (initializeNetworking).
  if (container.status !== 'running' || connectedContainer(container.networkMode) !== undefined) return undefined;
  return `/var/run/docker/netns/${container.networkMode === 'host' ? 'default' : sandboxIdOf(container).slice(0, 12)}`;
}
