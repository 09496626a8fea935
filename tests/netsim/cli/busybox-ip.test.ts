import { describe, expect, it } from 'vitest';
import { hostWithSeed } from '../host-fixtures';

const hostAfter = hostWithSeed(5);

// Layout of the printer: tests/netsim/format/busybox-ip.test.ts (real captures). Here: what a
// container's namespace holds, seen by Alpine's BusyBox (musl: with state) and the busybox
// image's (glibc: without). eth0's peer is on the host, so ll_index_to_flags finds it down: M-DOWN.
// Docker creates the veth with a zero queue length, so no qlen follows (print_queuelen skips 0).
describe('BusyBox ip inside containers', () => {
  const host = hostAfter('docker run -d --name a alpine sleep 1d', 'docker run -d --name b busybox sleep 1d');

  it('shows eth0@ifN with M-DOWN and state in Alpine', () => {
    const lines = host.run('docker exec a ip a').stdout.split('\n');
    expect(lines[0]).toBe('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN qlen 1000');
    expect(lines.find((line) => line.includes('eth0@'))).toMatch(
      /^\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue state UP $/,
    );
    expect(lines).toContain('    inet 172.17.0.2/16 brd 172.17.255.255 scope global eth0');
  });

  it('leaves state out in the busybox image, and filters by family and device', () => {
    const output = host.run('docker exec b ip -4 addr show dev eth0').stdout;
    expect(output).toMatch(
      /^\d+: eth0@if\d+: <BROADCAST,MULTICAST,UP,LOWER_UP,M-DOWN> mtu 1500 qdisc noqueue \n    inet 172\.17\.0\.3\/16 brd 172\.17\.255\.255 scope global eth0\n       valid_lft forever preferred_lft forever\n$/,
    );
  });

  it('marks an up link without carrier NO-CARRIER first, as print_link_flags does (UP and not RUNNING)', () => {
    const output = hostAfter().run('docker run --rm --network host alpine ip -4 addr show dev docker0').stdout;
    expect(output.split('\n')[0]).toBe(
      '3: docker0: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500 qdisc noqueue state DOWN ',
    );
  });

  it('lists the routes without proto', () => {
    expect(host.run('docker exec a ip route').stdout).toBe(
      'default via 172.17.0.1 dev eth0 \n172.17.0.0/16 dev eth0 scope link  src 172.17.0.2 \n',
    );
  });

  it('dies on an unknown device', () => {
    expect(host.run('docker exec a ip addr show dev eth9')).toMatchObject({
      stderr: "ip: can't find device 'eth9'\n",
      exitCode: 1,
    });
  });
});
