import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden } from '../golden';

/**
 * golden/tools/capture-route-get.sh lays a namespace out as netsim's host (eth0
 * 192.168.1.10/24 via 192.168.1.1, docker0 172.17.0.1/16 without carrier), so each
 * capture is what the host prints: the user's lookups as the host user, `ip ...` as root with sudo.
 */
describe('ip route get, against the captures', () => {
  it.each([
    'ip-route-get-internet',
    'ip-route-get-docker0',
    'ip-route-get-gateway',
    'ip-route-get-own-address',
    'ip-route-get-loopback',
    'ip-route-get-root',
    'ip-route-get-from',
    'ip-route-get-abbreviated',
    'ip-route-get-nothing',
    'ip-route-get-name',
    'ip-route-get-extra',
  ])('%s', (name) => {
    const golden = readGolden(`tools/${name}.txt`);
    const command = golden.command!.startsWith('user ')
      ? golden.command!.slice('user '.length)
      : `sudo ${golden.command}`;
    const result = Host.create({ seed: 1 }).run(command);
    expect(result.stdout).toBe(golden.stdout);
    expect(result.stderr).toBe(golden.stderr ?? '');
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it('answers Network is unreachable without a route', () => {
    const golden = readGolden('tools/ip-route-get-unreachable.txt');
    const host = Host.create({ seed: 1 });
    host.run('sudo ip route del default');
    const result = host.run('ip route get 8.8.8.8');
    expect(result.stderr).toBe(golden.stderr);
    expect(result.exitCode).toBe(golden.exitCode);
  });

  it("answers in a container with the container's route and uid 0", () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -dit --name c nicolaka/netshoot');
    expect(host.run('docker exec c ip route get 8.8.8.8').stdout).toBe(
      '8.8.8.8 via 172.17.0.1 dev eth0 src 172.17.0.2 uid 0 \n    cache \n',
    );
  });
});
