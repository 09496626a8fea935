import type { Engine } from './engine/engine';
import type { HopRecord } from './kernel/hop-record';
import type { Kernel } from './kernel/kernel';

/**
 * Whose a namespace is, as a reader knows it: the host's own, a container's
 * (by its name), the LAN machine's, one `ip netns add` named, or an anonymous
 * one (a sandbox whose container is gone).
 */
export interface TraceNamespace {
  readonly id: number;
  readonly kind: 'host' | 'container' | 'lan' | 'netns' | 'other';
  readonly name: string;
}

/** What one traced command did to packets: the hops in order, and whose each namespace they name is. */
export interface CommandTrace {
  readonly hops: readonly HopRecord[];
  readonly namespaces: readonly TraceNamespace[];
}

/** The namespaces a hop names, wherever it names them. */
export function namespacesOf(hop: HopRecord): number[] {
  switch (hop.kind) {
    case 'arrive':
      return [hop.at.namespace];
    case 'arp':
      return hop.answeredBy ? [hop.from.namespace, hop.answeredBy.namespace] : [hop.from.namespace];
    case 'frame':
      return hop.devices.map((device) => device.namespace);
    case 'bridge-netfilter':
      return [hop.bridge.namespace];
    case 'wire':
      return [hop.from.namespace];
    case 'lost':
    case 'remote':
      return [];
    default:
      return [hop.namespace];
  }
}

/** Who owns each namespace the hops name, read when they were recorded: a `--rm` container is gone by the end. */
export class NamespaceOwners {
  private readonly known = new Map<number, TraceNamespace>();

  constructor(
    private readonly kernel: Kernel,
    private readonly engine: Engine,
    private readonly names: { host: string; lan: string | undefined; lanNamespace: number | undefined },
  ) {}

  /** Learns the owners of the namespaces `hop` names that it has not met yet. */
  meet(hop: HopRecord): void {
    for (const id of namespacesOf(hop)) if (!this.known.has(id)) this.known.set(id, this.ownerOf(id));
  }

  list(): TraceNamespace[] {
    return [...this.known.values()].sort((a, b) => a.id - b.id);
  }

  private ownerOf(id: number): TraceNamespace {
    if (id === this.kernel.root.id) return { id, kind: 'host', name: this.names.host };
    if (id === this.names.lanNamespace) return { id, kind: 'lan', name: this.names.lan ?? 'lan' };
    // Containers that joined another's namespace (container:NAME) come after its owner.
    const inside = this.engine.containers
      .list()
      .filter((container) => container.namespaceId === id && container.networkMode !== 'host');
    const owner = inside.find((container) => !container.networkMode.startsWith('container:')) ?? inside[0];
    if (owner) return { id, kind: 'container', name: owner.name };
    const named = this.kernel.state.namespaces.get(id)?.name;
    return named === undefined ? { id, kind: 'other', name: String(id) } : { id, kind: 'netns', name: named };
  }
}
