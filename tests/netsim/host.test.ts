import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Host } from '../../src/netsim/index';

const session = ['docker network ls', 'docker network create red1', 'docker network create --subnet 10.10.0.0/24 red2', 'ip a', 'ip route', 'docker network rm red1', 'ip -br link'];

describe('Host', () => {
  it('prints the same bytes for the same seed', () => {
    const run = (seed: number) => {
      const host = Host.create({ seed });
      return session.map((line) => host.run(line));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('restores a snapshot to the same future', () => {
    const host = Host.create({ seed: 3 });
    host.run('docker network create red1');
    const snapshot = host.snapshot();
    const first = session.map((line) => host.run(line));
    host.restore(snapshot);
    expect(session.map((line) => host.run(line))).toEqual(first);
  });

  it('keeps a snapshot apart from later changes', () => {
    const host = Host.create({ seed: 3 });
    const snapshot = host.snapshot();
    host.run('docker network create red1');
    host.restore(snapshot);
    expect(host.run('docker network ls').stdout).not.toContain('red1');
  });
});

const commands = fc.oneof(
  fc.constantFrom('docker network ls', 'docker network ls -q', 'ip a', 'ip -br a', 'ip route', 'ip -4 addr', 'ip link', 'docker network prune', 'ip x', 'docker'),
  fc.tuple(fc.constantFrom('red1', 'red2', 'bridge', 'host', 'none', 'x y'), fc.constantFrom('', '-d bridge', '-d host', '-d overlay', '--subnet 10.1.0.0/16', '--subnet 172.18.0.0/16', '--subnet 1.2.3./8', '--internal', '--bogus')).map(([name, flags]) => `docker network create ${flags} ${name}`),
  fc.constantFrom('red1', 'red2', 'bridge', 'nosuch', '').map((name) => `docker network rm ${name}`),
  fc.string({ maxLength: 30 }),
);

describe('Host under random command sequences', () => {
  it('never raises an internal error, and keeps networks and bridges consistent', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(commands, { maxLength: 40 }), (seed, lines) => {
        const host = Host.create({ seed });
        for (const line of lines) {
          const result = host.run(line);
          expect(typeof result.exitCode).toBe('number');
        }
        const snapshot = host.snapshot();
        const bridges = [...snapshot.kernel.namespaces.get(0)!.links.values()].filter((link) => link.kind === 'bridge').map((link) => link.name).sort();
        const networks = snapshot.engine.networks.flatMap((network) => (network.bridgeName ? [network.bridgeName] : [])).sort();
        expect(bridges).toEqual(networks);
        const subnets = snapshot.engine.networks.flatMap((network) => network.ipam.map((config) => `${config.subnet.address}/${config.subnet.prefix}`));
        expect(new Set(subnets).size).toBe(subnets.length);
      }),
      { numRuns: 150 },
    );
  });
});
