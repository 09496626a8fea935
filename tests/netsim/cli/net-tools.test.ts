import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden, stepsOf } from '../golden';

/**
 * net-tools' `arp` and `route` (Debian's net-tools 2.10, the version of
 * Debian 12 and 13) and BusyBox's applets, against
 * golden/linux/session.host-tools.txt: a Docker-like host whose ARP cache
 * holds the router (192.168.1.1) and a container (172.17.0.2) after a ping
 * each. MACs are random on both sides, and /proc/net/arp lists the entries
 * in the order of the kernel's neighbour hash (seeded at boot), so several
 * entries are compared as a set.
 */
const steps = stepsOf(readGolden('linux/session.host-tools.txt').stdout);
const captured = (command: string) => {
  const step = steps.find((candidate) => candidate.command === command);
  if (!step) throw new Error(`no step ${command}`);
  return step.output;
};
const macs = (text: string) => text.replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, 'MAC');
const unordered = (text: string) => {
  const [first = '', ...rest] = text.split('\n');
  return first.startsWith('Address ') ? [first, ...rest.sort()] : [first, ...rest].sort();
};

function hostAfterPings(): Host {
  const host = Host.create({ seed: 1 });
  host.run('docker run -d --name c1 nginx');
  host.run('ping -c1 192.168.1.1');
  host.run('ping -c1 172.17.0.2');
  return host;
}

describe("net-tools' arp and route on the host (as root: /usr/sbin)", () => {
  it.each([
    'arp -n',
    'arp -an',
    'arp',
    'arp -n -i docker0',
    'arp -n 172.17.0.2',
    'arp -n 10.9.9.9',
    'route -n',
    'route',
  ])('%s', (command) => {
    const result = hostAfterPings().run(`sudo ${command}`);
    expect({ lines: unordered(macs(result.stdout)), exitCode: result.exitCode }).toEqual({
      lines: unordered(macs(captured(command))),
      exitCode: 0,
    });
  });

  it("is not on the user's PATH", () => {
    expect(hostAfterPings().run('arp -n').stderr).toBe('bash: arp: command not found\n');
  });
});

describe("BusyBox's arp and route in a busybox container", () => {
  const container = () => {
    const host = Host.create({ seed: 1 });
    host.run('docker run -dit --name b busybox');
    host.run('docker exec b ping -c1 172.17.0.1');
    return host;
  };

  it.each(['arp -n', 'arp -a', 'route -n', 'route'])('%s', (command) => {
    expect(macs(container().run(`docker exec b ${command}`).stdout)).toBe(
      macs(captured(`ip netns exec c1 busybox ${command}`)),
    );
  });
});
