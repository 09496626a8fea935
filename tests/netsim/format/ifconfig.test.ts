import { describe, expect, it } from 'vitest';
import {
  formatBusyboxIfconfig,
  formatIfconfig,
  type IfconfigCounters,
  type IfconfigInterface,
} from '../../../src/netsim/format/ifconfig';
import { readGolden } from '../golden';

const counters = (rx: [number, number], tx: [number, number], txDropped = 0): IfconfigCounters => ({
  rxPackets: rx[0],
  rxBytes: rx[1],
  rxDropped: 0,
  txPackets: tx[0],
  txBytes: tx[1],
  txDropped,
});
const ethernet = ['UP', 'BROADCAST', 'RUNNING', 'MULTICAST'] as const;

// The interfaces of the captures (golden/tools/capture.sh): a veth pair, eth0 with 172.17.0.2/16
// added without a broadcast address, lo; MACs and counters as captured.
const eth0: IfconfigInterface = {
  name: 'eth0',
  flags: ethernet,
  mtu: 1500,
  loopback: false,
  mac: '36:86:58:de:46:0e',
  txqueuelen: 1000,
  inet: { address: '172.17.0.2', netmask: '255.255.0.0', broadcast: '0.0.0.0' },
  inet6: [{ address: 'fe80::3486:58ff:fede:460e', prefix: 64, scope: 'link' }],
  counters: counters([3, 266], [3, 266]),
};
const lo: IfconfigInterface = {
  name: 'lo',
  flags: ['UP', 'LOOPBACK', 'RUNNING'],
  mtu: 65536,
  loopback: true,
  mac: '00:00:00:00:00:00',
  txqueuelen: 1000,
  inet: { address: '127.0.0.1', netmask: '255.0.0.0', broadcast: '0.0.0.0' },
  inet6: [{ address: '::1', prefix: 128, scope: 'host' }],
  counters: counters([0, 0], [0, 0]),
};
const peer0: IfconfigInterface = {
  ...eth0,
  name: 'peer0',
  mac: 'e2:f0:a7:92:00:dd',
  inet: undefined,
  inet6: [{ address: 'fe80::e0f0:a7ff:fe92:dd', prefix: 64, scope: 'link' }],
};

// The second capture: a bridge that lost its carrier when its last port left, and a veth pair that is down.
const br0: IfconfigInterface = {
  name: 'br0',
  flags: ['UP', 'BROADCAST', 'MULTICAST'],
  mtu: 1500,
  loopback: false,
  mac: '3a:5e:9b:20:8c:01',
  txqueuelen: 1000,
  inet: { address: '172.18.0.1', netmask: '255.255.0.0', broadcast: '172.18.255.255' },
  inet6: [],
  counters: counters([0, 0], [0, 0], 2),
};
const down = (name: string, mac: string): IfconfigInterface => ({
  name,
  flags: ['BROADCAST', 'MULTICAST'],
  mtu: 1500,
  loopback: false,
  mac,
  txqueuelen: 1000,
  inet: undefined,
  inet6: [],
  counters: counters([0, 0], [0, 0]),
});

/** The interfaces of ifconfig-a.txt, with its MACs and counters. */
function secondCapture(): IfconfigInterface[] {
  return [
    br0,
    {
      ...eth0,
      mac: 'be:91:f7:5e:86:fd',
      inet6: [{ address: 'fe80::bc91:f7ff:fe5e:86fd', prefix: 64, scope: 'link' }],
      counters: counters([6, 516], [6, 516]),
    },
    { ...lo, counters: counters([4, 276], [4, 276]) },
    {
      ...peer0,
      mac: '0e:0b:6c:7e:a5:a3',
      inet6: [{ address: 'fe80::c0b:6cff:fe7e:a5a3', prefix: 64, scope: 'link' }],
      counters: counters([6, 516], [6, 516]),
    },
    down('veth1', '3a:5e:9b:20:8c:02'),
    down('veth2', '3a:5e:9b:20:8c:03'),
  ];
}

