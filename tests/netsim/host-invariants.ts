import { expect } from 'vitest';
import type { HostSnapshot } from '../../src/netsim/index';

/**
 * What the kernel and the daemon must agree on whatever a session did, shared by
 * the property tests: every veth has its peer, one host end per endpoint,
 * endpoints only on running containers, no address twice on a network and no
 * subnet twice.
 */
export function expectLinksMatchEndpoints(snapshot: HostSnapshot): void {
  const { engine, kernel } = snapshot;
  const root = kernel.namespaces.get(0)!;
  for (const namespace of kernel.namespaces.values()) {
    for (const link of namespace.links.values()) {
      if (link.kind !== 'veth') continue;
      const peer = kernel.namespaces.get(link.peer!.namespace)?.links.get(link.peer!.index);
      expect(peer?.peer).toEqual({ namespace: namespace.id, index: link.index });
    }
  }
  const endpoints = engine.containers.flatMap((c) => c.endpoints);
  // A bridge network's endpoint has its host end in the root namespace (an overlay's sits on the
  // network's own br0), the swarm's ingress sandbox's on docker_gwbridge included.
  const onBridges = [...endpoints, ...(engine.swarm?.ingressSandbox?.endpoints ?? [])].filter(
    (e) => engine.networks.find((n) => n.id === e.networkId)?.driver === 'bridge',
  );
  expect([...root.links.values()].filter((link) => link.kind === 'veth')).toHaveLength(onBridges.length);
  expect(engine.containers.filter((c) => c.status !== 'running').flatMap((c) => c.endpoints)).toEqual([]);
  const addresses = endpoints.map((e) => `${e.networkId}/${e.address?.address}`);
  expect(new Set(addresses).size).toBe(addresses.length);
  const subnets = engine.networks.flatMap((network) =>
    network.ipam.map((config) => `${config.subnet.address}/${config.subnet.prefix}`),
  );
  expect(new Set(subnets).size).toBe(subnets.length);
}
