import { describe, expect, it } from 'vitest';
import { Host } from '../../../src/netsim/index';
import { readGolden, stepsOf } from '../golden';

/**
 * `ip -o`, BusyBox's `ip -o` and the tools' version options, against
 * golden/linux/session.host-tools.txt: a Docker-like host (eth0, docker0 with
 * one container c1 at 172.17.0.2) built by hand in namespaces on Debian 12.
 * What differs on purpose: MACs are random on both sides; the capture's
 * iproute2 6.1.0, libbpf 1.1.2 and iputils 20221126 are Debian 12's where
 * netsim is Debian 13 (6.15.0, 1.5.0, 20240905, the same printf formats:
 * ip.c, ss.c, bridge.c, ping.c); the capture's container interface keeps its
 * IPv6 link-local address, which Docker disables on an IPv4-only network, and
 * its hand-made veth has the default qlen 1000 where Docker's has none.
 */
const steps = stepsOf(readGolden('linux/session.host-tools.txt').stdout);
const captured = (command: string) => {
  const step = steps.find((candidate) => candidate.command === command);
  if (!step) throw new Error(`no step ${command}`);
  return step.output;
};
const macs = (text: string) =>
  text.replace(/([0-9a-f]{2}:){5}[0-9a-f]{2}/g, (mac) =>
    mac === '00:00:00:00:00:00' || mac === 'ff:ff:ff:ff:ff:ff' ? mac : 'MAC',
  );
const debian13 = (text: string) =>
  text
    .replace('iproute2-6.1.0, libbpf 1.1.2', 'iproute2-6.15.0, libbpf 1.5.0')
    .replace('iproute2-6.1.0', 'iproute2-6.15.0')
    .replace('bridge utility, 6.1.0', 'bridge utility, 6.15.0')
    .replace('iputils 20221126', 'iputils 20240905');

function dockerHost(): Host {
  const host = Host.create({ seed: 1 });
  host.run('docker run -d --name c1 nginx');
  return host;
}

describe('ip -o: one record a line', () => {
  it('ip -o -4 addr and ip -o route on the host', () => {
    const host = dockerHost();
    expect(host.run('ip -o -4 addr').stdout).toBe(captured('ip -o -4 addr'));
    expect(host.run('ip -o route').stdout).toBe(captured('ip -o route'));
  });

  it('ip -o addr: no link lines, each address after its index and bare name', () => {
    const ours = Host.create({ seed: 1 }).run('ip -o addr').stdout.split('\n');
    const theirs = captured('ip -o addr').split('\n');
    expect(ours.slice(0, 3)).toEqual([
      theirs[0],
      theirs[1]!.replace('scope host ', 'scope host proto kernel_lo '),
      theirs[2],
    ]);
  });

  it('ip -o link: the link-layer line after a backslash', () => {
    const line = dockerHost().run('ip -o link show docker0').stdout;
    expect(macs(line)).toBe(
      macs(captured('ip -o link show docker0')).replace('group default qlen 1000\\', 'group default \\'),
    );
  });

  it("BusyBox's ip -o in a busybox container", () => {
    const host = dockerHost();
    host.run('docker run -dit --name b busybox');
    const addresses = captured('ip netns exec c1 busybox ip -o addr')
      .split('\n')
      .filter((line) => !line.startsWith('2: eth0    inet6'));
    expect(host.run('docker exec b ip -o addr').stdout.replace('172.17.0.3', '172.17.0.2')).toBe(addresses.join('\n'));
    const links = macs(captured('ip netns exec c1 busybox ip -o link'))
      .replace('qdisc noqueue qlen 1000\\    link/ether', 'qdisc noqueue \\    link/ether')
      .replace('eth0@if4', 'eth0@if5');
    expect(macs(host.run('docker exec b ip -o link').stdout)).toBe(links);
    expect(host.run('docker exec b ip -oneline route').stdout.replace('172.17.0.3', '172.17.0.2')).toBe(
      captured('ip netns exec c1 busybox ip -oneline route'),
    );
  });
});

describe('version options', () => {
  it.each(['ip -V', 'ip -Version', 'ss -V', 'ss --version', 'ping -V'])('%s', (command) => {
    expect(Host.create({ seed: 1 }).run(command)).toMatchObject({ stdout: debian13(captured(command)), exitCode: 0 });
  });

  it("bridge -V, with sudo: /usr/sbin is not on the user's PATH", () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('bridge -V').stderr).toBe('bash: bridge: command not found\n');
    expect(host.run('sudo bridge -V').stdout).toBe(debian13(captured('bridge -V')));
  });
});

describe("ip's other options", () => {
  it('are refused as not simulated rather than unknown (ip.c main knows them)', () => {
    const host = Host.create({ seed: 1 });
    expect(host.run('ip -human link show docker0')).toMatchObject({
      stderr: 'ip: option "-human" is not available in this simulator yet.\n',
      exitCode: 255,
    });
    expect(host.run('ip -x link').stderr).toBe('Option "-x" is unknown, try "ip -help".\n');
  });
});
