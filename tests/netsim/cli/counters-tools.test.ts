import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepsOf } from '../golden';
import { countersLab } from '../counters-lab';
import { Host } from '../../../src/netsim/index';

/**
 * The tools besides ip that read links' counters, against part 2 of
 * golden/linux/session.counters.txt (net-tools 2.10, Linux's /proc and sysfs):
 * the capture's namespaces lab2 and c1b are "lab" and "c1" here. The capture's
 * docker0 also sent one IGMPv3 report that crossed the veth to c1 (see
 * ip-output.test.ts), which netsim does not send: those counts are taken out.
 */
const transcript = readFileSync(resolve(import.meta.dirname, '../golden/linux/session.counters.txt'), 'utf8');
const captured = (command: string) => stepsOf(transcript).find((step) => step.command === command)!.output;

describe('netstat -i, ifconfig, /proc/net/dev and sysfs statistics', () => {
  const host = countersLab();
  host.run('sudo apt-get install -y net-tools');

  it('netstat -i on the host side lists the links that are up, with their counters and flags', () => {
    const expected = captured('ip netns exec lab2 netstat -i')
      .replace(
        'docker0          1500        4      0      0 0             5      0      1      0 BMRU',
        'docker0          1500        4      0      0 0             4      0      0      0 BMRU',
      )
      .replace(
        'veth1a2b3c4      1500        4      0      0 0             5      0      0      0 BMRU',
        'veth1a2b3c4      1500        4      0      0 0             4      0      0      0 BMRU',
      );
    expect(host.run('sudo ip netns exec lab netstat -i').stdout).toBe(expected);
  });

  it('netstat -i in the container', () => {
    const expected = captured('ip netns exec c1b netstat -i').replace(
      'eth0             1500        5      0',
      'eth0             1500        4      0',
    );
    expect(host.run('sudo ip netns exec c1 netstat -i').stdout).toBe(expected);
  });

  it('ifconfig prints the counters of /proc/net/dev', () => {
    const expected = captured('ip netns exec c1b ifconfig eth0').replace(
      'RX packets 5  bytes 390 (390.0 B)',
      'RX packets 4  bytes 336 (336.0 B)',
    );
    // The capture's c1b had IPv6 disabled before its eth0 existed; netsim's c1 keeps its link-local address.
    const received = host.run('sudo ip netns exec c1 ifconfig eth0').stdout.replace(/^ +inet6 .*\n/m, '');
    expect(received).toBe(expected);
  });
});

/**
 * /proc/net and /sys/class/net show the namespace of whoever reads them; netsim
 * gives a container its own (and the host its own: `ip netns exec` does not
 * remount them here), so these run in a container that pinged its own address,
 * which crosses lo as c1b's ping did in the capture.
 */
describe('a container reads its own /proc/net/dev and sysfs statistics', () => {
  const host = Host.create();
  for (const line of ['docker run -dit --name c1 busybox', 'docker exec c1 ping -c1 -W1 172.17.0.2'])
    expect(host.run(line).exitCode, line).toBe(0);

  it('/proc/net/dev: the header and lo as the kernel prints them', () => {
    const [header1, header2, lo] = captured('ip netns exec c1b cat /proc/net/dev').split('\n');
    const lines = host.run('docker exec c1 cat /proc/net/dev').stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([header1, header2, lo]);
    expect(lines[3]).toMatch(/^  eth0: +\d+ +\d+ +0 +0 +0 +0 +0 +0 +\d+ +\d+ +0 +0 +0 +0 +0 +0$/);
  });

  it("/proc/net/snmp: each section's names, then its values, in the kernel's order", () => {
    const expected = captured('ip netns exec c1b cat /proc/net/snmp').split('\n');
    const lines = host.run('docker exec c1 cat /proc/net/snmp').stdout.split('\n');
    // The names lines; IcmpMsg lists the ICMP types seen, here and there echo requests and replies.
    for (const index of [0, 2, 4, 6, 8, 10]) expect(lines[index]).toBe(expected[index]);
    expect(lines[1]).toMatch(/^Ip: 2 64 \d+ 0 0 0 0 0 \d+ \d+ 0 0 0 0 0 0 0 0 0 \d+$/);
    expect(lines[7]).toBe(expected[7]);
  });

  it('/sys/class/net/IF/statistics: a file a counter, as sysfs lists them', () => {
    expect(host.run('docker exec c1 ls -1 /sys/class/net/lo/statistics').stdout).toBe(
      captured('ip netns exec c1b ls /sys/class/net/eth0/statistics'),
    );
    expect(
      host.run('docker exec c1 cat /sys/class/net/lo/statistics/rx_packets /sys/class/net/lo/statistics/tx_bytes')
        .stdout,
    ).toBe('2\n168\n');
  });
});
