import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Host, type HostSnapshot } from '../../src/netsim/index';
import { sameRule } from '../../src/netsim/kernel/netfilter/rule';
import { formatIpv4 } from '../../src/netsim/wire/ipv4';
import { expectLinksMatchEndpoints } from './host-invariants';

/**
 * Services on a single-node swarm as a reader might make them: replicas, an
 * overlay network or none, ports published on the mesh or on the host; then
 * scaled, their ports added and removed, removed, and the host restored from a
 * snapshot. Whatever was refused (a port already taken), no address or port is
 * held twice, the mesh's rules are those of the ports published, and the
 * ingress sandbox's IPVS sends each port to the running tasks.
 */

const PUBLISH = ['8080:80', '8081:80', '80', 'published=9090,target=80,mode=host', '8080:81/udp'];

const serviceSpec = fc.record({
  replicas: fc.integer({ min: 0, max: 3 }),
  overlay: fc.boolean(),
  publish: fc.subarray(PUBLISH, { maxLength: 2 }),
});

const later = fc.array(
  fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }))
      .map(([index, replicas]) => `docker service scale -d s${index}=${replicas}`),
    fc
      .tuple(
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('--publish-add 7070:80', '--publish-rm 80', '--publish-add 8080:80'),
      )
      .map(([index, change]) => `docker service update -d ${change} s${index}`),
    fc.integer({ min: 0, max: 2 }).map((index) => `docker service rm s${index}`),
    fc.constant('restore'),
  ),
  { maxLength: 4 },
);

function checkSwarm(snapshot: HostSnapshot): void {
  const { engine, kernel } = snapshot;
  expectLinksMatchEndpoints(snapshot);
  const swarm = engine.swarm!;
  // No address twice on a network: tasks, the ingress sandbox and the services' VIPs.
  const held = [...engine.containers.flatMap((c) => c.endpoints), ...(swarm.ingressSandbox?.endpoints ?? [])].flatMap(
    (e) => (e.address ? [`${e.networkId} ${e.address.address}`] : []),
  );
  const vips = swarm.services.flatMap((s) => s.vips.map((vip) => `${vip.networkId} ${vip.address.address}`));
  expect(new Set([...held, ...vips]).size).toBe(held.length + vips.length);
  // No mesh port twice, and the host's DNAT rules are those ports, each to the sandbox on docker_gwbridge.
  const ingressPorts = swarm.services.flatMap((s) =>
    s.ports.filter((p) => p.publishMode === 'ingress').map((p) => `${p.protocol}/${p.publishedPort}`),
  );
  expect(new Set(ingressPorts).size).toBe(ingressPorts.length);
  const root = kernel.namespaces.get(0)!;
  const dnat = root.netfilter.nat.find((chain) => chain.name === 'DOCKER-INGRESS');
  const gateway = swarm.ingressSandbox!.endpoints.find((e) => e.name === 'gateway_ingress-sbox')!.address!.address;
  const ruled = (dnat?.rules ?? []).flatMap(({ spec }) => {
    if (spec.target.kind !== 'DNAT') return [];
    expect(spec.target.to.addresses?.first).toBe(gateway);
    return [`${spec.protocol}/${spec.destinationPort}`];
  });
  expect(ruled.sort()).toEqual([...ingressPorts].sort());
  const filter = root.netfilter.filter.find((chain) => chain.name === 'DOCKER-INGRESS');
  expect((filter?.rules.length ?? 1) - 1).toBe(2 * ingressPorts.length);
  for (const table of ['nat', 'filter'] as const)
    for (const chain of root.netfilter[table])
      chain.rules.forEach((rule, index) =>
        expect(chain.rules.slice(index + 1).some((other) => sameRule(other.spec, rule.spec))).toBe(false),
      );
  // IPVS in the ingress sandbox: each mesh port to the running tasks' ingress addresses.
  const ingress = engine.networks.find((n) => n.swarm?.ingress)!;
  const sandbox = kernel.namespaces.get(swarm.ingressSandbox!.namespaceId)!;
  for (const service of swarm.services) {
    const tasks = service.tasks
      .map((task) => engine.containers.find((c) => c.id === task.containerId && c.status === 'running'))
      .flatMap((c) => c?.endpoints.find((e) => e.networkId === ingress.id)?.address?.address ?? [])
      .map(formatIpv4);
    for (const port of service.ports.filter((p) => p.publishMode === 'ingress')) {
      const balanced = (sandbox.ipvs ?? []).find((s) => s.protocol === port.protocol && s.port === port.publishedPort);
      expect((balanced?.destinations ?? []).map((d) => formatIpv4(d.address)).sort()).toEqual([...tasks].sort());
      for (const destination of balanced?.destinations ?? []) expect(destination.port).toBe(port.targetPort);
    }
  }
}

describe('swarm services, their ports, scaling, updates and snapshots', () => {
  it('hold no address or port twice, and the mesh matches the published ports', () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(serviceSpec, { minLength: 1, maxLength: 3 }),
        later,
        (seed, services, lines) => {
          let host = Host.create({ seed });
          host.run('docker swarm init');
          host.run('docker network create -d overlay ov');
          services.forEach((service, index) => {
            const publish = service.publish.map((p) => `-p ${p}`).join(' ');
            const network = service.overlay ? '--network ov' : '';
            host.run(
              `docker service create -d --name s${index} --replicas ${service.replicas} ${network} ${publish} nginx`,
            );
          });
          checkSwarm(host.snapshot());
          for (const line of lines) {
            if (line === 'restore') host = Host.fromSnapshot(host.snapshot());
            else expect(typeof host.run(line).exitCode).toBe('number');
            checkSwarm(host.snapshot());
          }
          // A task held Pending (its host-mode port taken) serves nothing: the request needs a running one.
          const { engine } = host.snapshot();
          const running = (task: { containerId?: string }) =>
            engine.containers.some((c) => c.id === task.containerId && c.status === 'running');
          const mesh = engine.swarm!.services.find(
            (s) => s.ports.some((p) => p.publishMode === 'ingress' && p.protocol === 'tcp') && s.tasks.some(running),
          );
          const port = mesh?.ports.find((p) => p.publishMode === 'ingress' && p.protocol === 'tcp')?.publishedPort;
          if (port !== undefined) reached++;
          if (port !== undefined)
            expect(host.run(`curl -s -o /dev/null -w '%{http_code}' localhost:${port}`).stdout).toBe('200');
        },
      ),
      { numRuns: 25 },
    );
    // The runs reached the mesh with a request, not only states without a published port.
    expect(reached).toBeGreaterThan(3);
  });
});
