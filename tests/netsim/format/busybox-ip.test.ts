import { describe, expect, it } from 'vitest';
import type { AddressRecord, LinkRecord, RouteRecord } from '../../../src/netsim/kernel/dump';
import { formatIpAddr, formatIpLink } from '../../../src/netsim/format/ip-link';
import { formatBusyboxIpRoute } from '../../../src/netsim/format/ip-route';
import { readGolden } from '../golden';
import { ZERO_STATS } from '../../../src/netsim/kernel/link-stats';

const GLIBC = { kind: 'busybox', operState: false } as const;

const address = (
  family: 'inet' | 'inet6',
  cidr: string,
  scope: AddressRecord['scope'],
  label: string,
  protocol?: AddressRecord['protocol'],
): AddressRecord => ({ family, cidr, broadcast: undefined, scope, label, protocol });
const link = (fields: Partial<LinkRecord> & Pick<LinkRecord, 'index' | 'name' | 'mac' | 'addresses'>): LinkRecord => ({
  linkSuffix: undefined,
  linkNetnsId: undefined,
  linkNetns: undefined,
  kind: 'veth',
  flags: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'],
  mtu: 1500,
  qdisc: 'noqueue',
  master: undefined,
  slaveKind: undefined,
  operState: 'UP',
  linkType: 'ether',
  broadcastMac: 'ff:ff:ff:ff:ff:ff',
  txqlen: 1000,
  stats: ZERO_STATS,
  carrierChanges: 2,
  ...fields,
});

/** The namespace of golden/tools/capture.sh: lo, and a veth pair eth0/peer0 both inside it. */
const CAPTURED: LinkRecord[] = [
  link({
    index: 1,
    name: 'lo',
    kind: 'loopback',
    flags: ['LOOPBACK', 'UP', 'LOWER_UP'],
    mtu: 65536,
    operState: 'UNKNOWN',
    linkType: 'loopback',
    mac: '00:00:00:00:00:00',
    broadcastMac: '00:00:00:00:00:00',
    addresses: [address('inet', '127.0.0.1/8', 'host', 'lo'), address('inet6', '::1/128', 'host', 'lo', 'kernel_lo')],
  }),
  link({
    index: 2,
    name: 'peer0',
    linkSuffix: 'eth0',
    mac: 'e2:f0:a7:92:00:dd',
    addresses: [address('inet6', 'fe80::e0f0:a7ff:fe92:dd/64', 'link', 'peer0', 'kernel_ll')],
  }),
  link({
    index: 3,
    name: 'eth0',
    linkSuffix: 'peer0',
    mac: '36:86:58:de:46:0e',
    addresses: [
      address('inet', '172.17.0.2/16', 'global', 'eth0'),
      address('inet6', 'fe80::3486:58ff:fede:460e/64', 'link', 'eth0', 'kernel_ll'),
    ],
  }),
];

// The capture ran while the fresh link-local addresses were still in DAD, which the
// model does not keep: their `tentative ` flag is the one thing taken out.
const afterDad = (text: string) => text.replaceAll('scope link tentative ', 'scope link ');

describe("BusyBox's ip printer (glibc build, as Debian's busybox and the busybox image)", () => {
  it('prints ip a as the capture shows: no state, group nor proto, qlen ending the line', () => {
    expect(formatIpAddr(CAPTURED, { dialect: GLIBC })).toBe(afterDad(readGolden('tools/busybox-ip-a.txt').stdout));
  });

  it('prints ip route without proto, with the double space before src', () => {
    const routes: RouteRecord[] = [
      {
        destination: 'default',
        gateway: '172.17.0.1',
        device: 'eth0',
        protocol: 'boot',
        scope: 'global',
        source: undefined,
        metric: undefined,
        linkDown: false,
      },
      {
        destination: '172.17.0.0/16',
        gateway: undefined,
        device: 'eth0',
        protocol: 'kernel',
        scope: 'link',
        source: '172.17.0.2',
        metric: undefined,
        linkDown: false,
      },
    ];
    expect(formatBusyboxIpRoute(routes)).toBe(readGolden('tools/busybox-ip-route.txt').stdout);
  });

  it('prints ip link with the same first line and no link-netnsid', () => {
    expect(formatIpLink(CAPTURED.slice(0, 1), GLIBC)).toBe(
      '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue qlen 1000\n    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n',
    );
  });
});
