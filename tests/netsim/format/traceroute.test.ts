import { describe, expect, it } from 'vitest';
import { formatBusyboxTrace, formatButskoyTrace } from '../../../src/netsim/format/traceroute';
import { formatIpv4, parseIpv4 } from '../../../src/netsim/wire/ipv4';
import type { TraceHop } from '../../../src/netsim/userland/traceroute';

const ip = (text: string) => parseIpv4(text)!;
const hops: TraceHop[] = [
  {
    ttl: 1,
    probes: [
      { from: ip('172.17.0.1'), rttMs: 0.05, final: false },
      { from: ip('172.17.0.1'), rttMs: 0.012, final: false },
      { from: ip('172.17.0.1'), rttMs: 0.008, final: false },
    ],
  },
  { ttl: 2, probes: [undefined, undefined, undefined] },
  {
    ttl: 3,
    probes: [
      undefined,
      { from: ip('8.8.8.8'), rttMs: 12.5, final: true },
      { from: ip('8.8.8.8'), rttMs: 12.25, final: true },
    ],
  },
];
const numeric = (address: ReturnType<typeof ip>) => formatIpv4(address);
const named = (address: ReturnType<typeof ip>) => `${formatIpv4(address)} (${formatIpv4(address)})`;

describe('traceroute printers', () => {
  // traceroute.c (2.1.6) print_header, print_probe ("\n%2u ", " *", " %s (%s)", "  %.3f ms") and print_end.
  it("Butskoy's: one space before each star, the address once per hop unless it changes", () => {
    expect(
      formatButskoyTrace({ typed: '8.8.8.8', address: ip('8.8.8.8'), maxTtl: 30, packetLength: 60 }, hops, named),
    ).toBe(
      'traceroute to 8.8.8.8 (8.8.8.8), 30 hops max, 60 byte packets\n' +
        ' 1  172.17.0.1 (172.17.0.1)  0.050 ms  0.012 ms  0.008 ms\n' +
        ' 2  * * *\n' +
        ' 3  * 8.8.8.8 (8.8.8.8)  12.500 ms  12.250 ms\n',
    );
  });

  // networking/traceroute.c: "%2d", "  *", "  %s" (-n), "  %u.%03u ms", and lastaddr kept across hops.
  it("BusyBox's: two spaces before each star, -n addresses alone", () => {
    expect(
      formatBusyboxTrace({ typed: '8.8.8.8', address: ip('8.8.8.8'), maxTtl: 30, packetLength: 46 }, hops, numeric),
    ).toBe(
      'traceroute to 8.8.8.8 (8.8.8.8), 30 hops max, 46 byte packets\n' +
        ' 1  172.17.0.1  0.050 ms  0.012 ms  0.008 ms\n' +
        ' 2  *  *  *\n' +
        ' 3  *  8.8.8.8  12.500 ms  12.250 ms\n',
    );
  });
});
