import { describe, expect, it } from 'vitest';
import { Datapath } from '../../../src/netsim/kernel/datapath';
import type { Kernel } from '../../../src/netsim/kernel/kernel';
import type { Host } from '../../../src/netsim/index';
import { DEBIAN_DOCKER_HOST } from '../../../src/netsim/profile';
import { parseIpv4 } from '../../../src/netsim/wire/ipv4';
import { replyTo, type Packet } from '../../../src/netsim/wire/packet';
import { worldOf } from '../../../src/netsim/world';
import { readGolden } from '../golden';
import { capturedLayout } from '../traffic-fixtures';

/**
 * A client on the LAN (the capture's router, 192.168.1.1) fetching
 * http://192.168.1.10:8080/ with curl 7.88.1 from the capture's tiny HTTP/1.0
 * server: an 81-byte request, an 87-byte response. No command can play another
 * machine, so this drives the datapath directly, segment by segment.
 */
function lanClientFetch(host: Host): void {
  const kernel = (host as unknown as { parts: { kernel: Kernel } }).parts.kernel;
  const datapath = new Datapath(kernel, worldOf({ ...DEBIAN_DOCKER_HOST, internet: false }), 0);
  const syn: Packet = {
    protocol: 'tcp',
    tcp: 'syn',
    source: parseIpv4('192.168.1.1')!,
    destination: parseIpv4('192.168.1.10')!,
    sourcePort: 41234,
    destinationPort: 8080,
    length: 60,
    ttl: 64,
  };
  const arrived = datapath.fromWorld(syn);
  if (arrived.kind !== 'local') throw new Error(`the SYN did not reach c1: ${arrived.kind}`);
  const fromServer = (length: number) => datapath.send(arrived.namespace, replyTo(arrived.packet, { length }));
  const fromClient = (length: number) => datapath.fromWorld({ ...syn, length });
  fromServer(60);
  fromClient(52);
  fromClient(52 + 81);
  fromServer(52 + 87);
  fromServer(52);
  fromClient(52);
  fromClient(52);
  fromClient(52);
  fromServer(52);
}

const rulesOf = (save: string, bridge: string) =>
  save
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n')
    .replaceAll(bridge, 'br-NET1');

/** The pings and connections capture.sh made, in its order, before it read counters and ARP caches. */
function replayCapturedTraffic() {
  const layout = capturedLayout();
  const { host, inside } = layout;
  const traffic: [string, string][] = [
    ['c1', 'ping -c 2 -W 1 172.17.0.3'],
    ['c1', 'ping -c 1 -W 1 172.17.0.99'],
    ['c1', 'ping -c 3 172.17.0.99'],
    ['c1', 'ping -c 1 -W 1 172.17.0.1'],
    ['c1', 'ping -c 2 -W 1 192.168.1.1'],
    ['c1', 'ping -c 1 -W 1 8.8.8.8'],
    ['c3', 'ping -c 1 -W 1 172.17.0.2'],
    ['host', 'ping -c 1 -W 1 172.17.0.2'],
    ['host', 'curl -s --max-time 2 http://172.17.0.2/'],
    ['host', 'curl -si --max-time 2 http://172.17.0.2/'],
    ['host', 'curl -s --max-time 2 http://192.168.1.10:8080/'],
    ['host', 'curl -s --max-time 2 http://localhost:8080/'],
  ];
  for (const [where, command] of traffic) where === 'host' ? host.run(`sudo ${command}`) : inside(where, command);
  lanClientFetch(host);
  for (const command of [
    'curl -s --max-time 2 http://172.17.0.2:81/',
    'curl -sS --max-time 2 http://172.17.0.2:81/',
    'curl --max-time 2 http://172.17.0.2:81/',
    'curl --max-time 2 http://172.17.0.2:81/',
    'curl -sS --max-time 2 http://172.17.0.99/',
  ]) {
    host.run(`sudo ${command}`);
  }
  inside('c3', 'curl -sS --max-time 2 http://172.17.0.2/');
  inside('c1', 'curl -sS --max-time 2 http://192.168.1.1/');
  return layout;
}

describe('iptables counters after real traffic', () => {
  it('match the capture taken after the same pings and connections (golden/linux/capture.sh)', () => {
    const { host } = replayCapturedTraffic();
    const bridge = /br-[0-9a-f]{12}/.exec(host.run('ip -br link').stdout)![0];
    const golden = readGolden('linux/host.iptables-save-c.after-traffic.txt');
    expect(rulesOf(host.run('sudo iptables-save -c').stdout, bridge)).toBe(rulesOf(golden.stdout, 'br-5f2b9c7a1e3d'));
  });
});

/**
 * The kernel lists neighbours in hash-bucket order, which depends on a per-boot
 * random key: compare the entries, not their order. MACs are random on both sides.
 */
const neighbourSet = (text: string, bridge: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(/lladdr \S+/, 'lladdr MAC').replaceAll(bridge, 'br-NET1'))
    .sort();

describe('ARP caches after real traffic', () => {
  it.each(['host', 'c1'])('%s has the entries of the capture, in the same states', (where) => {
    const { host, inside } = replayCapturedTraffic();
    const bridge = /br-[0-9a-f]{12}/.exec(host.run('ip -br link').stdout)![0];
    const golden = readGolden(`linux/${where}.ip-neigh.after-traffic.txt`);
    const actual = where === 'host' ? host.run('ip neigh').stdout : inside(where, 'ip neigh').stdout;
    expect(neighbourSet(actual, bridge)).toEqual(neighbourSet(golden.stdout, 'br-5f2b9c7a1e3d'));
  });
});