describe('the net-tools ifconfig printer', () => {
  it('prints ifconfig as net-tools does', () => {
    expect([eth0, lo, peer0].map(formatIfconfig).join('')).toBe(readGolden('tools/ifconfig.txt').stdout);
  });

  it('prints a bridge with no carrier (not RUNNING, no link-local address) and links that are down', () => {
    expect(formatIfconfig(br0)).toBe(readGolden('tools/ifconfig-br0.txt').stdout);
    const golden = readGolden('tools/ifconfig-veth1.txt').stdout;
    expect(formatIfconfig(down('veth1', golden.split('ether ')[1]!.slice(0, 17)))).toBe(golden);
  });

  it('prints ifconfig -a', () => {
    const golden = readGolden('tools/ifconfig-a.txt').stdout;
    expect(
      secondCapture()
        .map((iface) => withCaptured(iface, golden))
        .map(formatIfconfig)
        .join(''),
    ).toBe(golden);
  });

  it('scales bytes as ife_unit does: a unit only above 1024 of it, one truncated decimal', () => {
    const line = (bytes: number) => formatIfconfig({ ...lo, counters: counters([1, bytes], [0, 0]) }).split('\n')[4];
    expect(line(1024)).toBe('        RX packets 1  bytes 1024 (1024.0 B)');
    expect(line(1536)).toBe('        RX packets 1  bytes 1536 (1.5 KiB)');
    expect(line(5 * 2 ** 20 + 1)).toBe('        RX packets 1  bytes 5242881 (5.0 MiB)');
  });
});

describe('the BusyBox ifconfig printer', () => {
  it('prints ifconfig as BusyBox does', () => {
    expect([eth0, lo, peer0].map(formatBusyboxIfconfig).join('')).toBe(readGolden('tools/busybox-ifconfig.txt').stdout);
  });

  it('prints ifconfig -a', () => {
    const golden = readGolden('tools/busybox-ifconfig-a.txt').stdout;
    const interfaces = secondCapture().map((iface) => withCaptured(iface, golden, true));
    expect(interfaces.map(formatBusyboxIfconfig).join('')).toBe(golden);
  });

  it('scales bytes as print_bytes_scaled does: from 1024 on', () => {
    const line = (bytes: number) =>
      formatBusyboxIfconfig({ ...lo, counters: counters([1, bytes], [0, 0]) }).split('\n')[7];
    expect(line(1024)).toBe('          RX bytes:1024 (1.0 KiB)  TX bytes:0 (0.0 B)');
    expect(line(1536)).toBe('          RX bytes:1536 (1.5 KiB)  TX bytes:0 (0.0 B)');
  });
});

/** The MAC, IPv6 link-local address and counters a capture gives each interface (they change from run to run). */
function withCaptured(iface: IfconfigInterface, golden: string, busybox = false): IfconfigInterface {
  const block = golden.split('\n\n').find((text) => text.startsWith(busybox ? `${iface.name} ` : `${iface.name}:`))!;
  const numbers = (pattern: RegExp) => [...block.matchAll(pattern)].map((match) => Number(match[1]));
  const mac = (busybox ? /HWaddr (\S+)/ : /ether (\S+)/).exec(block)?.[1]?.toLowerCase() ?? iface.mac;
  const link = (busybox ? /inet6 addr: (fe80::\S+)\/64/ : /inet6 (fe80::\S+)/).exec(block)?.[1];
  const [rxPackets = 0, txPackets = 0] = numbers(busybox ? /X packets:(\d+)/g : /X packets (\d+)/g);
  const [rxBytes = 0, txBytes = 0] = numbers(busybox ? /X bytes:(\d+)/g : /bytes (\d+)/g);
  const [rxDropped = 0, txDropped = 0] = numbers(busybox ? /dropped:(\d+)/g : /dropped (\d+)/g);
  return {
    ...iface,
    mac,
    inet6: link ? [{ address: link, prefix: 64, scope: 'link' }] : iface.inet6,
    counters: { rxPackets, rxBytes, rxDropped, txPackets, txBytes, txDropped },
  };
}
