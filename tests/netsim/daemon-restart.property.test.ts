import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Host, type HostSnapshot } from '../../src/netsim/index';
import { sameRule } from '../../src/netsim/kernel/netfilter/rule';
import { expectLinksMatchEndpoints } from './host-invariants';

/** daemon.json as a reader might write it: each key the simulator acts on, a mix, a key dockerd does not know, broken JSON. */
const DAEMON_JSONS = [
  '{}',
  '{"userland-proxy": false}',
  '{"iptables": false}',
  '{"bip": "10.55.0.1/24"}',
  '{"default-address-pools": [{"base": "10.200.0.0/16", "size": 24}]}',
  '{"ip": "127.0.0.1"}',
  '{"userland-proxy": false, "ip": "127.0.0.1", "dns": ["9.9.9.9"]}',
  '{"colour": "red"}',
  '{"iptables": false,',
];

const daemonLines = fc.oneof(
  fc.constantFrom(...DAEMON_JSONS).map((json) => `echo '${json}' | sudo tee /etc/docker/daemon.json`),
  fc.constantFrom(
    'sudo systemctl restart docker',
    'sudo systemctl restart docker',
    'sudo systemctl stop docker',
    'sudo systemctl start docker',
    'systemctl restart docker',
    'sudo rm /etc/docker/daemon.json',
    'systemctl status docker',
    'sudo journalctl -u docker -n 3',
  ),
);

const dockerLines = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('red1', 'red2'),
      fc.constantFrom(
        '',
        '--subnet 10.55.0.0/16',
        '-o com.docker.network.bridge.gateway_mode_ipv4=routed',
        '-o com.docker.network.bridge.gateway_mode_ipv4=nat-unprotected',
        '--internal',
      ),
    )
    .map(([name, flags]) => `docker network create ${flags} ${name}`),
  fc
    .tuple(
      fc.constantFrom('--name c1', '--name c2', '--name web', ''),
      fc.constantFrom('', '--restart always', '--restart unless-stopped', '--restart on-failure', '--rm'),
      fc.constantFrom('', '--network red1', '--network red2', '--network host'),
      fc.constantFrom('', '-p 8080:80', '-p 127.0.0.1:8081:80', '-p 80', '-p 5353:53/udp'),
      fc.constantFrom('nginx', 'alpine sleep 1000'),
    )
    .map(([name, restart, network, ports, image]) => `docker run -d ${name} ${restart} ${network} ${ports} ${image}`),
  fc
    .tuple(fc.constantFrom('stop', 'start', 'rm -f', 'kill', 'restart'), fc.constantFrom('c1', 'c2', 'web'))
    .map(([verb, name]) => `docker ${verb} ${name}`),
  fc
    .tuple(fc.constantFrom('connect', 'disconnect'), fc.constantFrom('red1', 'red2'), fc.constantFrom('c1', 'web'))
    .map(([verb, net, name]) => `docker network ${verb} ${net} ${name}`),
  fc.constantFrom(
    'docker network rm red1',
    'docker network prune -f',
    'docker ps -a',
    'curl -s 127.0.0.1:8080',
    'curl -s 127.0.0.1:8081',
    'sudo iptables -t nat -S',
  ),
);

