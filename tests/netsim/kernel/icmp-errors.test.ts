import { describe, expect, it } from 'vitest';
import { Datapath } from '../../../src/netsim/kernel/datapath';
import type { Kernel } from '../../../src/netsim/kernel/kernel';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';
import { formatIpv4, parseIpv4 } from '../../../src/netsim/wire/ipv4';
import type { Packet } from '../../../src/netsim/wire/packet';
import { worldOf } from '../../../src/netsim/world';
import { hostWithSeed } from '../host-fixtures';

/** c1 (alpine, 172.17.0.2) on the default bridge, driven packet by packet through the host's kernel. */
function setup() {
  const host = hostWithSeed(3)('docker run -d --name c1 alpine sleep 1d');
  const kernel = (host as unknown as { parts: { kernel: Kernel } }).parts.kernel;
  const container = [...kernel.state.namespaces.values()].find(
    (namespace) =>
      namespace !== kernel.root &&
      [...namespace.links.values()].some((link) =>
        link.addresses.some((a) => formatIpv4(a.cidr.address) === '172.17.0.2'),
      ),
  )!;
  const datapath = new Datapath(kernel, worldOf(DEBIAN_DOCKER_HOST), 0);
  const probe = (ttl: number, destination = '8.8.8.8'): Packet => ({
    protocol: 'udp',
    source: parseIpv4('172.17.0.2')!,
    destination: parseIpv4(destination)!,
    sourcePort: 40000,
    destinationPort: 33434 + ttl,
    length: 60,
    ttl,
  });
  return { kernel, container, datapath, probe };
}

describe('ICMP errors for what cannot go on', () => {
  it('a forwarded datagram arriving with TTL 1 is not forwarded: the host answers time exceeded from docker0, the route back to the sender', () => {
    const { kernel, container, datapath, probe } = setup();
    const fate = datapath.send(container, probe(1));
    expect(fate.kind).toBe('expired');
    if (fate.kind !== 'expired') return;
    expect(fate.namespace).toBe(kernel.root);
    expect(formatIpv4(fate.reporter)).toBe('172.17.0.1');
    const back = datapath.answerWithError(fate);
    expect(back?.kind).toBe('local');
    if (back?.kind !== 'local') return;
    expect(back.namespace).toBe(container);
    expect({ icmp: back.packet.icmp, source: formatIpv4(back.packet.source), length: back.packet.length }).toEqual({
      icmp: 'time-exceeded',
      source: '172.17.0.1',
      length: 88,
    });
  });

  it("the LAN's router's time exceeded about a masqueraded datagram is translated back to the container, the quoted datagram too", () => {
    const { container, datapath, probe } = setup();
    const fate = datapath.send(container, probe(2));
    expect(fate).toMatchObject({ kind: 'expired-remote', hop: 0 });
    const back = datapath.answerWithError(fate);
    expect(back?.kind).toBe('local');
    if (back?.kind !== 'local') return;
    expect(back.namespace).toBe(container);
    expect([
      formatIpv4(back.packet.source),
      formatIpv4(back.packet.destination),
      formatIpv4(back.packet.quoted!.source),
      back.packet.quoted!.sourcePort,
    ]).toEqual(['192.168.1.1', '172.17.0.2', '172.17.0.2', 40000]);
  });

  it('a router beyond the LAN that sends nothing leaves the sender without an answer', () => {
    const { container, datapath, probe } = setup();
    const fate = datapath.send(container, probe(3));
    expect(fate).toMatchObject({ kind: 'expired-remote', hop: 1, reporter: undefined });
    expect(datapath.answerWithError(fate)).toBeUndefined();
  });

  it('a datagram that arrives at a port nobody holds is answered port unreachable from the address it was for', () => {
    const { container, datapath, probe } = setup();
    const back = datapath.answerWithError(datapath.send(container, probe(1, '172.17.0.1')));
    expect(back?.kind).toBe('local');
    if (back?.kind !== 'local') return;
    expect({ icmp: back.packet.icmp, source: formatIpv4(back.packet.source) }).toEqual({
      icmp: 'port-unreachable',
      source: '172.17.0.1',
    });
  });
});
