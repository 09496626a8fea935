import type { DeviceRef, TopologyRecord, TraceNamespace } from '../netsim/index';
import type { TraceStep } from './trace-steps';

/**
 * The figure's nodes a trace's packets went through (their ids in
 * src/topology/graph-model.ts): the devices its frames crossed, and the
 * stacks that routed or filtered them (the host's, a container's). Repeated
 * packets took the same way and add nothing; the LAN machine is not drawn.
 */
export function tracePath(
  steps: readonly TraceStep[],
  record: TopologyRecord,
  namespaces: readonly TraceNamespace[],
): string[] {
  const owners = new Map(namespaces.map((namespace) => [namespace.id, namespace]));
  const nodes = new Set<string>();
  for (const step of steps) {
    if (step.repeat) continue;
    if (step.kind !== 'frame' && step.where?.kind === 'host') nodes.add('host');
    if (step.kind !== 'frame' && step.where?.kind === 'container') nodes.add(`container:${step.where.name}`);
    for (const device of step.devices) {
      const node = nodeOf(device, owners.get(device.namespace), record);
      if (node) nodes.add(node);
    }
  }
  return [...nodes];
}

function nodeOf(device: DeviceRef, owner: TraceNamespace | undefined, record: TopologyRecord): string | undefined {
  if (owner?.kind === 'host') {
    if (device.device === 'lo') return 'host';
    if (record.bridges.some((bridge) => bridge.name === device.device)) return `bridge:${device.device}`;
    if (record.veths.some((veth) => veth.host.name === device.device)) return `veth:${device.device}`;
    if (record.nics.some((nic) => nic.name === device.device)) return `nic:${device.device}`;
    return undefined;
  }
  if (owner?.kind === 'container') {
    if (device.device === 'lo') return `container:${owner.name}`;
    const container = record.containers.find((candidate) => candidate.name === owner.name);
    return container?.interfaces.some((iface) => iface.name === device.device)
      ? `if:${owner.name}:${device.device}`
      : undefined;
  }
  return undefined;
}
