import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/netsim/clock';
import { Engine, type ContainerCreateRequest } from '../../../src/netsim/engine/engine';
import { inspectContainer } from '../../../src/netsim/engine/inspect-container';
import { Kernel } from '../../../src/netsim/kernel/kernel';
import { SeededRandom } from '../../../src/netsim/random';

function engine(): Engine {
  const random = SeededRandom.fromSeed(1);
  const daemon = Engine.start(Kernel.boot(random), random, new VirtualClock(0));
  for (const name of ['front', 'back'])
    daemon.networks.create({
      name,
      driver: 'bridge',
      ipam: [],
      internal: false,
      attachable: false,
      ingress: false,
      scope: '',
      enableIpv4: undefined,
      enableIpv6: undefined,
      labels: {},
      options: {},
    });
  return daemon;
}

const request = (extra: Partial<ContainerCreateRequest>): ContainerCreateRequest => ({
  name: 'c',
  image: 'alpine',
  command: [],
  networkMode: 'front',
  ip: undefined,
  hostname: undefined,
  autoRemove: false,
  interactive: true,
  publish: [],
  ...extra,
});

// API 1.44+ (moby api/types/network NetworkingConfig): EndpointsConfig may name several networks at create,
// as Compose sends them (pkg/compose/create.go defaultNetworkSettings); an Entrypoint is a list.
describe('POST /containers/create with several endpoints', () => {
  it('configures every network named, each with its aliases, and starts on all of them', () => {
    const daemon = engine();
    const { container } = daemon.containers.create(
      request({
        aliases: ['c', 'web'],
        endpoints: [{ network: 'back', aliases: ['c', 'web', 'db'], ip: undefined, ipamSent: false }],
      }),
    );
    daemon.containers.start(container.id);
    const networks = (
      inspectContainer(container, daemon.networks.list()) as {
        NetworkSettings: { Networks: Record<string, { Aliases: unknown; IPAMConfig: unknown }> };
      }
    ).NetworkSettings.Networks;
    expect(Object.keys(networks)).toEqual(['back', 'front']);
    expect(JSON.parse(JSON.stringify(networks['back']!.Aliases))).toEqual(['c', 'web', 'db']);
    expect(container.endpoints.map((endpoint) => endpoint.interfaceName)).toEqual(['eth0', 'eth1']);
  });

  it('shows an IPAMConfig of {} where one was sent, null where none was', () => {
    const daemon = engine();
    const { container } = daemon.containers.create(
      request({ ipamSent: true, endpoints: [{ network: 'back', aliases: [], ip: undefined, ipamSent: false }] }),
    );
    const networks = JSON.parse(
      JSON.stringify(
        (inspectContainer(container, daemon.networks.list()) as { NetworkSettings: { Networks: unknown } })
          .NetworkSettings.Networks,
      ),
    );
    expect(networks.front.IPAMConfig).toEqual({});
    expect(networks.back.IPAMConfig).toBeNull();
  });

  it('refuses a network that does not exist, as the daemon does', () => {
    expect(() =>
      engine().containers.create(
        request({ endpoints: [{ network: 'nope', aliases: [], ip: undefined, ipamSent: false }] }),
      ),
    ).toThrow('network nope not found');
  });

  it("takes an entrypoint as a list; an empty one resets the image's", () => {
    const daemon = engine();
    expect(
      daemon.containers.create(request({ name: 'a', entrypoint: ['sh', '-c'], command: ['echo hi'] })).container
        .command,
    ).toBe('sh -c echo hi');
    expect(
      daemon.containers.create(request({ name: 'b', entrypoint: [], command: ['ls'] })).container.config.entrypoint,
    ).toBeNull();
  });
});
