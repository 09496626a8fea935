import { describe, expect, it } from 'vitest';
import { formatFrames, formatStatistics } from '../../../src/netsim/format/tcpdump';
import type { Frame } from '../../../src/netsim/wire/frame';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';
import type { Mac } from '../../../src/netsim/wire/mac';

const echo = (device: string, packetType: Frame['packetType'], timeUs: number): Frame => ({
  timeUs,
  namespace: 0,
  ifindex: 3,
  device,
  packetType,
  promiscuousOnly: false,
  sourceMac: '02:42:ac:11:00:02' as Mac,
  destinationMac: '02:42:ac:11:00:03' as Mac,
  payload: {
    kind: 'ip',
    packet: {
      protocol: 'icmp',
      icmp: 'echo-request',
      icmpSequence: 1,
      source: parseIpv4('172.17.0.2')!,
      destination: parseIpv4('172.17.0.3')!,
      sourcePort: 5,
      destinationPort: 5,
      length: 84,
      ttl: 64,
    },
  },
});

describe('tcpdump printer', () => {
  // tcpdump.c info(): "%u packet%s captured" with PLURAL_SUFFIX.
  it('says "packet" for one and "packets" otherwise', () => {
    expect(formatStatistics(1, 1)).toBe(
      '1 packet captured\n1 packet received by filter\n0 packets dropped by kernel\n',
    );
    expect(formatStatistics(0, 2)).toBe(
      '0 packets captured\n2 packets received by filter\n0 packets dropped by kernel\n',
    );
  });

  // util-print.c ts_date_hmsfrac_format: "%H:%M:%S" and ".%06u" microseconds.
  it('stamps lines with the time of day to the microsecond', () => {
    const at = Date.UTC(2026, 10, 16, 12, 0, 0) * 1000 + 123_456;
    expect(formatFrames([echo('docker0', 'host', at)], { numeric: true, linkHeader: false, cooked: false })).toBe(
      '12:00:00.123456 IP 172.17.0.2 > 172.17.0.3: ICMP echo request, id 5, seq 1, length 64\n',
    );
  });

  // print-sll.c sll2_if_print: "%-5s " then "%-3s ": short names are padded, long ones push the line on.
  it('pads the device to 5 and the direction to 3 on "any"', () => {
    const display = { numeric: true, linkHeader: false, cooked: true };
    expect(formatFrames([echo('eth0', 'outgoing', 0)], display)).toContain(' eth0  Out IP ');
    expect(formatFrames([echo('vethab12cd3', 'otherhost', 0)], display)).toContain(' vethab12cd3 P   IP ');
    expect(formatFrames([echo('lo', 'host', 0)], display)).toContain(' lo    In  IP ');
  });

  // print-sll.c sll2_print with -e: "ifindex %u ", the address, "ethertype %s (0x%04x)", ", length %u: " (20-byte header).
  it('shows the cooked header with -e on "any"', () => {
    expect(formatFrames([echo('eth0', 'outgoing', 0)], { numeric: true, linkHeader: true, cooked: true })).toContain(
      ' eth0  Out ifindex 3 02:42:ac:11:00:02 ethertype IPv4 (0x0800), length 104: 172.17.0.2 > 172.17.0.3: ICMP',
    );
  });
});