/** What must hold whatever the session did: the kernel and the daemon agree, and nothing is held twice. */
function checkInvariants(snapshot: HostSnapshot): void {
  const { engine, kernel } = snapshot;
  const root = kernel.namespaces.get(0)!;
  const config = engine.service?.config;
  const iptables = config?.iptables ?? true;
  const proxy = config?.userlandProxy ?? true;
  const running = engine.service?.active !== 'failed' && engine.service?.active !== 'inactive';
  // Bridges and networks: one each way; no subnet twice.
  const bridges = [...root.links.values()]
    .filter((link) => link.kind === 'bridge')
    .map((link) => link.name)
    .sort();
  expect(bridges).toEqual(
    engine.networks.flatMap((network) => (network.bridgeName ? [network.bridgeName] : [])).sort(),
  );
  // Every veth has its peer; a host end per endpoint; endpoints only while running, each address once per network; no subnet twice.
  expectLinksMatchEndpoints(snapshot);
  const endpoints = engine.containers.flatMap((c) => c.endpoints);
  if (!running) expect(engine.containers.filter((c) => c.status === 'running')).toEqual([]);
  // A container on the default bridge names the one made at the last start (a pruned user network may stay named, as in moby).
  const bridge = engine.networks.find((network) => network.name === 'bridge')!;
  for (const container of engine.containers) {
    for (const [id, settings] of Object.entries(container.endpointSettings))
      if (settings.networkName === 'bridge') expect(id, container.name).toBe(bridge.id);
  }
  // Published bindings: none twice; each held by exactly one listener, docker-proxy's or dockerd's.
  const published = endpoints.flatMap((e) => e.published).filter((p) => p.hostPort !== 0);
  const bindings = published.map((p) => `${p.hostIp}/${p.hostPort}/${p.protocol}`);
  expect(new Set(bindings).size).toBe(bindings.length);
  const listeners = root.sockets
    .filter((socket) => socket.service.kind === (proxy ? 'docker-proxy' : 'held'))
    .map((socket) => `${socket.address}/${socket.port}/${socket.protocol}`);
  expect(listeners.sort()).toEqual([...bindings].sort());
  expect(root.sockets.filter((socket) => socket.service.kind === (proxy ? 'held' : 'docker-proxy'))).toEqual([]);
  // No rule twice in a chain (iptables.Rule ensure), whatever restarts came between.
  for (const table of ['raw', 'nat', 'filter'] as const) {
    for (const chain of root.netfilter[table]) {
      chain.rules.forEach((rule, index) =>
        expect(
          chain.rules.slice(index + 1).some((other) => sameRule(other.spec, rule.spec)),
          `${table} ${chain.name}`,
        ).toBe(false),
      );
    }
  }
  // Per-port rules match the endpoints: a DNAT per IPv4 binding with a host port, none once iptables is off.
  const internal = new Set(engine.networks.filter((n) => n.internal).map((n) => n.id));
  const forwarded = endpoints
    .filter((e) => !internal.has(e.networkId))
    .flatMap((e) => e.published)
    .filter((p) => p.hostPort !== 0 && !p.hostIp.includes(':'));
  const dnat = root.netfilter.nat.find((chain) => chain.name === 'DOCKER')?.rules ?? [];
  expect(dnat).toHaveLength(iptables ? forwarded.length : 0);
  const loopbackDrops = (root.netfilter.raw.find((chain) => chain.name === 'PREROUTING')?.rules ?? []).filter(
    (rule) => rule.spec.inInterface?.value === 'lo',
  );
  expect(loopbackDrops).toHaveLength(iptables ? forwarded.filter((p) => p.hostIp.startsWith('127.')).length : 0);
}

describe('Host across daemon restarts', () => {
  it('keeps links, endpoints, listeners and rules consistent when daemon.json changes and dockerd restarts', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.oneof(dockerLines, dockerLines, daemonLines), { maxLength: 30 }),
        (seed, lines) => {
          const host = Host.create({ seed });
          for (const line of lines) expect(typeof host.run(line).exitCode).toBe('number');
          checkInvariants(host.snapshot());
          // One more restart with what is on disk: the same invariants, and always-restart containers that were up are up again.
          const before = host
            .snapshot()
            .engine.containers.filter((c) => c.status === 'running' && c.config.restartPolicy.name === 'always')
            .map((c) => c.name);
          const restart = host.run('sudo systemctl restart docker');
          const after = host.snapshot();
          checkInvariants(after);
          if (restart.exitCode === 0) {
            const up = new Set(after.engine.containers.filter((c) => c.status === 'running').map((c) => c.name));
            for (const name of before) expect(up.has(name), name).toBe(true);
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});
