import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stepsOf } from '../golden';
import { Host } from '../../../src/netsim/index';

/**
 * BusyBox's `ip neigh` against golden/linux/session.counters.txt (BusyBox 1.35,
 * Debian's build, in namespace c1b after it pinged its gateway): the same line
 * from an Alpine container that pinged its gateway, docker0's MAC being the
 * simulated host's.
 */
const transcript = readFileSync(resolve(import.meta.dirname, '../golden/linux/session.counters.txt'), 'utf8');
const captured = (command: string) => stepsOf(transcript).find((step) => step.command === command)!.output;

describe("BusyBox's ip neigh", () => {
  const host = Host.create();
  expect(host.run('docker run -dit --name shell alpine').exitCode).toBe(0);
  const gatewayMac = /link\/ether (\S+)/.exec(host.run('ip link show docker0').stdout)![1]!;
  const withGateway = (text: string) => text.replace('02:42:6f:1c:3a:01', gatewayMac);

  it('lists the entry ARP resolved, with its cache information', () => {
    // At once after the ping, as in the capture: the entry was confirmed 0 s ago.
    expect(host.run("docker exec shell sh -c 'ping -c1 -W1 172.17.0.1 >/dev/null; ip neigh'").stdout).toBe(
      withGateway(captured('ip netns exec c1b busybox ip neigh')),
    );
  });

  it('leaves the device out when it filters by it', () => {
    expect(
      host.run("docker exec shell sh -c 'ping -c1 -W1 172.17.0.1 >/dev/null; ip neigh show dev eth0'").stdout,
    ).toBe(withGateway(captured('ip netns exec c1b busybox ip neigh show dev eth0')));
  });

  it('counts the seconds since the entry was confirmed', () => {
    const ages = (text: string) => Number(/ used (\d+)\//.exec(text)![1]);
    const before = ages(host.run('docker exec shell ip neigh').stdout);
    host.run('sleep 7');
    expect(ages(host.run('docker exec shell ip neigh').stdout)).toBeGreaterThanOrEqual(before + 7);
  });

  it("names a device it cannot find as BusyBox's ll_map does", () => {
    expect(host.run('docker exec shell ip neigh show dev nosuch')).toMatchObject({
      stderr: "ip: can't find device 'nosuch'\n",
      exitCode: 1,
    });
  });
});
