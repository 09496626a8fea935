import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Host, type HostSnapshot } from '../../src/netsim/index';
import { sameRule } from '../../src/netsim/kernel/netfilter/rule';
import { formatIpv4 } from '../../src/netsim/wire/ipv4';
import { expectLinksMatchEndpoints } from './host-invariants';

/**
 * Compose projects as a reader might write them: services on the default or
 * named networks (with or without ipam), aliases, published ports, depends_on,
 * network_mode service:x, replicas; then up, `docker network connect` with its
 * options, a daemon restart, down and up again. Whatever happened (a clash of
 * ports or addresses is refused, not half-done), the kernel and the daemon must
 * agree, and the embedded DNS must answer each container's name with its
 * current address (libnetwork: the endpoint's DNS names on each network).
 */

const SUBNETS = ['10.60.0.0/24', '10.61.0.0/24'];

interface ServiceSpec {
  image: 'nginx' | 'alpine' | 'traefik/whoami';
  networks: string[];
  alias: boolean;
  port: string | undefined;
  dependsOn: boolean;
  sharesFirst: boolean;
  scale: number;
}

const serviceSpec = fc.record({
  image: fc.constantFrom('nginx' as const, 'alpine' as const, 'traefik/whoami' as const),
  networks: fc.subarray(['front', 'back']),
  alias: fc.boolean(),
  port: fc.option(fc.constantFrom('8080:80', '8081:80', '80', '127.0.0.1:8082:80'), { nil: undefined }),
  dependsOn: fc.boolean(),
  sharesFirst: fc.boolean(),
  scale: fc.constantFrom(1, 1, 2),
});

const projectSpec = fc.record({
  services: fc.array(serviceSpec, { minLength: 1, maxLength: 4 }),
  ipam: fc.record({ front: fc.boolean(), back: fc.boolean() }),
});

function composeYaml({ services, ipam }: { services: ServiceSpec[]; ipam: { front: boolean; back: boolean } }): string {
  const lines = ['services:'];
  services.forEach((service, index) => {
    lines.push(`  s${index}:`, `    image: ${service.image}`);
    if (service.image === 'alpine') lines.push('    command: sleep 1000');
    // network_mode: service:s0 takes no networks, ports nor aliases (compose-go checkConsistency; the daemon refuses ports).
    if (index > 0 && service.sharesFirst) {
      lines.push('    network_mode: service:s0');
      return;
    }
    if (service.scale > 1 && !service.port?.includes(':')) lines.push(`    scale: ${service.scale}`);
    if (service.port) lines.push('    ports:', `      - "${service.port}"`);
    if (index > 0 && service.dependsOn) lines.push('    depends_on:', `      - s${index - 1}`);
    if (service.networks.length > 0) {
      lines.push('    networks:');
      for (const network of service.networks)
        lines.push(
          `      ${network}:`,
          ...(service.alias ? ['        aliases:', `          - ${network}-s${index}`] : []),
        );
    }
  });
  const used = new Set(
    services.flatMap((service, index) => (index > 0 && service.sharesFirst ? [] : service.networks)),
  );
  if (used.size > 0) {
    lines.push('networks:');
    ['front', 'back'].forEach((network, index) => {
      if (!used.has(network)) return;
      lines.push(`  ${network}:`);
      if (ipam[network as 'front' | 'back'])
        lines.push('    ipam:', '      config:', `        - subnet: ${SUBNETS[index]}`);
    });
  }
  return `${lines.join('\n')}\n`;
}

const afterUp = fc.array(
  fc.oneof(
    fc.constantFrom(
      'sudo systemctl restart docker',
      'docker compose down',
      'docker compose up -d',
      'docker compose restart',
      'docker compose stop s0',
      'docker compose up -d --scale s0=2',
    ),
    fc
      .tuple(
        fc.constantFrom('', '--alias extra', '--ip 10.60.0.50', '--ip 10.61.0.77 --alias again'),
        fc.constantFrom('app_front', 'app_back'),
        fc.constantFrom('app-s0-1', 'app-s1-1'),
      )
      .map(([options, network, container]) => `docker network connect ${options} ${network} ${container}`),
  ),
  { maxLength: 4 },
);

/** The kernel and the daemon agree, and nothing is held twice (the invariants of daemon-restart.property.test.ts). */
function checkKernelAndDaemon(snapshot: HostSnapshot): void {
  const { engine, kernel } = snapshot;
  const root = kernel.namespaces.get(0)!;
  expectLinksMatchEndpoints(snapshot);
  const endpoints = engine.containers.flatMap((c) => c.endpoints);
  const published = endpoints.flatMap((e) => e.published).filter((p) => p.hostPort !== 0);
  const bindings = published.map((p) => `${p.hostIp}/${p.hostPort}/${p.protocol}`);
  expect(new Set(bindings).size).toBe(bindings.length);
  const listeners = root.sockets
    .filter((socket) => socket.service.kind === 'docker-proxy')
    .map((socket) => `${socket.address}/${socket.port}/${socket.protocol}`);
  expect(listeners.sort()).toEqual([...bindings].sort());
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
  const forwarded = published.filter((p) => !p.hostIp.includes(':'));
  expect(root.netfilter.nat.find((chain) => chain.name === 'DOCKER')?.rules ?? []).toHaveLength(forwarded.length);
}

/**
 * Each running container's name resolves, from every running container sharing
 * a user network with it, to its address on one of the networks they share: the
 * sandbox asks its endpoints' networks in turn and the first that knows the name
 * answers (libnetwork sandbox_dns_unix.go ResolveName).
 */
function checkNames(host: Host, snapshot: HostSnapshot): void {
  const running = snapshot.engine.containers.filter((c) => c.status === 'running');
  const userNetworks = new Set(
    snapshot.engine.networks.filter((n) => !['bridge', 'host', 'none'].includes(n.name)).map((n) => n.id),
  );
  for (const target of running) {
    for (const from of running.filter((c) => c !== target)) {
      const shared = target.endpoints.filter(
        (e) => userNetworks.has(e.networkId) && from.endpoints.some((own) => own.networkId === e.networkId),
      );
      if (shared.length === 0) continue;
      const verdicts = host.checkGoals(
        shared.map((e) => ({
          kind: 'resolves' as const,
          from: from.name,
          name: target.name,
          address: formatIpv4(e.address!.address),
          dnsOnly: true,
        })),
      );
      expect(
        verdicts.some((verdict) => verdict.pass),
        `${from.name} -> ${target.name}: ${JSON.stringify(verdicts)}`,
      ).toBe(true);
    }
  }
}

describe('Compose projects, up, connect options and daemon restarts', () => {
  it('keep links, endpoints, listeners, rules and names consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), projectSpec, afterUp, (seed, project, lines) => {
        const host = Host.create({ seed });
        host.run('mkdir -p app && cd app');
        host.run(`cat > compose.yaml <<'EOF'\n${composeYaml(project)}EOF`);
        expect(typeof host.run('docker compose up -d').exitCode).toBe('number');
        checkKernelAndDaemon(host.snapshot());
        checkNames(host, host.snapshot());
        for (const line of lines) {
          expect(typeof host.run(line).exitCode).toBe('number');
          checkKernelAndDaemon(host.snapshot());
          checkNames(host, host.snapshot());
        }
      }),
      { numRuns: 60 },
    );
  });
});
