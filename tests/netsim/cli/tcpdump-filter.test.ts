import { describe, expect, it } from 'vitest';
import { matches } from '../../../src/netsim/kernel/capture';
import { parseCaptureFilter } from '../../../src/netsim/cli/tcpdump-filter';
import type { Frame } from '../../../src/netsim/wire/frame';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';
import type { Mac } from '../../../src/netsim/wire/mac';
import type { Packet } from '../../../src/netsim/wire/packet';

const frame = (packet: Partial<Packet>): Frame => ({
  timeUs: 0,
  namespace: 0,
  ifindex: 1,
  device: 'eth0',
  packetType: 'host',
  promiscuousOnly: false,
  sourceMac: '02:00:00:00:00:01' as Mac,
  destinationMac: '02:00:00:00:00:02' as Mac,
  payload: {
    kind: 'ip',
    packet: {
      protocol: 'tcp',
      tcp: 'syn',
      source: parseIpv4('10.0.0.1')!,
      destination: parseIpv4('10.0.0.2')!,
      sourcePort: 40000,
      destinationPort: 80,
      length: 60,
      ttl: 64,
      ...packet,
    },
  },
});

function accepts(expression: string, packet: Partial<Packet>): boolean {
  const parsed = parseCaptureFilter(expression.split(' '));
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.filter === undefined || matches(parsed.filter, frame(packet));
}

describe('pcap-filter expressions', () => {
  it.each([
    ['icmp', {}, false],
    ['tcp', {}, true],
    ['port 80', {}, true],
    ['tcp port 80', {}, true],
    ['udp port 80', {}, false],
    ['src port 80', {}, false],
    ['dst port 80', {}, true],
    ['port http', {}, true],
    ['host 10.0.0.2', {}, true],
    ['src host 10.0.0.2', {}, false],
    ['dst host 10.0.0.2', {}, true],
    ['not host 10.0.0.2', {}, false],
    ['icmp or port 80', {}, true],
    ['tcp and not port 80', {}, false],
    ['host 10.0.0.9 or 10.0.0.1', {}, true],
    ['( icmp or tcp ) and src 10.0.0.1', {}, true],
    ['!tcp', {}, false],
  ] as const)('%s', (expression, packet, expected) => {
    expect(accepts(expression, packet)).toBe(expected);
  });

  // grammar.y yyerror; gencode.c gen_port: "illegal port number %d > 65535"; gen_scode: "unknown host '%s'".
  it.each([
    ['port', "can't parse filter expression: syntax error"],
    ['icmp and', "can't parse filter expression: syntax error"],
    ['port 70000', 'illegal port number 70000 > 65535'],
    ['host nosuchname', "unknown host 'nosuchname'"],
  ])('refuses %s', (expression, message) => {
    expect(parseCaptureFilter(expression.split(' '))).toEqual({ error: message });
  });
});
